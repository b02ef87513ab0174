// `storyline ingest` as a function: read -> extract -> store, recording the run and every failed input.
import v8 from "node:v8";
import type { PrismaClient } from "@storyline/db";
import { createExtractor } from "./extract/thread.ts";
import type { ExtractedDocument } from "./extract/types.ts";
import { InputError, reasonOf, storeProblem, withoutNul } from "./sources/errors.ts";
import { type ReadOptions, readInputs } from "./sources/index.ts";
import { applyCorrectionRules, entityRedirects } from "./store/correction-rules.ts";
import { estimateDates } from "./store/estimate-dates.ts";
import {
  type ArticleLinker,
  acquireIngestLock,
  type BatchPlan,
  commitBatch,
  EventLinker,
  type InFlightWrites,
  NOTHING_IN_FLIGHT,
  planBatch,
  ReferenceCache,
  RoleMemory,
  type StoreOutcome,
  storeBatch,
} from "./store/index.ts";
import { IngestErrorLog } from "./store/ingest-errors.ts";
import { markInterruptedRuns } from "./store/runs.ts";

export interface IngestOptions {
  prisma: PrismaClient;
  databaseUrl: string;
  inputs: string[];
  command: string;
  dryRun?: boolean;
  batchSize?: number;
  /** How long to wait for another ingest to finish before giving up. */
  waitMs?: number;
  read?: ReadOptions;
  linker?: ArticleLinker;
  /** Extraction threads: 1 (default on a multi-core machine) or 0 to extract in this thread. */
  threads?: number;
  onProgress?: (event: ProgressEvent) => void;
}

export type ProgressEvent =
  | { type: "document"; origin: string; status: "stored" | "near-duplicate" | "unchanged" | "extracted" }
  | { type: "error"; error: InputError }
  | { type: "skipped"; input: string; reason: string };

export interface IngestSummary {
  runId: number | null;
  status: "SUCCEEDED" | "PARTIAL" | "FAILED";
  dryRun: boolean;
  seen: number;
  stored: number;
  unchanged: number;
  nearDuplicates: number;
  failed: number;
  /** Failed inputs; a kind of problem that repeats is listed REPEATS_SHOWN times, then once with its count. */
  errors: { input: string; stage: string; reason: string }[];
  /** Entries of named folders that were not read (hidden, other file types, excluded), with the reason. */
  skipped: number;
  skippedInputs: { input: string; reason: string }[];
  /** Earlier runs found dead (killed) and marked INTERRUPTED when this one started. */
  interruptedRuns: number[];
  seconds: number;
}

/**
 * An ingest's live heap is small and steady (a few batches in flight, bounded linking state), but each batch
 * makes tens of megabytes of short-lived garbage (row arrays, query parameters). V8 sizes the old generation at up
 * to 4x what survived the last full GC when collection is cheap, so the process grew with the length of the
 * run, not with what it held. Growing by 1.25x instead: 8,000 text articles peak at 458 MB RSS instead of
 * 780 MB, 2,000 at 405 MB instead of 630 MB, for a few percent more CPU (measured 20, 25, 30 and 50).
 * Process-wide, set once: an ingest runs in a process of its own (the CLI, a scheduled job).
 */
const HEAP_GROWING_PERCENT = 25;
let heapGrowthLimited = false;

