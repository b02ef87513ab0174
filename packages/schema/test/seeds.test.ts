// The five seed articles, ingested by the real pipeline, must answer the questions analysts ask.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, tablesTouched } from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("schema_seeds", { seeds: true });
});
afterAll(async () => h?.close());

describe("the seeds through GraphQL", () => {
  it("knows which outlets published them: RT, Euronews, Voice of Russia and two unnamed", async () => {
    const { data } = await h.run(`{
      articles(first: 10, orderBy: OLDEST) { totalCount edges { node { title outlet { name } publishedAt publishedAtSource } } }
    }`);
    expect(data.articles.totalCount).toBe(5);
    const outlets = data.articles.edges.map((e: any) => e.node.outlet?.name ?? null).sort();
    expect(outlets.filter((o: string | null) => o !== null)).toEqual(["Euronews", "RT", "Voice of Russia"]);
    expect(outlets.filter((o: string | null) => o === null)).toHaveLength(2);
  });

  it("finds Putin's and Abe's quotes by speaker name", async () => {
    for (const name of ["Putin", "Abe"]) {
      const { data } = await h.run(
        `query ($name: String!) { quotes(first: 50, filter: { speakerName: $name, kind: FULL }) { totalCount edges { node { text speaker { name } attribution } } } }`,
        { name },
      );
      expect(data.quotes.totalCount, `${name} quotes`).toBeGreaterThan(0);
      for (const edge of data.quotes.edges) expect(edge.node.speaker.name).toMatch(new RegExp(name));
    }
  });

  it("resolves the role noun 'the Russian President' to Vladimir Putin", async () => {
    const { data } = await h.run(
      `{ quotes(first: 100, filter: { speakerName: "Putin" }) { edges { node { speakerAsWritten attribution speaker { name } } } } }`,
    );
    const viaRole = data.quotes.edges.filter((e: any) => /^the russian president$/i.test(e.node.speakerAsWritten ?? ""));
    expect(viaRole.length).toBeGreaterThan(0);
    expect(viaRole.every((e: any) => e.node.speaker.name === "Vladimir Putin")).toBe(true);
  });

  it("serves a zero-filled coverage series by outlet", async () => {
    const { data } = await h.run(`{
      coverage(dimension: OUTLET, from: "2018-09-01", to: "2019-01-31", bucket: MONTH) {
        buckets totals series { label total points { bucket count share } }
      }
    }`);
    expect(data.coverage.buckets).toEqual(["2018-09-01", "2018-10-01", "2018-11-01", "2018-12-01", "2019-01-01"]);
    for (const series of data.coverage.series) expect(series.points).toHaveLength(5);
    const counted = data.coverage.series.reduce((n: number, s: any) => n + s.total, 0);
    // Articles without an outlet count in the totals but in no outlet's series (000 is dated 2019 from the others).
    const all = await h.run(`{ articles(first: 10) { edges { node { outlet { name } publishedAt } } } }`);
    const withoutOutlet = all.data.articles.edges.filter(
      (e: any) => !e.node.outlet && e.node.publishedAt && e.node.publishedAt >= "2018-09-01" && e.node.publishedAt < "2019-02-01",
    ).length;
    expect(counted + withoutOutlet).toBe(data.coverage.totals.reduce((a: number, b: number) => a + b, 0));
  });

  it("fetches a page of articles with outlets, quotes and speakers in a fixed number of queries (no N+1)", async () => {
    const { sql } = await h.run(`{
      articles(first: 5) { edges { node { title outlet { name } quotes { text speaker { name } cluster { outletCount } } citations { outlet { name } } } } }
    }`);
    expect(tablesTouched(sql)).toMatchSnapshot();
    expect(sql.length).toBeLessThanOrEqual(8);
  });
});
