// Coverage over time: zero-filled series by outlet, event, story or speaker, read from the day rollups
// (CoverageDay). Crossed filters (one event's coverage by outlet) aggregate the indexed article rows instead.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { getPrisma, Prisma } from "@storyline/db";
import {
  GraphQLError,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  getDirectiveValues,
  Kind,
  type SelectionNode,
} from "graphql";
import { builder } from "../builder.ts";
import { decodeNodeIds } from "../ids.ts";
import { isoDay } from "../scalars.ts";

const DimensionEnum = builder.enumType("CoverageDimension", {
  description: "What each series counts.",
  values: {
    ALL: { description: "All coverage as one series." },
    OUTLET: { description: "Articles per outlet." },
    EVENT: { description: "Articles per event." },
    STORY: { description: "Articles per story." },
    SPEAKER: { description: "Quotes per speaker." },
  } as const,
});

const BucketEnum = builder.enumType("Bucket", {
  description: "Width of a time bucket. Weeks start on Monday.",
  values: ["DAY", "WEEK", "MONTH"] as const,
});

interface Point {
  bucket: Date;
  count: number;
  estimated: number;
  share: number;
}
interface Series {
  typename: string | null;
  key: number | null;
  label: string;
  total: number;
  points: Point[];
}
interface CoverageResult {
  buckets: Date[];
  totals: number[];
  series: Series[];
  /** What the filters count, for `undated`. */
  scope: Scope;
}
interface Scope {
  dimension: keyof typeof TYPENAME;
  keys: number[] | null;
  outletIds: number[] | null;
  eventIds: number[] | null;
  storyIds: number[] | null;
  uniqueOnly: boolean;
}

const CoveragePoint = builder.objectRef<Point>("CoveragePoint").implement({
  description: "One bucket of a series.",
  fields: (t) => ({
    bucket: t.field({ type: "Date", description: "First day of the bucket.", resolve: (p) => p.bucket }),
    count: t.exposeInt("count", { description: "Articles (quotes for SPEAKER) in the bucket." }),
    estimated: t.exposeInt("estimated", {
      description:
        "Of count, those whose date is estimated: reasoned (INFERRED, LINKED) or known only to the week, month or year, " +
        "counted at the start of that period.",
    }),
    share: t.exposeFloat("share", { description: "count / all coverage in the same bucket (0..1; 0 when there was none)." }),
  }),
});

const CoverageSeries = builder.objectRef<Series>("CoverageSeries").implement({
  description: "One line of a chart: a key's counts per bucket, zero-filled over the whole range.",
  fields: (t) => ({
    key: t.id({
      nullable: true,
      description: "Global id of the outlet, event, story or person; null for ALL and for the merged 'Other' series.",
      resolve: (s) => (s.typename && s.key != null ? encodeGlobalID(s.typename, s.key) : null),
    }),
    label: t.exposeString("label", { description: "Display name." }),
    total: t.exposeInt("total", { description: "Sum over the range." }),
    points: t.field({ type: [CoveragePoint], description: "One point per bucket, in order.", resolve: (s) => s.points }),
  }),
});

const Coverage = builder.objectRef<CoverageResult>("Coverage").implement({
  description: "Coverage series over a range of days.",
  fields: (t) => ({
    buckets: t.field({ type: ["Date"], description: "Every bucket's first day, in order.", resolve: (c) => c.buckets }),
    totals: t.field({
      type: ["Int"],
      description: "All coverage per bucket: the denominator of share.",
      resolve: (c) => c.totals,
    }),
    series: t.field({ type: [CoverageSeries], description: "Biggest first.", resolve: (c) => c.series }),
    undated: t.int({
      description: "Articles (quotes for SPEAKER) the filters count that have no date at all, so no bucket holds them.",
      resolve: (c) => countUndated(c.scope),
    }),
  }),
});