function limitHeapGrowth(): void {
  if (heapGrowthLimited) return;
  heapGrowthLimited = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

const FIRST_BATCH = 25;

/** Documents extracted ahead of the one being stored. */
const EXTRACT_AHEAD = 64;

export async function runIngest(options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  limitHeapGrowth();
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 200;
  const summary: IngestSummary = {
    runId: null,
    status: "SUCCEEDED",
    dryRun,
    seen: 0,
    stored: 0,
    unchanged: 0,
    nearDuplicates: 0,
    failed: 0,
    errors: [],
    skipped: 0,
    skippedInputs: [],
    interruptedRuns: [],
    seconds: 0,
  };
  const { prisma } = options;
  let runId: number | null = null;
  // The extraction threads boot (about 0.4 s: they load the extractor through tsx) while the database is
  // prepared; the role table reaches them before the first document.
  const extractor = createExtractor({ threads: options.threads });
  let lock: Awaited<ReturnType<typeof acquireIngestLock>> | null = null;
  try {
    lock = dryRun ? null : await acquireIngestLock(options.databaseUrl, { waitMs: options.waitMs ?? 0 });
    // Holding the lock proves every other non-dry run still marked RUNNING is dead (killed mid-run).
    const interrupted = dryRun ? [] : await markInterruptedRuns(prisma);
    summary.interruptedRuns = interrupted.map((r) => r.id);
    const run = await prisma.ingestRun.create({
      data: { command: withoutNul(options.command), inputs: options.inputs.map(withoutNul), dryRun },
      select: { id: true },
    });
    summary.runId = run.id;
    runId = run.id;
    const reference = new ReferenceCache(prisma);
    reference.redirectEntities(await entityRedirects(prisma));
    extractor.teach(await RoleMemory.loadRows(prisma));
    const linker: ArticleLinker | undefined = options.linker ?? (dryRun ? undefined : await EventLinker.load(prisma));
    // A killed run skipped its end-of-run consolidation: this run's covers the events it touched.
    const earliest = interrupted.map((r) => r.startedAt).sort((a, b) => a.getTime() - b.getTime())[0];
    if (earliest && linker instanceof EventLinker) await linker.adoptEventsTouchedSince(earliest);

    const errorLog = new IngestErrorLog(prisma, run.id);
    const fail = async (error: InputError) => {
      summary.failed++;
      const shown = errorLog.add(error);
      if (shown) {
        summary.errors.push(shown);
        options.onProgress?.({ type: "error", error });
      }
      await errorLog.flushIfFull();
    };

    const context = { prisma, reference, runId: run.id, linker };
    const record = (outcomes: StoreOutcome[]) => {
      for (const outcome of outcomes) {
        if (outcome.status === "stored") summary.stored++;
        else if (outcome.status === "near-duplicate") {
          summary.stored++;
          summary.nearDuplicates++;
        } else summary.unchanged++;
        options.onProgress?.({ type: "document", origin: outcome.doc.origin, status: outcome.status });
      }
    };
    // One bad document must not sink its batch: store them one by one to find it. The linker forgets the
    // rolled-back batch first, so its memory matches the database again.
    const oneByOne = async (docs: ExtractedDocument[]) => {
      await linker?.reload();
      for (const doc of docs) {
        try {
          record(await storeBatch(context, [doc]));
        } catch (error) {
          await linker?.reload();
          await fail(new InputError(doc.origin, "store", storeProblem(error)));
        }
      }
    };
    type Committed = { ok: true } | { ok: false; docs: ExtractedDocument[] };
    let committing: Promise<Committed> = Promise.resolve({ ok: true });
    let uncommitted: InFlightWrites = NOTHING_IN_FLIGHT;
    // Events are consolidated every batchSize documents and at the end, also while the first batches are smaller.
    let flushedSinceConsolidation = 0;

    // A batch is planned (CPU: near-duplicates, event assignment, rows) while the previous one commits (Postgres).
    const flush = async (docs: ExtractedDocument[], final = false) => {
      if (docs.length === 0 || dryRun) return;
      flushedSinceConsolidation += docs.length;
      const consolidate = final || flushedSinceConsolidation >= batchSize;
      if (consolidate) flushedSinceConsolidation = 0;
      const tryPlan = (docs: ExtractedDocument[], pending: InFlightWrites) =>
        planBatch(context, docs, pending, { consolidate }).catch(() => null);
      let plan: BatchPlan | null = await tryPlan(docs, uncommitted);
      const previous = await committing;
      if (!previous.ok) {
        // The plan assumed the previous batch; that batch rolled back. Redo it, then plan this one afresh.
        uncommitted = NOTHING_IN_FLIGHT;
        await oneByOne(previous.docs);
        plan = await tryPlan(docs, NOTHING_IN_FLIGHT);
      }
      if (!plan) {
        uncommitted = NOTHING_IN_FLIGHT;
        committing = Promise.resolve({ ok: true });
        await oneByOne(docs);
        return;
      }
      const planned = plan;
      uncommitted = planned.inFlight;
      committing = commitBatch(context, planned).then(
        (outcomes): Committed => {
          record(outcomes);
          return { ok: true };
        },
        (): Committed => ({ ok: false, docs }),
      );
    };
    const settle = async () => {
      const last = await committing;
      committing = Promise.resolve({ ok: true });
      uncommitted = NOTHING_IN_FLIGHT;
      if (!last.ok) await oneByOne(last.docs);
    };

    let batch: ExtractedDocument[] = [];
    // The first batches are small (25, 25, 50, 100 up to the batch size), so the first commit starts while the
    // extraction thread is still warming up instead of after a full batch of cold extractions; they add up to
    // exactly one batch, so consolidation falls where it would without the ramp.
    let nextBatchSize = Math.min(FIRST_BATCH, batchSize);
    let ramped = 0;
    const accept = async (origin: string, extracted: Promise<ExtractedDocument>) => {
      let doc: ExtractedDocument;
      try {
        doc = await extracted;
      } catch (error) {
        await fail(new InputError(origin, "extract", reasonOf(error)));
        return;
      }
      if (!doc.body.trim() && doc.title?.trim())
        doc = {
          ...doc,
          body: doc.title.trim(),
          wordCount: doc.title.trim().split(/\s+/).length,
          simhash: undefined,
          clusterTerms: undefined,
          contentHash: undefined,
        };
      if (!doc.body.trim()) {
        await fail(new InputError(origin, "extract", "no article text found (the page may be an index, a login wall or empty)"));
        return;
      }
      if (!hasRealText(doc.body)) {
        await fail(
          new InputError(
            origin,
            "extract",
            `too little text to be an article (${JSON.stringify(doc.body.trim().slice(0, 40))}; at least ${MIN_ARTICLE_WORDS} words are needed)`,
          ),
        );
        return;
      }
      if (dryRun) options.onProgress?.({ type: "document", origin: doc.origin, status: "extracted" });
      batch.push(doc);
      if (batch.length >= nextBatchSize) {
        const full = batch;
        batch = [];
        ramped += full.length;
        nextBatchSize = ramped >= batchSize ? batchSize : Math.min(ramped, batchSize - ramped);
        await flush(full);
      }
    };
    // Documents handed to the extractor and not yet accepted, oldest first: bounded, so memory stays flat
    // however fast the files are read.
    const inFlight: { origin: string; extracted: Promise<ExtractedDocument> }[] = [];
    try {
      for await (const item of readInputs(options.inputs, options.read)) {
        if ("error" in item) {
          await fail(item.error);
          continue;
        }
        if ("skipped" in item) {
          summary.skipped++;
          if (summary.skippedInputs.length < MAX_SKIPPED_LISTED) summary.skippedInputs.push(item.skipped);
          options.onProgress?.({ type: "skipped", ...item.skipped });
          continue;
        }
        summary.seen++;
        const extracted = extractor.extract(item.doc);
        extracted.catch(() => {});
        inFlight.push({ origin: item.doc.origin, extracted });
        if (inFlight.length >= EXTRACT_AHEAD) {
          const next = inFlight.shift()!;
          await accept(next.origin, next.extracted);
        }
      }
      for (const next of inFlight.splice(0)) await accept(next.origin, next.extracted);
    } finally {
      await extractor.close();
    }
    await flush(batch, true);
    await settle();
    await linker?.finish(prisma, reference);
    // Undated articles are dated from the articles they were linked with, once this run's links have settled.
    if (linker) await estimateDates(prisma, run.id);
    // Analysts' corrections hold over what this run recomputed (merged names, moved articles, fixed speakers).
    if (!dryRun) await applyCorrectionRules(prisma);
    await errorLog.flush(true);
    summary.errors.push(...errorLog.repeats());

    summary.status =
      summary.failed === 0 ? "SUCCEEDED" : summary.seen > summary.failed || summary.stored > 0 ? "PARTIAL" : "FAILED";
    if (summary.failed > 0 && summary.seen === 0) summary.status = "FAILED";
    summary.seconds = (performance.now() - started) / 1000;
    await prisma.ingestRun.update({
      where: { id: run.id },
      data: {
        finishedAt: new Date(),
        status: summary.status,
        seen: summary.seen,
        stored: summary.stored,
        unchanged: summary.unchanged,
        nearDuplicates: summary.nearDuplicates,
        failed: summary.failed,
      },
    });
    return summary;
  } catch (error) {
    // The run could not finish (database gone, lock lost): say so in its row when the database still answers.
    if (runId !== null) {
      await prisma.ingestRun
        .update({ where: { id: runId }, data: { finishedAt: new Date(), status: "FAILED", failed: summary.failed } })
        .catch(() => {});
    }
    throw error;
  } finally {
    await extractor.close();
    await lock?.release();
  }
}

/** Entries of named folders listed by name in a run's summary; the rest are counted. */
const MAX_SKIPPED_LISTED = 100;

/**
 * A stored article has at least this many words with letters (an ideograph counts as one). Fewer is a stray
 * symbol or a truncated page, not a report; a headline of a few words still passes.
 */
export const MIN_ARTICLE_WORDS = 3;

export function hasRealText(body: string): boolean {
  let words = 0;
  for (const match of body.matchAll(
    /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|\p{L}[\p{L}\p{M}'’-]*/gu,
  )) {
    if (match[0].length > 0 && ++words >= MIN_ARTICLE_WORDS) return true;
  }
  return false;
}
