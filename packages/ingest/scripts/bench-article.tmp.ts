import { readFileSync } from "node:fs";
import { extractArticle } from "../src/extract/article.ts";
import { decodeBytes } from "../src/sources/decode.ts";
import type { RawDocument } from "../src/extract/types.ts";
const rows = readFileSync("/tmp/art/pages/input.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const html: RawDocument[] = rows.map((r) => ({ id: r.id, format: "html", content: decodeBytes(readFileSync(r.file)).text, url: r.url, meta: {}, inputKind: "HTML", origin: r.id }));
const q = readFileSync("/work/shared/eval/quotes/dev.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l).text as string);
const texts: RawDocument[] = [];
for (let i = 0; i < 1000; i++) { let t = q[i % q.length]!; while (t.length < 4096) t += "\n\n" + q[(i + 7) % q.length]; texts.push({ id: String(i), format: "text", content: t.slice(0, 4096), meta: {}, inputKind: "TEXT", origin: String(i) }); }
const bytes = html.reduce((n, d) => n + d.content.length, 0);
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (const d of html) extractArticle(d);
  const h = (performance.now() - t) / html.length;
  t = performance.now();
  for (const d of texts) extractArticle(d);
  const x = (performance.now() - t) / texts.length;
  console.log(`round ${round}: html ${h.toFixed(2)} ms/page (${(1000 / h).toFixed(0)}/s, avg ${(bytes / html.length / 1024).toFixed(0)} KB), text ${x.toFixed(3)} ms/article (${(1000 / x).toFixed(0)}/s)`);
}