/** Dates the charts draw as estimates: reasoned, or known only to a period longer than a day. */
const ESTIMATED = Prisma.sql`(a."publishedAtSource" in ('INFERRED', 'LINKED') or a."publishedAtPrecision" in ('WEEK', 'MONTH', 'YEAR'))`;

/** The article (quote) rows a scope counts, with `a` the article and `e` its event. */
function scopeFilters(scope: Scope): Prisma.Sql[] {
  const keyColumn = KEY_COLUMN[scope.dimension];
  return [
    // Hidden articles (hideArticle) count for nothing, as in the rollups.
    Prisma.sql`not a.hidden`,
    ...(scope.uniqueOnly ? [Prisma.sql`a."duplicateOfId" is null`] : []),
    ...(scope.outletIds ? [Prisma.sql`a."outletId" = any(${scope.outletIds}::int[])`] : []),
    ...(scope.eventIds ? [Prisma.sql`a."eventId" = any(${scope.eventIds}::int[])`] : []),
    ...(scope.storyIds ? [Prisma.sql`e."storyId" = any(${scope.storyIds}::int[])`] : []),
    ...(scope.keys?.length ? [Prisma.sql`${keyColumn} = any(${scope.keys}::int[])`] : []),
    ...(scope.dimension === "ALL" ? [] : [Prisma.sql`${keyColumn} is not null`]),
  ];
}

const KEY_COLUMN = {
  ALL: Prisma.sql`0`,
  OUTLET: Prisma.sql`a."outletId"`,
  EVENT: Prisma.sql`a."eventId"`,
  STORY: Prisma.sql`e."storyId"`,
  SPEAKER: Prisma.sql`q."speakerId"`,
} as const;

const scopeFrom = (scope: Scope) =>
  scope.dimension === "SPEAKER"
    ? Prisma.sql`"Quote" q join "Article" a on a.id = q."articleId" left join "Event" e on e.id = a."eventId"`
    : Prisma.sql`"Article" a left join "Event" e on e.id = a."eventId"`;

async function countUndated(scope: Scope): Promise<number> {
  const dateColumn = scope.dimension === "SPEAKER" ? Prisma.sql`q."publishedAt"` : Prisma.sql`a."publishedAt"`;
  const where = Prisma.join([Prisma.sql`${dateColumn} is null`, ...scopeFilters(scope)], " and ");
  const [row] = await getPrisma().$queryRaw<{ n: number }[]>`select count(*)::int as n from ${scopeFrom(scope)} where ${where}`;
  return row?.n ?? 0;
}

/** Estimated rows per bucket and key over a range; few articles have estimated dates, so this reads them directly. */
async function estimatedRows(scope: Scope, from: Date, to: Date, trunc: string): Promise<Row[]> {
  const dateColumn = scope.dimension === "SPEAKER" ? Prisma.sql`q."publishedAt"` : Prisma.sql`a."publishedAt"`;
  const where = Prisma.join(
    [
      Prisma.sql`${dateColumn} >= ${from} and ${dateColumn} < ${new Date(to.getTime() + 86_400_000)}`,
      ESTIMATED,
      ...scopeFilters(scope),
    ],
    " and ",
  );
  return getPrisma().$queryRaw<Row[]>`
    select date_trunc(${trunc}, ${dateColumn})::date as b, ${KEY_COLUMN[scope.dimension]} as k, count(*)::int as n
    from ${scopeFrom(scope)} where ${where} group by 1, 2`;
}

const MAX_DAYS = 3660;
/** Monthly buckets stay few (about 2,400) even over two centuries, so a long archive still fits one chart. */
const MAX_MONTH_DAYS = 73_100;
const TYPENAME = { ALL: null, OUTLET: "Outlet", EVENT: "Event", STORY: "Story", SPEAKER: "Person" } as const;

function bucketStart(day: Date, bucket: "DAY" | "WEEK" | "MONTH"): Date {
  if (bucket === "MONTH") return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1));
  if (bucket === "WEEK") return new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000);
  return day;
}

