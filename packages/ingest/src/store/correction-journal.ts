// What undo needs of a correction: every row it changed or deleted as it was before (first capture wins), and
// the rows it created. Undo deletes the created rows and writes the old ones back, whatever the correction was.
import { Prisma } from "@storyline/db";

type Tx = Prisma.TransactionClient;

/** Tables a correction may touch, parents first (the order rows are restored in), with their primary keys. */
const TABLES = {
  Entity: ["id"],
  Story: ["id"],
  Event: ["id"],
  QuoteCluster: ["id"],
  Article: ["id"],
  Mention: ["id"],
  Quote: ["id"],
  RoleHolding: ["id"],
  EventParticipant: ["eventId", "entityId"],
  EventMention: ["articleId", "eventId"],
} as const;

export type Table = keyof typeof TABLES;
type Row = Record<string, unknown>;

export interface JournalRows {
  before: Partial<Record<Table, Row[]>>;
  created: Partial<Record<Table, Row[]>>;
}

const keyOf = (table: Table, row: Row) => `${table}:${TABLES[table].map((c) => String(row[c])).join(",")}`;
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class Journal {
  private before = new Map<string, { table: Table; row: Row }>();
  private created = new Map<string, { table: Table; row: Row }>();

  /** A no-op journal: rules re-applied by the pipeline are not undone one by one. */
  static readonly none = new (class extends Journal {
    override async capture() {}
    override create() {}
  })();

  /** Captures the rows of `table` matching `where` (SQL over alias t), unless captured already. */
  async capture(tx: Tx, table: Table, where: Prisma.Sql): Promise<void> {
    const rows = await tx.$queryRaw<{ row: Row }[]>`
      select to_jsonb(t) as row from ${Prisma.raw(quoted(table))} t where ${where}`;
    for (const { row } of rows) {
      const key = keyOf(table, row);
      if (!this.before.has(key) && !this.created.has(key)) this.before.set(key, { table, row });
    }
  }

  create(table: Table, row: Row) {
    this.created.set(keyOf(table, row), { table, row });
  }

  /** "Entity:3", "Article:12": what a later undo compares to find conflicting corrections. */
  touched(): string[] {
    return [...this.before.keys(), ...this.created.keys()];
  }

  toJSON(): JournalRows {
    const group = (entries: Iterable<{ table: Table; row: Row }>) => {
      const out: Partial<Record<Table, Row[]>> = {};
      for (const { table, row } of entries) {
        const list = out[table] ?? [];
        list.push(row);
        out[table] = list;
      }
      return out;
    };
    return { before: group(this.before.values()), created: group(this.created.values()) };
  }
}

export const touchedKeys = (rows: JournalRows): string[] => {
  const keys: string[] = [];
  for (const part of [rows.before, rows.created])
    for (const [table, list] of Object.entries(part) as [Table, Row[]][]) for (const row of list) keys.push(keyOf(table, row));
  return keys;
};

/** Reverts a journal: created rows go (children first), old rows are written back (parents first). */
export async function revertJournal(tx: Tx, rows: JournalRows): Promise<void> {
  const order = Object.keys(TABLES) as Table[];
  for (const table of [...order].reverse()) {
    const created = rows.created[table];
    if (!created?.length) continue;
    const pk = TABLES[table];
    await tx.$executeRaw`
      delete from ${Prisma.raw(quoted(table))} t using jsonb_populate_recordset(null::${Prisma.raw(quoted(table))}, ${JSON.stringify(created)}::jsonb) x
      where ${Prisma.raw(pk.map((c) => `t.${quoted(c)} = x.${quoted(c)}`).join(" and "))}`;
  }
  for (const table of order) {
    const before = rows.before[table];
    if (!before?.length) continue;
    const columns = (
      await tx.$queryRaw<{ name: string }[]>`
        select column_name as name from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} order by ordinal_position`
    ).map((c) => c.name);
    const pk: readonly string[] = TABLES[table];
    const list = columns.map(quoted).join(", ");
    const updates = columns
      .filter((c) => !pk.includes(c))
      .map((c) => `${quoted(c)} = excluded.${quoted(c)}`)
      .join(", ");
    await tx.$executeRaw`
      insert into ${Prisma.raw(quoted(table))} (${Prisma.raw(list)})
      select ${Prisma.raw(list)} from jsonb_populate_recordset(null::${Prisma.raw(quoted(table))}, ${JSON.stringify(before)}::jsonb)
      on conflict (${Prisma.raw(pk.map(quoted).join(", "))}) do update set ${Prisma.raw(updates)}`;
  }
}
