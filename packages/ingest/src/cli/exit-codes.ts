// Exit codes a scheduler can act on.
export const EXIT = {
  OK: 0,
  /** Usage error: unknown command or option, bad option value. */
  USAGE: 64,
  /** The run finished but some inputs failed; the rest were stored. See the IngestError rows. */
  SOME_FAILED: 2,
  /** Nothing could run: bad configuration, database unreachable, another ingest holds the lock. */
  COULD_NOT_RUN: 3,
} as const;
