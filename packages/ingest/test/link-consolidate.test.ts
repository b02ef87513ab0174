import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import { recluster } from "../src/link/recluster.ts";
import { BACKGROUND, BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, CHESS_FINAL } from "./link-fixtures.ts";

/** A warm index whose online threshold is too strict for the two bridge reports to meet on arrival. */
function strictIndex(options: ConstructorParameters<typeof EventIndex>[0] = {}): EventIndex {
  const index = new EventIndex({ threshold: 0.95, ...options });
  for (const doc of BACKGROUND) index.assign(doc);
  index.consolidate("run");
  index.takeChanges();
  return index;
}

describe("EventIndex.consolidate", () => {
  it("merges events that online placement kept apart, and reports the merge once", () => {
    const index = strictIndex();
    const a = index.assign(BRIDGE_COLLAPSE_A);
    const b = index.assign(BRIDGE_COLLAPSE_B);
    expect(b.eventId).not.toBe(a.eventId);

    // Equal sizes: the older event keeps its id.
    expect(index.consolidate()).toEqual([{ from: b.eventId, into: a.eventId }]);
    expect(index.event(b.eventId)).toBeNull();
    expect(index.event(a.eventId)?.articleCount).toBe(2);
    expect(index.resolve(b.eventId)).toBe(a.eventId);

    const changes = index.takeChanges();
    expect(changes.mergedEvents).toEqual([{ from: b.eventId, into: a.eventId }]);
    expect(changes.events.map((e) => e.id)).toEqual([a.eventId]);
    expect(changes.events[0]!.articleCount).toBe(2);
    expect(index.takeChanges().mergedEvents).toEqual([]);
    // Nothing touched since: nothing to do.
    expect(index.consolidate()).toEqual([]);
  });

  it("leaves an unrelated event of the same day alone", () => {
    const index = strictIndex();
    index.assign(BRIDGE_COLLAPSE_A);
    index.assign(CHESS_FINAL);
    expect(index.consolidate()).toEqual([]);
    expect(index.consolidate("run")).toEqual([]);
  });

  it("files a near-duplicate of a merged event's article under the surviving event", () => {
    const index = strictIndex();
    const a = index.assign(BRIDGE_COLLAPSE_A);
    const b = index.assign(BRIDGE_COLLAPSE_B);
    index.consolidate();
    const byId = index.assign({ ...CHESS_FINAL, id: "copy-1", duplicateOf: BRIDGE_COLLAPSE_B.id });
    const byEvent = index.assign({ ...CHESS_FINAL, id: "copy-2", duplicateOfEventId: b.eventId });
    expect(byId.eventId).toBe(a.eventId);
    expect(byEvent.eventId).toBe(a.eventId);
  });

  it("keeps story counts right when the merged events were in different stories", () => {
    const index = strictIndex({ story: { threshold: 0.99 } as never });
    const a = index.assign(BRIDGE_COLLAPSE_A);
    const b = index.assign(BRIDGE_COLLAPSE_B);
    expect(b.storyId).not.toBe(a.storyId);
    index.consolidate();
    const story = index.story(index.event(a.eventId)!.storyId!)!;
    expect(story.articleCount).toBe(2);
    expect(story.eventCount).toBe(1);
    expect(index.story(b.storyId!)).toBeNull();
    expect(index.takeChanges().removedStoryIds).toEqual([b.storyId]);
  });

  it("looks again at the whole run with its own threshold", () => {
    const index = strictIndex({ mergeThreshold: 2 });
    const a = index.assign(BRIDGE_COLLAPSE_A);
    const b = index.assign(BRIDGE_COLLAPSE_B);
    expect(index.consolidate()).toEqual([]);
    expect(index.consolidate("run")).toEqual([{ from: b.eventId, into: a.eventId }]);
  });

  it("compares a bounded number of candidates per touched event", () => {
    const index = new EventIndex();
    let touched = 0;
    for (let i = 0; i < 1000; i++) {
      index.assign({
        id: `d${i}`,
        title: `Council vote on plan ${i}`,
        body: `The council held a vote on the plan for district zq${i}x on Tuesday, officials said, with residents of zq${i}x divided.`,
        publishedAt: null,
        outlet: null,
      });
      touched++;
      if (i % 200 === 199) {
        const before = index.work.candidatesScored;
        index.consolidate();
        const { mergeCandidates, mergeRounds } = index.options;
        // Each touched event and each partner it is compared against in full: at most two lookups per pair found.
        expect(index.work.candidatesScored - before).toBeLessThanOrEqual(touched * mergeCandidates * 2 * mergeRounds);
        touched = 0;
      }
    }
  });
});

describe("recluster", () => {
  it("consolidates as an ingest would", () => {
    const docs = [...BACKGROUND, BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, CHESS_FINAL];
    const { assignments } = recluster(docs, undefined, { threshold: 0.95 });
    expect(assignments.get(BRIDGE_COLLAPSE_B.id)).toBe(assignments.get(BRIDGE_COLLAPSE_A.id));
    expect(assignments.get(CHESS_FINAL.id)).not.toBe(assignments.get(BRIDGE_COLLAPSE_A.id));
  });
});

describe("publication years", () => {
  it("never joins or merges reports published years apart, even when only the year of one is known", () => {
    const index = strictIndex();
    const old = index.assign({ ...BRIDGE_COLLAPSE_A, id: "old", publishedAt: null, year: 2013 });
    const recent = index.assign(BRIDGE_COLLAPSE_B);
    expect(recent.eventId).not.toBe(old.eventId);
    expect(index.consolidate()).toEqual([]);
    expect(index.consolidate("run")).toEqual([]);
    // The control: the same two reports, both undated and without a year, do merge. (One dated and one undated
    // need a closer match: see "undated articles" in link-events.test.ts.)
    const control = strictIndex();
    const a = control.assign({ ...BRIDGE_COLLAPSE_A, id: "undated", publishedAt: null });
    const b = control.assign({ ...BRIDGE_COLLAPSE_B, publishedAt: null });
    control.consolidate();
    expect(control.resolve(a.eventId)).toBe(control.resolve(b.eventId));
  });
});
