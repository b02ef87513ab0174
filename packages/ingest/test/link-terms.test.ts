// Term ids: comparisons run on interned ids, and the id space is compacted when pruned terms pile up. A wrong
// renumbering would silently attach mass to other words, so these tests compare whole states by term text.
import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import { DEFAULT_STORY_OPTIONS } from "../src/link/story-index.ts";
import { documentTerms } from "../src/link/text.ts";
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
    // Both prune (maxVocabulary 60, small centroids) but neither compacts by itself (under 1,024 ids); only
    // `compacted` is told to. Small centroids leave posting lists under words no centroid holds any more.
    const options = { maxVocabulary: 60, maxCentroidTerms: 12, story: { ...DEFAULT_STORY_OPTIONS, maxCentroidTerms: 12 } };
    const compacted = new EventIndex(options);
    const plain = new EventIndex(options);
    const first = [...BACKGROUND, BRIDGE_COLLAPSE_A, CHESS_FINAL, ...Array.from({ length: 60 }, (_, i) => uniqueDoc(i))];
    for (const doc of first) {
      expect(compacted.assign(doc)).toEqual(plain.assign(doc));
    }
    const before = compacted.termIdCount;
    const listsBefore = compacted.indexedTermCount;
    compacted.compactTerms();
    expect(compacted.termIdCount).toBeLessThan(before);
    // Posting lists outlive the centroid terms they were filed under; all of them survive renumbering.
    expect(compacted.indexedTermCount).toBe(listsBefore);
    expect(compacted.toJSON()).toEqual(plain.toJSON());

    const next = [BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER, ...Array.from({ length: 20 }, (_, i) => uniqueDoc(100 + i))];
    for (const doc of next) expect(compacted.assign(doc)).toEqual(plain.assign(doc));
    expect(compacted.consolidate("run")).toEqual(plain.consolidate("run"));
    expect(compacted.toJSON()).toEqual(plain.toJSON());
    expect(compacted.eventViews()).toEqual(plain.eventViews());
  });

  it("keeps the id space bounded on a long stream of new words", () => {
    const index = new EventIndex({ maxVocabulary: 1_000, maxCentroidTerms: 50 });
    // The terms each event's members brought: after renumbering, a centroid may hold no other.
    const brought = new Map<string, Set<string>>();
    let peak = 0;
    for (let i = 0; i < 4_500; i++) {
      const doc = uniqueDoc(i);
      const { eventId } = index.assign(doc);
      const terms = brought.get(eventId) ?? new Set<string>();
      for (const t of documentTerms(doc.title, doc.body, doc.entities).keys()) terms.add(t);
      brought.set(eventId, terms);
      peak = Math.max(peak, index.termIdCount);
    }
    expect(index.eventCount).toBeLessThan(20);
    // 9,000 distinct words and as many distinct word pairs went through. Ids stay within twice what is kept:
    // frequencies (at most maxVocabulary) and the centroids' terms (3 events, 3 stories: under 700).
    expect(peak).toBeLessThanOrEqual(2 * (1_000 + 700));
    // Every event's centroid still names its own members' words after the renumberings (a wrong remap hands
    // mass to other topics' or other documents' words).
    for (const e of index.toJSON().events) {
      const strays = Object.keys(e.centroid).filter((term) => !brought.get(e.id)?.has(term));
      expect(strays).toEqual([]);
    }
  });
});
