// The API as the load test's server: the same yoga instance apps/api/src/server.ts serves, but bound to
// 127.0.0.1 only (server.ts listens on every interface) and stopping by itself if the bench goes away.
import { createServer } from "node:http";

const port = Number(process.env.BENCH_API_PORT);
const lifetimeMs = Number(process.env.BENCH_API_LIFETIME_MS ?? 600_000);
if (!port || !process.env.DATABASE_URL) {
  console.error("api-server: BENCH_API_PORT and DATABASE_URL are required");
  process.exit(2);
}

const { yoga } = await import("@storyline/api");
const server = createServer(yoga);
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
