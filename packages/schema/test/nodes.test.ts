// node(id) and nodes(ids): bounded, batched (one query per type, not one per id), null for what does not
// exist; typed lookups answer in grammatical sentences; a result union asked only for __typename resolves.
import { encodeGlobalID } from "@pothos/plugin-relay";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support.ts";

let h: Harness;
let articleIds: number[];
let outletIds: number[];
beforeAll(async () => {
  h = await startHarness("schema_nodes", { seeds: true });
  articleIds = (await h.prisma.article.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((a) => a.id);
  outletIds = (await h.prisma.outlet.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((o) => o.id);
});
afterAll(async () => h?.close());

/** Runs an operation and returns errors instead of throwing them. */
async function raw(source: string, variableValues?: Record<string, unknown>) {
  const { schema } = await import("../src/index.ts");
  return graphql({ schema, source, variableValues, contextValue: { canWrite: false } });
}

describe("nodes(ids:)", () => {
  it("loads many ids of several types in one query per type, in the order asked", async () => {
    const ids = [
      ...articleIds.map((id) => encodeGlobalID("Article", id)),
      ...outletIds.map((id) => encodeGlobalID("Outlet", id)),
    ].reverse();
    const { data, sql } = await h.run(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { id __typename ... on Article { title outlet { name } } ... on Outlet { name } } }`,
      { ids },
    );
    expect(data.nodes.map((n: any) => n.id)).toEqual(ids);
    expect(data.nodes.filter((n: any) => n.__typename === "Article")).toHaveLength(articleIds.length);
    // One statement per type (outlets under articles come with them), whatever the number of ids.
    expect(sql.length).toBeLessThanOrEqual(3);
  });

  it("returns null for a missing id, an unknown type or a malformed id, and keeps the rest", async () => {
    const ids = [
      encodeGlobalID("Article", articleIds[0]!),
      encodeGlobalID("Article", 999_999),
      encodeGlobalID("Nonsense", 1),
      "not a global id",
      encodeGlobalID("Outlet", "x"),
    ];
    const result = await raw(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.errors).toBeUndefined();
    expect((result.data as any).nodes).toEqual([{ id: ids[0] }, null, null, null, null]);
  });

  it("refuses more than 100 ids with a clear error, before any query", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => encodeGlobalID("Article", i + 1));
    const result = await raw(`query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(result.errors?.[0]?.message).toBe("nodes(ids:) takes at most 100 ids; 101 were given.");
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});

describe("node(id:)", () => {
  it("returns the object, or null for a missing, unknown or malformed id", async () => {
    const id = encodeGlobalID("Article", articleIds[0]!);
    const found = await raw(`query ($id: ID!) { node(id: $id) { id ... on Article { title } } }`, { id });
    expect((found.data as any).node.id).toBe(id);
    for (const missing of [
      encodeGlobalID("Article", 999_999),
      encodeGlobalID("Article", "99999999999999999999"),
      encodeGlobalID("Nope", 1),
      "garbage",
    ]) {
      const result = await raw(`query ($id: ID!) { node(id: $id) { id } }`, { id: missing });
      expect(result.errors, missing).toBeUndefined();
      expect((result.data as any).node, missing).toBeNull();
    }
  });
});

describe("typed lookups", () => {
  it("refuses an id past the database's integer range as a bad id, not an unexpected error", async () => {
    for (const id of ["99999999999999999999999", encodeGlobalID("Event", "2147483648")]) {
      const result = await raw(`query ($id: ID!) { event(id: $id) { __typename } }`, { id });
      expect(result.errors?.[0]?.message, id).toMatch(/is not an Event id/);
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });

  it("answers a result asked only for __typename", async () => {
    const id = encodeGlobalID("Article", articleIds[0]!);
    const result = await raw(
      `query ($id: ID!) { article(id: $id) { __typename } missing: article(id: "999999") { __typename } }`,
      {
        id,
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ article: { __typename: "QueryArticleSuccess" }, missing: { __typename: "NotFoundError" } });
  });

  it("says what an id is not, grammatically", async () => {
    const outlet = encodeGlobalID("Outlet", outletIds[0]!);
    const messages: string[] = [];
    for (const [source, id] of [
      ["query ($id: ID!) { event(id: $id) { __typename } }", outlet],
      ["query ($id: ID!) { article(id: $id) { __typename } }", "nonsense"],
    ] as const) {
      const result = await raw(source, { id });
      messages.push(...(result.errors?.map((e) => e.message) ?? []));
    }
    expect(messages).toContain(`"${outlet}" is an Outlet id; expected an Event id.`);
    expect(messages).toContain(`"nonsense" is not an Article id.`);
    expect(messages.join(" ")).not.toMatch(/\ba [AEIOU]/);
  });
});
