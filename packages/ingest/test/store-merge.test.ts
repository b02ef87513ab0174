// Consolidation merges events after their articles are stored (and, with the pipelined store, while the
// next batch is being planned): the database must end up as if the articles had joined one event at once.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClusterDoc } from "../src/link/types.ts";
import { runIngest } from "../src/pipeline.ts";
import { EventLinker } from "../src/store/event-linker.ts";
import { rebuildRollups } from "../src/store/rollups.ts";
import { BACKGROUND, BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, CHESS_FINAL } from "./link-fixtures.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("merge");
});
afterAll(async () => db?.drop());

const record = (doc: ClusterDoc) =>
  JSON.stringify({
    id: doc.id,
    title: doc.title,
    text: doc.body,
    outlet: doc.outlet ?? "Wire",
    publishedAt: doc.publishedAt ?? "2018-08-14T08:00:00",
  });

describe("event merges in the store", () => {
  it("moves a merged event's articles and rollups to the survivor and deletes it, across batches", async () => {
    const dir = mkdtempSync(join(tmpdir(), "storyline-merge-"));
    // Batch size 3: the two bridge reports land in different batches, so the merge is decided while the
    // first report's batch may still be committing. A syndicated copy makes the second report's event the
    // bigger one, so the first (stored) event is the one merged away and its stored rows must move.
    const syndicated = { ...BRIDGE_COLLAPSE_B, id: "bridge-b-copy", outlet: "Second Wire" };
    const docs = [...BACKGROUND.slice(0, 2), BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, syndicated, CHESS_FINAL];
    writeFileSync(join(dir, "in.jsonl"), `${docs.map(record).join("\n")}\n`);
    // Online joining is made too strict for the two reports to meet on arrival; consolidation must join them.
    const linker = await EventLinker.load(db.prisma, { threshold: 0.95 });
    const merges: { from: number; into: number }[] = [];
    const takeBatch = linker.takeBatch.bind(linker);
    linker.takeBatch = (options) => {
      const batch = takeBatch(options);
      merges.push(...batch.mergedEvents);
      return batch;
    };
    const summary = await runIngest({
      prisma: db.prisma,
      databaseUrl: db.url,
      inputs: [dir],
      command: "test",
      batchSize: 3,
      linker,
    });
    expect(summary.stored).toBe(docs.length);
    expect(merges.length).toBeGreaterThan(0);

    const articles = await db.prisma.article.findMany({ select: { externalId: true, eventId: true } });
    const eventOf = new Map(articles.map((a) => [a.externalId, a.eventId]));
    expect(eventOf.get(BRIDGE_COLLAPSE_B.id)).toBe(eventOf.get(BRIDGE_COLLAPSE_A.id));
    expect(eventOf.get(syndicated.id)).toBe(eventOf.get(BRIDGE_COLLAPSE_A.id));
    // The survivor is the second report's event: the first report's stored event was merged into it.
    expect(merges.map((m) => m.into)).toContain(eventOf.get(BRIDGE_COLLAPSE_A.id));
    expect(eventOf.get(CHESS_FINAL.id)).not.toBe(eventOf.get(BRIDGE_COLLAPSE_A.id));
    for (const { from } of merges) expect(await db.prisma.event.findUnique({ where: { id: from } })).toBeNull();

    const events = await db.prisma.event.findMany({
      select: { id: true, articleCount: true, _count: { select: { articles: true } } },
    });
    for (const e of events) expect(e.articleCount).toBe(e._count.articles);

    const rollups = () => db.prisma.coverageDay.findMany({ orderBy: [{ dimension: "asc" }, { key: "asc" }, { day: "asc" }] });
    const incremental = await rollups();
    await rebuildRollups(db.prisma);
    expect(incremental).toEqual(await rollups());
  });

  it("consolidates every batch-size documents while the first batches ramp up, and at the end", async () => {
    const dir = mkdtempSync(join(tmpdir(), "storyline-ramp-"));
    const docs = Array.from({ length: 62 }, (_, i) => ({
      ...BACKGROUND[i % BACKGROUND.length]!,
      id: `ramp-${i}`,
      body: `${BACKGROUND[i % BACKGROUND.length]!.body} Report number ${i}.`,
    }));
    writeFileSync(join(dir, "in.jsonl"), `${docs.map(record).join("\n")}\n`);
    const linker = await EventLinker.load(db.prisma);
    // Articles assigned between two takeBatch() calls (a batch), and whether that batch consolidated.
    const batches: { size: number; consolidate: boolean }[] = [];
    let assigned = 0;
    const assign = linker.assign.bind(linker);
    linker.assign = (article) => {
      assigned++;
      return assign(article);
    };
    const takeBatch = linker.takeBatch.bind(linker);
    linker.takeBatch = (options) => {
      batches.push({ size: assigned, consolidate: options?.consolidate !== false });
      assigned = 0;
      return takeBatch(options);
    };
    const summary = await runIngest({
      prisma: db.prisma,
      databaseUrl: db.url,
      inputs: [dir],
      command: "test",
      batchSize: 40,
      linker,
    });
    expect(summary.stored).toBe(docs.length);
    // Batch size 40: a ramp of 25 and 15 (one batch's worth), then 40s; the run's last partial batch consolidates too.
    expect(batches.filter((b) => b.size > 0)).toEqual([
      { size: 25, consolidate: false },
      { size: 15, consolidate: true },
      { size: 22, consolidate: true },
    ]);
  });
});
