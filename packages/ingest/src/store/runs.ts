// Ingest runs killed mid-way (kill -9, a lost machine) never write their end. The next run, holding the ingest
// lock, knows they are dead and marks them INTERRUPTED with what they did store, so the run list never shows a
// run RUNNING forever.
import type { PrismaClient } from "@storyline/db";

export async function markInterruptedRuns(prisma: PrismaClient): Promise<{ id: number; startedAt: Date }[]> {
  // Dry runs take no lock, so one marked RUNNING may be alive: only runs that wrote are judged here.
  return prisma.$queryRaw<{ id: number; startedAt: Date }[]>`
    update "IngestRun" r set status = 'INTERRUPTED', "finishedAt" = now(),
      stored = (select count(*)::int from "Article" a where a."ingestRunId" = r.id),
      failed = (select count(*)::int from "IngestError" e where e."runId" = r.id)
    where status = 'RUNNING' and not "dryRun"
    returning id, "startedAt"`;
}
