// Migrations against a real PostgreSQL: the programmatic module (src/migrate.ts) and the real Prisma CLI
// running on the wasm stand-in engine must agree on the same `_prisma_migrations` table.

import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsDir } from "../src/engine/paths.ts";
import { migrateDeploy, migrationStatus } from "../src/migrate.ts";
import { runPrismaCli } from "../src/prisma-cli.ts";

const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const localMigrations = readdirSync(migrationsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

function urlForDatabase(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** Creates a uniquely named empty database; returns its URL and a function that drops it. */
async function createScratchDatabase(label: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `storyline_${label}_${randomBytes(4).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  return {
    url: urlForDatabase(name),
    drop: () => onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function publicTables(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((row) => row.table_name);
  } finally {
    await client.end();
  }
}

describe("migrateDeploy and migrationStatus", () => {
  let database: { url: string; drop(): Promise<void> };

  beforeAll(async () => {
    database = await createScratchDatabase("migrate_test");
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("finds the initial migration in prisma/migrations", () => {
    expect(localMigrations.length).toBeGreaterThan(0);
    expect(localMigrations[0]).toMatch(/^\d{14}_init$/);
  });

  it("applies every migration to a fresh database, and nothing the second time", async () => {
    const first = await migrateDeploy(database.url);
    expect(first.applied).toEqual(localMigrations);

    const tables = await publicTables(database.url);
    for (const table of ["_prisma_migrations", "Outlet", "Article", "Entity", "Quote", "Event", "CoverageDay"]) {
      expect(tables).toContain(table);
    }

    const second = await migrateDeploy(database.url);
    expect(second.applied).toEqual([]);
  });

  it("reports the database as up to date", async () => {
    const status = await migrationStatus(database.url);
    expect(status).toMatchObject({
      upToDate: true,
      hasMigrationsTable: true,
      localMigrations,
      pendingMigrations: [],
      failedMigrations: [],
      unknownMigrations: [],
    });
  });

  it("runs the real Prisma CLI offline through the stand-in engine, which agrees", async () => {
    const result = await runPrismaCli(["migrate", "status"], { databaseUrl: database.url, captureOutput: true });
    expect(result.stderr).not.toContain("Error");
    expect(result.stdout).toContain(`${localMigrations.length} migration`);
    expect(result.stdout).toContain("Database schema is up to date!");
    expect(result.exitCode).toBe(0);
  });
});

describe("migrateDeploy edge cases", () => {
  it("applies each migration once when several processes deploy to the same fresh database at once", async () => {
    const database = await createScratchDatabase("migrate_race");
    try {
      const results = await Promise.all([migrateDeploy(database.url), migrateDeploy(database.url), migrateDeploy(database.url)]);
      expect(results.flatMap((result) => result.applied).sort()).toEqual(localMigrations);
      expect((await migrationStatus(database.url)).upToDate).toBe(true);
    } finally {
      await database.drop();
    }
  });

  it("creates the database when it does not exist, as prisma migrate deploy does", async () => {
    const name = `storyline_migrate_missing_${randomBytes(4).toString("hex")}`;
    try {
      const { applied } = await migrateDeploy(urlForDatabase(name));
      expect(applied).toEqual(localMigrations);
    } finally {
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    }
  });

  it("rejects with an Error naming a migration that fails, and status then reports it", async () => {
    const database = await createScratchDatabase("migrate_broken");
    const brokenMigrations = mkdtempSync(join(tmpdir(), "storyline-migrations-"));
    try {
      cpSync(migrationsDir, brokenMigrations, { recursive: true });
      mkdirSync(join(brokenMigrations, "29990101000000_broken"));
      writeFileSync(
        join(brokenMigrations, "29990101000000_broken", "migration.sql"),
        'ALTER TABLE "NoSuchTable" ADD COLUMN x int;',
      );

      const failure = await migrateDeploy(database.url, { migrationsDir: brokenMigrations }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toContain("29990101000000_broken");
      expect((failure as Error).message).toContain("NoSuchTable");

      const status = await migrationStatus(database.url, { migrationsDir: brokenMigrations });
      expect(status.upToDate).toBe(false);
      expect(status.failedMigrations).toEqual(["29990101000000_broken"]);
    } finally {
      rmSync(brokenMigrations, { recursive: true, force: true });
      await database.drop();
    }
  });

  it("rejects with a clear Error when the server cannot be reached", async () => {
    const unreachable = "postgresql://postgres@127.0.0.1:1/storyline";
    await expect(migrateDeploy(unreachable)).rejects.toThrow(/Can't reach database server at `127\.0\.0\.1:1`/);
  });
});
