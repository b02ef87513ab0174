// The API listener: opens the database (embedded unless DATABASE_URL is set) and serves yoga.
import { createServer } from "node:http";
import { useDatabaseUrl } from "@storyline/db";
import { ConfigError, env } from "@storyline/db/env";
import { openDatabaseServer } from "@storyline/db/server";

try {
  const database = await openDatabaseServer();
  useDatabaseUrl(database.url);
  const { yoga, LIMITS } = await import("./yoga.ts");
  const { createReadCache } = await import("./read-cache.ts");
  const fromCache =
    env.STORYLINE_CACHE_TTL_MS > 0
      ? createReadCache({
          ttlMs: env.STORYLINE_CACHE_TTL_MS,
          maxEntries: 2000,
          maxBodyBytes: LIMITS.maxBodyBytes,
          execute: (url, init) => Promise.resolve(yoga.fetch(url, init)),
        })
      : null;
  const server = createServer((req, res) => {
    if (!fromCache) return void yoga(req, res);
    fromCache(req, res).then(
      (served) => {
        if (!served) void yoga(req, res);
      },
      (error: Error) => {
        console.error(`storyline api: ${error.message}`);
        if (!res.headersSent) res.writeHead(500).end();
      },
    );
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      console.error(`storyline api: port ${env.STORYLINE_API_PORT} is busy. Stop what uses it or set STORYLINE_API_PORT.`);
    } else console.error(`storyline api: ${error.message}`);
    process.exit(1);
  });
  server.listen(env.STORYLINE_API_PORT, () => {
    console.log(`storyline api: GraphiQL at http://localhost:${env.STORYLINE_API_PORT}/graphql`);
  });
  const shutdown = () => server.close(() => database.stop().then(() => process.exit(0)));
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`storyline api: ${error.message}`);
    process.exit(3);
  }
  throw error;
}
