// Runs the article-metadata stage over an eval input (see /work/shared/eval/make-input.mjs) and writes the rows
// score.mjs reads. Measures time per document, excluding file reads.
//   node --import tsx packages/ingest/scripts/eval-article.ts IN/input.jsonl OUT/pred.jsonl
import { readFileSync, writeFileSync } from "node:fs";
import { extractArticle } from "../src/extract/article.ts";
import type { RawDocument } from "../src/extract/types.ts";
import { decodeBytes } from "../src/sources/decode.ts";

const [inputPath, outPath] = process.argv.slice(2);
if (!inputPath || !outPath) {
  console.error("usage: eval-article.ts INPUT.jsonl PRED.jsonl");
  process.exit(2);
}

interface InputRow {
  id: string;
  text?: string;
  html?: string;
  file?: string;
  url?: string;
  title?: string;
  publishedAt?: string;
  outlet?: string;
}

const rows = readFileSync(inputPath, "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as InputRow);

const docs: RawDocument[] = rows.map((r) => {
  const isHtml = Boolean(r.html ?? r.file);
  const content = r.text ?? r.html ?? decodeBytes(readFileSync(r.file as string), { filename: r.file }).text;
  return {
    id: r.id,
    format: isHtml ? "html" : "text",
    content,
    url: r.url ?? null,
    meta: { title: r.title ?? null, publishedAt: r.publishedAt ?? null, outlet: r.outlet ?? null },
    inputKind: isHtml ? "HTML" : "TEXT",
    origin: r.file ?? r.id,
  };
});

const timings: { id: string; ms: number }[] = [];
const out: string[] = [];
const started = performance.now();
for (const doc of docs) {
  const t0 = performance.now();
  const a = extractArticle(doc);
  timings.push({ id: doc.id, ms: performance.now() - t0 });
  out.push(
    JSON.stringify({
      id: doc.id,
      title: a.title,
      body: a.body,
      authors: a.authors,
      outlet: a.outlet?.name ?? null,
      publishedAt: a.published?.value ?? null,
      publishedAtSource: a.published ? a.published.source.toLowerCase() : null,
    }),
  );
}
const total = performance.now() - started;
writeFileSync(outPath, `${out.join("\n")}\n`);
timings.sort((a, b) => b.ms - a.ms);
console.error(
  `${docs.length} docs, ${(total / docs.length).toFixed(2)} ms/doc; slowest: ${timings
    .slice(0, 3)
    .map((t) => `${t.id} ${t.ms.toFixed(0)}ms`)
    .join(", ")}`,
);
