// Ingest throughput: text articles and HTML pages through the real pipeline (runIngest over a directory)
// against a raw COPY of the same files, the extraction-only share, peak memory at two corpus sizes, and the
// cost of quotes + entities (analyzeText) per article.
import { fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeText } from "../packages/ingest/src/extract/analyze.ts";
import { article, htmlPage, textFile } from "./corpus/prose.ts";
import type { ExtractResult, IngestResult } from "./ingest-worker.ts";
import { formatCount, log, runStart } from "./lib/log.ts";
import type { Figure } from "./lib/report.ts";
import { median, now, percentile } from "./lib/stats.ts";

export interface IngestOptions {
  textArticles: number;
  htmlPages: number;
}

function worker<T>(args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./ingest-worker.ts", import.meta.url)), [...args, `--t0=${runStart()}`], {
      execArgv: ["--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: T | undefined;
    child.on("message", (message) => {
      result = message as T;
    });
    child.on("exit", (code) =>
      result !== undefined ? resolve(result) : reject(new Error(`ingest worker ${args[0]} exited with code ${code}`)),
    );
  });
}

function writeCorpus(root: string, options: IngestOptions) {
  const text = join(root, "text");
  const html = join(root, "html");
  mkdirSync(text);
  mkdirSync(html);
  let textBytes = 0;
  let htmlBytes = 0;
  for (let i = 0; i < options.textArticles; i++) {
    const content = textFile(article(i));
    textBytes += Buffer.byteLength(content);
    writeFileSync(join(text, `${String(i).padStart(6, "0")}.txt`), content);
  }
  // Pages use other article numbers than the text files, so the two corpora never share content.
  for (let i = 0; i < options.htmlPages; i++) {
    const content = htmlPage(article(1_000_000 + i));
    htmlBytes += Buffer.byteLength(content);
    writeFileSync(join(html, `${String(i).padStart(6, "0")}.html`), content);
  }
  return { text, html, textKb: textBytes / options.textArticles / 1024, htmlKb: htmlBytes / options.htmlPages / 1024 };
}

/** analyzeText per article, against one regex word scan over the same text (the least any analysis does). */
function analyzeCost(count: number) {
  const bodies = Array.from({ length: count }, (_, i) => article(i).paragraphs.join("\n\n"));
  const kb = bodies.reduce((a, b) => a + Buffer.byteLength(b), 0) / count / 1024;
  for (const body of bodies.slice(0, 200)) analyzeText(body, { publishedAt: "2025-03-14" });
  const samples: number[] = [];
  let quotes = 0;
  let entities = 0;
  for (const body of bodies) {
    const t = now();
    const analysis = analyzeText(body, { publishedAt: "2025-03-14" });
    samples.push(now() - t);
    quotes += analysis.quotes.length;
    entities += analysis.entities.length;
  }
  const words = /[\p{L}\p{N}]+/gu;
  let sink = 0;
  for (const body of bodies.slice(0, 200)) sink += body.toLowerCase().match(words)?.length ?? 0;
  const scan: number[] = [];
  for (const body of bodies) {
    const t = now();
    sink += body.toLowerCase().match(words)?.length ?? 0;
    scan.push(now() - t);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    kb,
    median: median(samples),
    p95: percentile(samples, 95),
    mean: mean(samples),
    scanMean: mean(scan),
    quotesPerArticle: quotes / count,
    entitiesPerArticle: entities / count,
    sink,
  };
}

