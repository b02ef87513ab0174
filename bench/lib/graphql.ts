// The API in process: the real yoga instance (limits, masking and all) over the shared Prisma client, pointed
// at a bench database. Also records the SQL a GraphQL operation causes, so the "API's own SQL" baseline
// replays exactly what the resolvers sent, and follows the resolvers when they change.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { createPrismaClient, type PrismaClient, useClient } from "@storyline/db";
import type pg from "pg";

export interface GraphQLRequest {
  query: string;
  variables?: Record<string, unknown>;
}

export interface RecordedStatement {
  sql: string;
  params: unknown[];
}

type Yoga = { fetch: (url: string, init: RequestInit) => Promise<Response> | Response };

let yogaInstance: Yoga | undefined;

async function yoga(): Promise<Yoga> {
  // Imported late: the schema module reads the shared client only when resolvers run, but yoga.ts reads env.
  yogaInstance ??= (await import("@storyline/api")).yoga as unknown as Yoga;
  return yogaInstance;
}

export function pointApiAt(url: string, prisma: PrismaClient) {
  useClient(url, prisma);
}

let nonce = 0;

/**
 * A variable the operation does not declare (GraphQL ignores it) but the API's response cache keys on: the
 * request then runs its resolvers, as the first viewer of a chart does, cache bookkeeping included.
 */
export const uncached = (request: GraphQLRequest): GraphQLRequest => ({
  ...request,
  variables: { ...request.variables, benchNonce: ++nonce },
});

export async function graphqlInProcess(request: GraphQLRequest): Promise<any> {
  const response = await (await yoga()).fetch("http://127.0.0.1/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(request),
  });
  const json = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (json.errors?.length) throw new Error(`GraphQL error: ${json.errors.map((e) => e.message).join("; ")}`);
  return json.data;
}

/** Runs the operation once through a logging client and returns the statements, in the order sent. */
export async function recordSql(url: string, restore: PrismaClient, request: GraphQLRequest): Promise<RecordedStatement[]> {
  const logging = createPrismaClient(url, { max: 2, logQueries: true });
  const statements: RecordedStatement[] = [];
  (logging as unknown as { $on(e: "query", cb: (event: { query: string; params: string }) => void): void }).$on(
    "query",
    (event) => {
      statements.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] });
    },
  );
  try {
    useClient(url, logging);
    await graphqlInProcess(uncached(request));
  } finally {
    useClient(url, restore);
    await logging.$disconnect();
  }
  return statements.filter((s) => !/^\s*(begin|commit|rollback|deallocate)/i.test(s.sql));
}

export async function replay(client: pg.Client | pg.Pool, statements: RecordedStatement[]) {
  for (const s of statements) await client.query(s.sql, s.params);
}

export const globalId = (typename: string, id: number) => encodeGlobalID(typename, id);

export const COVERAGE_QUERY = `query Coverage($dimension: CoverageDimension!, $from: Date!, $to: Date!, $bucket: Bucket, $keys: [ID!], $top: Int) {
  coverage(dimension: $dimension, from: $from, to: $to, bucket: $bucket, keys: $keys, top: $top) {
    buckets
    totals
    series { key label total points { bucket count share } }
  }
}`;

/** The dashboard's quote search (apps/web/app/quotes/page.tsx, QuoteItemFields), without the cluster rail. */
export const QUOTE_SEARCH_QUERY = `query QuoteSearch($filter: QuoteFilter, $first: Int) {
  quotes(filter: $filter, orderBy: NEWEST, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id text kind start end confidence attribution publishedAt speakerAsWritten
      speaker { id name } article { id title outlet { name slug } } cluster { id outletCount } } }
  }
}`;

/** The same search as one hand-written round trip per part: the page, then the total. */
export const QUOTE_SEARCH_SQL = [
  `select q.id, q.text, q.kind, q.start, q."end", q.confidence, q.attribution, q."publishedAt", q."speakerAsWritten",
          e.id as "speakerId", e.name as speaker, a.id as "articleId", a.title, o.name as outlet, o.slug, c.id as "clusterId", c."outletCount"
   from "Quote" q join "Article" a on a.id = q."articleId" left join "Entity" e on e.id = q."speakerId"
   left join "Outlet" o on o.id = a."outletId" left join "QuoteCluster" c on c.id = q."clusterId"
   where q.text ilike '%' || $1 || '%' order by q."publishedAt" desc nulls last, q.id desc limit 21`,
  `select count(*) from "Quote" where text ilike '%' || $1 || '%'`,
];
