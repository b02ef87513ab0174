// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm), the offline replacement
// for the native `schema-engine` binary that the Prisma CLI would otherwise download.

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PgMigrationAdapterFactory } from "./pg-migration-adapter.ts";

export type { SchemaEngine };

declare global {
  // Read by the wasm module's panic hook; without it a Rust panic surfaces only as
  // "Cannot read properties of undefined (reading 'set_message')".
  var PRISMA_WASM_PANIC_REGISTRY: { set_message(message: string): void } | undefined;
}

let lastPanicMessage: string | undefined;

globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message: string) {
    lastPanicMessage = message;
  },
};

/** The part of the WebAssembly API used here: the project compiles without lib.dom, which declares it. */
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
  RuntimeError: abstract new (...args: never[]) => Error;
}
const webAssembly = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

let loading: Promise<void> | undefined;

/**
 * The engine arms timeouts (10 s for the migration advisory lock) and never clears them, since Rust drops the
 * future instead; left as they are they keep a finished process alive for 10 s. Unref'd timers still fire
 * while the engine waits on the database, whose socket keeps the process alive.
 */
function importsWithUnrefTimers(): Record<string, unknown> {
  const imports: Record<string, unknown> = { ...bindings };
  for (const name of Object.keys(imports)) {
    if (name.startsWith("__wbg_setTimeout_")) {
      imports[name] = (callback: () => void, delayMs: number) => setTimeout(callback, delayMs >>> 0).unref();
    }
  }
  return imports;
}

/**
 * The package's own entry imports the `.wasm` file as an ES module, which Node cannot do; this performs the
 * same steps by hand: instantiate the binary with the JS glue as its import object, hand the exports back to
 * the glue, then run the module's start function. Done once per process.
 */
function loadWasmModule(): Promise<void> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmBytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await webAssembly.instantiate(wasmBytes, { "./schema_engine_bg.js": importsWithUnrefTimers() });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start(): void }).__wbindgen_start();
  })();
  return loading;
}

/** The engine's version (the prisma-engines commit), as `schema-engine --version` prints it. */
export async function loadedEngineVersion(): Promise<string> {
  await loadWasmModule();
  return bindings.version();
}

/** A schema file as the engine wants it: [path, content]. */
export type Datamodel = [path: string, content: string];

export interface OpenSchemaEngineOptions {
  databaseUrl: string;
  /** Schema files to load; omit for commands that take the schema in their parameters. */
  datamodels?: Datamodel[];
  /** Receives the engine's log lines (JSON strings in tracing format). */
  onLog?: (line: string) => void;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and ends its database pools. */
  close(): Promise<void>;
}

export async function openSchemaEngine(options: OpenSchemaEngineOptions): Promise<OpenedSchemaEngine> {
  await loadWasmModule();
  const pgFactory = new PgMigrationAdapterFactory(options.databaseUrl);
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(pgFactory);
  // An empty datamodels list makes the engine panic; `undefined` means "no schema given".
  const datamodels = options.datamodels?.length ? options.datamodels : undefined;
  let engine: SchemaEngine;
  try {
    engine = await bindings.SchemaEngine.new({ datamodels }, options.onLog ?? (() => {}), adapterFactory);
  } catch (error) {
    await pgFactory.closeAll();
    throw toSchemaEngineError(error);
  }
  return {
    engine,
    async close() {
      engine.free();
      await pgFactory.closeAll();
    },
  };
}

/** What the engine rejects with: a user-facing error (with a P-code) or a panic. */
export interface EngineErrorDetails {
  is_panic: boolean;
  message: string;
  error_code?: string;
  backtrace?: string;
}

export class SchemaEngineError extends Error {
  readonly details: EngineErrorDetails;

  constructor(details: EngineErrorDetails) {
    super(details.error_code ? `${details.error_code}: ${details.message}` : details.message);
    this.name = "SchemaEngineError";
    this.details = details;
  }
}

/**
 * Normalises anything the wasm engine throws. A Rust panic arrives as a WebAssembly RuntimeError
 * ("unreachable"); its real message was handed to the panic registry just before.
 */
export function toSchemaEngineError(thrown: unknown): SchemaEngineError {
  if (thrown instanceof SchemaEngineError) return thrown;
  if (thrown instanceof webAssembly.RuntimeError) {
    const message = lastPanicMessage ?? thrown.message;
    lastPanicMessage = undefined;
    return new SchemaEngineError({ is_panic: true, message, backtrace: thrown.stack ?? "" });
  }
  // User-facing errors come as Error objects named SchemaConnectorError, with a P-code in `code` when the
  // engine has one (P3009 "found failed migrations", ...).
  if (thrown instanceof Error) {
    const code = (thrown as Error & { code?: unknown }).code;
    return new SchemaEngineError({
      is_panic: false,
      message: thrown.message,
      ...(typeof code === "string" ? { error_code: code } : {}),
    });
  }
  return new SchemaEngineError({ is_panic: false, message: String(thrown) });
}
