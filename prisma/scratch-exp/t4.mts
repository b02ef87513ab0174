import { migrateDeploy, migrationStatus } from "../src/migrate.ts";
const which = process.argv[2];
const url = "postgresql://postgres@127.0.0.1:5432/scratch_init_migration";
const t = performance.now();
if (which === "status-missing") await migrationStatus("postgresql://postgres@127.0.0.1:5432/nonexistent_x").catch((e) => console.log(e.message.slice(0, 80)));
if (which === "status") await migrationStatus(url);
if (which === "deploy") await migrateDeploy(url);
console.log(which, "done in", (performance.now() - t).toFixed(0));
setTimeout(() => { console.log("handles", (process as any)._getActiveHandles().map((h: any) => h.constructor.name + " " + (h.remotePort ?? "") + " " + (h._idleTimeout ?? ""))); }, 200).unref();
