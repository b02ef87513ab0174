// Runs the real Prisma CLI offline: its schema-engine binary (a download) is replaced by the wasm-backed
// stand-in in src/engine/, and update checks and telemetry are off. DATABASE_URL comes from the environment
// (prisma.config.ts reads it).
//
//   node --import tsx prisma/src/prisma-cli.ts migrate dev --name <name>
//   node --import tsx prisma/src/prisma-cli.ts migrate deploy | migrate status | migrate diff ... | db push

import { spawn } from "node:child_process";
import { accessSync, chmodSync, constants, existsSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { dbPackageDir, prismaCliEntry, schemaEngineStandIn } from "./engine/paths.ts";

/** The stand-in must be executable; a checkout or archive that dropped the mode bit is repaired here. */
function ensureStandInIsExecutable(): void {
  try {
    accessSync(schemaEngineStandIn, constants.X_OK);
  } catch {
    chmodSync(schemaEngineStandIn, 0o755);
  }
}

/**
 * Generators are named by their executable (`prisma-pothos-types`), which npm scripts find on PATH through
 * node_modules/.bin; run as plain `node src/generate.ts` they would not be found. Adds every node_modules/.bin
 * from this package up, as npm does.
 */
function pathWithPackageBins(path: string | undefined): string {
  const bins: string[] = [];
  for (let dir = dbPackageDir; ; dir = dirname(dir)) {
    const bin = join(dir, "node_modules", ".bin");
    if (existsSync(bin)) bins.push(bin);
    if (dir === dirname(dir)) break;
  }
  return [...bins, ...(path ? [path] : [])].join(delimiter);
}

/** Environment under which the Prisma CLI needs no network. */
export function offlinePrismaEnv(baseEnv: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  ensureStandInIsExecutable();
  return {
    ...baseEnv,
    PATH: pathWithPackageBins(baseEnv.PATH),
    // An existing file here makes the CLI skip the engine download and run this file as the engine.
    PRISMA_SCHEMA_ENGINE_BINARY: schemaEngineStandIn,
    // No update check or telemetry ("checkpoint") requests.
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
}

export interface PrismaCliOptions {
  /** Overrides DATABASE_URL for this run. */
  databaseUrl?: string;
  /** Capture output instead of sharing this process's terminal. */
  captureOutput?: boolean;
}

export interface PrismaCliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `prisma <args>` in the db package directory, where prisma.config.ts names the schema, the migrations
 * folder and the datasource.
 */
export function runPrismaCli(args: string[], options: PrismaCliOptions = {}): Promise<PrismaCliResult> {
  const env = offlinePrismaEnv();
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, [prismaCliEntry, ...args], {
    cwd: dbPackageDir,
    env,
    stdio: options.captureOutput ? ["ignore", "pipe", "pipe"] : "inherit",
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", (error) => reject(new Error(`Could not start the Prisma CLI: ${error.message}`)));
    child.on("close", (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const args = process.argv.slice(2);
  const needsDatabase = args[0] === "migrate" || args[0] === "db";
  if (needsDatabase && !process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set: prisma.config.ts takes the datasource url from it.");
  }
  const { exitCode } = await runPrismaCli(args);
  process.exitCode = exitCode;
}
