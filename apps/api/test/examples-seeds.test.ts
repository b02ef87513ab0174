// Every GraphiQL example on a small real corpus (the five seed articles, through the real ingest): nothing in an
// example may depend on the demo's people, phrases or dates.
import { resolve } from "node:path";
import { useDatabaseUrl } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { runIngest } from "@storyline/ingest/pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everyExampleAnswers, runOperation } from "./examples-support.ts";

const SEEDS_DIR = resolve(import.meta.dirname, "../../../../shared/seeds");
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase("api_examples_seeds");
  const summary = await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [SEEDS_DIR], command: "test" });
  expect(summary.stored).toBeGreaterThan(0);
  useDatabaseUrl(db.url);
});
afterAll(async () => db?.drop());

describe("GraphiQL examples on the seeds (not the demo)", () => {
  everyExampleAnswers("the seeds");

  it("reads coverage over the data's last twelve months when the range is omitted", async () => {
    const { data } = await runOperation(
      "{ dataRange { first last } coverage(dimension: ALL, bucket: MONTH) { buckets totals } }",
    );
    expect(data?.dataRange.last).toMatch(/^2018-|^2019-/);
    expect(data?.coverage.buckets).toHaveLength(12);
    expect(data?.coverage.buckets.at(-1)).toBe(`${data?.dataRange.last.slice(0, 7)}-01`);
    expect(data?.coverage.totals.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThan(0);
  });
});
