// Applying migrations ourselves instead of through the schema engine's applyMigrations. The engine (through
// adapter-pg's executeScript) splits a script on ";" and runs each piece on its own, after recording the
// migration as started: a kill in the middle left some tables created, a row with a NULL finished_at, and
// every later deploy failing with P3009 (issue 15). PostgreSQL DDL is transactional, so here each migration's
// SQL and its `_prisma_migrations` row commit together: a kill, a crash or an error leaves the migration
// either applied and recorded or absent. The table, its columns, the checksum (sha256 of the file, hex) and
// the advisory lock are Prisma Migrate's own, so `prisma migrate status|deploy|resolve` read and respect what
// this writes, and a concurrent `prisma migrate deploy` waits for us (and we for it).

import { createHash, randomUUID } from "node:crypto";
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";
import { describeDatabase, type PgConnectionParams, parseDatabaseUrl } from "./pg-migration-adapter.ts";

/** The key of Prisma Migrate's `pg_advisory_lock(72707369)`, so we exclude the CLI's migrations too. */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** How long a deploy waits for another process's migration before giving up with a sentence. */
const DEFAULT_LOCK_WAIT_MS = 5 * 60_000;

const PG_LOCK_NOT_AVAILABLE = "55P03";

/** `_prisma_migrations` exactly as Prisma Migrate creates it on PostgreSQL. */
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Statements PostgreSQL refuses inside a transaction block, and scripts that manage their own transaction
 * (a COMMIT in the script would end ours early, and the row would be written after it). Such a migration is
 * applied the way Prisma does it: the row first, the script as one query, then the row marked finished.
 */
const OUTSIDE_TRANSACTION =
  /\bCONCURRENTLY\b|^\s*(?:BEGIN|COMMIT|END|ROLLBACK|START\s+TRANSACTION|VACUUM|CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+SYSTEM|REINDEX\s+(?:SCHEMA|DATABASE|SYSTEM))\b/im;

export function needsOwnTransaction(script: string): boolean {
  return OUTSIDE_TRANSACTION.test(script.replace(/--[^\n]*/g, ""));
}

