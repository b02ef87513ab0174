// The five seed articles (shared/seeds, beside the repository): Putin and Abe's peace-treaty talks in 2013,
// Putin's offer at the Eastern Economic Forum in September 2018 (seeds 002 and 003), the G20 meeting in
// December 2018 and Abe's January 2019 announcement. They are read in place, never copied here.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import type { ClusterDoc } from "../src/link/types.ts";
import { BACKGROUND } from "./link-fixtures.ts";

const SEEDS = resolve(dirname(fileURLToPath(import.meta.url)), "../../../../shared/seeds");

/**
 * What extraction would hand over: the headline line (index into the raw text's lines), the body after it and
 * the publication day (as the page or the text states it).
 */
const EXTRACTED: Record<string, { titleLine: number; publishedAt: string }> = {
  "000": { titleLine: 0, publishedAt: "2019-01-04" },
  "001": { titleLine: 3, publishedAt: "2018-12-02" },
  "002": { titleLine: 0, publishedAt: "2018-09-13" },
  "003": { titleLine: 6, publishedAt: "2018-09-12" },
  "004": { titleLine: 0, publishedAt: "2013-04-29" },
};

function seedDocs(): ClusterDoc[] {
  return readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const key = file.slice(0, 3);
      const meta = EXTRACTED[key]!;
      const lines = readFileSync(join(SEEDS, file), "utf8").split("\n");
      return {
        id: key,
        title: lines[meta.titleLine]!.trim(),
        body: lines
          .slice(meta.titleLine + 1)
          .join("\n")
          .trim(),
        publishedAt: meta.publishedAt,
        outlet: null,
      };
    });
}

describe.skipIf(!existsSync(SEEDS))("seed articles", () => {
  it("put the two reports of Putin's September 2018 offer in one event, the other meetings apart, in one story", () => {
    const index = new EventIndex();
    for (const doc of BACKGROUND) index.assign(doc);
    const docs = seedDocs().sort((a, b) => (a.publishedAt! < b.publishedAt! ? -1 : 1));
    expect(docs).toHaveLength(5);
    const event = new Map<string, string>();
    const story = new Map<string, string | null>();
    for (const doc of docs) {
      const r = index.assign(doc);
      event.set(doc.id, r.eventId);
    }
    for (const [id, eventId] of event) story.set(id, index.event(eventId)!.storyId);

    expect(event.get("002")).toBe(event.get("003"));
    const distinct = new Set(["000", "001", "002", "004"].map((id) => event.get(id)));
    expect(distinct.size).toBe(4);

    const offer = index.event(event.get("003")!)!;
    expect(offer.date).toBe("2018-09-12"); // "on Wednesday", the day of the offer
    expect(offer.articleCount).toBe(2);

    // 2018-19 talks are one story; the 2013 talks are too long before to continue it.
    expect(story.get("001")).toBe(story.get("003"));
    expect(story.get("000")).toBe(story.get("003"));
    expect(story.get("004")).not.toBe(story.get("003"));
  });

  it("keeps them so after the end-of-batch and end-of-run consolidation an ingest runs", () => {
    const index = new EventIndex();
    for (const doc of BACKGROUND) index.assign(doc);
    index.consolidate();
    const docs = seedDocs().sort((a, b) => (a.publishedAt! < b.publishedAt! ? -1 : 1));
    const event = new Map<string, string>();
    for (const doc of docs) event.set(doc.id, index.assign(doc).eventId);
    index.consolidate();
    index.consolidate("run");
    const now = (id: string) => index.resolve(event.get(id));
    expect(now("002")).toBe(now("003"));
    expect(new Set(["000", "001", "002", "004"].map(now)).size).toBe(4);
    const story = (id: string) => index.event(now(id)!)!.storyId;
    expect(story("001")).toBe(story("003"));
    expect(story("000")).toBe(story("003"));
    expect(story("004")).not.toBe(story("003"));
  });
});
