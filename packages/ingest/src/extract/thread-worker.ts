// The extraction thread's side of extract/thread.ts: extract each document in arrival order, teaching the
// role memory as it goes, through the same extractForStore as the inline extractor.
import { parentPort } from "node:worker_threads";
import { RoleMemory } from "../store/roles.ts";
import { extractForStore, type WorkerReply, type WorkerRequest } from "./thread.ts";

const roles = new RoleMemory();

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
  parentPort!.postMessage(reply);
});
