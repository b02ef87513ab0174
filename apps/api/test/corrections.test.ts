// Corrections over HTTP as `npm start` serves them (read cache on): refused without the write token or with a
// wrong one (UNAUTHENTICATED, nothing changes), never answered from the read cache, and a correction is seen
// by the very next read of something the cache held.
import type { TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { apiDatabase, listenApi, type RunningApi } from "./support.ts";

const TOKEN = vi.hoisted(() => {
  const token = "a-write-token-long-enough-0123456789";
  process.env.STORYLINE_WRITE_TOKEN = token;
  return token;
});

let db: TestDatabase;
let api: RunningApi;
let storyId: number;

beforeAll(async () => {
  db = await apiDatabase("api_corrections");
  storyId = (await db.prisma.story.create({ data: { title: "Before" } })).id;
  api = await listenApi({ cacheTtlMs: 60_000 });
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

async function post(query: string, authorization?: string) {
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: any[] } };
}

const read = async () =>
  (await post(`{ story(id: "${storyId}") { ... on QueryStorySuccess { data { title } } } }`)).body.data.story.data.title;
const rename = (title: string) => `mutation { updateStory(id: "${storyId}", title: "${title}") {
  __typename ... on MutationUpdateStorySuccess { data { title } } } }`;

describe("corrections over HTTP", () => {
  it("are refused without the token and with a wrong one, and nothing changes", async () => {
    expect(await read()).toBe("Before");
    for (const authorization of [undefined, "Bearer not-the-token-at-all-000000", `Bearer ${TOKEN}x`, TOKEN]) {
      const { body } = await post(rename("Hacked"), authorization);
      expect(body.errors?.[0]?.extensions?.code, String(authorization)).toBe("UNAUTHENTICATED");
      expect(body.data ?? null).toBeNull();
    }
    expect((await db.prisma.story.findUniqueOrThrow({ where: { id: storyId } })).title).toBe("Before");
    expect(await db.prisma.correction.count()).toBe(0);
  });

  it("are applied with the token, never cached, and invalidate cached reads", async () => {
    expect(await read()).toBe("Before"); // held by the cache now
    const first = await post(rename("After"), `Bearer ${TOKEN}`);
    expect(first.body.data.updateStory).toEqual({ __typename: "MutationUpdateStorySuccess", data: { title: "After" } });
    expect(await read()).toBe("After");
    // The same mutation again runs again (a second audit row), not answered from the cache.
    await post(rename("After"), `Bearer ${TOKEN}`);
    expect(await db.prisma.correction.count()).toBe(2);
    // Each correction empties the cache.
    expect(api.server.cache?.stats().entries).toBe(0);
  });
});
