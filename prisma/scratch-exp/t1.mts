import { readFileSync } from "node:fs";
import { openSchemaEngine } from "/work/main/prisma/src/engine/wasm-schema-engine.ts";
const url = "postgresql://postgres@127.0.0.1:5432/scratch_wasm_a";
const schema = readFileSync("/work/main/prisma/schema.prisma", "utf8");
const logs: unknown[] = [];
const t0 = Date.now();
const engine = await openSchemaEngine({ databaseUrl: url, datamodels: [["schema.prisma", schema]], onLog: (l) => logs.push(l) });
console.log("open ms", Date.now() - t0);
const migrationsList = { baseDir: "/tmp/exp/migrations", lockfile: { path: "migration_lock.toml", content: null }, migrationDirectories: [], shadowDbInitScript: "" };
const filters = { externalTables: [], externalEnums: [] };
console.log(JSON.stringify(await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters })));
try { const r = await engine.createMigration({ migrationsList, filters, schema: { files: [{ path: "schema.prisma", content: schema }] }, draft: false, migrationName: "init" } as any); console.log("create w/o diag", JSON.stringify(r).slice(0,200)); } catch (e) { console.log("create err", e, typeof e, e?.constructor?.name, JSON.stringify(e)); }
console.log(JSON.stringify(await engine.devDiagnostic({ migrationsList, filters })));
const r = await engine.createMigration({ migrationsList, filters, schema: { files: [{ path: "schema.prisma", content: schema }] }, draft: false, migrationName: "init" } as any);
console.log(JSON.stringify(r).slice(0, 300));
try { await engine.applyMigrations({ migrationsList: { ...migrationsList, migrationDirectories: [{ path: "20200101_bad", migrationFile: { path: "migration.sql", content: { tag: "ok", value: "CREATE TABLE x (;" } } }] }, filters } as any); } catch (e) { console.log("apply err", e, typeof e, e?.constructor?.name, Object.keys(e as any)); }
console.log(logs.slice(0, 5));
try { engine.debugPanic(); } catch (e) { console.log("panic", e, (e as any)?.constructor?.name); }
