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
  uncached,
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
  /** Also measure the fixes proposed in bench/README.md (a quote-search index, an HTTP body cache). */
  experiments: boolean;
}

/** The API's pool: getPrisma() opens the shared client with createPrismaClient's default of 10. */
const API_POOL_SIZE = 10;

export async function startApi(
  databaseUrl: string,
  env: Record<string, string>,
  bodyCacheMs = 0,
  /** A port chosen beforehand (the dashboard bench points `next start` at it before the API runs). */
  chosenPort?: number,
): Promise<{ url: string; child: ChildProcess }> {
  const port = chosenPort ?? (await freeLoopbackPort());
  // Ten minutes is far more than the load tests need; the server stops by itself after that.
  const child = fork(fileURLToPath(new URL("./api-server.ts", import.meta.url)), [String(port), "600000", String(bodyCacheMs)], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
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

export async function stopApi(child: ChildProcess) {
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
  /** Completed within the run; a request still running when it ends is counted in `sent` only. */
  requests: number;
  sent: number;
  errors: number;
}

const summarize = (latencies: number[], sent: number, errors: number, seconds: number): Load => ({
  p50: latencies.length ? percentile(latencies, 50) : Number.NaN,
  p99: latencies.length ? percentile(latencies, 99) : Number.NaN,
  rps: latencies.length / seconds,
  requests: latencies.length,
  sent,
  errors,
});

async function loadApi(url: string, request: GraphQLRequest, options: ApiOptions, rate?: number): Promise<Load> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: options.connections,
    duration: options.durationSeconds,
    ...(rate ? { overallRate: rate } : {}),
    headers: { "content-type": "application/json" },
    body: JSON.stringify(request),
    timeout: 30,
  });
  const completed = result.requests.total;
  return {
    // autocannon reports 0 ms when nothing completed; that must not read as a met target.
    p50: completed ? result.latency.p50 : Number.NaN,
    p99: completed ? result.latency.p99 : Number.NaN,
    rps: result.requests.average,
    requests: completed,
    sent: result.requests.sent,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * `connections` loops, each sending the statements of one request in turn, until the time is up. As with
 * autocannon, only requests that complete within the run count; the rest are let finish but not counted.
 */
async function loadPool(databaseUrl: string, statements: RecordedStatement[], options: ApiOptions): Promise<Load> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: API_POOL_SIZE });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const started = now();
  const deadline = started + options.durationSeconds * 1000;
  const worker = async () => {
    while (now() < deadline) {
      const t = now();
      sent++;
      try {
        for (const s of statements) if (now() < deadline) await pool.query(s.sql, s.params);
        if (now() < deadline) latencies.push(now() - t);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  await pool.end();
  return summarize(latencies, sent, errors, options.durationSeconds);
}

/**
 * Open loop: requests start at a fixed rate whether or not earlier ones finished (at most `connections`
 * outstanding, like autocannon's overallRate), so latency shows service time rather than queueing.
 */
async function loadPoolAtRate(
  databaseUrl: string,
  statements: RecordedStatement[],
  rate: number,
  options: ApiOptions,
): Promise<Load> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: API_POOL_SIZE });
  const latencies: number[] = [];
  let errors = 0;
  let outstanding = 0;
  let sent = 0;
  const started = now();
  const durationMs = options.durationSeconds * 1000;
  const deadline = started + durationMs;
  const send = () => {
    outstanding++;
    const t = now();
    (async () => {
      for (const s of statements) if (now() < deadline) await pool.query(s.sql, s.params);
    })()
      .then(
        () => {
          if (now() < deadline) latencies.push(now() - t);
        },
        () => errors++,
      )
      .finally(() => outstanding--);
  };
  while (now() - started < durationMs) {
    const due = Math.floor(((now() - started) * rate) / 1000) + 1;
    // `sent` counts what was due, including any skipped because every connection was busy.
    for (; sent < due; sent++) if (outstanding < options.connections) send();
    await new Promise((r) => setTimeout(r, 1));
  }
  while (outstanding > 0) await new Promise((r) => setTimeout(r, 5));
  await pool.end();
  return summarize(latencies, sent, errors, options.durationSeconds);
}