export async function ingestBench(options: IngestOptions): Promise<{ figures: Figure[]; errors: string[] }> {
  const figures: Figure[] = [];
  const errors: string[] = [];
  const root = mkdtempSync(join(tmpdir(), "storyline-bench-"));
  try {
    log(`ingest: writing ${formatCount(options.textArticles)} text articles and ${options.htmlPages} HTML pages to ${root}`);
    const corpus = writeCorpus(root, options);
    const textCorpus = `${options.textArticles.toLocaleString("en-US")} plain-text articles (~${corpus.textKb.toFixed(1)} KB each)`;
    const htmlCorpus = `${options.htmlPages.toLocaleString("en-US")} HTML pages (~${corpus.htmlKb.toFixed(0)} KB each)`;

    log("ingest: analyzeText (quotes + entities) per article");
    const analysis = analyzeCost(options.textArticles);
    const bodies = `${options.textArticles.toLocaleString("en-US")} article bodies (~${analysis.kb.toFixed(1)} KB each)`;
    figures.push({
      section: "ingest",
      group: `Quotes + entities, ${bodies}`,
      name: "analyzeText per article (mean)",
      corpus: bodies,
      value: analysis.mean,
      unit: "ms",
      detail: `median ${analysis.median.toFixed(2)}, p95 ${analysis.p95.toFixed(2)}; ${analysis.quotesPerArticle.toFixed(1)} quotes, ${analysis.entitiesPerArticle.toFixed(1)} entities per article`,
      baseline: { name: "one regex word scan of the same text", value: analysis.scanMean, unit: "ms" },
      ratio: analysis.mean / analysis.scanMean,
      target: { op: "<=", value: 1 },
      targetOn: "value",
    });

    const kinds = [
      {
        kind: "text",
        dir: corpus.text,
        count: options.textArticles,
        corpus: textCorpus,
        unit: "articles/s",
        target: 1000,
        noun: "article",
      },
      {
        kind: "HTML",
        dir: corpus.html,
        count: options.htmlPages,
        corpus: htmlCorpus,
        unit: "pages/s",
        target: 100,
        noun: "page",
      },
    ] as const;
    for (const k of kinds) {
      log(`ingest: ${k.kind}: extraction only (read + extract, no database)`);
      const extract = await worker<ExtractResult>(["extract", k.dir]);
      log(`ingest: ${k.kind}: runIngest into a fresh database, then COPY of the same files`);
      const checkpoint = Math.max(1, Math.floor(k.count / 4));
      const run = await worker<IngestResult>(["ingest", k.dir, String(checkpoint)]);
      if (run.failed > 0) errors.push(`ingest ${k.kind}: ${run.failed} of ${run.seen} inputs failed: ${run.errors.join("; ")}`);
      if (extract.failed > 0) errors.push(`ingest ${k.kind}: extraction-only run failed ${extract.failed} inputs`);

      const ingestRate = run.seen / run.seconds;
      const copyRate = run.copy.rows / run.copy.seconds;
      const extractRate = extract.docs / extract.seconds;
      const storeMs = ((run.seconds - extract.seconds) * 1000) / run.seen;
      log(
        `ingest: ${k.kind}: ${ingestRate.toFixed(1)} ${k.unit} through runIngest, ${Math.round(copyRate)} by COPY, extraction alone ${extractRate.toFixed(0)}`,
      );
      figures.push(
        {
          section: "ingest",
          group: `Ingest: ${k.corpus}`,
          name: "throughput through runIngest",
          corpus: k.corpus,
          value: ingestRate,
          unit: k.unit,
          detail: `${run.stored} stored, ${run.nearDuplicates} near-duplicates, ${run.failed} failed; ${run.rows.quotes ?? 0} quotes, ${run.rows.mentions ?? 0} mentions`,
          baseline: { name: "raw COPY of the same files", value: copyRate, unit: k.unit },
          ratio: ingestRate / copyRate,
          target: { op: ">=", value: k.target },
          targetOn: "value",
        },
        {
          section: "ingest",
          group: `Ingest: ${k.corpus}`,
          name: "extraction only (read + extract, no database)",
          corpus: k.corpus,
          value: extractRate,
          unit: k.unit,
          detail: `${((extract.seconds / run.seconds) * 100).toFixed(0)}% of runIngest time`,
          baseline: { name: "runIngest", value: ingestRate, unit: k.unit },
          ratio: extractRate / ingestRate,
        },
        {
          section: "ingest",
          group: `Ingest: ${k.corpus}`,
          name: "time beyond extraction (runIngest - extraction only), per document",
          corpus: k.corpus,
          value: storeMs,
          unit: `ms/${k.noun}`,
          detail: `${(((run.seconds - extract.seconds) / run.seconds) * 100).toFixed(0)}% of runIngest time`,
          baseline: { name: "raw COPY", value: (run.copy.seconds * 1000) / run.copy.rows, unit: `ms/${k.noun}` },
          ratio: storeMs / ((run.copy.seconds * 1000) / run.copy.rows),
          note: "runIngest writes one batch while it extracts the next, so this is the wall time storing adds, not the store's own time",
        },
      );
      if (run.rssAtCheckpointMb !== null) {
        figures.push({
          section: "ingest",
          group: `Ingest: ${k.corpus}`,
          name: `peak RSS of the ingest process after ${formatCount(run.seen)} documents`,
          corpus: k.corpus,
          value: run.rssAtEndMb,
          unit: "MB",
          baseline: {
            name: `peak RSS after ${formatCount(run.checkpointDocs)} documents`,
            value: run.rssAtCheckpointMb,
            unit: "MB",
          },
          ratio: run.rssAtEndMb / run.rssAtCheckpointMb,
          target: { op: "<=", value: 1.2 },
          targetOn: "ratio",
          note: "flat in corpus size read as: 4x the documents, at most 1.2x the high-water mark (maxRSS of the ingest process)",
        });
      }
      if (run.heapAfterGcAtCheckpointMb !== null) {
        figures.push({
          section: "ingest",
          group: `Ingest: ${k.corpus}`,
          name: `JS heap retained after a full GC, after ${formatCount(run.seen)} documents`,
          corpus: k.corpus,
          value: run.heapAfterGcAtEndMb,
          unit: "MB",
          baseline: {
            name: `after ${formatCount(run.checkpointDocs)} documents`,
            value: run.heapAfterGcAtCheckpointMb,
            unit: "MB",
          },
          ratio: run.heapAfterGcAtEndMb / run.heapAfterGcAtCheckpointMb,
          note: "what the pipeline holds on to; growth here with corpus size is state kept across documents, not GC slack",
        });
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { figures, errors };
}
