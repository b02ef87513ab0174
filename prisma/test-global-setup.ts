// vitest globalSetup shared by every package: opens the database server once (embedded unless DATABASE_URL
// names one) and hands its URL to the test workers through the environment.
import { openDatabaseServer } from "./src/server.ts";

export default async function setup() {
  const server = await openDatabaseServer();
  process.env.DATABASE_URL = server.url;
  return async () => {
    await server.stop();
  };
}
