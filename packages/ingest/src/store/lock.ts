// One ingest at a time per database: a session-level advisory lock on a dedicated connection.
import pg from "pg";

export const INGEST_LOCK_KEY = 0x5354_4f52; // "STOR"

export class IngestBusyError extends Error {
  override name = "IngestBusyError";
}

export interface HeldLock {
  release(): Promise<void>;
}

export async function acquireIngestLock(databaseUrl: string, options: { waitMs: number }): Promise<HeldLock> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const { rows } = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1) as ok", [INGEST_LOCK_KEY]);
    if (rows[0]?.ok) break;
    if (Date.now() >= deadline) {
      await client.end();
      throw new IngestBusyError(
        "another storyline ingest is running on this database; wait for it to finish (or pass --wait SECONDS to queue behind it)",
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    async release() {
      await client.query("select pg_advisory_unlock($1)", [INGEST_LOCK_KEY]).catch(() => {});
      await client.end().catch(() => {});
    },
  };
}
