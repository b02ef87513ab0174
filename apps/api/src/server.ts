// The API listener: opens the database (embedded unless DATABASE_URL is set) and serves yoga behind the read
// cache. Loopback only unless STORYLINE_API_HOST names another interface: the API is a local tool's backend.
import { useDatabaseUrl } from "@storyline/db";
import { ConfigError, env } from "@storyline/db/env";
import { openDatabaseServer } from "@storyline/db/server";

try {
  const database = await openDatabaseServer();
  useDatabaseUrl(database.url);
  const { yoga } = await import("./yoga.ts");
  const { createApiServer } = await import("./handler.ts");
  const server = createApiServer({ yoga, cacheTtlMs: env.STORYLINE_CACHE_TTL_MS });
  const host = env.STORYLINE_API_HOST;
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      console.error(`storyline api: port ${env.STORYLINE_API_PORT} is busy. Stop what uses it or set STORYLINE_API_PORT.`);
    } else if (error.code === "EADDRNOTAVAIL") {
      console.error(`storyline api: no interface has the address ${host}. Check STORYLINE_API_HOST.`);
    } else console.error(`storyline api: ${error.message}`);
    process.exit(1);
  });
  server.listen(env.STORYLINE_API_PORT, host, () => {
    const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host.includes(":") ? `[${host}]` : host;
    console.log(`storyline api: GraphiQL at http://${shown}:${env.STORYLINE_API_PORT}/graphql`);
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
