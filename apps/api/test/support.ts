// Test support: the API as `npm start` serves it (read cache + yoga behind a node server with its timeouts),
// on a free loopback port, over a fresh test database.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { useDatabaseUrl } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import type { ApiOptions } from "../src/handler.ts";

export interface RunningApi {
  server: Server & { cache: import("../src/read-cache.ts").ReadCache | null };
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the API's node server on 127.0.0.1 with the given options (the cache is on unless cacheTtlMs is 0). */
export async function listenApi(options: Partial<ApiOptions> = {}): Promise<RunningApi> {
  const { yoga } = await import("../src/yoga.ts");
  const { createApiServer } = await import("../src/handler.ts");
  const server = createApiServer({ yoga, cacheTtlMs: 5000, ...options });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      // Keep-alive sockets of fetch would otherwise hold close() open for their idle timeout.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function apiDatabase(label: string): Promise<TestDatabase> {
  const db = await createTestDatabase(label);
  useDatabaseUrl(db.url);
  return db;
}
