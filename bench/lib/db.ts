// Bench databases: each benchmark gets its own database on the configured server, migrated by the real
// migrations (as prisma/src/testing.ts does for tests), and dropped at the end - also on Ctrl-C, because a
// 10M-article database left behind costs gigabytes.
import { randomBytes } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "@storyline/db";
import { migrateDeploy } from "@storyline/db/migrate";
import { databaseUrlFor, openDatabaseServer } from "@storyline/db/server";

export { freeLoopbackPort } from "@storyline/db/testing";

import pg from "pg";

export const BENCH_DB_PREFIX = "storyline_bench_";

export interface BenchDatabase {
  url: string;
  name: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
  /** Leaves the database on the server when the run ends (`--keep`); `--corpus NAME` reuses it. */
  keep(): Promise<void>;
}

const live = new Set<BenchDatabase>();

async function admin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const server = await openDatabaseServer();
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(label: string, options: { poolSize?: number } = {}): Promise<BenchDatabase> {
  const server = await openDatabaseServer();
  const name = `${BENCH_DB_PREFIX}${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomBytes(3).toString("hex")}`;
  await admin((c) => c.query(`create database "${name}"`));
  const url = databaseUrlFor(server.url, name);
  await migrateDeploy(url);
  return track(name, url, options.poolSize);
}

/**
 * A bench database an earlier `--keep` run left on the server, migrated to the current migrations (so a
 * new index can be measured on a kept corpus). Kept again at the end: the caller did not create it.
 */
export async function openBenchDatabase(name: string, options: { poolSize?: number } = {}): Promise<BenchDatabase> {
  if (!name.startsWith(BENCH_DB_PREFIX)) throw new Error(`${name} is not a bench database (${BENCH_DB_PREFIX}*)`);
  const server = await openDatabaseServer();
  const exists = await admin((c) => c.query("select 1 from pg_database where datname = $1", [name]));
  if (!exists.rowCount) throw new Error(`no database ${name} on the server`);
  const url = databaseUrlFor(server.url, name);
  await migrateDeploy(url);
  const db = track(name, url, options.poolSize);
  await db.keep();
  return db;
}

function track(name: string, url: string, poolSize = 10): BenchDatabase {
  const prisma = createPrismaClient(url, { max: poolSize });
  let done = false;
  const db: BenchDatabase = {
    url,
    name,
    prisma,
    async drop() {
      if (done) return;
      done = true;
      live.delete(db);
      await prisma.$disconnect().catch(() => {});
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
    async keep() {
      if (done) return;
      done = true;
      live.delete(db);
      await prisma.$disconnect().catch(() => {});
    },
  };
  live.add(db);
  return db;
}

export async function dropAllBenchDatabases() {
  for (const db of [...live]) await db.drop().catch(() => {});
}

/** Bench databases a crashed or killed run left behind, with their size, so the run can say so. */
export async function leftoverBenchDatabases(): Promise<{ name: string; size: string }[]> {
  return admin(async (c) => {
    const { rows } = await c.query<{ name: string; size: string }>(
      "select datname as name, pg_size_pretty(pg_database_size(datname)) as size from pg_database where datname like $1",
      [`${BENCH_DB_PREFIX}%`],
    );
    return rows.filter((r) => ![...live].some((db) => db.name === r.name));
  });
}

export async function dropDatabaseByName(name: string) {
  if (!name.startsWith(BENCH_DB_PREFIX)) throw new Error(`refusing to drop ${name}: not a bench database`);
  await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

export async function serverInfo(): Promise<{ version: string; settings: Record<string, string> }> {
  return admin(async (c) => {
    const version = (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? "?";
    const { rows } = await c.query<{ name: string; setting: string; unit: string | null }>(
      "select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit')",
    );
    return { version, settings: Object.fromEntries(rows.map((r) => [r.name, `${r.setting}${r.unit ?? ""}`])) };
  });
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
