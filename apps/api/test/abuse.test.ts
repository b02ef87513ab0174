// Reliability under abuse, sized for CI: the API behind its real node server and read cache takes abusive
// GraphQL (depth, aliases, tokens, huge `first`, huge `nodes`, big and chunked bodies, batches, slow clients)
// and refuses each fast, a normal query still answers quickly meanwhile and afterwards, and when PostgreSQL
// terminates its connections under load the API recovers by itself. Counts and times are logged on one line
// each, so the closing notes of issue 15 can quote them.
import { execFile } from "node:child_process";
import { connect, type Socket } from "node:net";
import { resolve } from "node:path";
import { promisify } from "node:util";
import type { TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDatabase, listenApi, type RunningApi } from "./support.ts";

const run = promisify(execFile);
let db: TestDatabase;
let api: RunningApi;
const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;

beforeAll(async () => {
  db = await apiDatabase("api_abuse");
  await db.prisma.outlet.createMany({
    data: Array.from({ length: 150 }, (_, i) => ({ name: `Outlet ${i}`, slug: `outlet-${i}` })),
  });
  api = await listenApi({ cacheTtlMs: 5000, headersTimeoutMs: HEADERS_TIMEOUT_MS, requestTimeoutMs: REQUEST_TIMEOUT_MS });
});
afterAll(async () => {
  await api?.close();
  await db?.drop();
});

let unique = 0;
/** A POST that the cache has never seen (a numbered comment), so it reaches yoga and the database. */
async function post(query: string, init: { headers?: Record<string, string>; body?: BodyInit } = {}) {
  const started = performance.now();
  const response = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: init.body ?? JSON.stringify({ query: `${query} # ${++unique}` }),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

const NORMAL = "{ outlets(first: 5) { totalCount edges { node { name } } } }";
async function normalQuery() {
  const result = await post(NORMAL);
  expect(result.status).toBe(200);
  expect(JSON.parse(result.text).data.outlets.totalCount).toBe(150);
  return result.ms;
}

const nest = (depth: number) => {
  let q = "name";
  for (let i = 0; i < depth; i++) q = i % 2 ? `outlet { ${q} }` : `articles(first: 1) { edges { node { ${q} } } }`;
  return `{ outlets(first: 1) { edges { node { ${q} } } } }`;
};
const globalIds = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`Article:${i + 1}`).toString("base64"));

