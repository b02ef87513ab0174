// The same statement carried by several outlets is one QuoteCluster, written with its quotes in the batch
// that stores them (and in later batches and runs), with counts that match the quotes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("quotes");
});
afterAll(async () => db?.drop());

const QUOTE = "Today the harbour belongs to the people who work on it, and no treaty will change that";
const report = (id: string, outlet: string, day: string, quote: string, lead: string) =>
  JSON.stringify({
    id,
    outlet,
    publishedAt: `${day}T09:00:00`,
    title: `Harbour treaty: ${lead}`,
    text: `${lead} in Vessa on Monday. "${quote}," said Oleg Vetrov, Estova's president, after the signing.`,
  });

const ingest = async (lines: string[], batchSize?: number) => {
  const dir = mkdtempSync(join(tmpdir(), "storyline-quotes-"));
  writeFileSync(join(dir, "in.jsonl"), `${lines.join("\n")}\n`);
  return runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [dir], command: "test", batchSize });
};

describe("quote clusters", () => {
  it("links one statement across outlets, batches and runs, shorter excerpts included", async () => {
    await ingest(
      [
        report("a", "Meridian Wire", "2025-10-27", QUOTE, "Norland and Estova signed the treaty"),
        report("b", "Coastal Times", "2025-10-27", QUOTE, "The two governments sealed the accord"),
        report("c", "Northern Herald", "2025-10-28", "Today the harbour belongs to the people who work on it", "Leaders met"),
      ],
      2,
    );
    await ingest([report("d", "Global Dispatch", "2025-10-29", QUOTE, "A day after the ceremony, fishermen celebrated")]);

    const quotes = await db.prisma.quote.findMany({
      where: { text: { contains: "harbour belongs" } },
      select: { clusterId: true },
    });
    expect(quotes).toHaveLength(4);
    const clusterIds = new Set(quotes.map((q) => q.clusterId));
    expect(clusterIds.size).toBe(1);
    const cluster = await db.prisma.quoteCluster.findUniqueOrThrow({ where: { id: [...clusterIds][0]! } });
    expect(cluster.quoteCount).toBe(4);
    expect(cluster.outletCount).toBe(4);
    expect(cluster.canonicalText).toContain("no treaty will change that");
    expect(cluster.firstSeenAt?.toISOString().slice(0, 10)).toBe("2025-10-27");
  });

  it("counts a cluster opened and filled within one batch as its quotes say (quotes, distinct outlets)", async () => {
    const said = "Every ship in the harbour will fly both flags from tomorrow morning onwards";
    await ingest([
      report("e", "Harbour Post", "2025-11-03", said, "The port authority announced new rules"),
      report("f", "Harbour Post", "2025-11-03", said, "Port rules change again after the treaty"),
      report("g", "Meridian Wire", "2025-11-04", said, "Flags rule takes effect"),
    ]);
    const quotes = await db.prisma.quote.findMany({ where: { text: { contains: "both flags" } }, select: { clusterId: true } });
    expect(quotes).toHaveLength(3);
    const cluster = await db.prisma.quoteCluster.findUniqueOrThrow({ where: { id: quotes[0]!.clusterId! } });
    const counted = await db.prisma.quote.count({ where: { clusterId: cluster.id } });
    expect([cluster.quoteCount, cluster.outletCount]).toEqual([counted, 2]);
    expect(counted).toBe(3);
  });
});
