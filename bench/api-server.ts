// The API as the load test's server: the same yoga instance apps/api/src/server.ts serves, but bound to
// 127.0.0.1 only (server.ts listens on every interface) and stopping by itself if the bench goes away.
//   api-server.ts PORT [LIFETIME_MS] [BODY_CACHE_MS]      (DATABASE_URL names the bench database)
// BODY_CACHE_MS > 0 puts the API's read cache in front of yoga with that TTL, as apps/api/src/server.ts does.
import { createServer } from "node:http";
import { env } from "@storyline/db/env";

const port = Number(process.argv[2]);
const lifetimeMs = Number(process.argv[3] ?? 600_000);
const bodyCacheMs = Number(process.argv[4] ?? 0);
if (!port || !env.DATABASE_URL) {
  console.error("api-server: usage: api-server.ts PORT [LIFETIME_MS] [BODY_CACHE_MS], with DATABASE_URL set");
  process.exit(2);
}

const { yoga } = await import("@storyline/api");

// The product's own read cache (apps/api/src/read-cache.ts), exactly as server.ts wires it.
const { createReadCache } = await import("../apps/api/src/read-cache.ts");
const serve =
  bodyCacheMs > 0
    ? createReadCache({
        ttlMs: bodyCacheMs,
        maxEntries: 2000,
        maxBodyBytes: 64 * 1024,
        execute: (url, init) => Promise.resolve(yoga.fetch(url, init)),
      })
    : null;

const server = createServer(serve ? (req, res) => void serve(req, res).then((served) => void (served || yoga(req, res))) : yoga);
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
