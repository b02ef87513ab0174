// Candidate retrieval: term -> ids of the items (events, stories) whose centroids weigh that term most. Each
// list keeps only its most recently touched items, so looking a document up costs at most
// queryTerms x maxPostings whatever the number of items; an old item stays reachable through its rarer terms.

import { topIndexes } from "./centroid.ts";

export class Postings {
  private readonly lists = new Map<number, Set<string>>();
  /** Posting entries read by candidates(): the work a lookup costs, for monitoring. */
  entriesVisited = 0;

  constructor(private readonly maxPostings: number) {}

  /** Files id under terms, as the most recent entry of each list. */
  add(id: string, terms: Iterable<number>): void {
    for (const t of terms) {
      let list = this.lists.get(t);
      if (!list) {
        list = new Set();
        this.lists.set(t, list);
      }
      // Re-inserting moves the id to the recent end (Sets iterate in insertion order).
      list.delete(id);
      list.add(id);
      if (list.size > this.maxPostings) {
        const oldest = list.values().next().value;
        if (oldest !== undefined) list.delete(oldest);
      }
    }
  }

  remove(id: string, terms: Iterable<number>): void {
    for (const t of terms) {
      const list = this.lists.get(t);
      if (!list) continue;
      list.delete(id);
      if (list.size === 0) this.lists.delete(t);
    }
  }

  /**
   * Ids sharing query terms, best first by the summed weight of the shared terms; at most limit.
   * Terms are the query's strongest, [term id, weight].
   */
  candidates(query: [number, number][], limit: number, exclude?: string): string[] {
    const slot = new Map<string, number>();
    const ids: string[] = [];
    const scores: number[] = [];
    for (const [t, w] of query) {
      const list = this.lists.get(t);
      if (!list) continue;
      this.entriesVisited += list.size;
      for (const id of list) {
        const k = slot.get(id);
        if (k === undefined) {
          slot.set(id, ids.length);
          ids.push(id);
          scores.push(w);
        } else scores[k]! += w;
      }
    }
    const excluded = exclude === undefined ? undefined : slot.get(exclude);
    if (excluded !== undefined) scores[excluded] = Number.NEGATIVE_INFINITY;
    const best = topIndexes(scores, scores.length, limit);
    return best.filter((k) => k !== excluded).map((k) => ids[k]!);
  }

  /** Term ids with a list. */
  terms(): Iterable<number> {
    return this.lists.keys();
  }

  /** Term ids renumbered by TermStats.compact(), which keeps every id that has a list. */
  remap(remap: Int32Array): void {
    const lists = [...this.lists];
    this.lists.clear();
    for (const [t, list] of lists) {
      const to = remap[t] ?? -1;
      if (to >= 0) this.lists.set(to, list);
    }
  }

  get termCount(): number {
    return this.lists.size;
  }
}
