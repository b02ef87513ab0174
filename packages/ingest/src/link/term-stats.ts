// Document frequencies learned from the stream itself, so rare words (names, places, amounts) weigh more than
// the vocabulary every report shares. Centroids keep raw term mass and IDF is applied when comparing, so an
// event formed early, while frequencies were still rough, is compared with today's weights.
//
// Terms are interned to small integer ids here, once per document: every comparison after that (article to
// event, event to event, top terms) reads typed arrays by id instead of hashing strings, which was most of the
// cost of event linking.

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

/** A unit-length IDF-weighted document vector: term ids and weights, in the order the terms were counted. */
export interface TermVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
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
  /** Bumped at each epoch: centroids cache their norms per epoch. */
  epoch = 0;
  private readonly idOf = new Map<string, number>();
  /** id -> term; undefined for an id freed by compact(). */
  private terms: string[] = [];
  /** Frequencies as of the current epoch (what IDF uses)... */
  private df = new Int32Array(1024);
  /** ...and the increments since, folded in when the next epoch starts. */
  private pending = new Int32Array(1024);
  /** Ids with a pending count, in the order they got it. */
  private pendingIds: number[] = [];
  /** Terms with a document frequency (what maxTerms bounds). */
  private dfTerms = 0;
  private idfValue = new Float64Array(1024);
  /** The epoch each idfValue was computed in (-1: never). */
  private idfEpoch = new Int32Array(1024).fill(-1);
  /** A dense array by term id, zero between uses: one side of a dot product is spread here (see Centroid). */
  private dense = new Float64Array(1024);
  private epochDocCount = 0;
  private nextEpochAt = MIN_EPOCH;
  /** Ids left by the last compact(). */
  private keptAtCompaction = 0;

  /**
   * maxTerms bounds memory: past it, terms seen in a single document are dropped (mostly typos and one-offs).
   * idfPower below 1 flattens IDF: words every report of a topic shares still count a little, and the rough
   * frequencies of a young index matter less.
   */
  constructor(
    private readonly maxTerms = 2_000_000,
    readonly idfPower = 0.75,
  ) {}

  /** The id of a term, assigned on first sight. */
  id(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.terms.push(term);
      this.idOf.set(term, id);
      if (id >= this.df.length) this.grow(id + 1);
    }
    return id;
  }

  term(id: number): string {
    return this.terms[id]!;
  }

  /** Ids handed out (the size of the id space; compact() shrinks it). */
  get idCount(): number {
    return this.terms.length;
  }

  private grow(min: number): void {
    let size = this.df.length;
    while (size < min) size *= 2;
    const widen = <T extends Int32Array | Float64Array>(a: T, fill = 0): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      if (fill !== 0) b.fill(fill);
      b.set(a);
      return b;
    };
    this.df = widen(this.df);
    this.pending = widen(this.pending);
    this.idfValue = widen(this.idfValue);
    this.idfEpoch = widen(this.idfEpoch, -1);
    this.dense = widen(this.dense);
  }

  add(terms: Iterable<string>): void {
    const ids: number[] = [];
    for (const t of terms) ids.push(this.id(t));
    this.countDocument(ids);
  }

  /** One more document holding these terms (each once); an epoch may end with it. */
  private countDocument(ids: Iterable<number>): void {
    this.docCount++;
    for (const id of ids) {
      if (this.pending[id] === 0) this.pendingIds.push(id);
      this.pending[id]!++;
    }
    if (this.docCount >= this.nextEpochAt) this.startEpoch();
  }

  private startEpoch(): void {
    for (const id of this.pendingIds) {
      if (this.df[id] === 0) this.dfTerms++;
      this.df[id]! += this.pending[id]!;
      this.pending[id] = 0;
    }
    this.pendingIds = [];
    if (this.dfTerms > this.maxTerms) this.prune();
    this.epochDocCount = this.docCount;
    this.nextEpochAt = this.docCount + Math.max(MIN_EPOCH, Math.floor(this.docCount * EPOCH_GROWTH));
    this.epoch++;
  }

  documentFrequency(term: string): number {
    const id = this.idOf.get(term);
    return id === undefined ? 0 : this.df[id]! + this.pending[id]!;
  }

  /** Smoothed IDF of a term id as of the current epoch; an unseen term gets the weight of one seen once. */
  idf(id: number): number {
    if (this.idfEpoch[id] === this.epoch) return this.idfValue[id]!;
    const v = (1 + Math.log((this.epochDocCount + 1) / Math.max(1, this.df[id]!))) ** this.idfPower;
    this.idfValue[id] = v;
    this.idfEpoch[id] = this.epoch;
    return v;
  }

  /**
   * IDF-weighted, unit-length vector of raw term weights. With learn, the document is counted first (as add()
   * does), so it is weighed with the frequencies that include it.
   */
  weigh(raw: TermWeights, learn = false): TermVector {
    const ids = new Int32Array(raw.size);
    const weights = new Float64Array(raw.size);
    let i = 0;
    for (const [t, w] of raw) {
      ids[i] = this.id(t);
      weights[i++] = w;
    }
    if (learn) this.countDocument(ids);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const v = weights[k]! * this.idf(ids[k]!);
      weights[k] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < weights.length; k++) weights[k]! /= norm;
    return { ids, weights };
  }

  /** The dense scratch array (all zeros between uses); callers must zero what they wrote before returning. */
  scratch(): Float64Array {
    return this.dense;
  }

  private prune(): void {
    let floor = 1;
    while (this.dfTerms > this.maxTerms * 0.8) {
      for (let id = 0; id < this.terms.length; id++) {
        const n = this.df[id]!;
        if (n > 0 && n <= floor) {
          this.df[id] = 0;
          this.dfTerms--;
        }
      }
      floor++;
    }
  }

  /**
   * Whether enough ids may point at terms without a frequency (pruned) that compact() is worth its pass. What
   * centroids hold stays, so the next pass waits until the id space has doubled again since the last one.
   */
  get wantsCompaction(): boolean {
    return this.terms.length > this.compactAt;
  }

  private get compactAt(): number {
    return Math.max(1024, this.maxTerms * 1.25, 2 * this.keptAtCompaction);
  }

  /**
   * Frees the ids of terms with no frequency that nothing in `live` holds, and renumbers the rest densely.
   * Returns old id -> new id (-1 when freed); every holder of ids (centroids, postings) must be remapped with it.
   */
  compact(live: Iterable<number>): Int32Array {
    const keep = new Uint8Array(this.terms.length);
    for (const id of live) keep[id] = 1;
    const remap = new Int32Array(this.terms.length).fill(-1);
    const terms: string[] = [];
    for (let id = 0; id < this.terms.length; id++) {
      if (keep[id] || this.df[id]! > 0 || this.pending[id]! > 0) remap[id] = terms.push(this.terms[id]!) - 1;
    }
    const df = new Int32Array(Math.max(1024, terms.length * 2));
    const pending = new Int32Array(df.length);
    for (let id = 0; id < this.terms.length; id++) {
      const to = remap[id]!;
      if (to < 0) continue;
      df[to] = this.df[id]!;
      pending[to] = this.pending[id]!;
    }
    this.terms = terms;
    this.keptAtCompaction = terms.length;
    this.idOf.clear();
    for (let id = 0; id < terms.length; id++) this.idOf.set(terms[id]!, id);
    this.df = df;
    this.pending = pending;
    this.pendingIds = this.pendingIds.map((id) => remap[id]!);
    this.idfValue = new Float64Array(df.length);
    this.idfEpoch = new Int32Array(df.length).fill(-1);
    this.dense = new Float64Array(df.length);
    return remap;
  }

  toJSON(): TermStatsState {
    const df: [string, number][] = [];
    for (let id = 0; id < this.terms.length; id++) if (this.df[id]! > 0) df.push([this.terms[id]!, this.df[id]!]);
    return {
      docCount: this.docCount,
      df,
      pending: this.pendingIds.map((id) => [this.terms[id]!, this.pending[id]!]),
      epochDocCount: this.epochDocCount,
      nextEpochAt: this.nextEpochAt,
    };
  }

  static fromJSON(state: TermStatsState, maxTerms?: number, idfPower?: number): TermStats {
    const s = new TermStats(maxTerms, idfPower);
    s.docCount = state.docCount;
    for (const [t, n] of state.df) {
      const id = s.id(t);
      if (s.df[id] === 0 && n > 0) s.dfTerms++;
      s.df[id] = n;
    }
    for (const [t, n] of state.pending ?? []) {
      const id = s.id(t);
      if (s.pending[id] === 0) s.pendingIds.push(id);
      s.pending[id] = n;
    }
    if (state.epochDocCount === undefined || state.nextEpochAt === undefined) s.startEpoch();
    else {
      s.epochDocCount = state.epochDocCount;
      s.nextEpochAt = state.nextEpochAt;
    }
    return s;
  }
}
