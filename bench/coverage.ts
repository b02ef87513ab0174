// Coverage queries on a synthetic archive: for each chart, the SQL the API runs over the day rollups and the
// same chart through GraphQL in process, against the raw GROUP BY over Article that the rollups replace.

import { withClient } from "./lib/db.ts";
import {
  COVERAGE_QUERY,
  type GraphQLRequest,
  globalId,
  graphqlInProcess,
  pointApiAt,
  recordSql,
  replay,
  uncached,
} from "./lib/graphql.ts";
import { formatCount, log } from "./lib/log.ts";
import type { Figure } from "./lib/report.ts";
import { timeRuns } from "./lib/stats.ts";
import { EVENTS, OUTLETS, type SyntheticCorpus } from "./synthetic.ts";

export interface CoverageOptions {
  runs: number;
  /** Per measured variant, so raw scans at 10M stay bounded. */
  budgetMs: number;
}

interface Chart {
  name: string;
  request: GraphQLRequest;
  /** The raw GROUP BY equivalent: series rows, totals per bucket, labels of the top series. */
  raw: { sql: string; params: unknown[] }[];
}

/** The event whose series is charted: mid-sized (a few dozen articles at 1M, hundreds at 10M). */
const CHARTED_EVENT = 100;

async function charts(corpus: SyntheticCorpus): Promise<Chart[]> {
  const span = await withClient(corpus.db.url, async (c) => {
    const { rows } = await c.query<{ from: string; to: string }>(
      `select min("publishedAt")::date::text as from, max("publishedAt")::date::text as to from "Article" where "eventId" = $1`,
      [CHARTED_EVENT],
    );
    return rows[0]!;
  });
  const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const labels = `select id, name from "Outlet" where id = any($1::int[])`;
  const top8 = [1, 2, 3, 4, 5, 6, 7, 8];
  return [
    {
      name: "30 days by outlet (day buckets)",
      request: { query: COVERAGE_QUERY, variables: { dimension: "OUTLET", from: "2025-12-02", to: "2025-12-31", bucket: "DAY" } },
      raw: [
        {
          sql: `select "publishedAt"::date as b, "outletId" as k, count(*)::int as n from "Article"
                where "publishedAt" >= $1 and "publishedAt" < $2 and "outletId" is not null group by 1, 2`,
          params: ["2025-12-02", "2026-01-01"],
        },
        {
          sql: `select "publishedAt"::date as b, count(*)::int as n from "Article" where "publishedAt" >= $1 and "publishedAt" < $2 group by 1`,
          params: ["2025-12-02", "2026-01-01"],
        },
        { sql: labels, params: [top8] },
      ],
    },
    {
      name: `one event's series (day buckets, ${span.from}..${span.to})`,
      request: {
        query: COVERAGE_QUERY,
        variables: { dimension: "EVENT", from: span.from, to: span.to, bucket: "DAY", keys: [globalId("Event", CHARTED_EVENT)] },
      },
      raw: [
        {
          sql: `select "publishedAt"::date as b, "eventId" as k, count(*)::int as n from "Article"
                where "eventId" = $3 and "publishedAt" >= $1 and "publishedAt" < $2 group by 1, 2`,
          params: [span.from, dayAfter(span.to), CHARTED_EVENT],
        },
        {
          sql: `select "publishedAt"::date as b, count(*)::int as n from "Article" where "publishedAt" >= $1 and "publishedAt" < $2 group by 1`,
          params: [span.from, dayAfter(span.to)],
        },
        { sql: `select id, title from "Event" where id = any($1::int[])`, params: [[CHARTED_EVENT]] },
      ],
    },
    {
      name: "a year by week (all outlets, top 8 + Other)",
      request: {
        query: COVERAGE_QUERY,
        variables: { dimension: "OUTLET", from: "2025-01-01", to: "2025-12-31", bucket: "WEEK", top: 8 },
      },
      raw: [
        {
          sql: `select date_trunc('week', "publishedAt")::date as b, "outletId" as k, count(*)::int as n from "Article"
                where "publishedAt" >= $1 and "publishedAt" < $2 and "outletId" is not null group by 1, 2`,
          params: ["2025-01-01", "2026-01-01"],
        },
        {
          sql: `select date_trunc('week', "publishedAt")::date as b, count(*)::int as n from "Article"
                where "publishedAt" >= $1 and "publishedAt" < $2 group by 1`,
          params: ["2025-01-01", "2026-01-01"],
        },
        { sql: labels, params: [top8] },
      ],
    },
  ];
}

