// The API as the load test's server: the same yoga instance apps/api/src/server.ts serves, but bound to
// 127.0.0.1 only (server.ts listens on every interface) and stopping by itself if the bench goes away.
//   api-server.ts PORT [LIFETIME_MS] [BODY_CACHE_MS]      (DATABASE_URL names the bench database)
// BODY_CACHE_MS > 0 is an experiment: identical POST bodies within that time are answered with the bytes of
// the first answer, before yoga sees the request, to measure an HTTP-level cache in front of the API.
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

async function fromCache(req: IncomingMessage, res: ServerResponse) {
  if (req.method !== "POST") return yoga(req, res);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  let hit = cache.get(body);
  if (!hit || Date.now() - hit.at > bodyCacheMs) {
    const headers = Object.fromEntries(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
    const response = await yoga.fetch(`http://127.0.0.1:${port}${req.url ?? "/graphql"}`, { method: "POST", headers, body });
    const text = await response.text();
    hit = { at: Date.now(), status: response.status, headers: Object.fromEntries(response.headers), body: text };
    if (response.ok && !text.includes('"errors"')) cache.set(body, hit);
  }
  res.writeHead(hit.status, hit.headers);
  res.end(hit.body);
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
