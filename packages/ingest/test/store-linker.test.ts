// Event linking across runs: the second run reloads the clusterer's state from the database.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";
import { reclusterAll } from "../src/store/recluster.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("linker");
});
afterAll(async () => db?.drop());

const report = (outlet: string, day: string, extra: string) =>
  JSON.stringify({
    id: `${outlet}-${day}`,
    outlet,
    publishedAt: `${day}T09:00:00`,
    title: "Norland and Estova sign the Halden harbour treaty in Vessa",
    text:
      "Norland and Estova signed the Halden harbour treaty in Vessa on Monday, ending a forty-year dispute over the harbour. " +
      `"Today the harbour belongs to the people who work on it," said Oleg Vetrov, Estova's president. ${extra}`,
  });

const ingest = async (lines: string[]) => {
  const dir = mkdtempSync(join(tmpdir(), "storyline-linker-"));
  writeFileSync(join(dir, "in.jsonl"), `${lines.join("\n")}\n`);
  return runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [dir], command: "test" });
};

describe("event linking across runs", () => {
  it("puts a later run's report of the same happening into the earlier run's event, and keeps rollups exact", async () => {
    await ingest([
      report("Meridian Wire", "2025-10-27", "Maria Lind, Norland's prime minister, called it a proof of patient talks."),
    ]);
    await ingest([
      report("Coastal Times", "2025-10-28", "Fishermen in Port Halden greeted the news with relief."),
      JSON.stringify({
        id: "unrelated",
        outlet: "Coastal Times",
        publishedAt: "2025-10-28T10:00:00",
        title: "Storm closes the northern ferry routes",
        text: "A winter storm closed every ferry route across the northern strait on Tuesday, stranding hundreds of travellers in three ports.",
      }),
    ]);
    const articles = await db.prisma.article.findMany({ orderBy: { id: "asc" }, select: { externalId: true, eventId: true } });
    const [first, second, unrelated] = articles;
    expect(first?.eventId).not.toBeNull();
    expect(second?.eventId).toBe(first?.eventId);
    expect(unrelated?.eventId).not.toBe(first?.eventId);
    const event = await db.prisma.event.findUniqueOrThrow({ where: { id: first!.eventId! } });
    expect(event.articleCount).toBe(2);
    expect(event.date?.toISOString().slice(0, 10)).toBe("2025-10-27");
    const rollup = await db.prisma.coverageDay.aggregate({ where: { dimension: "EVENT", key: event.id }, _sum: { total: true } });
    expect(rollup._sum.total).toBe(2);
    const state = await db.prisma.linkerState.findUniqueOrThrow({ where: { id: 1 } });
    expect((state.state as { events: unknown[] }).events).toEqual([]);
  });

  it("links a later article that names the event's day to it as a mention, not as a member", async () => {
    await ingest([
      JSON.stringify({
        id: "later-fishing-quotas",
        outlet: "Meridian Wire",
        publishedAt: "2025-12-03T08:00:00",
        title: "Fishing quotas for the northern strait set for next year",
        text:
          "Estova's fisheries ministry set next year's quotas for the northern strait on Wednesday, cutting the cod catch by a tenth. " +
          "The quotas are the first since the Halden harbour treaty of October 27 opened the port to both fleets.",
      }),
    ]);
    const later = await db.prisma.article.findFirstOrThrow({
      where: { externalId: "later-fishing-quotas" },
      select: { eventId: true, eventMentions: { select: { eventId: true, asWritten: true } } },
    });
    const treaty = await db.prisma.event.findFirstOrThrow({ where: { date: new Date("2025-10-27T00:00:00Z") } });
    expect(later.eventId).not.toBe(treaty.id);
    expect(later.eventMentions).toEqual([{ eventId: treaty.id, asWritten: "October 27" }]);
  });

  it("recluster keeps event ids whose membership is unchanged, and rebuilds mentions and rollups", async () => {
    const before = await db.prisma.article.findMany({ orderBy: { id: "asc" }, select: { id: true, eventId: true } });
    const rollupsBefore = await db.prisma.coverageDay.findMany({
      orderBy: [{ dimension: "asc" }, { key: "asc" }, { day: "asc" }],
    });
    const summary = await reclusterAll(db.prisma);
    expect(summary.articles).toBe(before.length);
    const after = await db.prisma.article.findMany({ orderBy: { id: "asc" }, select: { id: true, eventId: true } });
    expect(after).toEqual(before);
    expect(summary.newEventIds).toBe(0);
    const mentions = await db.prisma.eventMention.findMany({ select: { asWritten: true } });
    expect(mentions).toEqual([{ asWritten: "October 27" }]);
    const rollupsAfter = await db.prisma.coverageDay.findMany({
      orderBy: [{ dimension: "asc" }, { key: "asc" }, { day: "asc" }],
    });
    expect(rollupsAfter).toEqual(rollupsBefore);
  });
});

describe("pages with a headline and no article text", () => {
  it("stores each under its headline (the content hash follows the body the store keeps)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "storyline-headlines-"));
    const page = (title: string) => `<!doctype html><html><head><title>${title}</title></head><body></body></html>`;
    writeFileSync(join(dir, "a.html"), page("Estova closes its embassy in Norland after the harbour vote"));
    writeFileSync(join(dir, "b.html"), page("Vessa port workers strike for a third day over pay"));
    const summary = await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [dir], command: "test" });
    expect(summary).toMatchObject({ seen: 2, stored: 2, unchanged: 0, failed: 0 });
    const bodies = await db.prisma.article.findMany({
      where: { rawRef: { contains: "storyline-headlines-" } },
      select: { body: true },
    });
    expect(bodies.map((a) => a.body).sort()).toEqual([
      "Estova closes its embassy in Norland after the harbour vote",
      "Vessa port workers strike for a third day over pay",
    ]);
  });
});
