// Ingest throughput: text articles and HTML pages through the real pipeline (runIngest over a directory)
// against a raw COPY of the same files, the extraction-only share, peak memory at two corpus sizes, the
// cost of quotes + entities (analyzeText) per article, the entity tagger's share of it and its start-up.
import { execFileSync, fork } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { analyzeText } from "../packages/ingest/src/extract/analyze.ts";
import { findNames } from "../packages/ingest/src/extract/entities/tagger/index.ts";
import { splitSentences } from "../packages/ingest/src/extract/entities/tokens.ts";
import { findQuoteMarks } from "../packages/ingest/src/extract/quotes/marks.ts";
import { article, htmlPage, textFile } from "./corpus/prose.ts";
import type { ExtractResult, IngestResult } from "./ingest-worker.ts";
import { formatCount, log, runStart } from "./lib/log.ts";
import type { Figure } from "./lib/report.ts";
import { median, now, percentile } from "./lib/stats.ts";
import type { TaggerLoadResult } from "./tagger-load.ts";

export interface IngestOptions {
  textArticles: number;
  htmlPages: number;
  /** A commit whose extractor is timed beside this checkout's on the same files (extraction only). */
  extractBaseline?: string;
}

const REPO = fileURLToPath(new URL("..", import.meta.url));

/**
 * A git worktree of `ref` whose node_modules is this checkout's, so its extractor runs as it was then (only
 * packages/ingest/src is read from it). Removed by the returned function.
 */
function baselineCheckout(ref: string): { root: string; sha: string; remove: () => void } {
  const git = (...args: string[]) => execFileSync("git", ["-C", REPO, ...args], { encoding: "utf8" }).trim();
  const sha = git("rev-parse", "--verify", `${ref}^{commit}`);
  const root = join(mkdtempSync(join(tmpdir(), "storyline-bench-base-")), "checkout");
  git("worktree", "add", "--detach", root, sha);
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  return {
    root,
    sha: sha.slice(0, 7),
    remove: () => {
      git("worktree", "remove", "--force", root);
      rmSync(join(root, ".."), { recursive: true, force: true });
    },
  };
}

function worker<T>(args: string[], script = "./ingest-worker.ts"): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [...args, `--t0=${runStart()}`], {
      execArgv: ["--import", "tsx", "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: T | undefined;
    child.on("message", (message) => {
      result = message as T;
    });
    child.on("exit", (code) =>
      result !== undefined ? resolve(result) : reject(new Error(`ingest worker ${args[0] ?? script} exited with code ${code}`)),
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
  let sink = 0;
  let quotes = 0;
  let entities = 0;
  for (const body of bodies) {
    const t = now();
    const analysis = analyzeText(body, { publishedAt: "2025-03-14" });
    samples.push(now() - t);
    quotes += analysis.quotes.length;
    entities += analysis.entities.length;
  }
  // The tagger alone on the same bodies, over the sentences analyzeText gives it (quote interiors masked).
  const sentences = bodies.map((body) => {
    const interiors = findQuoteMarks(body)
      .flatMap((m) => m.parts.map((p) => ({ start: p.start, end: p.end })))
      .sort((a, b) => a.start - b.start);
    return splitSentences(body, interiors);
  });
  for (let i = 0; i < 200; i++) findNames(bodies[i] as string, sentences[i] as ReturnType<typeof splitSentences>);
  const tagger: number[] = [];
  for (const [i, body] of bodies.entries()) {
    const t = now();
    sink += findNames(body, sentences[i] as ReturnType<typeof splitSentences>).length;
    tagger.push(now() - t);
  }
  const words = /[\p{L}\p{N}]+/gu;
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
    taggerMean: mean(tagger),
    taggerP95: percentile(tagger, 95),
    quotesPerArticle: quotes / count,
    entitiesPerArticle: entities / count,
    sink,
  };
}

export async function ingestBench(options: IngestOptions): Promise<{ figures: Figure[]; errors: string[] }> {
  const figures: Figure[] = [];
  const errors: string[] = [];
  const root = mkdtempSync(join(tmpdir(), "storyline-bench-"));
  const base = options.extractBaseline ? baselineCheckout(options.extractBaseline) : null;
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
    figures.push({
      section: "ingest",
      group: `Quotes + entities, ${bodies}`,
      name: "entity tagger (findNames) per article (mean): its share of analyzeText",
      corpus: bodies,
      value: analysis.taggerMean,
      unit: "ms",
      detail: `p95 ${analysis.taggerP95.toFixed(2)}`,
      baseline: { name: "analyzeText per article (mean)", value: analysis.mean, unit: "ms" },
      ratio: analysis.taggerMean / analysis.mean,
      note: "the tagger's share of quotes + entities; ratio = findNames / analyzeText on the same bodies and sentences",
    });

    log("ingest: entity tagger start-up in a fresh process");
    const loads: TaggerLoadResult[] = [];
    for (let i = 0; i < 3; i++) loads.push(await worker<TaggerLoadResult>([], "./tagger-load.ts"));
    loads.sort((a, b) => a.firstTagMs - b.firstTagMs);
    const load = loads[1] as TaggerLoadResult;
    const weightsFile = `the shipped weights (${load.fileMb.toFixed(1)} MB gzip, ${formatCount(load.rows)} rows)`;
    figures.push({
      section: "ingest",
      group: `Entity tagger start-up, ${weightsFile}`,
      name: "fresh process: import of the tagger to its first tagged sentence (median of 3)",
      corpus: weightsFile,
      value: load.firstTagMs / 1000,
      unit: "s",
      detail: `weights ${(load.weightsMs / 1000).toFixed(3)} s of it; runs ${loads.map((l) => (l.firstTagMs / 1000).toFixed(2)).join(", ")} s`,
      baseline: { name: "read + gunzip of the same file", value: load.gunzipMs / 1000, unit: "s" },
      ratio: load.firstTagMs / load.gunzipMs,
      target: { op: "<=", value: 0.5 },
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
      if (base) {
        // Alternately, twice each, so a change in the machine's load hits both sides; the faster run of each.
        log(`ingest: ${k.kind}: extraction only at ${base.sha} and again here`);
        const runs = { base: [] as ExtractResult[], here: [extract] };
        runs.base.push(await worker<ExtractResult>(["extract", k.dir, base.root]));
        runs.here.push(await worker<ExtractResult>(["extract", k.dir]));
        runs.base.push(await worker<ExtractResult>(["extract", k.dir, base.root]));
        const perDoc = (rs: ExtractResult[]) => Math.min(...rs.map((r) => (r.seconds * 1000) / r.docs));
        const here = perDoc(runs.here);
        const then = perDoc(runs.base);
        const show = (rs: ExtractResult[]) => rs.map((r) => ((r.seconds * 1000) / r.docs).toFixed(2)).join(", ");
        figures.push({
          section: "ingest",
          group: `Ingest: ${k.corpus}`,
          name: `extraction only per ${k.noun} (read + extract), against the extractor of ${options.extractBaseline} (${base.sha})`,
          corpus: k.corpus,
          value: here,
          unit: `ms/${k.noun}`,
          detail: `faster of ${runs.here.length} runs: ${show(runs.here)}`,
          baseline: { name: `the same at ${base.sha}`, value: then, unit: `ms/${k.noun}`, detail: `runs ${show(runs.base)}` },
          ratio: here / then,
          target: { op: "<=", value: 1.5 },
          targetOn: "ratio",
          note: "issue 12: extraction with the entity tagger within 1.5x of the extraction before it, per article",
        });
      }
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
    base?.remove();
  }
  return { figures, errors };
}
