import { openSchemaEngine } from "../src/engine/wasm-schema-engine.ts";
const url = "postgresql://postgres@127.0.0.1:5432/scratch_wasm_a";
const engine = await openSchemaEngine({ databaseUrl: url });
const filters = { externalTables: [], externalEnums: [] };
const bad = { baseDir: "/tmp/x", lockfile: { path: "migration_lock.toml", content: null }, shadowDbInitScript: "", migrationDirectories: [{ path: "20200101_bad", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "CREATE TABLE x (;" } } }] };
for (const step of ["apply1", "apply2", "diag"]) {
  try {
    const r = step === "diag" ? await engine.diagnoseMigrationHistory({ migrationsList: bad, optInToShadowDatabase: false, filters } as any) : await engine.applyMigrations({ migrationsList: bad, filters } as any);
    console.log(step, JSON.stringify(r));
  } catch (e: any) { console.log(step, "ERR", Object.getOwnPropertyNames(e), e.name, e.code, JSON.stringify(e.meta), e.message.split("\n").slice(0,3).join(" | "), "cause:", e.cause); }
}
try { await engine.version(undefined); console.log("version ok", await engine.version(undefined)); } catch (e) { console.log("version err", e); }
try { engine.debugPanic(); } catch (e: any) { console.log("panic", e.name, e.message); }
