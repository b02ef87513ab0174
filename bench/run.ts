// `npm run bench`: ingest throughput, coverage queries at 1M and 10M articles, the API under load. Prints a
// table and writes bench/results/latest.{json,md}. See bench/README.md.
//
//   npm run bench -- --only ingest,coverage,api --scale 1m,10m
import { cpus, loadavg, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { apiBench } from "./api.ts";
import { coverageBench } from "./coverage.ts";
import { ingestBench } from "./ingest.ts";
import { dropAllBenchDatabases, leftoverBenchDatabases, openBenchDatabase, serverInfo, withClient } from "./lib/db.ts";
import { formatCount, log } from "./lib/log.ts";
import { consoleTable, type Figure, met, readResults, type Section, type SectionResult, writeResults } from "./lib/report.ts";
import { now } from "./lib/stats.ts";
import { createSyntheticCorpus, growSyntheticCorpus, type SyntheticCorpus } from "./synthetic.ts";
import { webBench } from "./web.ts";

const USAGE = `usage: npm run bench -- [options]
  --only LIST          ingest,coverage,api,web (default: all)
  --scale LIST         coverage corpus sizes, e.g. 1m,10m or 100k (default: 1m,10m)
  --api-scale SIZE     corpus the API load test runs on (default: 1m, else the smallest --scale)
  --text N             text articles for ingest (default 2000)
  --html N             HTML pages for ingest (default 300)
  --extract-baseline REF  also time extraction at commit REF on the same files (a temporary git worktree)
  --runs N             warm runs per timed query (default 30)
  --connections N      concurrent clients in the load test (default 200)
  --duration S         seconds per load test (default 15)
  --experiments        also measure the proposed fixes: a quote-search index, an HTTP body cache (bench/README.md)
  --keep               leave the synthetic corpus database on the server (its name is printed)
  --corpus NAME        reuse a corpus database a --keep run left (migrated first; kept again), instead of filling one
  --no-write           print only; leave bench/results alone`;

function parseCount(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`not a count: ${text}`);
  const unit = m[2]?.toLowerCase();
  return Math.round(Number(m[1]) * (unit === "m" ? 1_000_000 : unit === "k" ? 1_000 : 1));
}

