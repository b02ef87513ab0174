// Ids taken from a table's own sequence before its rows are written, so related rows can point at them in
// memory first. Sequence values are never rolled back: gaps after a failed batch are harmless.
import type { Prisma, PrismaClient } from "@storyline/db";

export type SequencedTable = "Article" | "Event" | "Story" | "Quote" | "QuoteCluster";

export async function nextIds(
  client: PrismaClient | Prisma.TransactionClient,
  table: SequencedTable,
  count: number,
): Promise<number[]> {
  const rows = await client.$queryRawUnsafe<{ id: number }[]>(
    `select nextval(pg_get_serial_sequence('"${table}"', 'id'))::int as id from generate_series(1, $1)`,
    count,
  );
  return rows.map((r) => r.id);
}

/** Hands out reserved ids one at a time, as the strings the event index uses. */
export const takeFrom = (pool: number[], what: string) => (): string => {
  const id = pool.shift();
  if (id === undefined) throw new Error(`no ${what} id reserved: reserve ids before assigning`);
  return String(id);
};
