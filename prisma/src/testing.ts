// Test support: every suite gets its own freshly migrated database on the configured server, dropped after.
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import pg from "pg";
import { createPrismaClient, type PrismaClient } from "./index.ts";
import { migrateDeploy } from "./migrate.ts";
import { databaseUrlFor, openDatabaseServer } from "./server.ts";

export interface TestDatabase {
  url: string;
  name: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const server = await openDatabaseServer();
  const name = `storyline_test_${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = databaseUrlFor(server.url, name);
  await migrateDeploy(url);
  const prisma = createPrismaClient(url, { max: 4 });
  return {
    url,
    name,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const dropper = new pg.Client({ connectionString: server.adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/**
 * A loopback port nothing listens on or holds right now. Fixed ports in the ephemeral range are taken, now
 * and then, by some client connection's local end.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
