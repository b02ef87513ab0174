// Test support: a database filled by the real ingest (the five seeds plus the generated demo corpus),
// a GraphQL executor in process, and a recorder of the SQL each operation causes.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createPrismaClient, type PrismaClient, useClient } from "@storyline/db";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { writeDemoCorpus } from "@storyline/ingest/demo";
import { runIngest } from "@storyline/ingest/pipeline";
import { graphql } from "graphql";

export const SEEDS_DIR = resolve(import.meta.dirname, "../../../../shared/seeds");

export interface Harness {
  db: TestDatabase;
  prisma: PrismaClient;
  run(source: string, variables?: Record<string, unknown>): Promise<{ data: any; sql: string[] }>;
  close(): Promise<void>;
}

export async function startHarness(label: string, inputs: { seeds?: boolean; demo?: boolean } = {}): Promise<Harness> {
  const db = await createTestDatabase(label);
  const prisma = createPrismaClient(db.url, { logQueries: true, max: 4 });
  const sql: string[] = [];
  (prisma as unknown as { $on(event: "query", cb: (e: { query: string }) => void): void }).$on("query", (e) => sql.push(e.query));
  useClient(db.url, prisma);
  const paths: string[] = [];
  if (inputs.seeds) paths.push(SEEDS_DIR);
  if (inputs.demo) paths.push(writeDemoCorpus(mkdtempSync(join(tmpdir(), "storyline-demo-"))).dir);
  if (paths.length) {
    const summary = await runIngest({ prisma, databaseUrl: db.url, inputs: paths, command: "test" });
    if (summary.failed) throw new Error(`fixture ingest failed: ${JSON.stringify(summary.errors)}`);
  }
  const { schema } = await import("../src/index.ts");
  return {
    db,
    prisma,
    async run(source, variables) {
      sql.length = 0;
      const result = await graphql({ schema, source, variableValues: variables, contextValue: { canWrite: false } });
      if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("; "));
      return { data: result.data, sql: [...sql] };
    },
    async close() {
      await prisma.$disconnect();
      await db.drop();
    },
  };
}

/** The tables each statement reads, in order: stable across Prisma versions, yet any N+1 changes it. */
export const tablesTouched = (sql: string[]) =>
  // Sorted: relations load in parallel, so their order varies between runs; the multiset is what matters.

  sql.map((q) => [...new Set([...q.matchAll(/(?:FROM|JOIN)\s+"public"\."(\w+)"/g)].map((m) => m[1]))].join("+")).sort();
