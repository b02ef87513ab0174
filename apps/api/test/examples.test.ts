// Every GraphiQL example runs against the demo corpus, loaded by the real ingest, and answers something
// (examples-seeds.test.ts runs them on a small real corpus too).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useDatabaseUrl } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { loadDemo } from "@storyline/ingest/demo/load";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyExampleAnswers } from "./examples-support.ts";

let db: TestDatabase;
let yoga: typeof import("../src/yoga.ts").yoga;

beforeAll(async () => {
  db = await createTestDatabase("api_examples");
  await loadDemo({ prisma: db.prisma, databaseUrl: db.url, dir: mkdtempSync(join(tmpdir(), "storyline-demo-")) });
  useDatabaseUrl(db.url);
  ({ yoga } = await import("../src/yoga.ts"));
});
afterAll(async () => db?.drop());

describe("GraphiQL examples on the demo data", () => {
  everyExampleAnswers("the demo corpus");

  it("carries the demo's travelling quote across several outlets, first carrier first", async () => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `{ quoteClusters(first: 3, search: "without any preconditions") { edges { node {
          speaker { name } firstSeenAt outletCount quotes(first: 20) { edges { node { publishedAt } } } } } } }`,
      }),
    });
    const { data } = (await response.json()) as { data: any };
    const cluster = data.quoteClusters.edges[0].node;
    expect(cluster.speaker.name).toBe("Oleg Vetrov");
    expect(cluster.outletCount).toBeGreaterThanOrEqual(3);
    const dates = cluster.quotes.edges.map((e: any) => e.node.publishedAt);
    expect(dates).toEqual([...dates].sort());
    expect(cluster.firstSeenAt).toBe(dates[0]);
  });

  it("folds everything past the top N into one Other series without losing a count", async () => {
    const run = async (top: number) => {
      const response = await yoga.fetch("http://test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          query: `{ coverage(dimension: OUTLET, from: "2025-01-01", to: "2025-12-31", bucket: MONTH, top: ${top}) { totals series { label total points { count } } } }`,
        }),
      });
      return ((await response.json()) as { data: any }).data.coverage;
    };
    const all = await run(50);
    const two = await run(2);
    expect(all.series.length).toBeGreaterThan(3);
    expect(two.series).toHaveLength(3);
    expect(two.series.slice(0, 2)).toEqual(all.series.slice(0, 2));
    expect(two.series[2].label).toBe(`Other (${all.series.length - 2})`);
    const sumOf = (c: any) => c.series.reduce((n: number, s: any) => n + s.total, 0);
    expect(sumOf(two)).toBe(sumOf(all));
    expect(sumOf(all)).toBe(all.totals.reduce((a: number, b: number) => a + b, 0));
  });
});
