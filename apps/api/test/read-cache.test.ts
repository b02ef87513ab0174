// The HTTP read cache in front of yoga: one execution for many identical requests, stale answers served
// while a single refresh runs, errors never stored, a key per variant of a request, memory capped by bytes
// and returned when answers expire.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useDatabaseUrl } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadCache, type ReadCache } from "../src/read-cache.ts";

let db: TestDatabase;
let server: Server;
let url: string;
let executions = 0;
let serve: ReadCache;

beforeAll(async () => {
  db = await createTestDatabase("api_read_cache");
  useDatabaseUrl(db.url);
  const { yoga } = await import("../src/yoga.ts");
  serve = createReadCache({
    ttlMs: 300,
    staleMs: 1500,
    maxBytes: 24 * 1024,
    maxEntryBytes: 8 * 1024,
    maxBodyBytes: 64 * 1024,
    execute: (target, init) => {
      executions++;
      return Promise.resolve(yoga.fetch(target, init));
    },
  });
  server = createServer((req, res) => void serve(req, res).then((served) => void (served || yoga(req, res))));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(async () => {
  serve?.close();
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  await db?.drop();
});

const post = (query: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) }).then(
    (r) => r.json() as Promise<any>,
  );

describe("read cache", () => {
  it("runs 50 concurrent identical requests once", async () => {
    executions = 0;
    const answers = await Promise.all(Array.from({ length: 50 }, () => post("{ outlets { totalCount } }")));
    expect(executions).toBe(1);
    expect(answers.every((a) => a.data.outlets.totalCount === 0)).toBe(true);
  });

  it("serves the stored answer after the TTL while one request refreshes it", async () => {
    const query = "{ outlets { totalCount } } # stale";
    expect((await post(query)).data.outlets.totalCount).toBe(0);
    await db.prisma.outlet.create({ data: { name: "Fresh Outlet", slug: "fresh-outlet" } });
    await new Promise((r) => setTimeout(r, 350));
    executions = 0;
    const stale = await post(query);
    expect(stale.data.outlets.totalCount).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(executions).toBe(1);
    expect((await post(query)).data.outlets.totalCount).toBe(1);
  });

  it("caches GET queries too (urql, and so the dashboard, sends a query that fits in a URL as a GET)", async () => {
    executions = 0;
    const get = () =>
      fetch(`${url}?query=${encodeURIComponent("{ outlets(first: 1) { totalCount } }")}`, {
        headers: { accept: "application/graphql-response+json, application/json" },
      }).then((r) => r.json() as Promise<any>);
    const answers = await Promise.all(Array.from({ length: 20 }, get));
    expect(executions).toBe(1);
    expect(answers.every((a) => typeof a.data.outlets.totalCount === "number")).toBe(true);
    // A browser opening the URL gets GraphiQL from yoga, never a stored JSON answer.
    const page = await fetch(`${url}?query=${encodeURIComponent("{ outlets(first: 1) { totalCount } }")}`, {
      headers: { accept: "text/html" },
    });
    expect(page.headers.get("content-type")).toContain("text/html");
    expect(executions).toBe(1);
  });

  it("never stores an error", async () => {
    executions = 0;
    await post("{ nope }");
    await post("{ nope }");
    expect(executions).toBe(2);
  });

  it("keys on Accept, Origin and Authorization, not the body alone", async () => {
    executions = 0;
    const body = JSON.stringify({ query: "{ outlets { totalCount } }" });
    const ask = (headers: Record<string, string>) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const typed = await ask({ accept: "application/graphql-response+json" });
    expect(typed.headers.get("content-type")).toMatch(/^application\/graphql-response\+json/);
    const plain = await ask({ accept: "application/json" });
    expect(plain.headers.get("content-type")).toMatch(/^application\/json/);
    await ask({ accept: "application/json", origin: "http://localhost:3000" });
    await ask({ accept: "application/json", authorization: "Bearer something-long-enough" });
    expect(executions).toBe(4);
    await ask({ accept: "application/json" });
    expect(executions).toBe(4);
  });

  it("caps memory by bytes: oldest answers go first, a big answer is served but never stored", async () => {
    serve.sweep();
    // 40 distinct requests of about 2 KB each (a padded comment makes each key its own and big).
    for (let i = 0; i < 40; i++) await post(`{ outlets { totalCount } } # ${i} ${"x".repeat(2000)}`);
    const { entries, bytes } = serve.stats();
    expect(bytes).toBeLessThanOrEqual(24 * 1024);
    expect(entries).toBeGreaterThan(3);
    expect(entries).toBeLessThan(40);
    executions = 0;
    const introspection = "{ __schema { types { name description fields { name description } } } }";
    const big = await post(introspection);
    expect(JSON.stringify(big).length).toBeGreaterThan(8 * 1024);
    await post(introspection);
    expect(executions).toBe(2);
  });

  it("drops answers past TTL plus the stale window, returning their memory", async () => {
    await post("{ outlets(first: 2) { totalCount } }");
    expect(serve.stats().entries).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300 + 1500 + 100));
    serve.sweep();
    expect(serve.stats()).toEqual({ entries: 0, bytes: 0 });
    // Past the stale window an answer is not served stale: the request waits for a fresh one.
    executions = 0;
    await post("{ outlets(first: 2) { totalCount } }");
    expect(executions).toBe(1);
  });
});
