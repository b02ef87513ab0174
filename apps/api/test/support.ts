// Test support: the API as `npm start` serves it (read cache + yoga behind a node server with its timeouts),
// on a free loopback port, over a fresh test database.
import { request, type Server } from "node:http";
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

/**
 * POSTs `total` bytes in 16 KB chunks with no Content-Length (Transfer-Encoding: chunked), as fast as the socket
 * takes them, and stops when the answer comes. Returns the status (0 when the server cut the connection before
 * an answer was read, with the error code) and how many bytes were written by then.
 */
export function chunkedPost(port: number, total: number): Promise<{ status: number; sent: number; ms: number; error?: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let answered = false;
    const req = request({
      host: "127.0.0.1",
      port,
      path: "/graphql",
      method: "POST",
      headers: { "content-type": "application/json" },
    });
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent, ms: performance.now() - started });
      req.destroy();
    });
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (!answered) resolve({ status: 0, sent, ms: performance.now() - started, error: error.code ?? error.message });
      answered = true;
    });
    const chunk = Buffer.alloc(16 * 1024, " ");
    const pump = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        const more = req.write(
          sent === chunk.length ? Buffer.from(`{"query":"{ __typename }"${chunk.toString().slice(24)}`) : chunk,
        );
        if (!more) return void req.once("drain", pump);
      }
      if (!answered) req.end("}");
    };
    pump();
  });
}
