// One ingest measurement in a process of its own, so its peak RSS is the pipeline's and nothing else's.
//   extract DIR [ROOT]     read + extract every file, no database; ROOT: another checkout's extractor (a git
//                          worktree of a baseline commit), default this one
//   ingest DIR CHECKPOINT  runIngest into a fresh database (peak RSS noted after CHECKPOINT documents and at
//                          the end), then the raw COPY baseline of the same files into a scratch table
// The result goes back to the bench over IPC.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { runIngest } from "@storyline/ingest/pipeline";
import { from as copyFrom } from "pg-copy-streams";
import { createBenchDatabase, withClient } from "./lib/db.ts";
import { log, setRunStart } from "./lib/log.ts";
import { maxRssMb, now } from "./lib/stats.ts";

export interface ExtractResult {
  docs: number;
  failed: number;
  seconds: number;
}

export interface IngestResult {
  seen: number;
  stored: number;
  nearDuplicates: number;
  failed: number;
  errors: string[];
  seconds: number;
  rssAtCheckpointMb: number | null;
  checkpointDocs: number;
  rssAtEndMb: number;
  /** JS heap still in use right after a full GC: what the pipeline retains, as opposed to what V8 reserved. */
  heapAfterGcAtCheckpointMb: number | null;
  heapAfterGcAtEndMb: number;
  rows: Record<string, number>;
  copy: { rows: number; seconds: number };
}

const args = process.argv.slice(2).filter((a) => !a.startsWith("--t0="));
setRunStart(Number(process.argv.find((a) => a.startsWith("--t0="))?.slice(5)));
const [mode, dir, checkpointArg] = args;
const root = mode === "extract" && checkpointArg ? checkpointArg : fileURLToPath(new URL("..", import.meta.url));
if (!dir || (mode !== "extract" && mode !== "ingest")) {
  console.error("usage: ingest-worker.ts extract|ingest DIR [CHECKPOINT]");
  process.exit(2);
}

async function extractOnly(): Promise<ExtractResult> {
  const { readInputs } = (await import(
    join(root, "packages/ingest/src/sources/index.ts")
  )) as typeof import("../packages/ingest/src/sources/index.ts");
  const { extractDocument } = (await import(
    join(root, "packages/ingest/src/extract/index.ts")
  )) as typeof import("../packages/ingest/src/extract/index.ts");
  let docs = 0;
  let failed = 0;
  const started = now();
  for await (const item of readInputs([dir!])) {
    if (!("doc" in item)) {
      failed++;
      continue;
    }
    extractDocument(item.doc);
    docs++;
  }
  return { docs, failed, seconds: (now() - started) / 1000 };
}

// COPY text format: backslash, newline, carriage return and tab are the characters that must be escaped.
const copyEscape = (s: string) => s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");

async function copyBaseline(url: string): Promise<{ rows: number; seconds: number }> {
  return withClient(url, async (client) => {
    await client.query("create table bench_copy (name text not null, body text not null)");
    const files = (await readdir(dir!)).sort();
    const started = now();
    const rows = async function* () {
      for (const file of files) yield `${copyEscape(file)}\t${copyEscape(await readFile(join(dir!, file), "utf8"))}\n`;
    };
    await pipeline(Readable.from(rows()), client.query(copyFrom("copy bench_copy (name, body) from stdin")));
    const seconds = (now() - started) / 1000;
    const counted = Number((await client.query<{ n: string }>("select count(*) as n from bench_copy")).rows[0]?.n ?? 0);
    return { rows: counted, seconds };
  });
}

/** Needs --expose-gc, which the bench passes to this worker. */
function heapAfterGcMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function ingest(): Promise<IngestResult> {
  const checkpoint = Number(checkpointArg ?? 0);
  const db = await createBenchDatabase("ingest");
  try {
    let done = 0;
    let rssAtCheckpoint: number | null = null;
    let heapAtCheckpoint: number | null = null;
    let nextReport = 250;
    const started = now();
    const summary = await runIngest({
      prisma: db.prisma,
      databaseUrl: db.url,
      inputs: [dir!],
      command: "bench",
      onProgress: (event) => {
        if (event.type !== "document") return;
        done++;
        if (rssAtCheckpoint === null && done >= checkpoint) {
          rssAtCheckpoint = maxRssMb();
          heapAtCheckpoint = heapAfterGcMb();
        }
        if (done >= nextReport) {
          const rate = done / ((now() - started) / 1000);
          log(`  ${done} documents stored (${rate.toFixed(1)}/s)`);
          nextReport += 250;
        }
      },
    });
    const rssAtEnd = maxRssMb();
    const heapAtEnd = heapAfterGcMb();
    const rows = await withClient(db.url, async (c) => {
      const { rows } = await c.query<Record<string, string>>(
        `select (select count(*) from "Article") as articles, (select count(*) from "Quote") as quotes,
                (select count(*) from "Mention") as mentions, (select count(*) from "Entity") as entities,
                (select count(*) from "QuoteCluster") as clusters, (select count(*) from "Event") as events`,
      );
      return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
    });
    const copy = await copyBaseline(db.url);
    return {
      seen: summary.seen,
      stored: summary.stored,
      nearDuplicates: summary.nearDuplicates,
      failed: summary.failed,
      errors: summary.errors.slice(0, 5).map((e) => `${e.input}: ${e.stage}: ${e.reason}`),
      seconds: summary.seconds,
      rssAtCheckpointMb: rssAtCheckpoint,
      checkpointDocs: checkpoint,
      rssAtEndMb: rssAtEnd,
      heapAfterGcAtCheckpointMb: heapAtCheckpoint,
      heapAfterGcAtEndMb: heapAtEnd,
      rows,
      copy,
    };
  } finally {
    await db.drop();
  }
}

const result = mode === "extract" ? await extractOnly() : await ingest();
process.send?.(result);
process.disconnect?.();
