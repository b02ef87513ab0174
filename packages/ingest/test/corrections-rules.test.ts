// Corrections are rules (issue 14.3): on the five seeds ingested as a user would, a merge, a fixed speaker and
// moved articles hold after the same articles are ingested again, after `storyline recluster`, and for a newly
// ingested article that names a merged-away person; counts equal a recount after each step.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";
import { findCountMismatches } from "../src/store/consistency.ts";
import { CorrectionError, correct, undoCorrection } from "../src/store/corrections.ts";
import { acquireIngestLock } from "../src/store/lock.ts";
import { reclusterAll } from "../src/store/recluster.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/seeds");
const seedFiles = () =>
  existsSync(SEEDS)
    ? readdirSync(SEEDS)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => join(SEEDS, f))
    : [];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("corrections_rules");
});
afterAll(async () => db?.drop());

describe.skipIf(!seedFiles().length)("corrections on the seeds hold", () => {
  const ingest = async (inputs: string[]) => {
    const summary = await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs, command: "test" });
    expect(summary.failed).toBe(0);
    return summary;
  };
  const seed = async (n: string) =>
    (await db.prisma.article.findMany({ select: { id: true, eventId: true, externalId: true, body: true } })).find((a) =>
      a.externalId?.includes(`/${n}_`),
    )!;
  const consistent = async () => expect(await findCountMismatches(db.prisma)).toEqual([]);

  let survivor: number;
  let merged: { id: number; name: string; key: string };
  let quote: { id: number; speakerId: number | null };

  it("apply a merge, a speaker and two moves", async () => {
    await ingest(seedFiles());
    await consistent();
    // 000 (Abe's January announcement) wrongly joins 002/003's September event: an event of its own.
    const s000 = await seed("000");
    const s002 = await seed("002");
    expect(s000.eventId).toBe(s002.eventId);
    await correct(db.prisma, { kind: "MOVE_ARTICLE", article: s000.id, toEvent: null }, "January, not September");
    const moved = await db.prisma.event.findUniqueOrThrow({ where: { id: (await seed("000")).eventId! } });
    expect(moved.id).not.toBe(s002.eventId);
    // Still in the Japan–Russia story, as an event of its own.
    expect(moved.storyId).toBe((await db.prisma.event.findUniqueOrThrow({ where: { id: s002.eventId! } })).storyId);
    expect(moved.storyId).not.toBeNull();
    await consistent();
    // 004 into 001's event (not true, but a move a recluster would undo).
    const s001 = await seed("001");
    const s004 = await seed("004");
    expect(s004.eventId).not.toBe(s001.eventId);
    await correct(db.prisma, { kind: "MOVE_ARTICLE", article: s004.id, toEvent: s001.eventId });
    expect((await seed("004")).eventId).toBe(s001.eventId);
    await consistent();

    // The most mentioned person absorbs another one mentioned in 004.
    const people = await db.prisma.entity.findMany({
      where: { kind: "PERSON" },
      include: { _count: { select: { mentions: true, quotes: true } }, mentions: { select: { articleId: true } } },
    });
    people.sort((a, b) => b._count.mentions - a._count.mentions || a.id - b.id);
    survivor = people[0]!.id;
    const other = people.find(
      (p) => p.id !== survivor && p.mentions.some((m) => m.articleId === s004.id) && p.name.includes(" "),
    )!;
    expect(other).toBeTruthy();
    merged = { id: other.id, name: other.name, key: other.key };
    await correct(db.prisma, { kind: "MERGE_ENTITIES", into: survivor, from: [other.id] });
    expect(await db.prisma.entity.findUnique({ where: { id: other.id } })).toBeNull();
    expect((await db.prisma.entity.findUniqueOrThrow({ where: { id: survivor } })).aliases).toContain(other.name);
    await consistent();

    // A quote of someone else given to the survivor.
    const q = await db.prisma.quote.findFirstOrThrow({ where: { speakerId: { not: survivor } }, orderBy: { id: "asc" } });
    quote = { id: q.id, speakerId: q.speakerId };
    await correct(db.prisma, { kind: "SET_QUOTE_SPEAKER", quote: q.id, speaker: survivor });
    await consistent();
  });

  const holds = async () => {
    const [s000, s001, s002, s004] = await Promise.all(["000", "001", "002", "004"].map(seed));
    expect(s000!.eventId).not.toBe(s002!.eventId);
    expect(await db.prisma.article.count({ where: { eventId: s000!.eventId } })).toBe(1);
    expect(s004!.eventId).toBe(s001!.eventId);
    expect(await db.prisma.entity.findFirst({ where: { kind: "PERSON", key: merged.key } })).toBeNull();
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).speakerId).toBe(survivor);
    await consistent();
  };

  it("hold after the same articles are ingested again", async () => {
    const summary = await ingest(seedFiles());
    expect(summary.unchanged).toBe(5);
    await holds();
  });

  it("hold after storyline recluster", async () => {
    await reclusterAll(db.prisma);
    await holds();
  });

  it("hold for a new article naming the merged-away person", async () => {
    const s004 = await seed("004");
    const dir = mkdtempSync(join(tmpdir(), "storyline-corrections-"));
    const file = join(dir, "follow-up.txt");
    const body = readFileSync(seedFiles().find((f) => f.includes("/004_"))!, "utf8");
    writeFileSync(file, `${body}\n\nA follow-up: ${merged.name} spoke again on Tuesday about the talks.\n`);
    await ingest([file]);
    const article = await db.prisma.article.findFirstOrThrow({ where: { externalId: { contains: "follow-up" } } });
    expect(article.id).not.toBe(s004.id);
    // A copy of the moved 004 follows it into 001's event.
    expect(article.duplicateOfId).toBe(s004.id);
    expect(article.eventId).toBe(s004.eventId);
    expect(await db.prisma.entity.findFirst({ where: { kind: "PERSON", key: merged.key } })).toBeNull();
    // The name merged away is written in the new article, and its mention belongs to the survivor.
    const mention = await db.prisma.mention.findUniqueOrThrow({
      where: { articleId_entityId: { articleId: article.id, entityId: survivor } },
    });
    const surname = merged.name.split(" ").at(-1)!;
    expect(mention.asWritten.some((w) => w.includes(surname))).toBe(true);
    await holds();
  });

  it("stop holding once undone", async () => {
    const moves = await db.prisma.correction.findMany({ where: { kind: "MOVE_ARTICLE" }, orderBy: { id: "desc" } });
    const speaker = await db.prisma.correction.findFirstOrThrow({ where: { kind: "SET_QUOTE_SPEAKER" } });
    await undoCorrection(db.prisma, speaker.id, "wrong person");
    expect((await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).speakerId).toBe(quote.speakerId);
    await consistent();
    // The move of 004 was followed by a recluster that renumbered events: undo restores what it changed.
    await undoCorrection(db.prisma, moves[0]!.id);
    await consistent();
    await reclusterAll(db.prisma);
    const [s001, s004] = await Promise.all(["001", "004"].map(seed));
    expect(s004!.eventId).not.toBe(s001!.eventId);
    await consistent();
  });

  it("are refused while an ingest runs, changing nothing", async () => {
    const lock = await acquireIngestLock(db.url, { waitMs: 0 });
    try {
      const story = await db.prisma.story.findFirstOrThrow();
      const refused = await correct(db.prisma, { kind: "UPDATE_STORY", id: story.id, title: "Mid-ingest" }).catch((e) => e);
      expect(refused).toBeInstanceOf(CorrectionError);
      expect(refused.problem).toBe("CONFLICT");
      expect((await db.prisma.story.findUniqueOrThrow({ where: { id: story.id } })).title).toBe(story.title);
    } finally {
      await lock.release();
    }
  });
});
