// The one database module: a single Prisma client over the pg driver adapter.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/client/client.ts";
import { ConfigError, checkDatabaseUrl, env } from "./env.ts";

export { Prisma, PrismaClient } from "../generated/client/client.ts";
export * from "../generated/client/enums.ts";
export type * from "../generated/client/models.ts";

let databaseUrl: string | undefined = env.DATABASE_URL;
let client: PrismaClient | undefined;

export function createPrismaClient(url: string, options: { max?: number; logQueries?: boolean } = {}): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: options.max ?? 10 }),
    ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}

/** Points the shared client at an existing client (tests that record the SQL a query causes). */
export function useClient(url: string, existing: PrismaClient) {
  databaseUrl = url;
  client = existing;
}

/** Points the shared client at a server opened at run time (the embedded one has no DATABASE_URL). */
export function useDatabaseUrl(url: string) {
  if (client && url !== databaseUrl) void client.$disconnect();
  if (url !== databaseUrl) client = undefined;
  databaseUrl = url;
}

export function currentDatabaseUrl(): string {
  checkDatabaseUrl(databaseUrl);
  if (!databaseUrl) {
    throw new ConfigError("No database: set DATABASE_URL, or open the embedded server with openDatabaseServer() first.");
  }
  return databaseUrl;
}

export function getPrisma(): PrismaClient {
  client ??= createPrismaClient(currentDatabaseUrl());
  return client;
}

export async function disconnectPrisma() {
  await client?.$disconnect();
  client = undefined;
}
