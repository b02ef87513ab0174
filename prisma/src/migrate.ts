// Applying and inspecting migrations from code, without the Prisma CLI: the same wasm schema engine, the
// same prisma/migrations folder and the same `_prisma_migrations` table as `prisma migrate deploy|status`,
// so the two can be mixed freely. Deploying is done by src/engine/apply-migrations.ts rather than the engine. Runs on every start and in every test suite's setup, so it stays in-process.

import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { MigrationDirectory, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { applyMigrations } from "./engine/apply-migrations.ts";
import { ensureDatabaseExists } from "./engine/database-setup.ts";
import { migrationsDir as defaultMigrationsDir } from "./engine/paths.ts";
import { describeDatabase, parseDatabaseUrl } from "./engine/pg-migration-adapter.ts";
import { type OpenedSchemaEngine, openSchemaEngine, toSchemaEngineError } from "./engine/wasm-schema-engine.ts";

const LOCKFILE_NAME = "migration_lock.toml";
const MIGRATION_FILE_NAME = "migration.sql";
const NO_EXTERNAL_ENTITIES: SchemaFilter = { externalTables: [], externalEnums: [] };

export interface MigrateOptions {
  /** Defaults to this package's prisma/migrations. */
  migrationsDir?: string;
}

/**
 * Reads the migrations folder the way the Prisma CLI does: one sub-folder per migration, sorted by name,
 * each holding migration.sql; an unreadable file is passed on as an error for the engine to report.
 */
async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const lockfileContent = await readFile(join(migrationsDir, LOCKFILE_NAME), "utf8").catch(() => null);
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw new Error(`Could not read the migrations folder ${migrationsDir}: ${error.message}`);
  });
  const migrationDirectories: MigrationDirectory[] = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry): Promise<MigrationDirectory> => {
        const content = await readFile(join(migrationsDir, entry.name, MIGRATION_FILE_NAME), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        );
        return { path: entry.name, migrationFile: { path: MIGRATION_FILE_NAME, content } };
      }),
  );
  migrationDirectories.sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE_NAME, content: lockfileContent },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

/**
 * Engine messages end in a Rust span trace ("   0: sql_schema_connector::apply_migration ... at file.rs:113")
 * and may start with a generic "external connector error" line; what is left is the database's own words.
 */
function readableEngineMessage(message: string): string {
  const spanTraceStart = message.search(/\n\s+0: /);
  const withoutTrace = spanTraceStart === -1 ? message : message.slice(0, spanTraceStart);
  return withoutTrace
    .replace(/^external connector error\n/, "")
    .replace(/^Error querying the database: /, "")
    .trim();
}

function failedMigrationName(message: string): string | undefined {
  return /migration_name="([^"]+)"/.exec(message)?.[1];
}

async function withEngine<T>(databaseUrl: string, action: string, use: (session: OpenedSchemaEngine) => Promise<T>): Promise<T> {
  const target = describeDatabase(parseDatabaseUrl(databaseUrl).connection);
  let session: OpenedSchemaEngine | undefined;
  try {
    session = await openSchemaEngine({ databaseUrl });
    return await use(session);
  } catch (thrown) {
    const { details } = toSchemaEngineError(thrown);
    const migrationName = failedMigrationName(details.message);
    const reason = readableEngineMessage(details.message);
    const code = details.error_code ? ` [${details.error_code}]` : "";
    const what = migrationName ? `migration ${migrationName} failed` : `could not ${action}`;
    throw new Error(`Database ${target}: ${what}${code}: ${reason}`, { cause: thrown });
  } finally {
    await session?.close();
  }
}

/**
 * Applies the migrations in prisma/migrations that the database has not seen yet, in order, recording them
 * in `_prisma_migrations` (what `prisma migrate deploy` does, including creating a missing database).
 * Each migration runs in one transaction with its `_prisma_migrations` row, so a kill at any moment leaves
 * it either fully applied and recorded or not there at all; concurrent callers (and the Prisma CLI) wait on
 * the advisory lock Prisma Migrate uses. See src/engine/apply-migrations.ts for the why.
 */
export async function migrateDeploy(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? defaultMigrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations found in ${migrationsList.baseDir}; create one with \`prisma migrate dev\`.`);
  }
  await ensureDatabaseExists(databaseUrl);
  const { appliedMigrationNames } = await applyMigrations(databaseUrl, migrationsList);
  return { applied: appliedMigrationNames };
}

export interface MigrationStatus {
  /** True exactly when `prisma migrate status` would say "Database schema is up to date!". */
  upToDate: boolean;
  /** Migration folders in prisma/migrations, oldest first. */
  localMigrations: string[];
  /** In the folder, not yet applied to the database. */
  pendingMigrations: string[];
  /** Recorded as applied in the database but missing from the folder. */
  unknownMigrations: string[];
  /** Recorded as failed: deploys stop until they are resolved. */
  failedMigrations: string[];
  /** Changed on disk after they were applied (checksum mismatch). */
  editedMigrations: string[];
  /** False for a database Prisma Migrate has never touched. */
  hasMigrationsTable: boolean;
}

/** Compares prisma/migrations with the database's `_prisma_migrations`, changing nothing. */
export async function migrationStatus(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationStatus> {
  const migrationsList = await readMigrationsList(options.migrationsDir ?? defaultMigrationsDir);
  const diagnosis = await withEngine(databaseUrl, "read the migration history", ({ engine }) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_EXTERNAL_ENTITIES }),
  );
  const history = diagnosis.history;
  const pendingMigrations =
    history && history.diagnostic !== "migrationsDirectoryIsBehind" ? history.unappliedMigrationNames : [];
  const unknownMigrations = history && history.diagnostic !== "databaseIsBehind" ? history.unpersistedMigrationNames : [];
  const localMigrations = migrationsList.migrationDirectories.map((directory) => directory.path);
  return {
    upToDate:
      diagnosis.hasMigrationsTable &&
      pendingMigrations.length === 0 &&
      history?.diagnostic !== "historiesDiverge" &&
      diagnosis.failedMigrationNames.length === 0,
    localMigrations,
    pendingMigrations,
    unknownMigrations,
    failedMigrations: diagnosis.failedMigrationNames,
    editedMigrations: diagnosis.editedMigrationNames,
    hasMigrationsTable: diagnosis.hasMigrationsTable,
  };
}
