// HTTP edges an attacker finds: chunked bodies past the size limit, CORS for origins that are not ours, batched
// operations, a POST without a content type. Each over a real socket where the socket matters.
import type { Socket } from "node:net";
import type { TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiDatabase, chunkedPost, listenApi, type RunningApi } from "./support.ts";

let db: TestDatabase;
let cached: RunningApi;
let uncached: RunningApi;
let yoga: typeof import("../src/yoga.ts").yoga;
let LIMITS: typeof import("../src/yoga.ts").LIMITS;

beforeAll(async () => {
  db = await apiDatabase("api_transport");
  ({ yoga, LIMITS } = await import("../src/yoga.ts"));
  cached = await listenApi({ cacheTtlMs: 5000 });
  uncached = await listenApi({ cacheTtlMs: 0 });
});
afterAll(async () => {
  await cached?.close();
  await uncached?.close();
  await db?.drop();
});

describe("body size limit, counted as bytes arrive", () => {
  for (const [label, api] of [
    ["through the read cache", () => cached],
    ["straight to yoga (cache off)", () => uncached],
  ] as const) {
    it(`refuses a 10 MB chunked body with 413 long before it ends, ${label}`, async () => {
      const sockets: Socket[] = [];
      const track = (socket: Socket) => sockets.push(socket);
      api().server.on("connection", track);
      const result = await chunkedPost(api().port, 10 * 1024 * 1024);
      api().server.off("connection", track);
      // What the server took off the socket (kernel buffers hold more in flight, unread).
      const read = sockets.reduce((n, s) => n + s.bytesRead, 0);
      console.log(
        `chunked 10 MB POST ${label}: ${result.status} in ${result.ms.toFixed(0)} ms; client wrote ${result.sent} bytes, server read ${read}`,
      );
      expect(result.status).toBe(413);
      expect(read).toBeLessThan(1024 * 1024);
    });
  }

  it("still answers a chunked body under the limit", async () => {
    const result = await chunkedPost(cached.port, 32 * 1024);
    expect(result.status).toBe(200);
  });

  it("refuses a streamed body without Content-Length in process (yoga.fetch)", async () => {
    const big = new TextEncoder().encode(`{"query":"{ __typename }","x":"${"y".repeat(LIMITS.maxBodyBytes)}"}`);
    const body = new ReadableStream({
      start(controller) {
        for (let i = 0; i < big.length; i += 8192) controller.enqueue(big.subarray(i, i + 8192));
        controller.close();
      },
    });
    const response = await yoga.fetch("http://test/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      // undici needs duplex for a stream body
      duplex: "half",
    });
    expect(response.status).toBe(413);
  });
});

describe("CORS", () => {
  const ask = (origin: string | null, method = "POST") =>
    fetch(cached.url, {
      method,
      headers: {
        "content-type": "application/json",
        ...(origin !== null ? { origin } : {}),
        ...(method === "OPTIONS" ? { "access-control-request-method": "POST" } : {}),
      },
      ...(method === "POST" ? { body: JSON.stringify({ query: "{ __typename }" }) } : {}),
    });

  it("allows the dashboard's origin, and says the answer varies by origin", async () => {
    const response = await ask("http://localhost:3000");
    expect(response.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(response.headers.get("vary")).toMatch(/origin/i);
  });

  for (const origin of ["https://evil.example", "null"]) {
    it(`gives ${origin} no Access-Control-Allow-Origin, on a request and on a preflight, cached or not`, async () => {
      for (const method of ["POST", "POST", "OPTIONS"]) {
        const response = await ask(origin, method);
        expect(response.headers.get("access-control-allow-origin"), method).toBeNull();
      }
      // After a disallowed origin, the allowed one still gets its header (the cache keys on Origin).
      const allowed = await ask("http://127.0.0.1:3000");
      expect(allowed.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:3000");
    });
  }
});

describe("request shapes", () => {
  it("refuses a batched array of operations", async () => {
    const batch = Array.from({ length: 50 }, () => ({ query: "{ health { ok } }" }));
    const response = await fetch(cached.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(batch),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("refuses a POST without a content type with 415", async () => {
    // Bytes, not a string: fetch gives a string body a text/plain type.
    for (const api of [cached, uncached]) {
      const response = await fetch(api.url, { method: "POST", body: new TextEncoder().encode('{"query":"{ __typename }"}') });
      expect(response.status).toBe(415);
    }
  });

  it("answers application/json to Accept */* and to no Accept, and never a cached answer of another type", async () => {
    const post = (accept?: string) =>
      fetch(cached.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(accept ? { accept } : {}) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
    expect((await post("application/graphql-response+json")).headers.get("content-type")).toMatch(
      /^application\/graphql-response\+json/,
    );
    expect((await post("application/json")).headers.get("content-type")).toMatch(/^application\/json/);
    expect((await post("*/*")).headers.get("content-type")).toMatch(/^application\/json/);
    expect((await post()).headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("CORS settings", () => {
  it("allows only listed origins; '*' allows any real origin but never 'null'", async () => {
    const { corsFor } = await import("../src/http-rules.ts");
    const ask = (origins: string[], origin: string) =>
      corsFor(origins)(new Request("http://test/graphql", { headers: { origin } }));
    expect(ask(["https://a.example"], "https://a.example")).toMatchObject({ origin: ["https://a.example"] });
    expect(ask(["https://a.example"], "https://b.example")).toBe(false);
    expect(ask(["https://a.example", "null"], "null")).toBe(false);
    expect(ask(["*"], "https://b.example")).toMatchObject({ origin: ["https://b.example"] });
    expect(ask(["*"], "null")).toBe(false);
  });
});