/** Prisma's migration checksum: sha256 of the script's UTF-8 bytes, lower-case hex. */
export function migrationChecksum(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

export interface ApplyMigrationsOptions {
  /** How long to wait for another process that is migrating the same database. */
  lockWaitMs?: number;
}

interface MigrationRow {
  id: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

interface LocalMigration {
  name: string;
  script: string;
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function localMigrations(migrationsList: MigrationList): LocalMigration[] {
  const lockfile = migrationsList.lockfile.content;
  const provider = lockfile ? /^\s*provider\s*=\s*"([^"]*)"/m.exec(lockfile)?.[1] : undefined;
  if (provider && provider !== "postgresql") {
    throw new Error(
      `The migrations in ${migrationsList.baseDir} were made for ${provider} (migration_lock.toml), not PostgreSQL.`,
    );
  }
  return migrationsList.migrationDirectories.map((directory) => {
    const { content } = directory.migrationFile;
    if (content.tag === "error") {
      throw new Error(`Could not read migration ${directory.path}/${directory.migrationFile.path}: ${content.value}`);
    }
    return { name: directory.path, script: content.value };
  });
}

/** Why a migration failed, in the database's words plus where, without the SQL (which can be 14 KB). */
function describePgError(error: unknown): string {
  const { message, position, code } = error as { message?: string; position?: string; code?: string };
  const where = position ? ` (at character ${position} of the script)` : "";
  return `${message ?? String(error)}${where}${code ? ` [PostgreSQL ${code}]` : ""}`;
}

class Deployment {
  private readonly applied: string[] = [];

  constructor(
    private readonly client: pg.Client,
    private readonly target: string,
  ) {}

  private async rows(): Promise<MigrationRow[]> {
    const { rows } = await this.client.query<MigrationRow>(
      `SELECT id, migration_name, started_at, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    );
    return rows;
  }

  /**
   * A schema Prisma Migrate has never touched must be empty, as `prisma migrate deploy` insists (P3005):
   * otherwise DATABASE_URL probably names someone else's database.
   */
  private async ensureMigrationsTable(): Promise<void> {
    const { rows } = await this.client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    const names = rows.map((row) => row.table_name);
    if (names.includes("_prisma_migrations")) return;
    if (names.length > 0) {
      const shown = names.slice(0, 5).join(", ") + (names.length > 5 ? `, ... (${names.length} tables)` : "");
      throw new Error(
        `Database ${this.target} is not empty (${shown}) and was never migrated by Storyline, so its tables are ` +
          `left alone [P3005]. Point DATABASE_URL at a new or empty database (it is created if missing).`,
      );
    }
    await this.client.query(CREATE_MIGRATIONS_TABLE);
  }

  async run(migrations: LocalMigration[]): Promise<string[]> {
    await this.ensureMigrationsTable();
    const rows = await this.rows();
    const finished = new Set(rows.filter((row) => row.finished_at && !row.rolled_back_at).map((row) => row.migration_name));
    // Neither finished nor rolled back: a run that was killed or failed (Prisma reports these as P3009).
    const unfinished = rows.filter((row) => !row.finished_at && !row.rolled_back_at);
    const localNames = new Set(migrations.map((migration) => migration.name));
    for (const row of unfinished) {
      if (!finished.has(row.migration_name) && !localNames.has(row.migration_name)) {
        throw new Error(
          `Database ${this.target}: migration ${row.migration_name} was started on ${row.started_at.toISOString()} and never ` +
            `finished, and it is not in this checkout's prisma/migrations, so it cannot be re-run. Update the checkout, or ` +
            `undo its changes by hand and run \`npm run prisma -- migrate resolve --rolled-back ${row.migration_name}\`.`,
        );
      }
    }
    // Stale attempts of a migration that did finish later change nothing: retire them so status is clean.
    const stale = unfinished.filter((row) => finished.has(row.migration_name)).map((row) => row.id);
    if (stale.length > 0) {
      await this.client.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE id = ANY($1)`, [stale]);
    }
    for (const migration of migrations) {
      if (finished.has(migration.name)) continue;
      const interrupted = unfinished.filter((row) => row.migration_name === migration.name);
      if (needsOwnTransaction(migration.script)) await this.applyOutsideTransaction(migration, interrupted);
      else await this.applyInTransaction(migration, interrupted);
      this.applied.push(migration.name);
    }
    return this.applied;
  }

  /**
   * The migration and its row in one transaction. An earlier unfinished attempt is retired (rolled_back_at)
   * in the same transaction: if that attempt ran in a transaction it left nothing, and the script applies
   * cleanly again; if an older, statement-by-statement engine left part of it behind, the script fails on
   * what already exists, everything here is rolled back, and the error says what to do.
   */
  private async applyInTransaction(migration: LocalMigration, interrupted: MigrationRow[]): Promise<void> {
    await this.client.query("BEGIN");
    try {
      await this.client.query(migration.script);
      await this.recordFinished(migration);
      if (interrupted.length > 0) await this.retire(interrupted);
      await this.client.query("COMMIT");
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => {});
      throw this.failure(migration, interrupted, error, "nothing of it was applied (it runs in one transaction)");
    }
  }

  /** Prisma's own sequence, for the rare script that cannot run in a transaction (see OUTSIDE_TRANSACTION). */
  private async applyOutsideTransaction(migration: LocalMigration, interrupted: MigrationRow[]): Promise<void> {
    if (interrupted.length > 0) await this.retire(interrupted);
    const id = randomUUID();
    await this.client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
      [id, migrationChecksum(migration.script), migration.name],
    );
    try {
      await this.client.query(migration.script);
    } catch (error) {
      await this.client
        .query(`UPDATE "_prisma_migrations" SET logs = $2 WHERE id = $1`, [id, describePgError(error)])
        .catch(() => {});
      throw this.failure(
        migration,
        [],
        error,
        "it cannot run in a transaction (CONCURRENTLY, VACUUM, its own BEGIN/COMMIT, ...), so part of it may be applied; " +
          `undo that part, then run \`npm run prisma -- migrate resolve --rolled-back ${migration.name}\``,
      );
    }
    await this.client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
  }

  private async recordFinished(migration: LocalMigration): Promise<void> {
    await this.client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [randomUUID(), migrationChecksum(migration.script), migration.name],
    );
  }

  private async retire(rows: MigrationRow[]): Promise<void> {
    await this.client.query(
      `UPDATE "_prisma_migrations" SET rolled_back_at = now(),
         logs = coalesce(logs || E'\\n', '') || 'Interrupted before it finished; re-applied by Storyline.'
       WHERE id = ANY($1)`,
      [rows.map((row) => row.id)],
    );
  }

  private failure(migration: LocalMigration, interrupted: MigrationRow[], error: unknown, consequence: string): Error {
    const reason = describePgError(error);
    if (interrupted.length === 0) {
      return new Error(`Database ${this.target}: migration ${migration.name} failed: ${reason}; ${consequence}.`, {
        cause: error,
      });
    }
    const startedAt = interrupted[0]?.started_at.toISOString();
    return new Error(
      `Database ${this.target}: migration ${migration.name} was started on ${startedAt} by an earlier run that was ` +
        `interrupted or failed, and that run left part of its changes behind, so it cannot simply run again ` +
        `(re-running it failed: ${reason}). If this database holds nothing you need, drop it and start again ` +
        `(for the embedded database, stop Storyline and delete the data folder, .storyline/pg by default). ` +
        `Otherwise finish or undo the migration's changes by hand, then record what you did with ` +
        `\`npm run prisma -- migrate resolve --applied ${migration.name}\` or \`--rolled-back ${migration.name}\`.`,
      { cause: error },
    );
  }
}

