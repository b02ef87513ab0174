// Document frequencies learned from the stream itself, so rare words (names, places, amounts) weigh more than
// the vocabulary every report shares. Centroids keep raw term mass and IDF is applied when comparing, so an
// event formed early, while frequencies were still rough, is compared with today's weights.

import type { TermWeights } from "./text.ts";

export interface TermStatsState {
  docCount: number;
  /** [term, document frequency], rare terms pruned. */
  df: [string, number][];
}

export class TermStats {
  docCount = 0;
  private readonly df = new Map<string, number>();
  private readonly idfCache = new Float64Array(1024);
  private idfCacheDocCount = -1;

  /**
   * maxTerms bounds memory: past it, terms seen in a single document are dropped (mostly typos and one-offs).
   * idfPower below 1 flattens IDF: words every report of a topic shares still count a little, and the rough
   * frequencies of a young index matter less.
   */
  constructor(
    private readonly maxTerms = 2_000_000,
    readonly idfPower = 0.75,
  ) {}

  add(terms: Iterable<string>): void {
    this.docCount++;
    for (const t of terms) this.df.set(t, (this.df.get(t) ?? 0) + 1);
    if (this.df.size > this.maxTerms) this.prune();
  }

  documentFrequency(term: string): number {
    return this.df.get(term) ?? 0;
  }

  /** Smoothed IDF; an unseen term gets the weight of one seen once. */
  idf(term: string): number {
    const df = Math.max(1, this.df.get(term) ?? 0);
    // IDF is asked for thousands of times per document; it depends only on df and the document count.
    if (this.idfCacheDocCount !== this.docCount) {
      this.idfCache.fill(0);
      this.idfCacheDocCount = this.docCount;
    }
    if (df < this.idfCache.length) {
      const cached = this.idfCache[df]!;
      if (cached !== 0) return cached;
      const v = this.computeIdf(df);
      this.idfCache[df] = v;
      return v;
    }
    return this.computeIdf(df);
  }

  private computeIdf(df: number): number {
    return (1 + Math.log((this.docCount + 1) / df)) ** this.idfPower;
  }

  /** IDF-weighted, unit-length vector of raw term weights. */
  weigh(raw: TermWeights): Map<string, number> {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [t, w] of raw) {
      const v = w * this.idf(t);
      out.set(t, v);
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, v] of out) out.set(t, v / norm);
    return out;
  }

  private prune(): void {
    let floor = 1;
    while (this.df.size > this.maxTerms * 0.8) {
      for (const [t, n] of this.df) if (n <= floor) this.df.delete(t);
      floor++;
    }
  }

  toJSON(): TermStatsState {
    return { docCount: this.docCount, df: [...this.df] };
  }

  static fromJSON(state: TermStatsState, maxTerms?: number, idfPower?: number): TermStats {
    const s = new TermStats(maxTerms, idfPower);
    s.docCount = state.docCount;
    for (const [t, n] of state.df) s.df.set(t, n);
    return s;
  }
}
