// Opens the database for a CLI command: the configured server or the embedded one, migrated.
import { createPrismaClient, type PrismaClient } from "@storyline/db";
import { ConfigError } from "@storyline/db/env";
import { migrateDeploy } from "@storyline/db/migrate";
import { openDatabaseServer } from "@storyline/db/server";
import { EXIT } from "./exit-codes.ts";

export interface OpenDatabase {
  prisma: PrismaClient;
  url: string;
  close(): Promise<void>;
}

export async function openCliDatabase(): Promise<OpenDatabase> {
  const server = await openDatabaseServer();
  await migrateDeploy(server.url);
  const prisma = createPrismaClient(server.url);
  return {
    prisma,
    url: server.url,
    async close() {
      await prisma.$disconnect();
      await server.stop();
    },
  };
}

/** Prints a could-not-run error as one sentence and returns the exit code. */
export function couldNotRun(error: unknown): number {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  console.error(`storyline: ${message}`);
  return EXIT.COULD_NOT_RUN;
}
