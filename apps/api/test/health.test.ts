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

  it("tells the client when an id is malformed, as a typed error", async () => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: '{ articles(filter: { outletIds: ["not-an-id"] }) { totalCount } }' }),
    });
    const result = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(result.errors[0]?.extensions.code).toBe("BAD_USER_INPUT");
    expect(result.errors[0]?.message).toMatch(/not-an-id/);
  });

  it("answers a lookup asked only for __typename (it was 'Unexpected error')", async () => {
    const result = await gql(
      '{ article(id: "1") { __typename } event(id: "1") { __typename } story(id: "1") { __typename } outlet(id: "1") { __typename } person(id: "1") { __typename } }',
    );
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data).map((v: any) => v.__typename)).toEqual(Array(5).fill("NotFoundError"));
  });

  it("answers null for node ids that name nothing, and refuses more than 100 ids", async () => {
    const result = await gql('{ node(id: "garbage") { id } nodes(ids: ["T3V0bGV0OjE=", "RXZlbnQ6MQ==", "x"]) { id } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ node: null, nodes: [null, null, null] });
    const ids = Array.from({ length: 2000 }, (_, i) => `"${Buffer.from(`Article:${i}`).toString("base64")}"`);
    const many = await gql(`{ nodes(ids: [${ids.slice(0, 101).join(",")}]) { id } }`);
    expect(many.errors?.[0]?.message).toMatch(/at most 100 ids/);
  });

  it("masks unexpected errors: no stack, no database detail", async () => {
    useDatabaseUrl("postgresql://nobody@127.0.0.1:1/unreachable");
    try {
      const result = await gql("{ health { ok } }");
      expect(result.errors?.[0]?.message).toBe("Unexpected error.");
      expect(JSON.stringify(result)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|at \w+ \(/);
    } finally {
      useDatabaseUrl(db.url);
    }
  });
});

describe("limits", () => {
  it("refuses a query nested deeper than the limit, before resolving anything", async () => {
    const deep = `{ outlets { edges { node { articles { edges { node { outlet { articles { edges { node { outlet { articles { edges { node { title } } } } } } } } } } } } } } }`;
    const result = await gql(deep);
    expect(result.errors?.[0]?.message).toMatch(/depth/i);
    expect(result.data).toBeUndefined();
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 25 }, (_, i) => `a${i}: health { ok }`).join(" ");
    const result = await gql(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("refuses an oversized body with 413", async () => {
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(200_000) },
      body: JSON.stringify({ query: `{ health { ok } } # ${"x".repeat(199_000)}` }),
    });
    expect(response.status).toBe(413);
  });

  it("caps page sizes at 100: a bigger `first` returns 100 and a next page", async () => {
    await db.prisma.outlet.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ name: `Outlet ${i}`, slug: `outlet-${i}` })),
    });
    const result = await gql("{ outlets(first: 500) { totalCount edges { node { name } } pageInfo { hasNextPage } } }");
    expect(result.data.outlets.totalCount).toBe(120);
    expect(result.data.outlets.edges).toHaveLength(100);
    expect(result.data.outlets.pageInfo.hasNextPage).toBe(true);
  });
});
