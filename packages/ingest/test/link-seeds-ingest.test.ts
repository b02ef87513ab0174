// The five seed articles ingested as a user would (files in, extraction, linking, dating): the events, their
// places and the story read right (issue 13.4).

import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/seeds");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("link_seeds_ingest");
});
afterAll(async () => db?.drop());

describe.skipIf(!existsSync(SEEDS))("the five seed articles ingested together", () => {
  const load = async () => {
    const files = readdirSync(SEEDS)
      .filter((f) => f.endsWith(".txt"))
      .map((f) => join(SEEDS, f));
    await runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: files, command: "test" });
    const rows = await db.prisma.article.findMany({
      include: { event: { include: { place: true, story: true } } },
      orderBy: { externalId: "asc" },
    });
    return (n: string) => rows.find((r) => r.externalId?.includes(`/${n}_`))!;
  };

  it("place each event where it happened and name the story after its subject", async () => {
    const seed = await load();
    expect(seed("002").eventId).toBe(seed("003").eventId);
    expect(seed("001").eventId).not.toBe(seed("002").eventId);
    expect(seed("004").eventId).not.toBe(seed("001").eventId);
    expect(seed("004").eventId).not.toBe(seed("002").eventId);
    expect(seed("001").event?.place?.name).toBe("Buenos Aires");
    expect(seed("002").event?.place?.name).toBe("Vladivostok");
    expect(seed("004").event?.place?.name).toBe("Moscow");
    const stories = new Set(["000", "001", "002", "003", "004"].map((n) => seed(n).event?.storyId));
    expect(stories.size).toBe(1);
    expect(seed("001").event?.story?.title).toBe("Japan–Russia peace treaty");
    // Abe's January 2019 announcement is its own event, not the G20 talks it looks back at.
    expect(seed("000").eventId).not.toBe(seed("001").eventId);
  });

  // Known gap: 000 and 002/003 are both undated when linked, and 000's look-back at the September offer
  // ("in Vladivostok in September") still clears the run's merge bar.
  it.fails("keep Abe's announcement (000) apart from the September offer (002, 003)", async () => {
    const seed = await load();
    expect(seed("000").eventId).not.toBe(seed("002").eventId);
  });
});
