export { EventLinker } from "./event-linker.ts";
export { acquireIngestLock, IngestBusyError } from "./lock.ts";
export { ReferenceCache } from "./reference.ts";
export { RoleMemory } from "./roles.ts";
export { rebuildRollups } from "./rollups.ts";
export {
  type ArticleLinker,
  type BatchPlan,
  commitBatch,
  type InFlightWrites,
  type LinkBatch,
  NOTHING_IN_FLIGHT,
  planBatch,
  type StoreOutcome,
  storeBatch,
  wallClock,
} from "./write.ts";
