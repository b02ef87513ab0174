// Extraction off the main thread. Ingest is CPU-bound (extraction, event linking, building the batch's SQL),
// so extraction runs in worker threads while the main thread links and stores. The role memory ("the Russian
// President" -> the person articles named so far) learns from each article: one thread keeps input order;
// with several, each teaches the others what it learned.

import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from "node:worker_threads";
import { precomputeTerms } from "../link/text.ts";
import { articleHash, simhash } from "../store/fingerprint.ts";
import { RoleMemory, type RoleRow } from "../store/roles.ts";
import { extractDocument } from "./index.ts";
import type { ExtractedDocument, RawDocument } from "./types.ts";

/** The entities event clustering weighs, as the linker passes them (see store/event-linker.ts). */
export const clusterEntities = (doc: ExtractedDocument) => doc.entities.map((e) => ({ kind: e.kind, name: e.name }));

export interface Extractor {
  /** Extracts one document; rejects with the extractor's error message. Results arrive in call order. */
  extract(doc: RawDocument): Promise<ExtractedDocument>;
  /** Adds known role holders (RoleHolding rows) to the role memory; call before the documents they concern. */
  teach(rows: RoleRow[]): void;
  /** Stops the threads; safe to call twice. */
  close(): Promise<void>;
}

export type WorkerRequest = { type: "extract"; seq: number; doc: RawDocument } | { type: "learn"; rows: RoleRow[] };
export type WorkerReply = { seq: number; doc: ExtractedDocument } | { seq: number; error: string } | { ready: true };

/**
 * Extraction plus the per-document work the store would otherwise do on the main thread: the content hash,
 * the SimHash of the body and the terms event clustering compares (together about 0.5 ms per 4 KB article).
 * Role memory learns from each article in order.
 */
export function extractForStore(raw: RawDocument, roles: RoleMemory): ExtractedDocument {
  const doc = extractDocument(raw, { resolveRole: roles.lookup });
  roles.learn(doc);
  doc.contentHash = articleHash(doc);
  doc.simhash = simhash(doc.body);
  doc.clusterTerms = precomputeTerms(doc.title, doc.body, clusterEntities(doc));
  return doc;
}

/** In this thread: for one core, dry runs of a few files, and wherever a worker cannot start. */
function inlineExtractor(): Extractor {
  const roles = new RoleMemory();
  return {
    async extract(raw) {
      return extractForStore(raw, roles);
    },
    teach(rows) {
      roles.addRows(rows);
    },
    async close() {},
  };
}

/** What one extraction thread has been asked to do and has not finished, in the order it was asked. */
type QueuedWork =
  | { type: "extract"; seq: number; doc: RawDocument; resolve: (doc: ExtractedDocument) => void; reject: (error: Error) => void }
  | { type: "learn"; rows: RoleRow[] };

