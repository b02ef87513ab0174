import { readFileSync, writeFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { decodeBytes } from "../src/sources/decode.ts";
const [inp, out] = process.argv.slice(2);
const rows = readFileSync(inp!, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const res: string[] = [];
for (const r of rows) {
  const html = decodeBytes(readFileSync(r.file)).text;
  const { document } = parseHTML(html);
  let body = "";
  try { const a = new Readability(document as any).parse(); body = (a?.textContent ?? "").replace(/\n\s*\n/g, "\n\n"); } catch {}
  res.push(JSON.stringify({ id: r.id, body }));
}
writeFileSync(out!, res.join("\n") + "\n");
