// Helpers shared by the migration tests: scratch databases on the configured server, dropped after.

import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import pg from "pg";
import { migrationsDir } from "../src/engine/paths.ts";

export const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export const localMigrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export function urlForDatabase(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(use: (client: pg.Client) => Promise<T>, url = serverUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/** Creates a uniquely named empty database; returns its URL and a function that drops it. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  const name = `storyline_${label}_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    name,
    url: urlForDatabase(name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

export async function publicTables(databaseUrl: string): Promise<string[]> {
  return onServer(async (client) => {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((row) => row.table_name);
  }, databaseUrl);
}

export interface MigrationRecord {
  migration_name: string;
  finished: boolean;
  rolled_back: boolean;
}

/** `_prisma_migrations`, oldest first; empty when the table does not exist yet. */
export async function migrationRows(databaseUrl: string): Promise<MigrationRecord[]> {
  return onServer(async (client) => {
    const { rows: exists } = await client.query("SELECT 1 FROM pg_tables WHERE tablename = '_prisma_migrations'");
    if (exists.length === 0) return [];
    const { rows } = await client.query<MigrationRecord>(
      `SELECT migration_name, finished_at IS NOT NULL AS finished, rolled_back_at IS NOT NULL AS rolled_back
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
    );
    return rows;
  }, databaseUrl);
}
