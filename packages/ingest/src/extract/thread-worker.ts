// The extraction thread's side of extract/thread.ts: extract each document in arrival order, teaching the
// role memory as it goes, through the same extractForStore as the inline extractor.
import { type MessagePort, parentPort, workerData } from "node:worker_threads";
import { RoleMemory } from "../store/roles.ts";
import { extractForStore, type WorkerReply, type WorkerRequest } from "./thread.ts";

const roles = new RoleMemory();
// Answers go on the channel thread.ts reads them from (it can read it synchronously when a budget runs out).
const replies: MessagePort | null = (workerData as { replies?: MessagePort } | null)?.replies ?? null;

// One small article first, with a throwaway role memory: the tables and regular expressions built on first use
// are built now, so a new thread's first document is not charged for them. Documents are timed from "ready".
try {
  extractForStore(
    {
      id: "warm-up",
      format: "text",
      content:
        'Officials met on Monday.\n\n"We will talk again," Foreign Minister Anna Berg said in Oslo on 2 May 2024, according to Reuters.',
      meta: {},
      inputKind: "TEXT",
      origin: "warm-up",
    },
    new RoleMemory(),
  );
} catch {
  // A warm-up is an optimisation only.
}
(replies ?? parentPort!).postMessage({ ready: true } satisfies WorkerReply);

parentPort!.on("message", (request: WorkerRequest) => {
  if (request.type === "learn") {
    roles.addRows(request.rows);
    return;
  }
  const { seq, doc } = request;
  let reply: WorkerReply;
  try {
    reply = { seq, doc: extractForStore(doc, roles) };
  } catch (error) {
    reply = { seq, error: error instanceof Error ? error.message : String(error) };
  }
  (replies ?? parentPort!).postMessage(reply);
});
