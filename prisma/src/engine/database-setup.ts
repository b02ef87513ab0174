// Checking that a database exists and creating it: the two things the schema engine does before it has a
// database to connect to, so the wasm engine (which only works through a connection) cannot do them.

import pg from "pg";
import { describeDatabase, type PgConnectionParams, parseDatabaseUrl } from "./pg-migration-adapter.ts";

/** A failure with Prisma's error code where one applies (P1000, P1001, P1003), as the native engine reports it. */
export class DatabaseSetupError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = "DatabaseSetupError";
    this.code = code;
  }
}

const PG_INVALID_CATALOG_NAME = "3D000";
const PG_DUPLICATE_DATABASE = "42P04";
const PG_AUTHENTICATION_FAILURES = new Set(["28P01", "28000"]);
const UNREACHABLE_SERVER_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ETIMEDOUT", "ECONNRESET", "ENOENT"]);

function toSetupError(error: unknown, connection: PgConnectionParams): DatabaseSetupError {
  const code = (error as { code?: string } | undefined)?.code;
  const server = `${connection.host}:${connection.port}`;
  if (code === PG_INVALID_CATALOG_NAME) {
    return new DatabaseSetupError(
      `Database \`${connection.database}\` does not exist on the database server at \`${server}\`.`,
      "P1003",
    );
  }
  if (code && PG_AUTHENTICATION_FAILURES.has(code)) {
    return new DatabaseSetupError(
      `Authentication failed against database server at \`${server}\`, the provided database credentials for \`${connection.user}\` are not valid.`,
      "P1000",
    );
  }
  if (code && UNREACHABLE_SERVER_CODES.has(code)) {
    return new DatabaseSetupError(
      `Can't reach database server at \`${server}\`. Please make sure your database server is running.`,
      "P1001",
    );
  }
  return new DatabaseSetupError(
    `Could not connect to ${describeDatabase(connection)}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

async function withClient<T>(connection: PgConnectionParams, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...connection, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw toSetupError(error, connection);
  }
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Resolves when the database accepts a connection; rejects with P1003 when it does not exist. */
export async function canConnectToDatabase(databaseUrl: string): Promise<void> {
  await withClient(parseDatabaseUrl(databaseUrl).connection, async () => {});
}

/** Creates the URL's database if it is missing; returns its name. */
export async function createDatabase(databaseUrl: string): Promise<string> {
  const { connection } = parseDatabaseUrl(databaseUrl);
  // CREATE DATABASE has to run from another database: the maintenance one, as the native engine does.
  const maintenance = { ...connection, database: connection.database === "postgres" ? "template1" : "postgres" };
  await withClient(maintenance, async (client) => {
    try {
      await client.query(`CREATE DATABASE "${connection.database.replaceAll('"', '""')}"`);
    } catch (error) {
      if ((error as { code?: string }).code !== PG_DUPLICATE_DATABASE) {
        throw new DatabaseSetupError(`Could not create database ${describeDatabase(connection)}: ${(error as Error).message}`);
      }
    }
  });
  return connection.database;
}

/** Creates the database unless it already accepts connections. Returns true when it was created. */
export async function ensureDatabaseExists(databaseUrl: string): Promise<boolean> {
  try {
    await canConnectToDatabase(databaseUrl);
    return false;
  } catch (error) {
    if (error instanceof DatabaseSetupError && error.code === "P1003") {
      await createDatabase(databaseUrl);
      return true;
    }
    throw error;
  }
}
