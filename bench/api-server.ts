// The API as the load test's server: the same yoga instance apps/api/src/server.ts serves, but bound to
// 127.0.0.1 only (server.ts listens on every interface) and stopping by itself if the bench goes away.
//   api-server.ts PORT [LIFETIME_MS] [BODY_CACHE_MS]      (DATABASE_URL names the bench database)
// BODY_CACHE_MS > 0 is an experiment: identical POST bodies are answered with the stored bytes of an earlier
// answer, before yoga sees the request, refreshed by one request at a time once older than BODY_CACHE_MS: what
// an HTTP-level cache with request coalescing in front of the API would give.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { env } from "@storyline/db/env";

const port = Number(process.argv[2]);
const lifetimeMs = Number(process.argv[3] ?? 600_000);
const bodyCacheMs = Number(process.argv[4] ?? 0);
if (!port || !env.DATABASE_URL) {
  console.error("api-server: usage: api-server.ts PORT [LIFETIME_MS] [BODY_CACHE_MS], with DATABASE_URL set");
  process.exit(2);
}

const { yoga } = await import("@storyline/api");

interface Cached {
  at: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}
const cache = new Map<string, Cached>();
/** One yoga execution per body at a time: concurrent misses wait for it instead of stampeding the database. */
const inFlight = new Map<string, Promise<Cached>>();

function refresh(req: IncomingMessage, body: string): Promise<Cached> {
  let pending = inFlight.get(body);
  if (!pending) {
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
    pending = (async () => {
      const response = await yoga.fetch(`http://127.0.0.1:${port}${req.url ?? "/graphql"}`, { method: "POST", headers, body });
      const text = await response.text();
      const fresh = { at: Date.now(), status: response.status, headers: Object.fromEntries(response.headers), body: text };
      if (response.ok && !text.includes('"errors"')) cache.set(body, fresh);
      return fresh;
    })().finally(() => inFlight.delete(body));
    inFlight.set(body, pending);
  }
  return pending;
}

// Stale-while-revalidate: an expired answer is still served while one request refreshes it.
async function fromCache(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST") return yoga(req, res);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const stored = cache.get(body);
  let answer: Cached;
  if (!stored) answer = await refresh(req, body);
  else {
    if (Date.now() - stored.at > bodyCacheMs) void refresh(req, body).catch(() => {});
    answer = stored;
  }
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

const server = createServer(bodyCacheMs > 0 ? (req, res) => void fromCache(req, res) : yoga);
const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.on("disconnect", stop);
setTimeout(stop, lifetimeMs).unref();
server.listen(port, "127.0.0.1", () => {
  process.send?.({ listening: port });
});
