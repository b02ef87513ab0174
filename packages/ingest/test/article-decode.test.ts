import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../src/sources/decode.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => new Uint8Array(iconv.encode(s, "windows-1252"));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe("decodeBytes", () => {
  it("strips a UTF-8 BOM", () => {
    const r = decodeBytes(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8("Café “quoted”")));
    expect(r).toEqual({ text: "Café “quoted”", encoding: "utf-8" });
  });

  it("reads UTF-16 with a BOM, and without one", () => {
    const le = new Uint8Array(iconv.encode("Grüße aus Köln", "utf-16le"));
    expect(decodeBytes(concat(new Uint8Array([0xff, 0xfe]), le))).toEqual({ text: "Grüße aus Köln", encoding: "utf-16le" });
    expect(decodeBytes(le)).toEqual({ text: "Grüße aus Köln", encoding: "utf-16le" });
  });

  it("falls back to windows-1252 for bytes that are not UTF-8, curly quotes included", () => {
    const r = decodeBytes(cp1252("He said “café” – twice."));
    expect(r).toEqual({ text: "He said “café” – twice.", encoding: "windows-1252" });
  });

  it("keeps UTF-8 with one stray byte as UTF-8", () => {
    const bytes = concat(utf8("Ελληνικά και Русский текст, много слов ".repeat(5)), new Uint8Array([0xe9]));
    expect(decodeBytes(bytes).encoding).toBe("utf-8");
  });

  it("honours <meta charset> and http-equiv declarations", () => {
    const head = '<html><head><meta charset="windows-1251"></head><body>';
    const r = decodeBytes(concat(utf8(head), new Uint8Array(iconv.encode("Привет", "windows-1251")), utf8("</body></html>")));
    expect(r.encoding).toBe("windows-1251");
    expect(r.text).toContain("<body>Привет</body>");

    const equiv = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">';
    const latin = decodeBytes(concat(utf8(equiv), cp1252("<p>Straße “x”</p>")));
    expect(latin).toEqual({ text: `${equiv}<p>Straße “x”</p>`, encoding: "windows-1252" });
  });

  it("lets the HTTP charset beat the document's declaration", () => {
    const bytes = concat(utf8('<meta charset="utf-8">'), new Uint8Array(iconv.encode("Żółć", "iso-8859-2")));
    expect(decodeBytes(bytes, { contentType: "text/html; charset=ISO-8859-2" })).toEqual({
      text: '<meta charset="utf-8">Żółć',
      encoding: "iso-8859-2",
    });
  });

  it("ignores a latin-1 label on bytes that are valid multi-byte UTF-8", () => {
    const bytes = utf8('<meta charset="iso-8859-1"><p>naïve café</p>');
    expect(decodeBytes(bytes)).toEqual({ text: '<meta charset="iso-8859-1"><p>naïve café</p>', encoding: "utf-8" });
  });

  it("refuses binary input with a clear message (the InputError carrying it names the file, once)", () => {
    expect(() => decodeBytes(new Uint8Array([0x41, 0x42, 0x00, 0x01, 0x02, 0x43]), { filename: "x.bin" })).toThrow(
      /^binary file, not text/,
    );
    expect(() => decodeBytes(utf8("%PDF-1.7\n%âãÏÓ"))).toThrow(/binary file, not text \(looks like a PDF\)/);
    expect(() => decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toThrow(/PNG/);
  });

  it("decodes empty input to an empty string", () => {
    expect(decodeBytes(new Uint8Array())).toEqual({ text: "", encoding: "utf-8" });
  });
});
