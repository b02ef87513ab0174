import { useDatabaseUrl } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let db: TestDatabase;
let yoga: typeof import("../src/yoga.ts").yoga;

beforeAll(async () => {
  db = await createTestDatabase("api_health");
  useDatabaseUrl(db.url);
  ({ yoga } = await import("../src/yoga.ts"));
});
afterAll(async () => db?.drop());

const gql = async (query: string, variables?: Record<string, unknown>) => {
  const response = await yoga.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
};

describe("API transport", () => {
  it("answers the liveness probe at /health", async () => {
    const response = await yoga.fetch("http://test/health");
    expect(response.status).toBe(200);
  });

  it("reaches the database through GraphQL", async () => {
    const result = await gql("{ health { ok databaseLatencyMs } articles(first: 1) { totalCount } }");
    expect(result.errors).toBeUndefined();
    expect(result.data.health.ok).toBe(true);
    expect(result.data.articles.totalCount).toBe(0);
  });

  it("serves GraphiQL without any external request", async () => {
    const response = await yoga.fetch("http://test/graphql", { headers: { accept: "text/html" } });
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain("Storyline GraphiQL");
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });

  it("masks unexpected errors", async () => {
    const result = await gql('{ articles(filter: { outletIds: ["not-an-id"] }) { totalCount } }');
    expect(result.errors?.[0]?.message).toBe("Unexpected error.");
  });
});