describe("abusive GraphQL is refused fast, and a normal query still answers", () => {
  it("refuses each abusive request within a second", async () => {
    const baseline = await normalQuery();
    const cases: [
      string,
      () => Promise<{ status: number; text: string; ms: number }>,
      (r: { status: number; text: string }) => boolean,
    ][] = [
      ["depth 40", () => post(nest(40)), (r) => /depth/i.test(r.text)],
      [
        "1,000 aliases",
        () => post(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: health { ok }`).join(" ")} }`),
        (r) => /alias|token/i.test(r.text),
      ],
      [
        "10,000 tokens",
        () => post(`{ ${Array.from({ length: 5000 }, () => "__typename").join(" ")} }`),
        (r) => /token/i.test(r.text),
      ],
      [
        "first: 1,000,000",
        () => post("{ outlets(first: 1000000) { edges { node { name } } } }"),
        // Refused by the cost limit (first multiplies the cost); were it let through, pages stop at 100.
        (r) => /cost limit/i.test(r.text) || JSON.parse(r.text).data?.outlets.edges.length === 100,
      ],
      [
        "nodes with 2,000 ids",
        () => post(`{ nodes(ids: ${JSON.stringify(globalIds(2000))}) { id } }`),
        (r) => /at most 100 ids/.test(r.text),
      ],
      [
        "1 MB body with Content-Length",
        () => post("", { body: `{"query":"{ __typename }","x":"${"y".repeat(1 << 20)}"}` }),
        (r) => r.status === 413,
      ],
      [
        "batch of 100 operations",
        () => post("", { body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: NORMAL }))) }),
        (r) => r.status >= 400 && r.status < 500,
      ],
      ["POST without content type", () => post("", { headers: { "content-type": "" } }), (r) => r.status === 415],
    ];
    const times: string[] = [];
    for (const [label, run, refused] of cases) {
      const result = await run();
      times.push(`${label} ${result.status} in ${result.ms.toFixed(0)} ms`);
      expect(refused(result), `${label}: ${result.status} ${result.text.slice(0, 200)}`).toBe(true);
      expect(result.ms, label).toBeLessThan(1000);
    }
    const after = await normalQuery();
    console.log(
      `abuse: ${cases.length} abusive requests refused or capped (${times.join("; ")}); normal query ${baseline.toFixed(0)} ms before, ${after.toFixed(0)} ms after`,
    );
    expect(after).toBeLessThan(1000);
  });

  it("refuses 20 parallel 10 MB chunked bodies without holding them, while a normal query answers", async () => {
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    // From another process, so the cost of writing 200 MB is not counted against the server's event loop.
    const uploads = run(
      process.execPath,
      ["--import", "tsx", "test/chunked-uploads.ts", String(api.port), "20", String(10 << 20)],
      {
        cwd: resolve(import.meta.dirname, ".."),
        maxBuffer: 1 << 20,
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    const during = await normalQuery();
    const results = JSON.parse((await uploads).stdout) as { status: number; ms: number; error?: string }[];
    const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
    const refused = results.filter((r) => r.status === 413).length;
    // A client still writing when the server closes the socket after its 413 may see the reset before the answer.
    const cut = results.filter((r) => r.status === 0 && /ECONNRESET|EPIPE/.test(r.error ?? "")).length;
    console.log(
      `abuse: 20 chunked 10 MB bodies: ${refused} refused with 413, ${cut} cut off by the server, in ${(performance.now() - started).toFixed(0)} ms (slowest ${Math.max(...results.map((r) => r.ms)).toFixed(0)} ms); normal query during: ${during.toFixed(0)} ms; server RSS growth ${rssGrowth.toFixed(0)} MB`,
    );
    expect(refused + cut).toBe(20);
    expect(during).toBeLessThan(1000);
    expect(rssGrowth).toBeLessThan(200);
  });

  it("drops slow clients (slowloris headers, dripped bodies) on its timeouts, and answers others meanwhile", async () => {
    const open = (start: string) =>
      new Promise<Socket>((resolve, reject) => {
        const socket = connect(api.port, "127.0.0.1", () => {
          socket.write(start);
          resolve(socket);
        });
        socket.on("error", () => {});
        socket.once("error", reject);
      });
    const slowHeaders = await Promise.all(Array.from({ length: 150 }, () => open("POST /graphql HTTP/1.1\r\nHost: x\r\n")));
    const slowBodies = await Promise.all(
      Array.from({ length: 50 }, () =>
        open("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"),
      ),
    );
    const all = [...slowHeaders, ...slowBodies];
    const closedAt = new Map<Socket, number>();
    const started = performance.now();
    for (const socket of all) socket.on("close", () => closedAt.set(socket, performance.now() - started));
    // Each keeps trickling: a header line or a body byte every 200 ms.
    const drip = setInterval(() => {
      for (const s of slowHeaders) if (!s.destroyed) s.write("X-Slow: 1\r\n");
      for (const s of slowBodies) if (!s.destroyed) s.write(" ");
    }, 200);
    try {
      const during = await normalQuery();
      const deadline = Date.now() + REQUEST_TIMEOUT_MS * 3;
      while (closedAt.size < all.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const headersClosed = slowHeaders.filter((s) => closedAt.has(s)).length;
      const bodiesClosed = slowBodies.filter((s) => closedAt.has(s)).length;
      const latest = Math.max(...closedAt.values());
      console.log(
        `abuse: slow clients dropped: ${headersClosed}/150 trickling headers, ${bodiesClosed}/50 dripping bodies, the last after ${latest.toFixed(0)} ms (headersTimeout ${HEADERS_TIMEOUT_MS} ms, requestTimeout ${REQUEST_TIMEOUT_MS} ms); normal query during: ${during.toFixed(0)} ms`,
      );
      expect(headersClosed).toBe(150);
      expect(bodiesClosed).toBe(50);
      expect(during).toBeLessThan(1000);
    } finally {
      clearInterval(drip);
      for (const s of all) s.destroy();
    }
    expect(await normalQuery()).toBeLessThan(1000);
  });
});

describe("database connections terminated under load", () => {
  it("recovers by itself: later queries succeed", async () => {
    let ok = 0;
    let failed = 0;
    let killed = 0;
    let running = true;
    const worker = async () => {
      while (running) {
        const result = await post(NORMAL).catch(() => ({ status: 0, text: "", ms: 0 }));
        if (result.status === 200 && !result.text.includes('"errors"')) ok++;
        else failed++;
      }
    };
    const started = performance.now();
    const workers = Array.from({ length: 8 }, worker);
    for (let round = 0; round < 15; round++) {
      await new Promise((r) => setTimeout(r, 150));
      // Through the test's own client (its own pool): every other backend of the database, the API's included.
      const rows = await db.prisma.$queryRawUnsafe<{ killed: boolean }[]>(
        "select pg_terminate_backend(pid) as killed from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
      );
      killed += rows.filter((r) => r.killed).length;
    }
    running = false;
    await Promise.all(workers);
    const underLoad = performance.now() - started;
    // Afterwards: every query answers, without a restart.
    const recoveryStarted = performance.now();
    let after = 0;
    for (let i = 0; i < 20; i++) {
      const result = await post(NORMAL);
      if (result.status === 200 && !result.text.includes('"errors"')) after++;
    }
    console.log(
      `abuse: ${killed} database backends terminated in 15 rounds over ${underLoad.toFixed(0)} ms under 8 concurrent clients: ${ok} queries answered, ${failed} failed during; afterwards ${after}/20 succeeded in ${(performance.now() - recoveryStarted).toFixed(0)} ms`,
    );
    expect(killed).toBeGreaterThan(0);
    expect(ok).toBeGreaterThan(0);
    expect(after).toBe(20);
  });
});
