// Stand-in for Prisma's native `schema-engine` binary, which the CLI downloads and which cannot be downloaded
// offline. The Prisma CLI runs it (via PRISMA_SCHEMA_ENGINE_BINARY and the schema-engine-stand-in.cjs wrapper)
// exactly as it would run the binary:
//
//   schema-engine [--datamodels <file>]... [--datasource '{"url": ...}']         JSON-RPC over stdio
//   schema-engine --datasource '{"url": ...}' cli can-connect-to-database|create-database
//   schema-engine --version
//
// Each JSON-RPC request is forwarded to the same engine compiled to WebAssembly. Logs go to stderr as JSON
// lines, which is where the CLI looks for them.

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { canConnectToDatabase, createDatabase, DatabaseSetupError } from "./database-setup.ts";
import {
  type Datamodel,
  type EngineErrorDetails,
  loadedEngineVersion,
  type OpenedSchemaEngine,
  openSchemaEngine,
  type SchemaEngine,
  toSchemaEngineError,
} from "./wasm-schema-engine.ts";

interface CommandLine {
  datamodelPaths: string[];
  datasourceUrl: string | undefined;
  cliCommand: string | undefined;
  printVersion: boolean;
}

function parseCommandLine(args: string[]): CommandLine {
  const commandLine: CommandLine = {
    datamodelPaths: [],
    datasourceUrl: undefined,
    cliCommand: undefined,
    printVersion: false,
  };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    const value = args[index + 1];
    switch (arg) {
      case "--datamodels":
        if (value) commandLine.datamodelPaths.push(value);
        index++;
        break;
      case "--datasource":
        commandLine.datasourceUrl = value ? (JSON.parse(value) as { url?: string }).url : undefined;
        index++;
        break;
      // Accepted for compatibility with the native binary; the wasm engine has no use for them.
      case "--enabled-preview-features":
      case "--extension-types":
        index++;
        break;
      case "--version":
      case "-V":
        commandLine.printVersion = true;
        break;
      case "cli":
        commandLine.cliCommand = value;
        index++;
        break;
      default:
        throw new Error(`schema-engine stand-in: unknown argument ${arg}`);
    }
  }
  return commandLine;
}

function writeLogLine(level: "INFO" | "ERROR", fields: Record<string, unknown>, target: string): void {
  process.stderr.write(`${JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target })}\n`);
}

/**
 * `cli <command>` mode. The CLI skips the first stderr line and then looks for an ERROR line from
 * `schema_engine::logger` carrying `error_code` and `message` (P1003 "database does not exist" is what makes
 * `migrate dev` offer to create the database).
 */
async function runCliCommand(command: string | undefined, databaseUrl: string | undefined): Promise<number> {
  writeLogLine("INFO", { message: "Starting schema engine CLI" }, "schema_engine_cli");
  try {
    if (!databaseUrl) throw new DatabaseSetupError("No datasource URL was given (--datasource).");
    if (command === "can-connect-to-database") await canConnectToDatabase(databaseUrl);
    else if (command === "create-database") await createDatabase(databaseUrl);
    else throw new DatabaseSetupError(`Unknown cli command: ${command ?? "(none)"}`);
    return 0;
  } catch (error) {
    const fields: Record<string, unknown> = { is_panic: false, message: String(error) };
    if (error instanceof DatabaseSetupError) {
      fields.message = error.message;
      if (error.code) fields.error_code = error.code;
    }
    writeLogLine("ERROR", fields, "schema_engine::logger");
    return 1;
  }
}

interface RpcRequest {
  jsonrpc: "2.0";
  id: number | string;
  method: string;
  params?: Record<string, unknown>;
}

