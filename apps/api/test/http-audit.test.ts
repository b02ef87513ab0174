// The GraphQL-over-HTTP audit of graphql-http (the reference implementation of the spec's server checks), run
// against yoga in process and against the real node server with the read cache in front: every audit passes,
// warnings included. The cache once answered an `Accept: application/json` request with a stored
// `application/graphql-response+json` answer, since it keyed on the body alone.
import type { TestDatabase } from "@storyline/db/testing";
import { type AuditResult, auditServer } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDatabase, listenApi, type RunningApi } from "./support.ts";

let db: TestDatabase;
let api: RunningApi;
let yoga: typeof import("../src/yoga.ts").yoga;

beforeAll(async () => {
  db = await apiDatabase("api_http_audit");
  ({ yoga } = await import("../src/yoga.ts"));
  api = await listenApi({ cacheTtlMs: 60_000 });
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

function report(label: string, results: AuditResult[]) {
  const count = (status: string) => results.filter((r) => r.status === status).length;
  console.log(
    `graphql-http audit (${label}): ${results.length} audits, ${count("ok")} ok, ${count("notice")} notices (MAY), ${count("warn")} warnings, ${count("error")} errors`,
  );
  return results
    .filter((r) => r.status === "warn" || r.status === "error")
    .map((r) => `${r.status} ${r.id} ${r.name}: ${"reason" in r ? r.reason : ""}`);
}

describe("GraphQL over HTTP (graphql-http audit)", () => {
  it("passes every audit against yoga in process", async () => {
    const results = await auditServer({
      url: "http://test/graphql",
      fetchFn: yoga.fetch,
    });
    expect(report("yoga.fetch", results)).toEqual([]);
  });

  it("passes every audit through the node server and its read cache, twice (the second run from the cache)", async () => {
    const first = await auditServer({ url: api.url });
    const second = await auditServer({ url: api.url });
    expect(api.server.cache?.stats().entries).toBeGreaterThan(0);
    expect(report("node server + cache, cold", first)).toEqual([]);
    expect(report("node server + cache, warm", second)).toEqual([]);
  });
});