function bucketsBetween(from: Date, to: Date, bucket: "DAY" | "WEEK" | "MONTH"): Date[] {
  const out: Date[] = [];
  for (let b = bucketStart(from, bucket); b <= to; ) {
    out.push(b);
    b =
      bucket === "MONTH"
        ? new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + 1, 1))
        : new Date(b.getTime() + (bucket === "WEEK" ? 7 : 1) * 86_400_000);
  }
  return out;
}

type Row = { b: Date; k: number; n: bigint | number; keys?: number };
/** The key SQL gives the denominator rows (all coverage per bucket). */
const TOTAL_KEY = -2;
/** The key SQL gives the rows of everything the filters count per bucket (top series and the rest). */
const FILTERED_KEY = -3;

/** Whether the operation selects a field at this path below the current field (fragments, @skip/@include). */
function selects(info: GraphQLResolveInfo, path: string[]): boolean {
  const included = (node: SelectionNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const walk = (selections: readonly SelectionNode[], depth: number): boolean =>
    selections.some((node) => {
      if (!included(node)) return false;
      if (node.kind === Kind.FIELD) {
        if (node.name.value !== path[depth]) return false;
        return depth === path.length - 1 || walk(node.selectionSet?.selections ?? [], depth + 1);
      }
      const fragment = node.kind === Kind.INLINE_FRAGMENT ? node.selectionSet : info.fragments[node.name.value]?.selectionSet;
      return fragment ? walk(fragment.selections, depth) : false;
    });
  return info.fieldNodes.some((field) => walk(field.selectionSet?.selections ?? [], 0));
}
/** Where each dimension's series names live; fixed identifiers, never user input. */
const LABEL_SOURCE: Record<string, { table: string; column: string } | undefined> = {
  OUTLET: { table: '"Outlet"', column: "name" },
  EVENT: { table: '"Event"', column: "title" },
  STORY: { table: '"Story"', column: "title" },
  SPEAKER: { table: '"Entity"', column: "name" },
};

async function labelsFor(dimension: keyof typeof TYPENAME, keys: number[]): Promise<Map<number, string>> {
  const prisma = getPrisma();
  if (!keys.length || dimension === "ALL") return new Map();
  const rows =
    dimension === "OUTLET"
      ? await prisma.outlet.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } })
      : dimension === "EVENT"
        ? (await prisma.event.findMany({ where: { id: { in: keys } }, select: { id: true, title: true } })).map((e) => ({
            id: e.id,
            name: e.title,
          }))
        : dimension === "STORY"
          ? (await prisma.story.findMany({ where: { id: { in: keys } }, select: { id: true, title: true } })).map((s) => ({
              id: s.id,
              name: s.title,
            }))
          : await prisma.entity.findMany({ where: { id: { in: keys } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The first and last day with coverage, from the ALL rollup (one row per day): null and null when empty. */
async function dataRange(): Promise<{ first: Date | null; last: Date | null }> {
  const [row] = await getPrisma().$queryRaw<{ first: Date | null; last: Date | null }[]>`
    select min(day) as first, max(day) as last from "CoverageDay" where dimension = 'ALL'`;
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/**
 * An omitted end of a coverage range, relative to the data loaded, so a saved query (a GraphiQL example) keeps
 * answering on any corpus: `to` is the last day with coverage, `from` the start of the twelfth month back.
 */
async function defaultRange(from: Date | null | undefined, to: Date | null | undefined): Promise<{ from: Date; to: Date }> {
  if (from && to) return { from, to };
  const last = to ?? (await dataRange()).last ?? new Date(`${isoDay(new Date())}T00:00:00Z`);
  const end = from && from > last ? from : last;
  return { from: from ?? new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1)), to: end };
}

const DataRange = builder.objectRef<{ first: Date | null; last: Date | null }>("DataRange").implement({
  description: "The days the loaded articles cover.",
  fields: (t) => ({
    first: t.field({ type: "Date", nullable: true, description: "First day with an article.", resolve: (r) => r.first }),
    last: t.field({ type: "Date", nullable: true, description: "Last day with an article.", resolve: (r) => r.last }),
  }),
});

builder.queryField("dataRange", (t) =>
  t.field({
    type: DataRange,
    description: "The first and last publication day of the loaded articles (null when there are none).",
    resolve: () => dataRange(),
  }),
);

interface DayCount {
  day: Date;
  n: number;
}
interface ArticleDatesResult {
  days: DayCount[];
  typical: { from: Date; to: Date } | null;
  undated: number;
  estimated: number;
}

const DAY_MS = 86_400_000;
/** A gap shorter than this never marks an outlier: a story may pause for a season. */
const MIN_OUTLIER_GAP_DAYS = 180;

/**
 * The days a chart opens on: all dated articles but the outliers. From each end, a small group (at most 1% of the
 * articles, or 3, and always fewer than half) is dropped while the gap that parts it from the rest is longer than
 * both half a year and three times the rest's own span, so it would squash the rest into a quarter of the chart or
 * less (one wrong '1918' among 2018's). On big corpora the 1st-99th percentile also applies when it at least halves
 * the span (a thin scattered tail).
 */
export function typicalRange(days: DayCount[]): { from: Date; to: Date } | null {
  if (!days.length) return null;
  const sorted = [...days].sort((a, b) => a.day.getTime() - b.day.getTime());
  const total = sorted.reduce((acc, d) => acc + d.n, 0);
  const budget = Math.min(Math.max(3, Math.floor(total * 0.01)), Math.floor((total - 1) / 2));
  let lo = 0;
  let hi = sorted.length - 1;
  let dropped = 0;
  const gapDays = (a: DayCount, b: DayCount) => (b.day.getTime() - a.day.getTime()) / DAY_MS;
  for (let changed = true; changed && lo < hi; ) {
    changed = false;
    const lowGap = gapDays(sorted[lo]!, sorted[lo + 1]!);
    const highGap = gapDays(sorted[hi - 1]!, sorted[hi]!);
    const dropLow = lowGap >= highGap;
    const gap = dropLow ? lowGap : highGap;
    const rest = dropLow ? gapDays(sorted[lo + 1]!, sorted[hi]!) : gapDays(sorted[lo]!, sorted[hi - 1]!);
    const n = (dropLow ? sorted[lo] : sorted[hi])!.n;
    if (gap > MIN_OUTLIER_GAP_DAYS && gap > 3 * rest && dropped + n <= budget) {
      dropped += n;
      if (dropLow) lo += 1;
      else hi -= 1;
      changed = true;
    }
  }
  let from = sorted[lo]!.day;
  let to = sorted[hi]!.day;
  if (total >= 200) {
    const at = (share: number) => {
      let seen = 0;
      for (const d of sorted) {
        seen += d.n;
        if (seen >= total * share) return d.day;
      }
      return sorted.at(-1)!.day;
    };
    const [pFrom, pTo] = [at(0.01), at(0.99)];
    if (pTo.getTime() - pFrom.getTime() <= (to.getTime() - from.getTime()) / 2) {
      from = pFrom > from ? pFrom : from;
      to = pTo < to ? pTo : to;
    }
  }
  return { from, to };
}

const ArticleDates = builder.objectRef<ArticleDatesResult>("ArticleDates").implement({
  description: "When the articles a page is about were published: the default chart range and what it leaves out.",
  fields: (t) => ({
    first: t.field({ type: "Date", nullable: true, description: "First day with an article.", resolve: (r) => r.days[0]?.day }),
    last: t.field({ type: "Date", nullable: true, description: "Last day with an article.", resolve: (r) => r.days.at(-1)?.day }),
    typicalFrom: t.field({
      type: "Date",
      nullable: true,
      description: "First day of the range without outliers (far-off dates of a few articles): the default chart range.",
      resolve: (r) => r.typical?.from,
    }),
    typicalTo: t.field({
      type: "Date",
      nullable: true,
      description: "Last day of the range without outliers.",
      resolve: (r) => r.typical?.to,
    }),
    dated: t.int({
      description: "Articles with a date (estimated ones included).",
      resolve: (r) => r.days.reduce((a, d) => a + d.n, 0),
    }),
    estimated: t.exposeInt("estimated", {
      description: "Dated articles whose date is estimated (reasoned, or known only to the week, month or year).",
    }),
    undated: t.exposeInt("undated", { description: "Articles with no date at all." }),
    outside: t.int({
      description: "Dated articles outside a range of days (inclusive); an omitted end is the typical range's.",
      args: {
        from: t.arg({ type: "Date", required: false, description: "First day; omitted: typicalFrom." }),
        to: t.arg({ type: "Date", required: false, description: "Last day; omitted: typicalTo." }),
      },
      resolve: (r, args) => {
        let from = args.from ?? r.typical?.from;
        let to = args.to ?? r.typical?.to;
        if (!from || !to) return 0;
        if (from > to) [from, to] = [to, from];
        return r.days.reduce((a, d) => a + (d.day < from || d.day > to ? d.n : 0), 0);
      },
    }),
  }),
});

builder.queryField("articleDates", (t) =>
  t.field({
    type: ArticleDates,
    description: "How the articles (of some outlets, events or stories) spread over time, and how many are undated.",
    args: {
      outletIds: t.arg.idList({ required: false, description: "Only articles from these outlets." }),
      eventIds: t.arg.idList({ required: false, description: "Only articles of these events." }),
      storyIds: t.arg.idList({ required: false, description: "Only articles of these stories." }),
    },
    resolve: async (_root, args) => {
      const filters = [
        Prisma.sql`not a.hidden`,
        ...(args.outletIds ? [Prisma.sql`a."outletId" = any(${decodeNodeIds(args.outletIds, "Outlet") ?? []}::int[])`] : []),
        ...(args.eventIds ? [Prisma.sql`a."eventId" = any(${decodeNodeIds(args.eventIds, "Event") ?? []}::int[])`] : []),
        ...(args.storyIds ? [Prisma.sql`e."storyId" = any(${decodeNodeIds(args.storyIds, "Story") ?? []}::int[])`] : []),
      ];
      const where = filters.length ? Prisma.sql`where ${Prisma.join(filters, " and ")}` : Prisma.empty;
      const rows = await getPrisma().$queryRaw<{ day: Date | null; n: number; estimated: number }[]>`
        select a."publishedAt"::date as day, count(*)::int as n, (count(*) filter (where ${ESTIMATED}))::int as estimated
        from "Article" a left join "Event" e on e.id = a."eventId" ${where}
        group by 1 order by 1`;
      const days = rows.flatMap((r) => (r.day ? [{ day: r.day, n: r.n }] : []));
      return {
        days,
        typical: typicalRange(days),
        undated: rows.find((r) => r.day === null)?.n ?? 0,
        estimated: rows.reduce((a, r) => a + (r.day ? r.estimated : 0), 0),
      };
    },
  }),
);

builder.queryField("coverage", (t) =>
  t.field({
    type: Coverage,
    description:
      "Coverage per day, week or month, zero-filled over the whole range, as counts and as a share of all coverage " +
      "in the same bucket. Filters narrow what is counted; keys pick series. Served from day rollups.",
    args: {
      dimension: t.arg({ type: DimensionEnum, required: true, description: "What each series counts." }),
      from: t.arg({
        type: "Date",
        required: false,
        description: "First day (inclusive). Omitted: the first of the month eleven months before `to` (twelve months).",
      }),
      to: t.arg({
        type: "Date",
        required: false,
        description: "Last day (inclusive). Omitted: the last day with coverage (today when there is none).",
      }),
      bucket: t.arg({ type: BucketEnum, required: false, defaultValue: "DAY", description: "Bucket width." }),
      keys: t.arg.idList({ required: false, description: "Only these outlets/events/stories/people as series." }),
      outletIds: t.arg.idList({ required: false, description: "Count only articles from these outlets." }),
      eventIds: t.arg.idList({ required: false, description: "Count only articles of these events." }),
      storyIds: t.arg.idList({ required: false, description: "Count only articles of these stories." }),
      uniqueOnly: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: "Count syndicated copies once (near-duplicates excluded).",
      }),
      top: t.arg.int({ required: false, defaultValue: 8, description: "Keep the biggest N series (at most 50)." }),
      includeOther: t.arg.boolean({ required: false, defaultValue: true, description: "Merge the rest into an 'Other' series." }),
    },
    resolve: async (_root, given, _context, info) => {
      const args = { ...given, ...(await defaultRange(given.from, given.to)) };
      const bucket = args.bucket ?? "DAY";
      if (args.to < args.from) throw new GraphQLError("`to` is before `from`.", { extensions: { code: "BAD_USER_INPUT" } });
      const maxDays = bucket === "MONTH" ? MAX_MONTH_DAYS : MAX_DAYS;
      if ((args.to.getTime() - args.from.getTime()) / 86_400_000 > maxDays) {
        throw new GraphQLError(`The range is over ${maxDays} days; ask for less or use bigger buckets over several calls.`, {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      const dimension = args.dimension;
      const typename = TYPENAME[dimension];
      const keys = decodeNodeIds(args.keys, ...(typename ? [typename, "Entity"] : []));
      const outletIds = decodeNodeIds(args.outletIds, "Outlet");
      const eventIds = decodeNodeIds(args.eventIds, "Event");
      const storyIds = decodeNodeIds(args.storyIds, "Story");
      const trunc = bucket.toLowerCase();
      const measure = args.uniqueOnly ? Prisma.sql`"unique"` : Prisma.sql`total`;
      const top = Math.max(1, Math.min(args.top ?? 8, 50));
      const crossed = Boolean(eventIds || storyIds || (outletIds && dimension !== "OUTLET"));
      const prisma = getPrisma();
      const scope: Scope = {
        dimension,
        keys: keys ?? null,
        outletIds: outletIds ?? null,
        eventIds: eventIds ?? null,
        storyIds: storyIds ?? null,
        uniqueOnly: Boolean(args.uniqueOnly),
      };
      const estimatedQuery = selects(info, ["series", "points", "estimated"])
        ? estimatedRows(scope, args.from, args.to, trunc)
        : Promise.resolve([]);

      // Denominators cost a scan of every row of the range (all of SPEAKER's, one per speaker and day), so
      // they are read only when the operation asks for `totals` or a point's `share`.
      const wantTotals = selects(info, ["totals"]) || selects(info, ["series", "points", "share"]);
      const wantOther = args.includeOther ?? true;
      let rows: Row[];
      let totalRows: Row[] = [];
      /** All of what the filters count per bucket (series and the rest): "Other" is this minus the top series. */
      let filteredRows: Row[] | null = null;
      const knownLabels = new Map<number, string>();
      if (!crossed) {
        const wantedKeys = dimension === "OUTLET" && outletIds ? [...(keys ?? []), ...outletIds] : keys;
        const keyFilter = wantedKeys?.length ? Prisma.sql`and key = any(${wantedKeys}::int[])` : Prisma.empty;
        const inRange = Prisma.sql`day between ${args.from}::date and ${args.to}::date`;
        // One statement: the top keys ranked by their sum over the range (grouped by key only, no per-row
        // bucketing), their series read back through the primary key and labelled, then (when asked for) the
        // per-bucket sum of everything the filters count, which gives "Other" without grouping by key and
        // bucket, and the denominators. The denominators of SPEAKER are that same sum when no keys are picked.
        const label = LABEL_SOURCE[dimension];
        const labelJoin = label ? Prisma.sql`left join ${Prisma.raw(label.table)} l on l.id = r.k` : Prisma.empty;
        const labelColumn = label ? Prisma.sql`l.${Prisma.raw(label.column)}` : Prisma.sql`null::text`;
        const totalsDimension = dimension === "SPEAKER" ? "SPEAKER" : "ALL";
        const totalsAreFiltered = totalsDimension === dimension && !wantedKeys?.length;
        const filtered = wantOther || (wantTotals && totalsAreFiltered);
        const all = await prisma.$queryRaw<(Row & { label: string | null })[]>`
          with ranked as (
            select key as k, sum(${measure}) as n, count(*) over () as keys from "CoverageDay"
            where dimension = ${dimension}::"CoverageDimension" and ${inRange} ${keyFilter}
            group by key order by n desc, key limit ${top}
          )
          select date_trunc(${trunc}, c.day)::date as b, r.k, sum(c.${measure})::int as n, r.keys::int as keys,
                 ${labelColumn} as label
          from ranked r join "CoverageDay" c on c.dimension = ${dimension}::"CoverageDimension" and c.key = r.k and c.${inRange}
          ${labelJoin}
          group by 1, 2, 4, 5
          ${
            filtered
              ? Prisma.sql`union all
          select date_trunc(${trunc}, day)::date, ${FILTERED_KEY}, sum(${measure})::int, null, null from "CoverageDay"
          where dimension = ${dimension}::"CoverageDimension" and ${inRange} ${keyFilter} group by 1`
              : Prisma.empty
          }
          ${
            wantTotals && !totalsAreFiltered
              ? Prisma.sql`union all
          select date_trunc(${trunc}, day)::date, ${TOTAL_KEY}, sum(${measure})::int, null, null from "CoverageDay"
          where dimension = ${totalsDimension}::"CoverageDimension" and ${inRange} group by 1`
              : Prisma.empty
          }`;
        const seriesRows = all.filter((r) => r.k !== TOTAL_KEY && r.k !== FILTERED_KEY);
        for (const r of seriesRows) if (r.label !== null) knownLabels.set(r.k, r.label);
        rows = seriesRows;
        if (filtered) filteredRows = all.filter((r) => r.k === FILTERED_KEY);
        totalRows = totalsAreFiltered ? (filteredRows ?? []) : all.filter((r) => r.k === TOTAL_KEY);
      } else {
        const keyColumn =
          dimension === "OUTLET"
            ? Prisma.sql`a."outletId"`
            : dimension === "EVENT"
              ? Prisma.sql`a."eventId"`
              : dimension === "STORY"
                ? Prisma.sql`e."storyId"`
                : Prisma.sql`0`;
        if (dimension === "SPEAKER") {
          throw new GraphQLError("Speaker series cannot be crossed with outlet, event or story filters yet.", {
            extensions: { code: "BAD_USER_INPUT" },
          });
        }
        const filters = [
          Prisma.sql`a."publishedAt" >= ${args.from} and a."publishedAt" < ${new Date(args.to.getTime() + 86_400_000)}`,
          Prisma.sql`not a.hidden`,
          ...(args.uniqueOnly ? [Prisma.sql`a."duplicateOfId" is null`] : []),
          ...(outletIds ? [Prisma.sql`a."outletId" = any(${outletIds}::int[])`] : []),
          ...(eventIds ? [Prisma.sql`a."eventId" = any(${eventIds}::int[])`] : []),
          ...(storyIds ? [Prisma.sql`e."storyId" = any(${storyIds}::int[])`] : []),
          ...(keys?.length ? [Prisma.sql`${keyColumn} = any(${keys}::int[])`] : []),
        ];
        const where = Prisma.join(filters, " and ");
        rows = await prisma.$queryRaw<Row[]>`
          select date_trunc(${trunc}, a."publishedAt")::date as b, ${keyColumn} as k, count(*)::int as n
          from "Article" a left join "Event" e on e.id = a."eventId"
          where ${where} and ${keyColumn} is not null group by 1, 2`;
        if (wantTotals)
          totalRows = await prisma.$queryRaw<Row[]>`
            select date_trunc(${trunc}, day)::date as b, 0 as k, sum(${measure})::int as n from "CoverageDay"
            where dimension = 'ALL' and day between ${args.from}::date and ${args.to}::date group by 1`;
      }

      const buckets = bucketsBetween(args.from, args.to, bucket);
      const index = new Map(buckets.map((b, i) => [isoDay(b), i]));
      const perBucket = (bucketRows: Row[]) => {
        const counts = buckets.map(() => 0);
        for (const r of bucketRows) {
          const i = index.get(isoDay(r.b));
          if (i !== undefined) counts[i] = Number(r.n);
        }
        return counts;
      };
      const totals = perBucket(totalRows);
      const byKey = new Map<number, number[]>();
      for (const r of rows) {
        const i = index.get(isoDay(r.b));
        if (i === undefined) continue;
        const counts = byKey.get(r.k) ?? buckets.map(() => 0);
        counts[i] = (counts[i] ?? 0) + Number(r.n);
        byKey.set(r.k, counts);
      }
      if (dimension === "ALL" && !byKey.size)
        byKey.set(
          0,
          buckets.map(() => 0),
        );
      const estimatedByKey = new Map<number, number[]>();
      for (const r of await estimatedQuery) {
        const i = index.get(isoDay(r.b));
        if (i === undefined) continue;
        const counts = estimatedByKey.get(r.k) ?? buckets.map(() => 0);
        counts[i] = (counts[i] ?? 0) + Number(r.n);
        estimatedByKey.set(r.k, counts);
      }
      const toPoints = (counts: number[], estimated?: number[]) =>
        counts.map((count, i) => ({
          bucket: buckets[i]!,
          count,
          estimated: Math.min(count, estimated?.[i] ?? 0),
          share: totals[i] ? count / totals[i]! : 0,
        }));
      const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
      const keyCount = rows[0]?.keys ?? byKey.size;
      const ranked = [...byKey.entries()].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0] - b[0]);
      const kept = ranked.slice(0, top);
      const rest = ranked.slice(top);
      const missing = kept.map(([k]) => k).filter((k) => !knownLabels.has(k));
      const labels = missing.length ? new Map([...knownLabels, ...(await labelsFor(dimension, missing))]) : knownLabels;
      const series: Series[] = kept.map(([key, counts]) => ({
        typename,
        key: dimension === "ALL" ? null : key,
        label: dimension === "ALL" ? "All coverage" : (labels.get(key) ?? `#${key}`),
        total: sum(counts),
        points: toPoints(counts, estimatedByKey.get(key)),
      }));
      const restCount = keyCount - kept.length;
      if (restCount > 0 && wantOther) {
        // Rollups: everything counted minus the top series. Article rows: the ranked rest, summed.
        const everything = filteredRows ? perBucket(filteredRows) : null;
        const merged = everything
          ? everything.map((n, i) => n - kept.reduce((acc, [, counts]) => acc + (counts[i] ?? 0), 0))
          : buckets.map((_, i) => rest.reduce((acc, [, counts]) => acc + (counts[i] ?? 0), 0));
        const keptKeys = new Set(kept.map(([k]) => k));
        const restEstimated = buckets.map((_, i) =>
          [...estimatedByKey].reduce((acc, [k, counts]) => acc + (keptKeys.has(k) ? 0 : (counts[i] ?? 0)), 0),
        );
        series.push({
          typename: null,
          key: null,
          label: `Other (${restCount})`,
          total: sum(merged),
          points: toPoints(merged, restEstimated),
        });
      }
      return { buckets, totals, series, scope };
    },
  }),
);
