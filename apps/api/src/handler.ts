// The API's HTTP side apart from its listener: the read cache in front of yoga, and a node server with timeouts,
// so tests run exactly what `npm start` serves on a port of their own.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from "node:http";
import { createReadCache, type ReadCache } from "./read-cache.ts";
import { type createStorylineYoga, LIMITS } from "./yoga.ts";

type Yoga = ReturnType<typeof createStorylineYoga>;

export interface ApiOptions {
  yoga: Yoga;
  /** 0 disables the read cache. */
  cacheTtlMs: number;
  /** How long past the TTL a stored answer is still served while it refreshes. */
  cacheStaleMs?: number;
  cacheMaxBytes?: number;
  cacheMaxEntryBytes?: number;
  /** Slow clients: a connection must send its headers, and then its whole request, within these. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export const SERVER_DEFAULTS = {
  cacheStaleMs: 60_000,
  cacheMaxBytes: 64 * 1024 * 1024,
  cacheMaxEntryBytes: 2 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
} as const;

export function createApiHandler(options: ApiOptions): RequestListener & { cache: ReadCache | null } {
  const { yoga } = options;
  const cache =
    options.cacheTtlMs > 0
      ? createReadCache({
          ttlMs: options.cacheTtlMs,
          staleMs: options.cacheStaleMs ?? SERVER_DEFAULTS.cacheStaleMs,
          maxBytes: options.cacheMaxBytes ?? SERVER_DEFAULTS.cacheMaxBytes,
          maxEntryBytes: options.cacheMaxEntryBytes ?? SERVER_DEFAULTS.cacheMaxEntryBytes,
          maxBodyBytes: LIMITS.maxBodyBytes,
          execute: (url, init) => Promise.resolve(yoga.fetch(url, init)),
        })
      : null;
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!cache) return void yoga(req, res);
    cache(req, res).then(
      (served) => {
        if (!served) void yoga(req, res);
      },
      (error: Error) => {
        console.error(`storyline api: ${error.message}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      },
    );
  };
  return Object.assign(handle, { cache });
}

/** A node server for the API, not yet listening. */
export function createApiServer(options: ApiOptions): Server & { cache: ReadCache | null } {
  const handler = createApiHandler(options);
  const headersTimeout = options.headersTimeoutMs ?? SERVER_DEFAULTS.headersTimeoutMs;
  const server = createServer(
    {
      // Slowloris: a client trickling its headers or body holds a socket only this long.
      headersTimeout,
      requestTimeout: options.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs,
      // Node checks those timeouts on this interval (30 s by default, which would triple them).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout / 4)),
      keepAliveTimeout: 5000,
    },
    handler,
  );
  server.on("close", () => handler.cache?.close());
  return Object.assign(server, { cache: handler.cache });
}
