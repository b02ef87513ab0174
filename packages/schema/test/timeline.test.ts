// Nothing falls off the timeline (issue 13.2): estimated dates counted apart, undated articles counted, and a
// default range that one far-off date cannot stretch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typicalRange } from "../src/types/coverage.ts";
import { type Harness, startHarness } from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("schema_timeline", { seeds: true });
});
afterAll(async () => h?.close());

const day = (iso: string, n = 1) => ({ day: new Date(`${iso}T00:00:00Z`), n });
const iso = (r: { from: Date; to: Date } | null) => r && [r.from.toISOString().slice(0, 10), r.to.toISOString().slice(0, 10)];

describe("typicalRange", () => {
  it("drops one wrong 1918 date that would stretch a 2018 chart to a century", () => {
    const days = [day("1918-11-11"), day("2018-11-01", 3), day("2018-11-20", 2), day("2018-12-02")];
    expect(iso(typicalRange(days))).toEqual(["2018-11-01", "2018-12-02"]);
  });

  it("keeps dates that are merely spread out, and never drops half the articles", () => {
    expect(iso(typicalRange([day("2015-01-01"), day("2016-06-01"), day("2018-01-01")]))).toEqual(["2015-01-01", "2018-01-01"]);
    expect(iso(typicalRange([day("1918-01-01"), day("2018-01-01")]))).toEqual(["1918-01-01", "2018-01-01"]);
  });

  it("trims a thin tail of scattered dates on a big corpus to the 1st-99th percentile", () => {
    const days = [
      ...Array.from({ length: 300 }, (_, i) => day(new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10))),
      day("1990-01-01"),
      day("2000-01-01"),
    ];
    const range = iso(typicalRange(days));
    expect(range?.[0]?.startsWith("2020")).toBe(true);
  });
});

describe("the seeds on a timeline", () => {
  it("counts dated, estimated and undated articles, and those outside the typical range", async () => {
    const { data } = await h.run(`{
      all: articles(first: 10) { totalCount edges { node { publishedAt publishedAtEstimated publishedAtPrecision } } }
      articleDates { first last typicalFrom typicalTo dated estimated undated outside(from: "2018-12-01", to: "2019-12-31") }
    }`);
    const nodes = data.all.edges.map((e: any) => e.node);
    const dated = nodes.filter((n: any) => n.publishedAt);
    const estimated = dated.filter((n: any) => n.publishedAtEstimated || !["DAY", "MINUTE"].includes(n.publishedAtPrecision));
    const dates = data.articleDates;
    expect(dates.dated).toBe(dated.length);
    expect(dates.undated).toBe(nodes.length - dated.length);
    expect(dates.undated).toBeGreaterThan(0);
    expect(dates.estimated).toBe(estimated.length);
    expect(dates.estimated).toBeGreaterThan(0);
    expect(dates.first <= dates.typicalFrom && dates.typicalTo <= dates.last).toBe(true);
    const outsideByHand = dated.filter(
      (n: any) => n.publishedAt.slice(0, 10) < "2018-12-01" || n.publishedAt.slice(0, 10) > "2019-12-31",
    );
    expect(dates.outside).toBe(outsideByHand.length);
  });

  it("marks estimated counts in every series and says how many articles are undated", async () => {
    const { data } = await h.run(`{
      articleDates { first last estimated undated }
      coverage(dimension: OUTLET, from: "2010-01-01", to: "2020-12-31", bucket: MONTH, top: 2) {
        undated series { label total points { count estimated } }
      }
      all: coverage(dimension: ALL, from: "2010-01-01", to: "2020-12-31", bucket: MONTH) {
        undated series { total points { bucket count estimated } }
      }
    }`);
    const estimatedIn = (series: any[]) =>
      series.reduce((n: number, s: any) => n + s.points.reduce((m: number, p: any) => m + p.estimated, 0), 0);
    for (const s of data.coverage.series) for (const p of s.points) expect(p.estimated).toBeLessThanOrEqual(p.count);
    expect(estimatedIn(data.all.series)).toBe(data.articleDates.estimated);
    expect(estimatedIn(data.coverage.series)).toBeGreaterThan(0);
    expect(data.all.undated).toBe(data.articleDates.undated);
    expect(data.coverage.undated).toBeLessThanOrEqual(data.all.undated);
  });

  it("lists the undated articles apart, and counts what the typical range leaves out by default", async () => {
    const { data } = await h.run(`{
      undated: articles(first: 10, filter: { dated: false }) { totalCount edges { node { publishedAt } } }
      dated: articles(first: 10, filter: { dated: true }) { totalCount }
      articleDates { dated undated typicalFrom typicalTo outside byHand: outside(from: "1900-01-01", to: "2100-01-01") }
    }`);
    expect(data.undated.totalCount).toBe(data.articleDates.undated);
    for (const edge of data.undated.edges) expect(edge.node.publishedAt).toBeNull();
    expect(data.dated.totalCount).toBe(data.articleDates.dated);
    expect(data.articleDates.byHand).toBe(0);
    expect(data.articleDates.outside).toBeGreaterThanOrEqual(0);
  });

  it("draws a long archive in monthly buckets instead of refusing it", async () => {
    const { data } = await h.run(`{ coverage(dimension: ALL, from: "1990-01-01", to: "2020-12-31", bucket: MONTH) { buckets } }`);
    expect(data.coverage.buckets).toHaveLength(31 * 12);
  });
});
