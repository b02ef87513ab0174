// Term ids: comparisons run on interned ids, and the id space is compacted when pruned terms pile up. A wrong
// renumbering would silently attach mass to other words, so these tests compare whole states by term text.
import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import type { ClusterDoc } from "../src/link/types.ts";
import { BACKGROUND, BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER, CHESS_FINAL } from "./link-fixtures.ts";

/** A report on one of three running topics, with two words no other document has (what pruning drops). */
function uniqueDoc(i: number): ClusterDoc {
  const own = `zq${i}a zq${i}b`;
  const topic = [
    "harbour strike dockers union wages",
    "wildfire evacuation valley firefighters",
    "election recount ballots county",
  ][i % 3]!;
  return { id: `u-${i}`, title: topic, body: `${topic}. ${topic}. ${topic} ${own}.`, publishedAt: null, outlet: null };
}

describe("term ids", () => {
  it("compaction renumbers without changing what the index holds or decides", () => {
    // Both prune (maxVocabulary 60) but neither compacts by itself (under 1,024 ids); only `compacted` is told to.
    const options = { maxVocabulary: 60, maxCentroidTerms: 12 };
    const compacted = new EventIndex(options);
    const plain = new EventIndex(options);
    const first = [...BACKGROUND, BRIDGE_COLLAPSE_A, CHESS_FINAL, ...Array.from({ length: 20 }, (_, i) => uniqueDoc(i))];
    for (const doc of first) {
      expect(compacted.assign(doc)).toEqual(plain.assign(doc));
    }
    const before = compacted.termIdCount;
    compacted.compactTerms();
    expect(compacted.termIdCount).toBeLessThan(before);
    expect(compacted.toJSON()).toEqual(plain.toJSON());

    const next = [BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER, ...Array.from({ length: 20 }, (_, i) => uniqueDoc(100 + i))];
    for (const doc of next) expect(compacted.assign(doc)).toEqual(plain.assign(doc));
    expect(compacted.consolidate("run")).toEqual(plain.consolidate("run"));
    expect(compacted.toJSON()).toEqual(plain.toJSON());
    expect(compacted.eventViews()).toEqual(plain.eventViews());
  });

  it("keeps the id space bounded on a long stream of new words", () => {
    const index = new EventIndex({ maxVocabulary: 1_000, maxCentroidTerms: 50 });
    let peak = 0;
    for (let i = 0; i < 4_500; i++) {
      index.assign(uniqueDoc(i));
      peak = Math.max(peak, index.termIdCount);
    }
    expect(index.eventCount).toBeLessThan(20);
    // 9,000 distinct words and as many distinct word pairs went through. Ids stay within twice what is kept:
    // frequencies (at most maxVocabulary) and the centroids' terms (3 events, 3 stories: under 700).
    expect(peak).toBeLessThanOrEqual(2 * (1_000 + 700));
    // Every event's centroid still names real words of the stream after the renumberings.
    for (const e of index.toJSON().events) {
      for (const term of Object.keys(e.centroid)) expect(term).toMatch(/^(?:@|[a-z0-9_]+$)/);
    }
  });
});