async function acquireLock(client: pg.Client, target: string, waitMs: number): Promise<void> {
  const { rows } = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [
    PRISMA_MIGRATE_LOCK_KEY,
  ]);
  if (rows[0]?.locked) return;
  // Someone else is migrating (another Storyline process, or `prisma migrate`): wait for them, bounded.
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
  } catch (error) {
    if ((error as { code?: string }).code === PG_LOCK_NOT_AVAILABLE) {
      throw new Error(
        `Database ${target}: another process has been migrating it for more than ${Math.round(waitMs / 1000)} s ` +
          `(it holds Prisma Migrate's advisory lock ${PRISMA_MIGRATE_LOCK_KEY}); try again when it has finished.`,
      );
    }
    throw error;
  } finally {
    await client.query("RESET lock_timeout").catch(() => {});
  }
}

/**
 * Applies the listed migrations the database has not applied, oldest first, under Prisma Migrate's
 * advisory lock. The database must exist. Returns what the engine's applyMigrations returns.
 */
export async function applyMigrations(
  databaseUrl: string,
  migrationsList: MigrationList,
  options: ApplyMigrationsOptions = {},
): Promise<{ appliedMigrationNames: string[] }> {
  const migrations = localMigrations(migrationsList);
  const { connection, schema } = parseDatabaseUrl(databaseUrl);
  const target = describeDatabase(connection);
  const params: PgConnectionParams = schema
    ? { ...connection, options: `-c search_path=${quoteIdentifier(schema)}` }
    : connection;
  const client = new pg.Client({ ...params, connectionTimeoutMillis: 10_000 });
  // A connection dropped by the server mid-deploy (restart, terminate) must reject the query, not crash.
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw new Error(`Database ${target}: could not connect to apply migrations: ${describePgError(error)}`, {
      cause: error,
    });
  }
  try {
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await acquireLock(client, target, options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS);
    const appliedMigrationNames = await new Deployment(client, target).run(migrations);
    return { appliedMigrationNames };
  } finally {
    // Ending the session releases the advisory lock too; unlocking first frees it without waiting for that.
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  }
}
