// Reads that stay cheap as the corpus grows (issue #7), checked on the demo corpus for the answers they give:
// the same answers the straightforward queries gave, from bounded SQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("schema_scale", { seeds: true, demo: true });
});
afterAll(async () => h?.close());

const PEOPLE_PAGE = `query ($first: Int, $after: String, $last: Int, $before: String) {
  people(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node { id name quoteCount } }
  }
}`;

describe("most quoted people, from the SPEAKER rollups", () => {
  it("orders people as counting their quotes does (most first, ties by id)", async () => {
    const counts = await h.prisma.$queryRaw<{ id: number; n: bigint }[]>`
      select e.id, count(q.id) as n from "Entity" e left join "Quote" q on q."speakerId" = e.id
      where e.kind = 'PERSON' group by e.id order by n desc, e.id`;
    expect(counts.length).toBeGreaterThan(5);
    expect(Number(counts[0]?.n)).toBeGreaterThan(1);
    const { data } = await h.run(PEOPLE_PAGE, { first: 100 });
    const ids = data.people.edges.map((e: any) => Number(Buffer.from(e.node.id, "base64").toString().split(":")[1]));
    expect(ids).toEqual(counts.slice(0, 100).map((c) => c.id));
    const quoteCounts = data.people.edges.map((e: any) => e.node.quoteCount);
    expect(quoteCounts).toEqual(counts.slice(0, 100).map((c) => Number(c.n)));
    expect(data.people.totalCount).toBe(counts.length);
  });

  it("pages forwards and backwards with cursors over the same order", async () => {
    const all = (await h.run(PEOPLE_PAGE, { first: 100 })).data.people.edges.map((e: any) => e.node.id);
    const first = (await h.run(PEOPLE_PAGE, { first: 3 })).data.people;
    expect(first.edges.map((e: any) => e.node.id)).toEqual(all.slice(0, 3));
    expect(first.pageInfo.hasNextPage).toBe(all.length > 3);
    const second = (await h.run(PEOPLE_PAGE, { first: 3, after: first.pageInfo.endCursor })).data.people;
    expect(second.edges.map((e: any) => e.node.id)).toEqual(all.slice(3, 6));
    const back = (await h.run(PEOPLE_PAGE, { last: 2, before: second.pageInfo.startCursor })).data.people;
    expect(back.edges.map((e: any) => e.node.id)).toEqual(all.slice(1, 3));
    expect(back.pageInfo.hasPreviousPage).toBe(true);
    const tail = (await h.run(PEOPLE_PAGE, { last: 2 })).data.people;
    expect(tail.edges.map((e: any) => e.node.id)).toEqual(all.slice(-2));
  });

  it("finds a person by surname, the most quoted when several share it", async () => {
    const { data } = await h.run(`{ person(name: "Putin") { ... on QueryPersonSuccess { data { name } } } }`);
    expect(data.person.data.name).toBe("Vladimir Putin");
  });
});

describe("quoteCount: a count that stops at a limit", () => {
  it("is exact below the limit and says so when it stops", async () => {
    const { data } = await h.run(`{
      all: quotes(first: 1) { totalCount }
      exact: quoteCount(limit: 10000) { count capped }
      stopped: quoteCount(limit: 3) { count capped }
      filtered: quoteCount(filter: { search: "harbour" }) { count capped }
      filteredTotal: quotes(first: 1, filter: { search: "harbour" }) { totalCount }
    }`);
    expect(data.all.totalCount).toBeGreaterThan(3);
    expect(data.exact).toEqual({ count: data.all.totalCount, capped: false });
    expect(data.stopped).toEqual({ count: 3, capped: true });
    expect(data.filtered).toEqual({ count: data.filteredTotal.totalCount, capped: false });
  });

  it("counts over a LIMITed subquery, never every match", async () => {
    const { sql } = await h.run(`{ quoteCount(limit: 50) { count } }`);
    expect(sql.filter((q) => /count/i.test(q))).toHaveLength(1);
    expect(sql.find((q) => /count/i.test(q))).toMatch(/LIMIT/);
  });
});

describe("connections under a parent page in SQL", () => {
  it("reads one page of an outlet's articles, not all of them", async () => {
    const [biggest] = await h.prisma.article.groupBy({
      by: ["outletId"],
      where: { outletId: { not: null } },
      _count: { _all: true },
      orderBy: { _count: { outletId: "desc" } },
      take: 1,
    });
    const outlet = await h.prisma.outlet.findUniqueOrThrow({ where: { id: biggest?.outletId ?? 0 } });
    const total = biggest?._count._all ?? 0;
    expect(total).toBeGreaterThan(2);
    const { data, sql } = await h.run(
      `query ($slug: String) { outlet(slug: $slug) { ... on QueryOutletSuccess { data {
        articles(first: 2) { totalCount pageInfo { hasNextPage } edges { node { id publishedAt } } } } } } }`,
      { slug: outlet.slug },
    );
    const page = data.outlet.data.articles;
    expect(page.totalCount).toBe(total);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const articleReads = sql.filter((q) => /FROM "public"\."Article"/.test(q) && !/^SELECT COUNT/.test(q));
    expect(articleReads.length, sql.join("\n")).toBeGreaterThan(0);
    for (const q of articleReads) expect(q).toMatch(/LIMIT/);
  });
});

describe("coverage by speaker", () => {
  const SPEAKERS = `query ($withShare: Boolean!, $other: Boolean = true) {
    coverage(dimension: SPEAKER, from: "2018-01-01", to: "2026-12-31", bucket: MONTH, top: 3, includeOther: $other) {
      totals @include(if: $withShare)
      series { key label total points { count share @include(if: $withShare) } }
    }
  }`;

  it("splits every dated quote into the top speakers and Other", async () => {
    const { data } = await h.run(SPEAKERS, { withShare: true });
    const dated = await h.prisma.quote.count({
      where: { publishedAt: { gte: new Date("2018-01-01") }, speakerId: { not: null } },
    });
    const series = data.coverage.series;
    expect(series.length).toBeGreaterThan(1);
    expect(series.at(-1).label).toMatch(/^Other \(\d+\)$/);
    const counted = series.reduce((n: number, s: any) => n + s.total, 0);
    expect(counted).toBe(dated);
    expect(data.coverage.totals.reduce((a: number, b: number) => a + b, 0)).toBe(dated);
  });

  it("skips the denominators when neither totals nor share is asked for, with the same series", async () => {
    // The overview's "Most quoted people": top speakers, no Other, no shares.
    const withShare = await h.run(SPEAKERS, { withShare: true, other: false });
    const countsOnly = await h.run(SPEAKERS, { withShare: false, other: false });
    const strip = (series: any[]) => series.map((s) => ({ ...s, points: s.points.map((p: any) => ({ count: p.count })) }));
    expect(countsOnly.data.coverage.series).toEqual(strip(withShare.data.coverage.series));
    expect(countsOnly.data.coverage.series).toHaveLength(3);
    // The denominators are the statement's `union all` part: a scan of every speaker-day row in the range.
    expect(withShare.sql.join("\n")).toMatch(/union all/i);
    expect(countsOnly.sql.join("\n")).not.toMatch(/union all/i);
  });
});
