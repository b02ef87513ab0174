// `npm start`: database (embedded unless DATABASE_URL), migrations, demo data into an empty database,
// then the API (GraphiQL) and the dashboard. Ctrl-C stops all of it, the embedded database last.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const started = performance.now();
const say = (line: string) => console.log(`storyline: ${line}`);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const childEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };

function runStep(label: string, command: string, args: string[]) {
  say(`${label}...`);
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: childEnv, encoding: "utf8" });
  if (result.status !== 0) {
    console.error(result.stdout.slice(-4000), result.stderr.slice(-4000));
    console.error(`storyline: ${label} failed (exit ${result.status}); the output above says why.`);
    process.exit(1);
  }
}

async function waitFor(url: string, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

runStep("generating the Prisma client and GraphQL types", "npx", ["turbo", "run", "generate", "--output-logs=errors-only"]);

const { ConfigError, env } = await import("../prisma/src/env.ts");
const { openDatabaseServer, portIsFree, redactUrl } = await import("../prisma/src/server.ts");
const { migrateDeploy } = await import("../prisma/src/migrate.ts");

for (const [name, port] of [
  ["STORYLINE_API_PORT", env.STORYLINE_API_PORT],
  ["STORYLINE_WEB_PORT", env.STORYLINE_WEB_PORT],
] as const) {
  if (!(await portIsFree(port))) {
    console.error(`storyline: port ${port} is busy. Stop the program using it, or set ${name} to a free port.`);
    process.exit(1);
  }
}

let database: Awaited<ReturnType<typeof openDatabaseServer>>;
try {
  database = await openDatabaseServer();
  say(
    `database: ${database.embedded ? `embedded PostgreSQL, data in ${env.STORYLINE_DATA_DIR}` : "external"} (${redactUrl(database.url)})`,
  );
  const { applied } = await migrateDeploy(database.url);
  say(applied.length ? `applied ${applied.length} migration(s)` : "schema up to date");
} catch (error) {
  console.error(`storyline: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const { createPrismaClient } = await import("../prisma/src/index.ts");
const prisma = createPrismaClient(database.url, { max: 4 });
const demoWanted = env.STORYLINE_DEMO && !process.argv.includes("--no-demo");
if ((await prisma.article.count()) === 0 && !demoWanted) {
  say("empty database; the demo is off. Ingest your articles with: npm run storyline -- ingest PATH");
} else if ((await prisma.article.count()) === 0) {
  say("empty database: loading the demo corpus through the real ingest (STORYLINE_DEMO=0 or `npm start -- --no-demo` skips it;");
  say("`npm run storyline -- delete --demo` removes it later)...");
  const { loadDemo } = await import("../packages/ingest/src/demo/load.ts");
  const summary = await loadDemo({ prisma, databaseUrl: database.url, dir: resolve(env.STORYLINE_DATA_DIR, "demo") });
  say(`demo loaded: ${summary.stored} articles (${summary.nearDuplicates} syndicated copies), ${summary.failed} failed`);
}
await prisma.$disconnect();

runStep("building the dashboard (cached after the first start)", "npx", [
  "turbo",
  "run",
  "build",
  "--filter=@storyline/web",
  "--output-logs=errors-only",
]);

const children: ChildProcess[] = [];
const apiUrl = `http://localhost:${env.STORYLINE_API_PORT}`;
const webUrl = `http://localhost:${env.STORYLINE_WEB_PORT}`;
const serviceEnv = { ...childEnv, DATABASE_URL: database.url, STORYLINE_API_URL: `${apiUrl}/graphql`, NODE_ENV: "production" };
children.push(
  spawn(process.execPath, ["--import", "tsx", "apps/api/src/server.ts"], { cwd: root, env: serviceEnv, stdio: "inherit" }),
  spawn(process.execPath, [resolve(root, "node_modules/next/dist/bin/next"), "start", "-p", String(env.STORYLINE_WEB_PORT)], {
    cwd: resolve(root, "apps/web"),
    env: serviceEnv,
    stdio: ["ignore", "ignore", "inherit"],
  }),
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  say("stopping...");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once("exit", () => done());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5000).unref();
        }),
    ),
  );
  await database.stop();
  say(database.owned ? "stopped; the embedded database shut down cleanly" : "stopped");
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
for (const child of children) child.once("exit", (code) => !stopping && void stop(code ?? 1));

const [apiUp, webUp] = await Promise.all([waitFor(`${apiUrl}/health`, 60), waitFor(webUrl, 60)]);
if (!apiUp || !webUp) {
  console.error(`storyline: the ${!apiUp ? "API" : "dashboard"} did not come up within 60 s.`);
  await stop(1);
}
say(`ready in ${elapsed()}`);
console.log(`\n  GraphQL API + GraphiQL  ${apiUrl}/graphql\n  Dashboard               ${webUrl}\n\n  Ctrl-C stops everything.\n`);