/** "30 s", "250 ms": the budget as the error message states it. */
const formatBudget = (ms: number) => (ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`);

/**
 * One worker thread, extracting in arrival order. A document that runs past the time budget is rejected alone:
 * the thread stuck on it is terminated (the only way to stop a synchronous loop) and a new one takes its place,
 * taught the role table the old one had, and given the documents that were queued behind the stuck one.
 */
function threadExtractor(timeBudgetMs: number): Extractor {
  // The worker is TypeScript like the rest: it registers tsx's loader first, as the CLI does (Node 20 does
  // not apply an `--import` loader to a worker's own entry file, hence the small bootstrap).
  // The ESM build of tsx's API (require.resolve would pick the CommonJS one).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  const entry = new URL("./thread-worker.ts", import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;

  // Sent to the worker and not yet answered, oldest first; the worker answers extractions in this order.
  const queue: QueuedWork[] = [];
  let extractsQueued = 0;
  // The role table the worker holds once it has done everything before the oldest queued extraction: what it
  // was taught and what it learned from the documents it returned. A replacement thread starts from this. Rows
  // merge by (role, name) as RoleMemory merges them (evidence adds up, days widen), so it stays as small as
  // the worker's own table.
  const roleTable = new Map<string, RoleRow>();
  const remember = (rows: readonly RoleRow[]) => {
    for (const row of rows) {
      const key = `${row[0]}\u0000${row[1]}`;
      const known = roleTable.get(key);
      if (known) roleTable.set(key, [row[0], row[1], Math.min(known[2], row[2]), Math.max(known[3], row[3]), known[4] + row[4]]);
      else roleTable.set(key, [...row]);
    }
  };

  let failure: Error | null = null;
  let closed = false;
  let worker: Worker;
  // Replies come on a channel of their own, so that when the budget runs out the replies already sent can be
  // read synchronously first: a main thread busy for a while must not take a finished document for a stuck one.
  let replies: MessagePort;
  let budgetTimer: NodeJS.Timeout | null = null;
  let headSince = 0;
  // A worker loads the extractor first (about 0.4 s, longer on a busy machine): no document is timed before.
  let ready = false;

  const failAll = (error: Error) => {
    failure = error;
    for (const work of queue.splice(0)) if (work.type === "extract") work.reject(error);
    extractsQueued = 0;
    stopBudget();
    worker.unref();
  };

  const stopBudget = () => {
    if (budgetTimer) clearTimeout(budgetTimer);
    budgetTimer = null;
  };
  /** Times the oldest queued extraction from now: the worker starts it once it has answered the one before. */
  const startBudget = () => {
    stopBudget();
    if (!ready || !extractsQueued || !Number.isFinite(timeBudgetMs)) return;
    headSince = performance.now();
    budgetTimer = setTimeout(onBudgetSpent, timeBudgetMs);
    budgetTimer.unref();
  };

  /** Moves the learning queued ahead of the next extraction into the role table: the worker has done it. */
  const learnedAhead = () => {
    for (let work = queue[0]; work?.type === "learn"; work = queue[0]) {
      queue.shift();
      remember(work.rows);
    }
  };

  const onReply = (reply: WorkerReply) => {
    if ("ready" in reply) {
      ready = true;
      startBudget();
      return;
    }
    learnedAhead();
    const work = queue[0];
    if (work?.type !== "extract" || work.seq !== reply.seq) return;
    queue.shift();
    extractsQueued--;
    learnedAhead();
    if ("error" in reply) work.reject(new Error(reply.error));
    else {
      remember(RoleMemory.rowsOf(reply.doc));
      work.resolve(reply.doc);
    }
    if (extractsQueued) startBudget();
    else {
      stopBudget();
      // An idle worker must not keep the process alive; queued work refs it again.
      worker.unref();
    }
  };

  const onBudgetSpent = () => {
    budgetTimer = null;
    const stuck = queue.find((w) => w.type === "extract");
    // Answers already sent but not yet read count: the budget is for the worker, not for this thread.
    for (let m = receiveMessageOnPort(replies); m; m = receiveMessageOnPort(replies)) onReply(m.message as WorkerReply);
    const head = queue.find((w) => w.type === "extract");
    if (!head || failure || closed) return;
    if (head !== stuck) {
      startBudget();
      return;
    }
    const remaining = timeBudgetMs - (performance.now() - headSince);
    if (remaining > 1) {
      budgetTimer = setTimeout(onBudgetSpent, remaining);
      budgetTimer.unref();
      return;
    }
    queue.splice(queue.indexOf(head), 1);
    extractsQueued--;
    head.reject(new Error(`extraction took longer than ${formatBudget(timeBudgetMs)}; the document was skipped`));
    const stuckWorker = worker;
    const stuckReplies = replies;
    start();
    stuckReplies.close();
    stuckWorker.terminate().catch(() => {});
  };

  /** Starts a worker and gives it the role table, then everything still queued, in order. */
  const start = () => {
    const channel = new MessageChannel();
    const current = new Worker(boot, { eval: true, workerData: { replies: channel.port2 }, transferList: [channel.port2] });
    worker = current;
    replies = channel.port1;
    ready = false;
    replies.on("message", (reply: WorkerReply) => {
      if (worker === current) onReply(reply);
    });
    // The port must not keep the process alive by itself: the worker is ref'd while it has work.
    replies.unref();
    current.on("error", (error) => {
      if (worker === current) failAll(new Error(`the extraction thread failed: ${error.message}`));
    });
    current.on("exit", (code) => {
      if (worker === current && extractsQueued) failAll(new Error(`the extraction thread exited (code ${code})`));
    });
    if (roleTable.size) current.postMessage({ type: "learn", rows: [...roleTable.values()] } satisfies WorkerRequest);
    for (const work of queue) {
      if (work.type === "learn") current.postMessage({ type: "learn", rows: work.rows } satisfies WorkerRequest);
      else current.postMessage({ type: "extract", seq: work.seq, doc: work.doc } satisfies WorkerRequest);
    }
    // Learning that now leads the queue comes before any extraction on this worker: it is part of its table.
    learnedAhead();
    if (extractsQueued) {
      current.ref();
      startBudget();
    } else current.unref();
  };
  start();

  let seq = 0;
  return {
    extract(doc) {
      if (failure) return Promise.reject(failure);
      const id = seq++;
      return new Promise<ExtractedDocument>((resolve, reject) => {
        queue.push({ type: "extract", seq: id, doc, resolve, reject });
        extractsQueued++;
        worker.postMessage({ type: "extract", seq: id, doc } satisfies WorkerRequest);
        if (extractsQueued === 1) {
          worker.ref();
          startBudget();
        }
      });
    },
    teach(rows) {
      if (!rows.length || failure) return;
      // With nothing queued the worker learns these before anything else it is sent.
      if (extractsQueued) queue.push({ type: "learn", rows });
      else remember(rows);
      worker.postMessage({ type: "learn", rows } satisfies WorkerRequest);
    },
    async close() {
      closed = true;
      stopBudget();
      replies.close();
      await worker.terminate();
    },
  };
}

/** Several threads, documents dealt round-robin; results still come back in call order (one promise each). */
function threadPool(size: number, timeBudgetMs: number): Extractor {
  const threads = Array.from({ length: size }, () => threadExtractor(timeBudgetMs));
  let next = 0;
  return {
    extract(doc) {
      const index = next++ % threads.length;
      const result = threads[index]!.extract(doc);
      if (threads.length > 1)
        result.then(
          (extracted) => {
            const rows = RoleMemory.rowsOf(extracted);
            // Every thread's memory sees every article (in near, not exact, order).
            for (const [i, t] of threads.entries()) if (i !== index) t.teach(rows);
          },
          () => {},
        );
      return result;
    },
    teach(rows) {
      for (const t of threads) t.teach(rows);
    },
    async close() {
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}

export interface ExtractorOptions {
  /** Extraction threads; 0 extracts in this thread. Default: one fewer than the cores. */
  threads?: number;
  /**
   * How long one document may take on a thread (default 30 s) before its promise rejects ("extraction took
   * longer than 30 s; the document was skipped") and the thread is replaced; the documents queued behind it
   * go on on the new thread. `Infinity` turns it off. With `threads: 0` there is no budget: nothing can stop
   * a synchronous extraction on the thread that runs it.
   */
  timeBudgetMs?: number;
}

/** The default per-document budget: far above any real article (milliseconds each), well below "hung". */
export const DEFAULT_TIME_BUDGET_MS = 30_000;

/**
 * Worker threads, one fewer than the cores by default: the main thread (event linking, building the batch's
 * SQL) needs a core of its own, and a thread more only adds start-up and copying (measured on 2 cores: 170
 * text articles/s and 99 pages/s with one thread, 157 and 85 with two). `threads: 0` extracts in this
 * thread; `threads: 1` also keeps role learning in exact input order.
 */
export function createExtractor(options: ExtractorOptions = {}): Extractor {
  const cores = availableParallelism();
  const threads = options.threads ?? (cores > 1 ? cores - 1 : 0);
  // setTimeout takes at most 2^31-1 ms; a longer budget is no budget.
  const budget = options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS;
  const timeBudgetMs = budget > 0 && budget <= 2 ** 31 - 1 ? budget : Number.POSITIVE_INFINITY;
  return threads > 0 ? threadPool(threads, timeBudgetMs) : inlineExtractor();
}