const ms = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : "n/a");

interface Operation {
  name: string;
  request: GraphQLRequest;
  statements: RecordedStatement[];
  baselineName: string;
}

/**
 * The index NEWEST quote search could walk: the search orders by "publishedAt" DESC NULLS LAST, id DESC, which
 * Quote_publishedAt_id_idx ("publishedAt" DESC, i.e. NULLS FIRST) cannot serve. Measured with --experiments.
 */
export const QUOTE_SEARCH_INDEX =
  'create index "bench_Quote_publishedAt_nulls_last_idx" on "Quote" ("publishedAt" desc nulls last, id desc)';

const NO_CACHE = { STORYLINE_CACHE_TTL_MS: "0" };

export async function apiBench(
  corpus: SyntheticCorpus,
  options: ApiOptions,
): Promise<{ figures: Figure[]; errors: string[]; findings: string[] }> {
  const scale = formatCount(corpus.articles);
  const corpusText = `${scale} articles, ${corpus.quotes.toLocaleString("en-US")} quotes`;
  const group = `API at ${corpusText}`;
  const figures: Figure[] = [];
  const errors: string[] = [];
  const findings: string[] = [];
  pointApiAt(corpus.db.url, corpus.db.prisma);
  const load = `${options.connections} clients, ${options.durationSeconds} s`;

  const coverage: GraphQLRequest = {
    query: COVERAGE_QUERY,
    variables: { dimension: "OUTLET", from: "2025-12-02", to: "2025-12-31", bucket: "DAY" },
  };
  const search: GraphQLRequest = { query: QUOTE_SEARCH_QUERY, variables: { filter: { search: SEARCH_WORD }, first: 20 } };
  const searchSql = QUOTE_SEARCH_SQL.map((sql) => ({ sql, params: [SEARCH_WORD] }));

  // One client, warm: the quote search through GraphQL (resolvers run, and from the response cache) against
  // the same search in hand-written SQL.
  const oneClient = async (label: string) => {
    log(`api ${scale}: quote search "${SEARCH_WORD}", one client${label}`);
    await withClient(corpus.db.url, async (client) => {
      const raw = await timeRuns(async () => {
        for (const s of searchSql) await client.query(s.sql, s.params);
      }, options);
      const miss = await timeRuns(() => graphqlInProcess(uncached(search)), options);
      const hit = await timeRuns(() => graphqlInProcess(search), options);
      const baseline = { name: "same search in SQL (join + count)", value: raw.median, unit: "ms", detail: `p95 ${ms(raw.p95)}` };
      figures.push(
        {
          section: "api",
          group,
          name: `quote search "${SEARCH_WORD}" (page of 20 + totalCount), one client, GraphQL in process, cache miss${label}`,
          corpus: corpusText,
          value: miss.median,
          unit: "ms",
          detail: `p95 ${ms(miss.p95)}, ${miss.runs} runs`,
          baseline,
          ratio: miss.median / raw.median,
        },
        {
          section: "api",
          group,
          name: `quote search "${SEARCH_WORD}", one client, GraphQL in process, cache hit${label}`,
          corpus: corpusText,
          value: hit.median,
          unit: "ms",
          detail: `p95 ${ms(hit.p95)}, ${hit.runs} runs`,
          baseline,
          ratio: hit.median / raw.median,
        },
      );
    });
  };

  const checked = async (apiUrl: string, op: Operation) => {
    const check = await fetch(apiUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(op.request),
    });
    const body = (await check.json()) as { errors?: { message: string }[] };
    if (check.ok && !body.errors?.length) return true;
    errors.push(`api ${scale} ${op.name}: the API answered ${check.status} ${JSON.stringify(body.errors ?? [])}`);
    return false;
  };

  const closedLoopFigures = (op: Operation, label: string, viaApi: Load, viaPool: Load) => {
    figures.push(
      {
        section: "api",
        group,
        name: `${op.name}: p99 latency, ${load}${label}`,
        corpus: corpusText,
        value: viaApi.p99,
        unit: "ms",
        detail: `p50 ${ms(viaApi.p50)}; ${viaApi.requests} of ${viaApi.sent} requests completed in the run, ${viaApi.errors} errors`,
        baseline: {
          name: op.baselineName,
          value: viaPool.p99,
          unit: "ms",
          detail: `p50 ${ms(viaPool.p50)}; ${viaPool.requests} of ${viaPool.sent} completed, ${viaPool.errors} errors`,
        },
        ratio: viaApi.p99 / viaPool.p99,
        target: { op: "<=", value: 50 },
        targetOn: "value",
        note:
          "closed loop: every client sends its next request as soon as the last one answers, so by Little's law p99 <= 50 ms " +
          `with ${options.connections} clients needs at least ${Math.round(options.connections / 0.05).toLocaleString("en-US")} req/s`,
      },
      {
        section: "api",
        group,
        name: `${op.name}: throughput, ${load}${label}`,
        corpus: corpusText,
        value: viaApi.rps,
        unit: "req/s",
        detail: `${viaApi.errors} errors`,
        baseline: { name: op.baselineName, value: viaPool.rps, unit: "req/s" },
        ratio: viaApi.rps / viaPool.rps,
      },
    );
  };

  /** Half the saturated throughput offered at a steady rate: latency when busy but not overrun. */
  const openLoop = async (apiUrl: string, op: Operation, label: string, saturated: Load, pool: Load) => {
    const rate = Math.max(1, Math.round((saturated.rps || pool.rps) / 2));
    log(`api ${scale}: ${op.name}${label}: open loop at ${rate} req/s through the API, then over pg.Pool`);
    const apiAtRate = await loadApi(apiUrl, op.request, options, rate);
    const poolAtRate = await loadPoolAtRate(corpus.db.url, op.statements, rate, options);
    log(`api ${scale}: ${op.name}${label}: at ${rate} req/s p99 ${ms(apiAtRate.p99)} ms (pool ${ms(poolAtRate.p99)} ms)`);
    figures.push({
      section: "api",
      group,
      name: `${op.name}: p99 latency at a steady ${rate} req/s (half the saturated rate), ${options.durationSeconds} s${label}`,
      corpus: corpusText,
      value: apiAtRate.p99,
      unit: "ms",
      detail: `p50 ${ms(apiAtRate.p50)}; ${apiAtRate.requests} of ${apiAtRate.sent} requests completed in the run, ${apiAtRate.errors} errors`,
      baseline: {
        name: `${op.baselineName}, same rate`,
        value: poolAtRate.p99,
        unit: "ms",
        detail: `p50 ${ms(poolAtRate.p50)}; ${poolAtRate.requests} of ${poolAtRate.sent} completed`,
      },
      ratio: apiAtRate.p99 / poolAtRate.p99,
      target: { op: "<=", value: 50 },
      targetOn: "value",
    });
  };

  const runApi = async <T>(env: Record<string, string>, use: (url: string) => Promise<T>, bodyCacheMs = 0): Promise<T> => {
    const api = await startApi(corpus.db.url, env, bodyCacheMs);
    try {
      return await use(api.url);
    } finally {
      await stopApi(api.child);
    }
  };

  const loadThroughApi = async (url: string, op: Operation, label: string) => {
    log(`api ${scale}: ${op.name}${label}: ${load} through the API`);
    const viaApi = await loadApi(url, op.request, options);
    log(
      `api ${scale}: ${op.name}${label}: p50 ${ms(viaApi.p50)} ms, p99 ${ms(viaApi.p99)} ms, ${Math.round(viaApi.rps)} req/s, ${viaApi.errors} errors`,
    );
    return viaApi;
  };

  const loadThroughPool = async (op: Operation, label: string) => {
    log(`api ${scale}: ${op.name}${label}: ${load} over pg.Pool(${API_POOL_SIZE})`);
    const viaPool = await loadPool(corpus.db.url, op.statements, options);
    log(
      `api ${scale}: ${op.name}${label}: pool p50 ${ms(viaPool.p50)} ms, p99 ${ms(viaPool.p99)} ms, ${Math.round(viaPool.rps)} req/s`,
    );
    return viaPool;
  };

  await oneClient("");
  const operations: Operation[] = [
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

  const pool = new Map<Operation, Load>();
  for (const op of operations) pool.set(op, await loadThroughPool(op, ""));

  // As configured (the read cache on, 5 s): every client sends the same request, so nearly all are cache hits.
  log(`api ${scale}: starting the API on a loopback port, as configured`);
  await runApi(
    {},
    async (url) => {
      for (const op of operations) {
        if (await checked(url, op))
          closedLoopFigures(op, " (read cache on, as configured)", await loadThroughApi(url, op, ""), pool.get(op)!);
      }
    },
    5000,
  );

  // With the cache off every request runs its resolvers: what a burst of different charts or searches costs.
  const noCache = " (STORYLINE_CACHE_TTL_MS=0)";
  log(`api ${scale}: starting the API with the response cache off`);
  await runApi(NO_CACHE, async (url) => {
    for (const op of operations) {
      if (!(await checked(url, op))) continue;
      const viaApi = await loadThroughApi(url, op, noCache);
      closedLoopFigures(op, noCache, viaApi, pool.get(op)!);
      await openLoop(url, op, noCache, viaApi, pool.get(op)!);
    }
  });

  if (options.experiments) {
    const label = " [experiment: + NULLS LAST index]";
    const op = operations[1]!;
    log(`api ${scale}: experiment: ${QUOTE_SEARCH_INDEX}`);
    await withClient(corpus.db.url, async (c) => {
      await c.query(QUOTE_SEARCH_INDEX);
      await c.query('analyze "Quote"');
    });
    try {
      await oneClient(label);
      const viaPool = await loadThroughPool(op, label);
      await runApi(NO_CACHE, async (url) =>
        closedLoopFigures(op, `${noCache}${label}`, await loadThroughApi(url, op, `${noCache}${label}`), viaPool),
      );
      findings.push(
        `"${label.trim()}" figures were measured after ${QUOTE_SEARCH_INDEX}; the index was dropped again afterwards`,
      );
    } finally {
      await withClient(corpus.db.url, (c) => c.query(`drop index if exists "${/index "([^"]+)"/.exec(QUOTE_SEARCH_INDEX)![1]}"`));
    }

    // The response cache still runs yoga per request (Fetch API objects, envelop hooks, cache-key hashing,
    // JSON serialization), and when an entry expires every concurrent request misses at once. Stored bytes in
    // front of yoga, refreshed by one request while the others get the stale answer, avoid both.
    const bodyCache = " [experiment: 5 s HTTP body cache, coalesced refresh]";
    log(`api ${scale}: experiment: the API behind a 5 s HTTP body cache`);
    await runApi(
      {},
      async (url) => {
        for (const op of operations) {
          if (await checked(url, op)) closedLoopFigures(op, bodyCache, await loadThroughApi(url, op, bodyCache), pool.get(op)!);
        }
      },
      5000,
    );
    findings.push(
      `"${bodyCache.trim()}" figures were measured against bench/api-server.ts with BODY_CACHE_MS=5000: identical POST bodies ` +
        "answered with stored bytes before yoga sees the request; an answer older than 5 s is refreshed by one request while " +
        "the others still get the stored one",
    );
  }
  return { figures, errors, findings };
}
