// Document frequencies learned from the stream itself, so rare words (names, places, amounts) weigh more than
// the vocabulary every report shares. Centroids keep raw term mass and IDF is applied when comparing, so an
// event formed early, while frequencies were still rough, is compared with today's weights.

import type { TermWeights } from "./text.ts";

export interface TermStatsState {
  docCount: number;
  /** [term, document frequency] as of the current IDF epoch, rare terms pruned. */
  df: [string, number][];
  /** Counts since the epoch began, and where it began and ends; absent in older saves (a new epoch starts). */
  pending?: [string, number][];
  epochDocCount?: number;
  nextEpochAt?: number;
}

/**
 * IDF is frozen for an epoch: the document count and frequencies it uses move forward only every
 * EPOCH_GROWTH of the stream. Recomputing it after every document cost more than
 * the rest of event assignment (every candidate's norm and every dot product), for weights that change by a
 * fraction of a percent (a young index, under 50 documents, still moves on every document); epochs depend only on the document count, so a run is as deterministic as before.
 */
const EPOCH_GROWTH = 0.02;
const MIN_EPOCH = 1;

export class TermStats {
  docCount = 0;
  /** Frequencies as of the current epoch (what IDF uses)... */
  private readonly df = new Map<string, number>();
  /** ...and the increments since, folded in when the next epoch starts. */
  private readonly pending = new Map<string, number>();
  private epochDocCount = 0;
  private nextEpochAt = MIN_EPOCH;
  /** Bumped at each epoch: centroids cache their norms per epoch. */
  epoch = 0;
  private readonly idfCache = new Map<string, number>();

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
    for (const t of terms) this.pending.set(t, (this.pending.get(t) ?? 0) + 1);
    if (this.docCount >= this.nextEpochAt) this.startEpoch();
  }

  private startEpoch(): void {
    for (const [t, n] of this.pending) this.df.set(t, (this.df.get(t) ?? 0) + n);
    this.pending.clear();
    if (this.df.size > this.maxTerms) this.prune();
    this.epochDocCount = this.docCount;
    this.nextEpochAt = this.docCount + Math.max(MIN_EPOCH, Math.floor(this.docCount * EPOCH_GROWTH));
    this.idfCache.clear();
    this.epoch++;
  }

  documentFrequency(term: string): number {
    return (this.df.get(term) ?? 0) + (this.pending.get(term) ?? 0);
  }

  /** Smoothed IDF as of the current epoch; an unseen term gets the weight of one seen once. */
  idf(term: string): number {
    const cached = this.idfCache.get(term);
    if (cached !== undefined) return cached;
    const v = this.computeIdf(Math.max(1, this.df.get(term) ?? 0));
    this.idfCache.set(term, v);
    return v;
  }

  private computeIdf(df: number): number {
    return (1 + Math.log((this.epochDocCount + 1) / df)) ** this.idfPower;
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
    return {
      docCount: this.docCount,
      df: [...this.df],
      pending: [...this.pending],
      epochDocCount: this.epochDocCount,
      nextEpochAt: this.nextEpochAt,
    };
  }

  static fromJSON(state: TermStatsState, maxTerms?: number, idfPower?: number): TermStats {
    const s = new TermStats(maxTerms, idfPower);
    s.docCount = state.docCount;
    for (const [t, n] of state.df) s.df.set(t, n);
    for (const [t, n] of state.pending ?? []) s.pending.set(t, n);
    if (state.epochDocCount === undefined || state.nextEpochAt === undefined) s.startEpoch();
    else {
      s.epochDocCount = state.epochDocCount;
      s.nextEpochAt = state.nextEpochAt;
    }
    return s;
  }
}
