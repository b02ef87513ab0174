// Counts kept incrementally (Event.articleCount and spans, story and event rollups) must equal a recount after
// a run, including for events that gain an article and leave memory in the same batch ("resting" events):
// eviction runs every 1,024 documents, so the corpus is a little larger than that, with dates out of order.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "@storyline/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runIngest } from "../src/pipeline.ts";
import { findCountMismatches } from "../src/store/consistency.ts";

const MONTHS = "January February March April May June July August September October November December".split(" ");
const TOPICS = ["harbour treaty", "fishing quota", "border survey", "ferry strike", "island vote", "grain tariff", "rail link"];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("store_counts");
});
afterAll(async () => db?.drop());

it("keeps event counts and rollups equal to a recount when events leave memory mid-batch", async () => {
  const dir = mkdtempSync(join(tmpdir(), "storyline-counts-"));
  const records: string[] = [];
  for (let n = 0; n < 1300; n++) {
    const topic = TOPICS[n % TOPICS.length]!;
    // Mostly recent, every fifth article years older: old events come back, then leave memory again.
    const year = n % 5 === 0 ? 2019 + (n % 4) : 2024;
    const date = `${year}-${String(1 + ((n * 7) % 12)).padStart(2, "0")}-${String(1 + (n % 27)).padStart(2, "0")}`;
    records.push(
      JSON.stringify({
        id: `c${n}`,
        title: `${topic} talks, round ${n % 40}`,
        publishedAt: date,
        outlet: ["Meridian Wire", "Coastal Times", "Northern Post"][n % 3],
        text: `Negotiators met on ${MONTHS[(n * 7) % 12]} ${1 + (n % 27)} for round ${n % 40} of the ${topic} talks in Vessa. Officials said the ${topic} would be settled soon.`,
      }),
    );
  }
  writeFileSync(join(dir, "counts.jsonl"), records.join("\n"));
  const summary = await runIngest({
    prisma: db.prisma,
    databaseUrl: db.url,
    inputs: [dir],
    command: "test counts",
    batchSize: 100,
  });
  expect(summary.failed).toBe(0);
  const mismatches = await findCountMismatches(db.prisma);
  if (mismatches.length) console.log(mismatches.map((m) => `${m.what} ${m.key}: ${m.stored} vs ${m.recounted}`).join("\n"));
  expect(mismatches).toEqual([]);
}, 240_000);
