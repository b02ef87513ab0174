// People across articles (issue 12): a short form of a given name in one article and the full form in another
// are one person, in one batch or across runs, and the variant is kept as an alias.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("entities_nick");
});
afterAll(async () => db?.drop());

const ingest = async (name: string, rows: { id: string; text: string }[]) => {
  const dir = mkdtempSync(join(tmpdir(), "storyline-nick-"));
  const lines = rows.map((r) => JSON.stringify({ ...r, outlet: "Wire", publishedAt: "2021-03-04T08:00:00", title: r.id }));
  writeFileSync(join(dir, `${name}.jsonl`), `${lines.join("\n")}\n`);
  return runIngest({ prisma: db.prisma, databaseUrl: db.url, inputs: [dir], command: "test" });
};

describe("people across articles", () => {
  it("merges Chuck and Charles Schumer, in one batch and in a later run", async () => {
    await ingest("first", [
      { id: "a", text: "Senator Chuck Schumer said on Tuesday that the bill would pass the chamber this week." },
      { id: "b", text: "The majority leader, Charles Schumer, told reporters that he had the votes for the bill." },
    ]);
    await ingest("second", [
      { id: "c", text: "Charles Schumer said the vote would be held on Friday, after a long debate in the Senate." },
    ]);
    const people = await db.prisma.entity.findMany({ where: { kind: "PERSON", key: { contains: "schumer" } } });
    expect(people.map((p) => p.name)).toHaveLength(1);
    const mentions = await db.prisma.mention.count({ where: { entityId: people[0]?.id } });
    expect(mentions).toBeGreaterThanOrEqual(3);
  });
});
