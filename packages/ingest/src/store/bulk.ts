// Multi-row INSERTs as one statement over a JSON document of the rows. Prisma's createMany compiles a query
// plan that carries every row (about 1.5 ms of CPU per article with its body), which capped ingest near 100
// articles/s; the same rows as one parameter cost about as much as a raw COPY.
import type { Prisma, PrismaClient } from "@storyline/db";

type Scalar = "int" | "int8" | "float8" | "text" | "timestamp" | "jsonb";
/** A column's SQL type: a scalar, an array of one (`int[]`, `text[]`), or an enum type name (`enum:InputKind`). */
export type ColumnType = Scalar | "int[]" | "text[]" | `enum:${string}`;

export type Columns<Row> = { [K in keyof Row]?: ColumnType };

/** A Postgres array literal for one cell, so a column of arrays travels as one text[] parameter. */
function arrayLiteral(values: readonly (string | number)[] | null | undefined): string | null {
  if (values == null) return null;
  const items = values.map((v) => (typeof v === "number" ? String(v) : `"${v.replace(/["\\]/g, "\\$&")}"`));
  return `{${items.join(",")}}`;
}

function cell(type: ColumnType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === "int[]" || type === "text[]") return arrayLiteral(value as (string | number)[]);
  // A wall-clock Date (UTC fields hold the local time); `timestamp` ignores the trailing Z.
  if (type === "timestamp") return (value as Date).toISOString();
  if (type === "int8") return String(value);
  if (type === "jsonb") return JSON.stringify(value);
  return value;
}

function parameterType(type: ColumnType): string {
  if (type === "int[]" || type === "text[]" || type.startsWith("enum:")) return "text[]";
  if (type === "jsonb") return "text[]";
  return `${type}[]`;
}

function selectExpression(type: ColumnType, column: string): string {
  if (type === "int[]" || type === "text[]") return `${column}::${type}`;
  if (type.startsWith("enum:")) return `${column}::"${type.slice(5)}"`;
  if (type === "jsonb") return `${column}::jsonb`;
  return column;
}

/** Escapes JSON.stringify writes for lone UTF-16 surrogates, which jsonb rejects (a driver parameter would not). */
const LONE_SURROGATE_ESCAPE = /\\ud[89a-f][0-9a-f]{2}/i;

/**
 * Inserts `rows` into `table` in one statement. `columns` names each column written and its type; a row's
 * missing or undefined field is written as NULL. `suffix` is appended as written (e.g. `on conflict do nothing`).
 *
 * The rows travel as one JSON document read by jsonb_to_recordset: JSON.stringify is native and the driver
 * passes one string, where a parameter per column made the driver and Prisma walk and escape every cell (three
 * times the CPU for the same Postgres time, and most of an ingest's garbage). Text JSON cannot carry (a lone
 * surrogate) goes the unnest() way instead.
 */
export async function insertRows<Row extends object>(
  client: Prisma.TransactionClient | PrismaClient,
  table: string,
  columns: Columns<Row>,
  rows: readonly Row[],
  suffix = "",
): Promise<number> {
  if (rows.length === 0) return 0;
  const entries = Object.entries(columns) as [keyof Row & string, ColumnType][];
  const json = rowsJson(entries, rows);
  if (LONE_SURROGATE_ESCAPE.test(json)) return insertUnnested(client, table, entries, rows, suffix);
  const names = entries.map(([name]) => `"${name}"`);
  const sql = `insert into "${table}" (${names.join(", ")})
    select ${entries.map(([name, type]) => (type.startsWith("enum:") ? `x."${name}"::"${type.slice(5)}"` : `x."${name}"`)).join(", ")}
    from jsonb_to_recordset($1::jsonb) as x(${entries.map(([name, type]) => `"${name}" ${recordType(type)}`).join(", ")})
    ${suffix}`;
  return client.$executeRawUnsafe(sql, json);
}

function recordType(type: ColumnType): string {
  return type.startsWith("enum:") ? "text" : type;
}

/**
 * The rows as a JSON array of objects holding only the written columns (Dates as ISO text, bigints as text).
 * The objects are built here: JSON.stringify's key list would also filter the keys of a jsonb value.
 */
function rowsJson<Row extends object>(entries: [keyof Row & string, ColumnType][], rows: readonly Row[]): string {
  const names = entries.map(([name]) => name);
  const plain = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const name of names) {
      const value = row[name];
      out[name] = typeof value === "bigint" ? String(value) : value;
    }
    return out;
  });
  return JSON.stringify(plain);
}

async function insertUnnested<Row extends object>(
  client: Prisma.TransactionClient | PrismaClient,
  table: string,
  entries: [keyof Row & string, ColumnType][],
  rows: readonly Row[],
  suffix: string,
): Promise<number> {
  const params = entries.map(([name, type]) => rows.map((row) => cell(type, row[name])));
  const aliases = entries.map((_, i) => `c${i}`);
  const sql = `insert into "${table}" (${entries.map(([name]) => `"${name}"`).join(", ")})
    select ${entries.map(([, type], i) => selectExpression(type, aliases[i]!)).join(", ")}
    from unnest(${entries.map(([, type], i) => `$${i + 1}::${parameterType(type)}`).join(", ")}) as x(${aliases.join(", ")})
    ${suffix}`;
  return client.$executeRawUnsafe(sql, ...params);
}