const ms = (n: number) => Math.round(n * 100) / 100;

export async function coverageBench(
  corpus: SyntheticCorpus,
  options: CoverageOptions,
): Promise<{ figures: Figure[]; errors: string[] }> {
  const scale = formatCount(corpus.articles);
  const corpusText = `${scale} articles, ${corpus.quotes.toLocaleString("en-US")} quotes`;
  const group = `Coverage at ${corpusText} (${OUTLETS} outlets, ${EVENTS.toLocaleString("en-US")} events, 2 years)`;
  const figures: Figure[] = [];
  const errors: string[] = [];
  pointApiAt(corpus.db.url, corpus.db.prisma);
  const target10M = corpus.articles >= 10_000_000;

  await withClient(corpus.db.url, async (client) => {
    for (const chart of await charts(corpus)) {
      log(`coverage ${scale}: ${chart.name}`);
      const apiSql = await recordSql(corpus.db.url, corpus.db.prisma, chart.request);

      // The chart must count what the raw scan counts, or the comparison is meaningless.
      const data = await graphqlInProcess(chart.request);
      const charted = (data.coverage.series as { total: number }[]).reduce((a, s) => a + s.total, 0);
      const scanned = (await client.query<{ n: number }>(chart.raw[0]!.sql, chart.raw[0]!.params)).rows.reduce(
        (a, r) => a + r.n,
        0,
      );
      if (charted !== scanned)
        errors.push(`coverage ${scale} ${chart.name}: GraphQL charts ${charted} articles, the raw scan counts ${scanned}`);

      const timing = { runs: options.runs, budgetMs: options.budgetMs };
      const raw = await timeRuns(async () => {
        for (const s of chart.raw) await client.query(s.sql, s.params);
      }, timing);
      const sql = await timeRuns(() => replay(client, apiSql), timing);
      const gql = await timeRuns(() => graphqlInProcess(uncached(chart.request)), timing);
      const hit = await timeRuns(() => graphqlInProcess(chart.request), timing);
      log(
        `coverage ${scale}: raw ${ms(raw.median)} ms, API SQL ${ms(sql.median)} ms, GraphQL ${ms(gql.median)} ms, ` +
          `from the response cache ${ms(hit.median)} ms (medians)`,
      );

      const rawBaseline = {
        name: "raw GROUP BY over Article",
        value: raw.median,
        unit: "ms",
        detail: `p95 ${ms(raw.p95)}, ${raw.runs} runs`,
      };
      figures.push(
        {
          section: "coverage",
          group,
          name: `${chart.name}: API SQL over rollups`,
          corpus: corpusText,
          value: sql.median,
          unit: "ms",
          detail: `p95 ${ms(sql.p95)}, ${sql.runs} runs, ${apiSql.length} statements`,
          baseline: rawBaseline,
          ratio: sql.median / raw.median,
        },
        {
          section: "coverage",
          group,
          name: `${chart.name}: GraphQL in process, resolvers run (response cache miss)`,
          corpus: corpusText,
          value: gql.median,
          unit: "ms",
          detail: `p95 ${ms(gql.p95)}, ${gql.runs} runs`,
          baseline: rawBaseline,
          ratio: gql.median / raw.median,
          ...(target10M ? { target: { op: "<=" as const, value: 30 }, targetOn: "value" as const } : {}),
        },
        {
          section: "coverage",
          group,
          name: `${chart.name}: GraphQL overhead (cache miss)`,
          corpus: corpusText,
          value: gql.median,
          unit: "ms",
          detail: `p95 ${ms(gql.p95)}; ${ms(gql.median - sql.median)} ms above its SQL`,
          baseline: { name: "the API's own SQL sent raw", value: sql.median, unit: "ms", detail: `p95 ${ms(sql.p95)}` },
          ratio: gql.median / sql.median,
          target: { op: "<=", value: 1.3 },
          targetOn: "ratio",
        },
        {
          section: "coverage",
          group,
          name: `${chart.name}: GraphQL in process, same request again (response cache hit)`,
          corpus: corpusText,
          value: hit.median,
          unit: "ms",
          detail: `p95 ${ms(hit.p95)}, ${hit.runs} runs`,
          baseline: rawBaseline,
          ratio: hit.median / raw.median,
        },
      );
    }
  });
  return { figures, errors };
}
