// Bytes -> string for every input that arrives as bytes (files, HTTP bodies, stdin).
// Order follows the HTML spec (BOM, then transport, then in-document declaration), with two real-world
// corrections: a legacy single-byte label on bytes that are valid multi-byte UTF-8 is a lie we ignore, and
// undeclared bytes that are not valid UTF-8 are almost always windows-1252.
import iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  /** Canonical lower-case label of the encoding used, e.g. "utf-8", "windows-1252". */
  encoding: string;
}

export interface DecodeOptions {
  /** The HTTP Content-Type header, if the bytes came over HTTP. */
  contentType?: string | null;
  /** Used only to word error messages. */
  filename?: string;
}

const SNIFF_BYTES = 4096;
// Heads stuffed with scripts push <meta charset> well past the 1 KB the spec scans; browsers look further too.
const MARKUP_SNIFF_BYTES = 16_384;

// Signatures of formats people point the tool at by mistake; named so the error says what the file is.
const MAGIC: { name: string; bytes: number[] }[] = [
  { name: "PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: "PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "ZIP archive (or DOCX/XLSX)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "gzip archive", bytes: [0x1f, 0x8b] },
  { name: "WebP/RIFF file", bytes: [0x52, 0x49, 0x46, 0x46] },
  { name: "OLE document (DOC/XLS)", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

// WHATWG maps these labels to windows-1252; browsers decode 0x80-0x9F as curly quotes and dashes, so must we.
const WINDOWS_1252_LABELS = new Set([
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "latin-1",
  "l1",
  "us-ascii",
  "ascii",
  "cp1252",
  "windows-1252",
  "x-cp1252",
  "iso_8859-1",
  "cp819",
  "ibm819",
]);

const utf8Fatal = new TextDecoder("utf-8", { fatal: true });
const utf8Lenient = new TextDecoder("utf-8");

export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  const utf16 = bomlessUtf16(bytes);
  if (utf16) return { text: decodeAs(bytes, utf16), encoding: utf16 };

  assertText(bytes, opts.filename);

  const declared = canonicalLabel(charsetFromContentType(opts.contentType)) ?? canonicalLabel(charsetFromMarkup(bytes));
  let strict: string | null = null;
  try {
    strict = utf8Fatal.decode(bytes);
  } catch {
    // Not strictly UTF-8; mostlyUtf8 decides below whether it is UTF-8 with a few bad bytes.
  }
  // ASCII decodes one char per byte, so a shorter string means real multi-byte sequences were there.
  const multibyteUtf8 = strict !== null ? strict.length !== bytes.length : mostlyUtf8(bytes);

  if (declared && declared !== "utf-8") {
    // Pages re-encoded to UTF-8 by a CMS often keep their old latin-1 meta tag.
    if (declared === "windows-1252" && multibyteUtf8) return { text: strict ?? utf8Lenient.decode(bytes), encoding: "utf-8" };
    return { text: decodeAs(bytes, declared), encoding: declared };
  }
  if (strict !== null) return { text: strict, encoding: "utf-8" };
  if (multibyteUtf8) return { text: utf8Lenient.decode(bytes), encoding: "utf-8" };
  return { text: decodeAs(bytes, "windows-1252"), encoding: "windows-1252" };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

// UTF-16 without a BOM is ASCII-heavy text with every other byte zero; without this it reads as binary.
function bomlessUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (n < 8) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > pairs * 0.7 && zeroEven < pairs * 0.05) return "utf-16le";
  if (zeroEven > pairs * 0.7 && zeroOdd < pairs * 0.05) return "utf-16be";
  return null;
}

// The input's name is not repeated here: the InputError that carries this message already names it.
function assertText(bytes: Uint8Array, _filename?: string): void {
  for (const { name, bytes: sig } of MAGIC) {
    if (sig.every((b, i) => bytes[i] === b)) throw new Error(`binary file, not text (looks like a ${name})`);
  }
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) throw new Error(`binary file, not text (contains NUL bytes)`);
    // Tab, LF, FF, CR and ESC turn up in real text; other C0 controls do not.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  if (n > 0 && control / n > 0.1) throw new Error(`binary file, not text (${control} control bytes in the first ${n})`);
}

// A UTF-8 page with a stray latin-1 byte or a truncated tail is still UTF-8: count well-formed sequences
// against broken ones rather than giving up on the first error.
function mostlyUtf8(bytes: Uint8Array): boolean {
  let good = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : -1;
    let ok = need > 0 && i + need < bytes.length + 1;
    for (let k = 1; ok && k <= need; k++) ok = ((bytes[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) {
      good++;
      i += need + 1;
    } else {
      bad++;
      i++;
    }
  }
  return good > bad * 4;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return utf8Lenient.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m?.[1] ?? null;
}

// Reads the first bytes as latin-1 (every byte a char) so the scan works whatever the real encoding.
function charsetFromMarkup(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, MARKUP_SNIFF_BYTES)).toString("latin1");
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  if (xml) return xml[1] ?? null;
  for (const meta of head.matchAll(/<meta\b[^>]*>/gi)) {
    const tag = meta[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (
      direct &&
      (/\bhttp-equiv\s*=\s*["']?content-type/i.test(tag) || /^<meta\s+charset/i.test(tag) || /\scharset\s*=/i.test(tag))
    ) {
      return direct[1] ?? null;
    }
  }
  return null;
}

function canonicalLabel(label: string | null): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (l === "utf8" || l === "utf-8" || l === "unicode-1-1-utf-8") return "utf-8";
  if (WINDOWS_1252_LABELS.has(l)) return "windows-1252";
  // A UTF-16 label on bytes that had no BOM and no zero pattern is wrong; the bytes are ASCII-compatible.
  if (l.startsWith("utf-16") || l === "unicode") return null;
  return iconv.encodingExists(l) ? l : null;
}