const { values } = parseArgs({
  options: {
    only: { type: "string" },
    scale: { type: "string" },
    "api-scale": { type: "string" },
    text: { type: "string" },
    html: { type: "string" },
    "extract-baseline": { type: "string" },
    runs: { type: "string" },
    connections: { type: "string" },
    duration: { type: "string" },
    "no-write": { type: "boolean" },
    experiments: { type: "boolean" },
    keep: { type: "boolean" },
    corpus: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const SECTIONS: Section[] = ["ingest", "coverage", "api", "web"];
const only = new Set((values.only?.split(",").map((s) => s.trim()) ?? SECTIONS) as Section[]);
for (const s of only) {
  if (!SECTIONS.includes(s)) {
    console.error(`unknown benchmark "${s}"\n${USAGE}`);
    process.exit(2);
  }
}
const scales = [...new Set((values.scale ?? "1m,10m").split(",").map(parseCount))].sort((a, b) => a - b);
const apiScale = values["api-scale"] ? parseCount(values["api-scale"]) : scales.includes(1_000_000) ? 1_000_000 : scales[0]!;
const runs = Number(values.runs ?? 30);
const options = {
  ingest: {
    textArticles: parseCount(values.text ?? "2000"),
    htmlPages: parseCount(values.html ?? "300"),
    extractBaseline: values["extract-baseline"],
  },
  coverage: { runs, budgetMs: 20_000 },
  api: {
    connections: Number(values.connections ?? 200),
    durationSeconds: Number(values.duration ?? 15),
    runs,
    budgetMs: 15_000,
    experiments: Boolean(values.experiments),
  },
};

const interrupted = async (signal: string) => {
  log(`${signal}: dropping bench databases`);
  await dropAllBenchDatabases();
  process.exit(130);
};
process.on("SIGINT", () => void interrupted("SIGINT"));
process.on("SIGTERM", () => void interrupted("SIGTERM"));

const server = await serverInfo();
const environment = {
  node: process.version,
  cpus: `${cpus().length} x ${cpus()[0]?.model.trim() ?? "?"}`,
  memory: `${Math.round(totalmem() / 2 ** 30)} GB`,
  "load average at start": loadavg()[0]!.toFixed(2),
  postgres: server.version,
  ...Object.fromEntries(Object.entries(server.settings).map(([k, v]) => [`pg ${k}`, v])),
};
log(
  `bench: ${[...only].join(", ")}; coverage at ${scales.map(formatCount).join(", ")}; PostgreSQL ${server.version}; load ${environment["load average at start"]}`,
);
const leftovers = await leftoverBenchDatabases();
if (leftovers.length) {
  log(
    `note: bench databases left by an earlier run (drop them with psql if no bench is running): ${leftovers.map((d) => `${d.name} (${d.size})`).join(", ")}`,
  );
}

const results = readResults();
interface Collected {
  figures: Figure[];
  findings: string[];
  errors: string[];
  seconds: number;
}
const collected: Record<Section, Collected> = {
  ingest: { figures: [], findings: [], errors: [], seconds: 0 },
  coverage: { figures: [], findings: [], errors: [], seconds: 0 },
  api: { figures: [], findings: [], errors: [], seconds: 0 },
  web: { figures: [], findings: [], errors: [], seconds: 0 },
};
const sectionResult = (c: Collected): SectionResult => ({
  at: new Date().toISOString(),
  seconds: c.seconds,
  environment: { ...environment, "load average at end": loadavg()[0]!.toFixed(2) },
  figures: c.figures,
  findings: c.findings,
  errors: c.errors,
});

const describe = (error: unknown) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

interface BenchOutput {
  figures: Figure[];
  errors: string[];
  findings?: string[];
}

async function section(name: Section, body: () => Promise<BenchOutput>) {
  const c = collected[name];
  const started = now();
  try {
    const r = await body();
    c.figures.push(...r.figures);
    c.errors.push(...r.errors);
    c.findings.push(...(r.findings ?? []));
  } catch (error) {
    // One broken benchmark must not cost the others; the error goes into the results.
    log(`${name}: FAILED: ${describe(error)}`);
    c.errors.push(describe(error).split("\n").slice(0, 3).join(" "));
  } finally {
    c.seconds += (now() - started) / 1000;
  }
}

/** A corpus database an earlier --keep run left, with its sizes read back. */
async function openKeptCorpus(name: string): Promise<SyntheticCorpus> {
  const db = await openBenchDatabase(name);
  return withClient(db.url, async (c) => {
    const count = async (table: string) =>
      Number((await c.query<{ n: string }>(`select count(*) as n from "${table}"`)).rows[0]?.n ?? 0);
    const size = Number((await c.query<{ s: string }>("select pg_database_size(current_database()) as s")).rows[0]?.s ?? 0);
    const corpus = {
      db,
      articles: await count("Article"),
      quotes: await count("Quote"),
      fillSeconds: 0,
      rollupSeconds: 0,
      sizeBytes: size,
    };
    log(`corpus: reusing ${name}, ${formatCount(corpus.articles)} articles, ${corpus.quotes.toLocaleString("en-US")} quotes`);
    return corpus;
  });
}

if (only.has("ingest")) {
  await section("ingest", () => ingestBench(options.ingest));
}

if (only.has("coverage") || only.has("api") || only.has("web")) {
  // One corpus, grown in place: 1M is measured (and load-tested) before it becomes 10M.
  const sizes = only.has("coverage") ? [...scales] : [apiScale];
  if ((only.has("api") || only.has("web")) && !sizes.includes(apiScale)) sizes.push(apiScale);
  sizes.sort((a, b) => a - b);
  let corpus: SyntheticCorpus | null = null;
  try {
    if (values.corpus) corpus = await openKeptCorpus(values.corpus);
    for (const size of sizes) {
      if (corpus && corpus.articles >= size) {
        if (corpus.articles > size) log(`corpus ${corpus.db.name} has ${formatCount(corpus.articles)} articles, measured as is`);
      } else if (!corpus) corpus = await createSyntheticCorpus(size);
      else await growSyntheticCorpus(corpus, size);
      const current: SyntheticCorpus = corpus;
      if (only.has("coverage") && scales.includes(size))
        await section("coverage", () => coverageBench(current, options.coverage));
      if (only.has("api") && size === apiScale) await section("api", () => apiBench(current, options.api));
      if (only.has("web") && size === apiScale) await section("web", () => webBench(current));
    }
  } catch (error) {
    log(`corpus: FAILED: ${describe(error)}`);
    for (const s of ["coverage", "api", "web"] as const)
      if (only.has(s)) collected[s].errors.push(`corpus: ${describe(error).split("\n")[0]}`);
  } finally {
    if (corpus && (values.keep || values.corpus)) {
      log(`keeping ${corpus.db.name} (reuse it with --corpus ${corpus.db.name}; drop it with psql when done)`);
      await corpus.db.keep();
    } else if (corpus) {
      log(`dropping ${corpus.db.name}`);
      await corpus.db.drop();
    }
  }
}

const measured: Figure[] = [];
for (const s of SECTIONS) {
  if (!only.has(s)) continue;
  const c = collected[s];
  results.sections[s] = sectionResult(c);
  measured.push(...c.figures);
}
results.generated = new Date().toISOString();

console.log(`\n${consoleTable(measured)}\n`);
const missed = measured.filter((f) => met(f) === false);
if (missed.length) console.log(`Missed targets: ${missed.length} (see bench/README.md for what each measures)`);
for (const s of SECTIONS) for (const f of collected[s].findings) console.log(`finding (${s}): ${f}`);
for (const s of SECTIONS) for (const e of collected[s].errors) console.log(`error (${s}): ${e}`);
if (!values["no-write"]) {
  writeResults(results);
  console.log("Wrote bench/results/latest.json and bench/results/latest.md");
}
await dropAllBenchDatabases();
process.exit(0);
