// Loads the demo corpus into a database through the real ingest pipeline.
import type { PrismaClient } from "@storyline/db";
import { type IngestSummary, runIngest } from "../pipeline.ts";
import { writeDemoCorpus } from "./generate.ts";

export async function loadDemo(options: { prisma: PrismaClient; databaseUrl: string; dir: string }): Promise<IngestSummary> {
  const { dir } = writeDemoCorpus(options.dir);
  return runIngest({ prisma: options.prisma, databaseUrl: options.databaseUrl, inputs: [dir], command: "storyline demo" });
}
