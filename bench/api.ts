// The API under load: a real API process on a loopback port, 200 concurrent clients for ~15 s (autocannon),
// against the same statements sent over a pg.Pool of the API's size at the same concurrency.
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import pg from "pg";
import { freeLoopbackPort, withClient } from "./lib/db.ts";
import {
  COVERAGE_QUERY,
  type GraphQLRequest,
  graphqlInProcess,
  pointApiAt,
  QUOTE_SEARCH_QUERY,
  QUOTE_SEARCH_SQL,
  type RecordedStatement,
  recordSql,
} from "./lib/graphql.ts";
import { formatCount, log } from "./lib/log.ts";
import type { Figure } from "./lib/report.ts";
import { now, percentile, timeRuns } from "./lib/stats.ts";
import { SEARCH_WORD, type SyntheticCorpus } from "./synthetic.ts";

export interface ApiOptions {
  connections: number;
  durationSeconds: number;
  runs: number;
  budgetMs: number;
}

/** The API's pool: getPrisma() opens the shared client with createPrismaClient's default of 10. */
const API_POOL_SIZE = 10;

async function startApi(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freeLoopbackPort();
  // Ten minutes is far more than the load tests need; the server stops by itself after that.
  const child = fork(fileURLToPath(new URL("./api-server.ts", import.meta.url)), [String(port), "600000"], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the API did not start within 60 s")), 60_000);
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with code ${code} before listening`));
    });
  });
  return { url: `http://127.0.0.1:${port}/graphql`, child };
}

async function stopApi(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

interface Load {
  p50: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
}

async function loadApi(url: string, request: GraphQLRequest, options: ApiOptions): Promise<Load> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: options.connections,
    duration: options.durationSeconds,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    timeout: 30,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** `connections` loops, each sending the statements of one request in turn, until the time is up. */
async function loadPool(databaseUrl: string, statements: RecordedStatement[], options: ApiOptions): Promise<Load> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: API_POOL_SIZE });
  const latencies: number[] = [];
  let errors = 0;
  const started = now();
  const deadline = started + options.durationSeconds * 1000;
  const worker = async () => {
    while (now() < deadline) {
      const t = now();
      try {
        for (const s of statements) await pool.query(s.sql, s.params);
        latencies.push(now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (now() - started) / 1000;
  await pool.end();
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    requests: latencies.length,
    errors,
  };
}

const ms = (n: number) => Math.round(n * 100) / 100;

export async function apiBench(corpus: SyntheticCorpus, options: ApiOptions): Promise<{ figures: Figure[]; errors: string[] }> {
  const scale = formatCount(corpus.articles);
  const group = `api@${scale}`;
  const corpusText = `${scale} articles, ${formatCount(corpus.quotes)} quotes`;
  const figures: Figure[] = [];
  const errors: string[] = [];
  pointApiAt(corpus.db.url, corpus.db.prisma);

  const coverage: GraphQLRequest = {
    query: COVERAGE_QUERY,
    variables: { dimension: "OUTLET", from: "2025-12-02", to: "2025-12-31", bucket: "DAY" },
  };
  const search: GraphQLRequest = { query: QUOTE_SEARCH_QUERY, variables: { filter: { search: SEARCH_WORD }, first: 20 } };
  const searchSql = QUOTE_SEARCH_SQL.map((sql) => ({ sql, params: [SEARCH_WORD] }));

  // One client, warm: the quote search through GraphQL against the same search in hand-written SQL.
  log(`api ${scale}: quote search "${SEARCH_WORD}", one client`);
  await withClient(corpus.db.url, async (client) => {
    const raw = await timeRuns(async () => {
      for (const s of searchSql) await client.query(s.sql, s.params);
    }, options);
    const gql = await timeRuns(() => graphqlInProcess(search), options);
    figures.push({
      section: "api",
      group,
      name: `quote search "${SEARCH_WORD}" (page of 20 + totalCount): GraphQL in process, one client`,
      corpus: corpusText,
      value: gql.median,
      unit: "ms",
      detail: `p95 ${ms(gql.p95)}, ${gql.runs} runs`,
      baseline: { name: "same search in SQL (join + count)", value: raw.median, unit: "ms", detail: `p95 ${ms(raw.p95)}` },
      ratio: gql.median / raw.median,
    });
  });

  const operations: { name: string; request: GraphQLRequest; statements: RecordedStatement[]; baselineName: string }[] = [
    {
      name: "coverage, 30 days by outlet",
      request: coverage,
      statements: await recordSql(corpus.db.url, corpus.db.prisma, coverage),
      baselineName: "the API's own SQL over pg.Pool",
    },
    {
      name: `quote search "${SEARCH_WORD}"`,
      request: search,
      statements: searchSql,
      baselineName: "same search in SQL over pg.Pool",
    },
  ];

  log(`api ${scale}: starting the API on a loopback port`);
  const api = await startApi(corpus.db.url);
  try {
    for (const op of operations) {
      const check = await fetch(api.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(op.request),
      });
      const body = (await check.json()) as { errors?: { message: string }[] };
      if (!check.ok || body.errors?.length) {
        errors.push(`${group} ${op.name}: the API answered ${check.status} ${JSON.stringify(body.errors ?? [])}`);
        continue;
      }
      log(`api ${scale}: ${op.name}: ${options.connections} clients for ${options.durationSeconds} s through the API`);
      const viaApi = await loadApi(api.url, op.request, options);
      log(
        `api ${scale}: ${op.name}: p50 ${viaApi.p50} ms, p99 ${viaApi.p99} ms, ${Math.round(viaApi.rps)} req/s, ${viaApi.errors} errors`,
      );
      log(
        `api ${scale}: ${op.name}: ${options.connections} clients for ${options.durationSeconds} s over pg.Pool(${API_POOL_SIZE})`,
      );
      const viaPool = await loadPool(corpus.db.url, op.statements, options);
      log(
        `api ${scale}: ${op.name}: pool p50 ${ms(viaPool.p50)} ms, p99 ${ms(viaPool.p99)} ms, ${Math.round(viaPool.rps)} req/s`,
      );
      const load = `${options.connections} clients, ${options.durationSeconds} s`;
      figures.push(
        {
          section: "api",
          group,
          name: `${op.name}: p99 latency under load (${load})`,
          corpus: corpusText,
          value: viaApi.p99,
          unit: "ms",
          detail: `p50 ${viaApi.p50}, ${viaApi.errors} errors of ${viaApi.requests}`,
          baseline: {
            name: op.baselineName,
            value: viaPool.p99,
            unit: "ms",
            detail: `p50 ${ms(viaPool.p50)}, ${viaPool.errors} errors`,
          },
          ratio: viaApi.p99 / viaPool.p99,
          target: { op: "<=", value: 50 },
          targetOn: "value",
        },
        {
          section: "api",
          group,
          name: `${op.name}: throughput under load (${load})`,
          corpus: corpusText,
          value: viaApi.rps,
          unit: "req/s",
          detail: `${viaApi.errors} errors`,
          baseline: { name: op.baselineName, value: viaPool.rps, unit: "req/s" },
          ratio: viaApi.rps / viaPool.rps,
        },
      );
    }
  } finally {
    await stopApi(api.child);
  }
  return { figures, errors };
}