interface RpcResponse {
  jsonrpc: "2.0";
  id: number | string;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** Requests passed to the wasm engine's method of the same name, unchanged. */
const FORWARDED_METHODS = new Set<string>([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
] satisfies (keyof SchemaEngine)[]);

type ForwardedMethod = (this: SchemaEngine, params: unknown) => Promise<unknown>;

/** Requests that can change which migrations the database has applied. */
const HISTORY_CHANGING_METHODS = new Set<string>([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/** Requests that read the schema the migrations produce (replayed in a shadow database). */
const SHADOW_SCHEMA_METHODS = new Set<string>(["evaluateDataLoss", "createMigration"]);

class MethodNotFoundError extends Error {
  readonly rpcCode = -32601;
}

class JsonRpcServer {
  private session: Promise<OpenedSchemaEngine> | undefined;
  /**
   * The wasm engine can replay migrations in a shadow database only inside devDiagnostic (the one place it
   * is handed the adapter factory); evaluateDataLoss and createMigration reuse the schema it cached for the
   * migrations applied at that moment, and fail with "PostgreSQL shadow DB must be provided through an
   * external factory" when the applied set has changed since (e.g. `migrate dev` applying pending migrations
   * first). The native engine makes its own shadow database there, so the CLI does not re-diagnose: we do.
   */
  private shadowSchemaIsCached = false;
  private nextOutgoingId = 1;
  private readonly pendingOutgoing = new Map<number, () => void>();

  constructor(
    private readonly datamodels: Datamodel[],
    private readonly databaseUrl: string | undefined,
  ) {}

  private send(message: RpcRequest | RpcResponse): void {
    process.stdout.write(`${JSON.stringify(message)}\n`);
  }

  /** Asks the CLI to print text (how `migrate diff` output reaches the user) and waits until it has. */
  private print(content: string): Promise<void> {
    const id = this.nextOutgoingId++;
    return new Promise((done) => {
      this.pendingOutgoing.set(id, done);
      this.send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });
  }

  private engine(): Promise<OpenedSchemaEngine> {
    this.session ??= (async () => {
      if (!this.databaseUrl) throw new Error("The datasource has no url: set DATABASE_URL (see prisma.config.ts).");
      return openSchemaEngine({
        databaseUrl: this.databaseUrl,
        datamodels: this.datamodels,
        onLog: (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`),
      });
    })();
    return this.session;
  }

  private async call(method: string, params: unknown): Promise<unknown> {
    if (method === "createDatabase") {
      // The wasm engine can only work inside an existing database.
      if (!this.databaseUrl) throw new DatabaseSetupError("No datasource URL was given.");
      return { databaseName: await createDatabase(this.databaseUrl) };
    }
    const { engine } = await this.engine();
    switch (method) {
      case "getDatabaseVersion":
        // version() with an argument fails in the wasm engine; without one it reports the database's version.
        return engine.version(undefined);
      case "debugPanic":
        engine.debugPanic();
        return null;
      case "diff": {
        // The native binary prints the diff itself (through a `print` request); the wasm engine returns it.
        const { stdout, ...rest } = await engine.diff(params as Parameters<SchemaEngine["diff"]>[0]);
        if (stdout) await this.print(stdout);
        return rest;
      }
    }
    if (!FORWARDED_METHODS.has(method)) throw new MethodNotFoundError(`Method not found: ${method}`);
    if (SHADOW_SCHEMA_METHODS.has(method) && !this.shadowSchemaIsCached) {
      const { migrationsList, filters } = params as Parameters<SchemaEngine["devDiagnostic"]>[0];
      await engine.devDiagnostic({ migrationsList, filters });
      this.shadowSchemaIsCached = true;
    }
    const forwarded = (engine as unknown as Record<string, ForwardedMethod>)[method] as ForwardedMethod;
    const result = await forwarded.call(engine, params);
    if (method === "devDiagnostic") this.shadowSchemaIsCached = true;
    if (HISTORY_CHANGING_METHODS.has(method)) this.shadowSchemaIsCached = false;
    return result ?? null;
  }

  async handleRequest(request: RpcRequest): Promise<void> {
    try {
      const result = await this.call(request.method, request.params);
      this.send({ jsonrpc: "2.0", id: request.id, result });
    } catch (thrown) {
      if (thrown instanceof MethodNotFoundError) {
        this.send({ jsonrpc: "2.0", id: request.id, error: { code: thrown.rpcCode, message: thrown.message } });
        return;
      }
      const details: EngineErrorDetails =
        thrown instanceof DatabaseSetupError
          ? { is_panic: false, message: thrown.message, ...(thrown.code ? { error_code: thrown.code } : {}) }
          : toSchemaEngineError(thrown).details;
      if (details.is_panic) writeLogLine("ERROR", { message: details.message, backtrace: details.backtrace }, "schema_engine");
      this.send({
        jsonrpc: "2.0",
        id: request.id,
        // The shape the native binary uses: the CLI reads data.is_panic, data.message and data.error_code.
        error: {
          code: 4466,
          message: details.is_panic ? details.message : "An error happened. Check the data field for details.",
          data: details,
        },
      });
    }
  }

  handleResponse(response: RpcResponse): void {
    const done = this.pendingOutgoing.get(Number(response.id));
    this.pendingOutgoing.delete(Number(response.id));
    done?.();
  }

  async close(): Promise<void> {
    const session = await this.session?.catch(() => undefined);
    await session?.close();
  }
}

async function serveJsonRpc(commandLine: CommandLine): Promise<void> {
  const datamodels = await Promise.all(
    commandLine.datamodelPaths.map(async (path): Promise<Datamodel> => [path, await readFile(resolve(path), "utf8")]),
  );
  const server = new JsonRpcServer(datamodels, commandLine.datasourceUrl);
  // Requests are handled one at a time, in order, as the native engine does.
  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let message: RpcRequest | RpcResponse;
    try {
      message = JSON.parse(line) as RpcRequest | RpcResponse;
    } catch {
      writeLogLine("ERROR", { message: `Could not parse JSON-RPC message: ${line.slice(0, 200)}` }, "schema_engine");
      continue;
    }
    if ("method" in message) {
      const request = message;
      queue = queue.then(() => server.handleRequest(request));
    } else {
      // A reply to one of our own requests (print); handled at once because a queued request awaits it.
      server.handleResponse(message);
    }
  }
  // The CLI ends stdin when it is done with the engine.
  await queue;
  await server.close();
}

async function main(): Promise<number> {
  const commandLine = parseCommandLine(process.argv.slice(2));
  if (commandLine.printVersion) {
    process.stdout.write(`schema-engine-cli ${await loadedEngineVersion()}\n`);
    return 0;
  }
  if (commandLine.cliCommand !== undefined) return runCliCommand(commandLine.cliCommand, commandLine.datasourceUrl);
  await serveJsonRpc(commandLine);
  return 0;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error: unknown) => {
    writeLogLine("ERROR", { message: error instanceof Error ? error.message : String(error) }, "schema_engine");
    process.exit(1);
  },
);
