// The driver adapter the wasm schema engine talks to PostgreSQL through. It wraps @prisma/adapter-pg with the
// three fixes the engine needs: explicit connection fields, a shadow database that can actually be dropped,
// and "char" columns that the engine's introspection queries read.

import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

export interface PgConnectionParams {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
  ssl?: pg.ClientConfig["ssl"];
  /** Server settings for each session, e.g. `-c search_path=...`. */
  options?: string;
}

export interface ParsedDatabaseUrl {
  connection: PgConnectionParams;
  /** Prisma's `?schema=` parameter: the PostgreSQL schema the migrations live in. */
  schema?: string;
}

/**
 * Splits a postgres:// URL into separate fields. pg would accept the URL as `connectionString`, but then the
 * URL's database wins over any `database` passed next to it, so the shadow database could not be addressed.
 */
export function parseDatabaseUrl(databaseUrl: string): ParsedDatabaseUrl {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    throw new Error(`DATABASE_URL is not a valid URL (expected postgresql://user@host:port/database).`);
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must start with postgresql:// or postgres://, got ${url.protocol}//`);
  }
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!database) throw new Error("DATABASE_URL names no database (the path after host:port is empty).");

  const connection: PgConnectionParams = {
    // `?host=/var/run/postgresql` is how a Unix socket directory is given in a URL.
    host: url.searchParams.get("host") ?? (decodeURIComponent(url.hostname) || "localhost"),
    port: url.port ? Number(url.port) : 5432,
    user: decodeURIComponent(url.username) || "postgres",
    database,
  };
  if (url.password) connection.password = decodeURIComponent(url.password);
  const sslMode = url.searchParams.get("sslmode");
  if (sslMode && sslMode !== "disable" && sslMode !== "prefer") {
    connection.ssl = sslMode === "verify-full" ? true : { rejectUnauthorized: false };
  }
  const schema = url.searchParams.get("schema") ?? undefined;
  return schema ? { connection, schema } : { connection };
}

/** Describes where a URL points without its password, for error messages. */
export function describeDatabase(connection: PgConnectionParams): string {
  return `"${connection.database}" at ${connection.host}:${connection.port}`;
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type PerformIO = (query: SqlQuery) => Promise<pg.QueryArrayResult>;

/**
 * adapter-pg has no mapping for the single-byte `"char"` type (OID 18) and rejects any result holding one, but
 * the engine's catalog queries select such columns (pg_class.relkind, pg_constraint.contype, ...) and expect
 * them as Character. The raw pg result is relabelled as text so adapter-pg converts the rows, and the column
 * type is then set to Character. Both hooks receive the same query object, which links the two steps.
 */
function reportCharColumnsAsCharacter<T extends SqlQueryable>(queryable: T): T {
  const internals = queryable as unknown as { performIO: PerformIO };
  const performIO = internals.performIO.bind(queryable);
  const queryRaw = queryable.queryRaw.bind(queryable);
  const charColumnsByQuery = new WeakMap<SqlQuery, number[]>();

  internals.performIO = async (query) => {
    const result = await performIO(query);
    const charColumns: number[] = [];
    result.fields.forEach((field, index) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        charColumns.push(index);
        field.dataTypeID = PG_TEXT_OID;
      }
    });
    if (charColumns.length > 0) charColumnsByQuery.set(query, charColumns);
    return result;
  };
  queryable.queryRaw = async (query: SqlQuery): Promise<SqlResultSet> => {
    const resultSet = await queryRaw(query);
    for (const index of charColumnsByQuery.get(query) ?? []) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    charColumnsByQuery.delete(query);
    return resultSet;
  };
  return queryable;
}

function withCharColumnFix(adapter: SqlDriverAdapter): SqlDriverAdapter {
  reportCharColumnsAsCharacter(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => reportCharColumnsAsCharacter(await startTransaction(isolationLevel));
  return adapter;
}

async function runAdminStatement(connection: PgConnectionParams, sql: string): Promise<void> {
  const client = new pg.Client(connection);
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => {});
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The factory handed to the wasm engine. The shadow database (used by `migrate dev` to replay the history)
 * is created here rather than by adapter-pg, whose cleanup drops the database while its own pool still holds
 * connections to it ("... is being accessed by other users"): here the pool ends first, then the drop is forced.
 */
export class PgMigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  private readonly connection: PgConnectionParams;
  private readonly schema: string | undefined;
  /** Adapters handed out and not yet disposed; the engine does not always dispose them itself. */
  private readonly openAdapters = new Set<SqlDriverAdapter>();

  constructor(databaseUrl: string) {
    const { connection, schema } = parseDatabaseUrl(databaseUrl);
    this.connection = connection;
    this.schema = schema;
  }

  /**
   * With `?schema=`, the engine inspects that schema (adapter-pg's `schema` option) but runs its DDL and the
   * migrations unqualified, so the session's search_path must point there too, and the schema must exist.
   */
  private adapterFor(connection: PgConnectionParams): PrismaPg {
    if (!this.schema) return new PrismaPg(connection);
    return new PrismaPg({ ...connection, options: `-c search_path=${quoteIdentifier(this.schema)}` }, { schema: this.schema });
  }

  private async ensureSchemaExists(connection: PgConnectionParams): Promise<void> {
    if (this.schema) await runAdminStatement(connection, `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schema)}`);
  }

  private track(adapter: SqlDriverAdapter, dispose: () => Promise<void>): SqlDriverAdapter {
    let disposing: Promise<void> | undefined;
    adapter.dispose = () => {
      // Idempotent: both the engine and closeAll() may dispose, and pg rejects ending a pool twice.
      disposing ??= (async () => {
        this.openAdapters.delete(adapter);
        await dispose();
      })();
      return disposing;
    };
    this.openAdapters.add(adapter);
    return adapter;
  }

  async connect(): Promise<SqlDriverAdapter> {
    await this.ensureSchemaExists(this.connection);
    const adapter = withCharColumnFix(await this.adapterFor(this.connection).connect());
    return this.track(adapter, adapter.dispose.bind(adapter));
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const shadowDatabase = `prisma_migrate_shadow_db_${randomUUID()}`;
    await runAdminStatement(this.connection, `CREATE DATABASE ${quoteIdentifier(shadowDatabase)}`);
    const shadowConnection = { ...this.connection, database: shadowDatabase };
    await this.ensureSchemaExists(shadowConnection);
    const shadow = withCharColumnFix(await this.adapterFor(shadowConnection).connect());
    const closePool = shadow.dispose.bind(shadow);
    return this.track(shadow, async () => {
      await closePool();
      await runAdminStatement(this.connection, `DROP DATABASE IF EXISTS ${quoteIdentifier(shadowDatabase)} WITH (FORCE)`);
    });
  }

  /** Ends every pool still open (and drops a shadow database left behind). */
  async closeAll(): Promise<void> {
    await Promise.all([...this.openAdapters].map((adapter) => adapter.dispose()));
  }
}
