// Migrations against a real PostgreSQL: the programmatic module (src/migrate.ts) and the real Prisma CLI
// running on the wasm stand-in engine must agree on the same `_prisma_migrations` table.

import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsDir } from "../src/engine/paths.ts";
import { migrateDeploy, migrationStatus } from "../src/migrate.ts";
import { runPrismaCli } from "../src/prisma-cli.ts";
import { createScratchDatabase, localMigrations, onServer, publicTables, urlForDatabase } from "./scratch-database.ts";

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

  it("rejects with an Error naming a migration that fails, applies none of it, and applies it once it is fixed", async () => {
    const database = await createScratchDatabase("migrate_broken");
    const brokenMigrations = mkdtempSync(join(tmpdir(), "storyline-migrations-"));
    const brokenFile = join(brokenMigrations, "29990101000000_broken", "migration.sql");
    try {
      cpSync(migrationsDir, brokenMigrations, { recursive: true });
      mkdirSync(join(brokenMigrations, "29990101000000_broken"));
      // The first statement succeeds: the old engine kept it and recorded a failed migration (P3009 forever).
      writeFileSync(brokenFile, 'CREATE TABLE "Partial" (id int);\nALTER TABLE "NoSuchTable" ADD COLUMN x int;\n');

      for (let attempt = 0; attempt < 2; attempt++) {
        const failure = await migrateDeploy(database.url, { migrationsDir: brokenMigrations }).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(Error);
        expect((failure as Error).message).toContain("29990101000000_broken");
        expect((failure as Error).message).toContain("NoSuchTable");
        expect((failure as Error).message).toContain("nothing of it was applied");
        expect((failure as Error).message).not.toContain("P3009");
      }
      expect(await publicTables(database.url)).not.toContain("Partial");
      const status = await migrationStatus(database.url, { migrationsDir: brokenMigrations });
      expect(status).toMatchObject({ upToDate: false, failedMigrations: [], pendingMigrations: ["29990101000000_broken"] });

      writeFileSync(brokenFile, 'CREATE TABLE "Partial" (id int);\n');
      expect((await migrateDeploy(database.url, { migrationsDir: brokenMigrations })).applied).toEqual(["29990101000000_broken"]);
      expect((await migrationStatus(database.url, { migrationsDir: brokenMigrations })).upToDate).toBe(true);
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
