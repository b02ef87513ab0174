// The HTTP read cache in front of yoga: one execution for many identical requests, stale answers served
// while a single refresh runs, errors never stored.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useDatabaseUrl } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReadCache } from "../src/read-cache.ts";

let db: TestDatabase;
let server: Server;
let url: string;
let executions = 0;

beforeAll(async () => {
  db = await createTestDatabase("api_read_cache");
  useDatabaseUrl(db.url);
  const { yoga } = await import("../src/yoga.ts");
  const serve = createReadCache({
    ttlMs: 300,
    maxEntries: 10,
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
    await db.prisma.outlet.create({ data: { name: "Fresh Outlet", slug: "fresh-outlet" } });
    expect((await post("{ outlets { totalCount } }")).data.outlets.totalCount).toBe(0);
    await new Promise((r) => setTimeout(r, 350));
    executions = 0;
    const stale = await post("{ outlets { totalCount } }");
    expect(stale.data.outlets.totalCount).toBe(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(executions).toBe(1);
    expect((await post("{ outlets { totalCount } }")).data.outlets.totalCount).toBe(1);
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
});
