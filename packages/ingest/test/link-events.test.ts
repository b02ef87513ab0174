import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import type { ClusterDoc } from "../src/link/types.ts";
import { BACKGROUND, BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER, CHESS_FINAL } from "./link-fixtures.ts";

/** An index that has seen ordinary news, so document frequencies mean something. */
function warmIndex(options: ConstructorParameters<typeof EventIndex>[0] = {}): EventIndex {
  const index = new EventIndex(options);
  for (const doc of BACKGROUND) index.assign(doc);
  return index;
}

describe("EventIndex.assign", () => {
  it("puts two reports of the same happening in one event", () => {
    const index = warmIndex();
    const a = index.assign(BRIDGE_COLLAPSE_A);
    const b = index.assign(BRIDGE_COLLAPSE_B);
    expect(a.isNew).toBe(true);
    expect(b.isNew).toBe(false);
    expect(b.eventId).toBe(a.eventId);
    expect(b.similarity).toBeGreaterThanOrEqual(index.options.threshold);
    expect(index.event(a.eventId)?.articleCount).toBe(2);
  });

  it("opens a new event for an unrelated article of the same day", () => {
    const index = warmIndex();
    const bridge = index.assign(BRIDGE_COLLAPSE_A);
    const chess = index.assign(CHESS_FINAL);
    expect(chess.isNew).toBe(true);
    expect(chess.eventId).not.toBe(bridge.eventId);
    expect(chess.similarity).toBeLessThan(index.options.threshold);
  });

  it("opens a new event for a similar report from months later, which it would join undated", () => {
    const index = warmIndex();
    const first = index.assign(BRIDGE_COLLAPSE_A);
    const later = index.assign(BRIDGE_COLLAPSE_LATER);
    expect(later.isNew).toBe(true);
    expect(later.eventId).not.toBe(first.eventId);

    // The text alone is close enough: it is the date that keeps them apart.
    const undated = warmIndex();
    const firstAgain = undated.assign(BRIDGE_COLLAPSE_A);
    const laterUndated = undated.assign({ ...BRIDGE_COLLAPSE_LATER, publishedAt: null });
    expect(laterUndated.eventId).toBe(firstAgain.eventId);
  });

  it("files a syndicated copy under its original's event whatever its text", () => {
    const index = warmIndex();
    const original = index.assign(BRIDGE_COLLAPSE_A);
    index.assign(CHESS_FINAL);
    // A copy whose text would not match on its own (a wire photo caption) still follows its original.
    const copy: ClusterDoc = {
      id: "copy-1",
      title: "Pictures of the day",
      body: "Photographs from around the world, selected by our editors.",
      publishedAt: "2018-08-15",
      outlet: "Wire",
      duplicateOf: BRIDGE_COLLAPSE_A.id,
    };
    const r = index.assign(copy);
    expect(r.isNew).toBe(false);
    expect(r.eventId).toBe(original.eventId);

    // Without the link the same text opens its own event.
    const unlinked = warmIndex();
    const originalAgain = unlinked.assign(BRIDGE_COLLAPSE_A);
    const alone = unlinked.assign({ ...copy, duplicateOf: null });
    expect(alone.eventId).not.toBe(originalAgain.eventId);

    // The caller may name the original's event directly (e.g. from the database).
    const viaEvent = index.assign({
      ...copy,
      id: "copy-3",
      duplicateOf: "unknown-article",
      duplicateOfEventId: original.eventId,
    });
    expect(viaEvent.eventId).toBe(original.eventId);
  });

  it("names the event after a member title and dates it by the lead", () => {
    const index = warmIndex();
    // Published on Thursday 2018-08-16 about something that happened "on Tuesday".
    const r = index.assign({ ...BRIDGE_COLLAPSE_A, publishedAt: "2018-08-16T09:30:00" });
    index.assign({ ...BRIDGE_COLLAPSE_B, publishedAt: "2018-08-16" });
    const event = index.event(r.eventId)!;
    expect([BRIDGE_COLLAPSE_A.title, BRIDGE_COLLAPSE_B.title]).toContain(event.title);
    expect(event.date).toBe("2018-08-14");
    expect(event.firstSeen).toBe("2018-08-16");
  });

  it("takes place and participants from the entities articles name", () => {
    const index = warmIndex();
    const entities = [
      { kind: "PLACE", name: "Genoa" },
      { kind: "ORGANIZATION", name: "Autostrade per l'Italia" },
      { kind: "PERSON", name: "Giuseppe Conte" },
    ];
    const r = index.assign({ ...BRIDGE_COLLAPSE_A, entities });
    index.assign({ ...BRIDGE_COLLAPSE_B, entities: [entities[0]!, { kind: "PERSON", name: "Giuseppe Conte" }] });
    const event = index.event(r.eventId)!;
    expect(event.place).toEqual({ kind: "PLACE", name: "Genoa" });
    expect(event.participants.map((p) => p.name)).toEqual(["Giuseppe Conte", "Autostrade per l'Italia"]);
    expect(event.participants[0]!.weight).toBe(1);
  });
});

describe("candidate retrieval", () => {
  it("reads a bounded number of postings per article however many events exist", () => {
    const maxPostings = 40;
    const queryTerms = 10;
    const index = new EventIndex({ maxPostings, queryTerms });
    // Thousands of distinct events sharing everyday words ("council", "vote", ...) and one name each.
    const perArticle: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const before = index.work.postingsVisited;
      index.assign({
        id: `d${i}`,
        title: `Council vote on plan ${i}`,
        body: `The council held a vote on the plan for district zq${i}x on Tuesday, officials said, with residents of zq${i}x divided.`,
        publishedAt: null,
        outlet: null,
      });
      perArticle.push(index.work.postingsVisited - before);
    }
    expect(index.eventCount).toBeGreaterThan(2500);
    expect(Math.max(...perArticle)).toBeLessThanOrEqual(queryTerms * maxPostings);
    expect(index.work.candidatesScored / 3000).toBeLessThanOrEqual(index.options.maxCandidates);
  });
});

describe("memory and persistence", () => {
  it("evicts events nothing joined within the active window and reports their last state", () => {
    const index = new EventIndex({ activeDays: 10 });
    const old = index.assign(BRIDGE_COLLAPSE_A);
    index.takeChanges();
    index.assign({ ...CHESS_FINAL, publishedAt: "2018-09-30" });
    const evicted = index.evictInactive();
    expect(evicted).toEqual([old.eventId]);
    expect(index.event(old.eventId)).toBeNull();
    const changes = index.takeChanges();
    expect(changes.evictedEventIds).toEqual([old.eventId]);
    // A near-duplicate of an evicted event's article still gets that event's id.
    const copy = index.assign({ ...BRIDGE_COLLAPSE_B, id: "late-copy", duplicateOf: BRIDGE_COLLAPSE_A.id });
    expect(copy.eventId).toBe(old.eventId);
  });

  it("reports changed events and stories once", () => {
    const index = warmIndex();
    index.takeChanges();
    const a = index.assign(BRIDGE_COLLAPSE_A);
    index.assign(BRIDGE_COLLAPSE_B);
    const changes = index.takeChanges();
    expect(changes.events.map((e) => e.id)).toEqual([a.eventId]);
    expect(changes.events[0]!.articleCount).toBe(2);
    expect(changes.stories.map((s) => s.id)).toEqual([a.storyId]);
    expect(index.takeChanges().events).toEqual([]);
  });
});
