// Centroids hold raw term mass (IDF divided out); TermStats puts today's IDF back when comparing.
//
// Mass lives in a Map by term id (cheap to grow one article at a time) and is mirrored, when compared, into
// packed typed arrays in the Map's order. A dot product spreads one side over TermStats' dense scratch array
// and walks the other side's packed arrays: no hashing per term, and the sums run in the same order as a
// walk over the Map would, so results do not depend on the representation.

import type { TermStats, TermVector } from "./term-stats.ts";

const NO_IDS = new Int32Array(0);
const NO_MASS = new Float64Array(0);

/** Per-call weight arrays, reused (one thread, no call re-enters): ranking terms ran once per article. */
let rankScratch = new Float64Array(512);
let sortScratch = new Float64Array(512);
function weightsOf(ids: Int32Array, mass: Float64Array, count: number, stats: TermStats): Float64Array {
  if (rankScratch.length < count) {
    rankScratch = new Float64Array(count * 2);
    sortScratch = new Float64Array(count * 2);
  }
  for (let i = 0; i < count; i++) rankScratch[i] = mass[i]! * stats.idf(ids[i]!);
  return rankScratch;
}

export class Centroid {
  /** Term id -> raw mass. Change it only through the methods below: they keep the packed copy current. */
  readonly mass = new Map<number, number>();
  private version = 0;
  private packedVersion = -1;
  private packedIds = NO_IDS;
  private packedMass = NO_MASS;
  private packedCount = 0;
  private cachedNorm = -1;
  private normEpoch = -1;
  private normVersion = -1;

  constructor(entries?: Iterable<[number, number]>) {
    if (entries) for (const [t, m] of entries) this.mass.set(t, m);
  }

  get size(): number {
    return this.mass.size;
  }

  private changed(): void {
    this.version++;
  }

  /** The mass as parallel arrays in Map order (valid up to packedCount). */
  private pack(): void {
    if (this.packedVersion === this.version) return;
    const n = this.mass.size;
    if (this.packedIds.length < n) {
      const capacity = Math.max(16, n + (n >> 1));
      this.packedIds = new Int32Array(capacity);
      this.packedMass = new Float64Array(capacity);
    }
    let i = 0;
    // forEach, not for-of over entries: no [key, value] array per term.
    this.mass.forEach((m, t) => {
      this.packedIds[i] = t;
      this.packedMass[i++] = m;
    });
    this.packedCount = n;
    this.packedVersion = this.version;
  }

  /** Adds a unit-length IDF-weighted document vector, scaled. */
  addVector(vector: TermVector, stats: TermStats, scale = 1): void {
    const { ids, weights } = vector;
    for (let i = 0; i < ids.length; i++) {
      const t = ids[i]!;
      this.mass.set(t, (this.mass.get(t) ?? 0) + (scale * weights[i]!) / stats.idf(t));
    }
    this.changed();
  }

  /** Adds another centroid's mass (an event's to its story). */
  addCentroid(source: Centroid, scale = 1): void {
    source.mass.forEach((m, t) => {
      const v = (this.mass.get(t) ?? 0) + scale * m;
      if (v > 1e-9) this.mass.set(t, v);
      else this.mass.delete(t);
    });
    this.changed();
  }

  /** Length of the IDF-weighted centroid, cached until the centroid changes or IDF moves to a new epoch. */
  norm(stats: TermStats): number {
    if (this.normVersion !== this.version || stats.epoch !== this.normEpoch) {
      this.pack();
      let sum = 0;
      for (let i = 0; i < this.packedCount; i++) {
        const w = this.packedMass[i]! * stats.idf(this.packedIds[i]!);
        sum += w * w;
      }
      this.cachedNorm = Math.sqrt(sum);
      this.normEpoch = stats.epoch;
      this.normVersion = this.version;
    }
    return this.cachedNorm;
  }

  /** Dot product of a unit IDF-weighted vector with the IDF-weighted centroid. */
  dot(vector: TermVector, stats: TermStats): number {
    this.pack();
    const dense = stats.scratch();
    const ids = this.packedIds;
    for (let i = 0; i < this.packedCount; i++) dense[ids[i]!] = this.packedMass[i]!;
    let dot = 0;
    const { ids: vIds, weights } = vector;
    for (let i = 0; i < vIds.length; i++) {
      const t = vIds[i]!;
      const m = dense[t]!;
      if (m !== 0) dot += weights[i]! * m * stats.idf(t);
    }
    for (let i = 0; i < this.packedCount; i++) dense[ids[i]!] = 0;
    return dot;
  }

  /** Dot product of two IDF-weighted centroids (sums of member vectors): the sum of all member-pair similarities. */
  dotCentroid(other: Centroid, stats: TermStats): number {
    const [small, large] = this.mass.size <= other.mass.size ? [this, other] : [other, this];
    small.pack();
    large.pack();
    const dense = stats.scratch();
    for (let i = 0; i < large.packedCount; i++) dense[large.packedIds[i]!] = large.packedMass[i]!;
    let dot = 0;
    for (let i = 0; i < small.packedCount; i++) {
      const t = small.packedIds[i]!;
      const o = dense[t]!;
      if (o !== 0) {
        const idf = stats.idf(t);
        dot += small.packedMass[i]! * o * idf * idf;
      }
    }
    for (let i = 0; i < large.packedCount; i++) dense[large.packedIds[i]!] = 0;
    return dot;
  }

  /** Strongest n term ids under current IDF, best first (earlier terms first among equals). */
  topTerms(stats: TermStats, n: number): number[] {
    this.pack();
    const weights = weightsOf(this.packedIds, this.packedMass, this.packedCount, stats);
    return topIndexes(weights, this.packedCount, n).map((i) => this.packedIds[i]!);
  }

  /** topTerms() with their weights, [term id, weight]. */
  topWeighted(stats: TermStats, n: number): [number, number][] {
    this.pack();
    const weights = weightsOf(this.packedIds, this.packedMass, this.packedCount, stats);
    return topIndexes(weights, this.packedCount, n).map((i) => [this.packedIds[i]!, weights[i]!]);
  }

  /** Keeps the strongest max terms; per-event state stays small whatever the article count. */
  prune(stats: TermStats, max: number): void {
    if (this.mass.size <= max) return;
    this.pack();
    const n = this.packedCount;
    const weights = weightsOf(this.packedIds, this.packedMass, n, stats);
    // The max-th largest weight (quickselect); terms above it stay, and at it the earlier ones, as a
    // stable sort by weight would keep.
    for (let i = 0; i < n; i++) sortScratch[i] = weights[i]!;
    const threshold = nthSmallest(sortScratch, n, n - max);
    let atThreshold = max;
    for (let i = 0; i < n; i++) if (weights[i]! > threshold) atThreshold--;
    for (let i = 0; i < n; i++) {
      const w = weights[i]!;
      if (w > threshold) continue;
      if (w === threshold && atThreshold > 0) atThreshold--;
      else this.mass.delete(this.packedIds[i]!);
    }
    this.changed();
  }

  /** The centroid as a unit IDF-weighted vector. */
  weighted(stats: TermStats): TermVector {
    this.pack();
    const norm = this.norm(stats) || 1;
    const ids = this.packedIds.slice(0, this.packedCount);
    const weights = new Float64Array(this.packedCount);
    for (let i = 0; i < this.packedCount; i++) weights[i] = (this.packedMass[i]! * stats.idf(ids[i]!)) / norm;
    return { ids, weights };
  }

  /** Term ids renumbered by TermStats.compact(); an id mapped to -1 cannot be held (it was kept live). */
  remap(remap: Int32Array): void {
    const entries = [...this.mass];
    this.mass.clear();
    for (const [t, m] of entries) this.mass.set(remap[t]!, m);
    this.changed();
  }

  /** Rounded, plain-object form for JSON storage. */
  toJSON(stats: TermStats): Record<string, number> {
    const out: Record<string, number> = {};
    this.mass.forEach((m, t) => {
      out[stats.term(t)] = Math.round(m * 1e5) / 1e5;
    });
    return out;
  }

  static fromJSON(json: Record<string, number>, stats: TermStats): Centroid {
    const c = new Centroid();
    for (const [t, m] of Object.entries(json)) c.mass.set(stats.id(t), m);
    return c;
  }
}

/** The k-th smallest (0-based) of values[0..count), by quickselect; reorders values. */
function nthSmallest(values: Float64Array, count: number, k: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const t = values[i]!;
        values[i++] = values[j]!;
        values[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return values[k]!;
  }
  return values[k]!;
}

/**
 * Indexes of the n largest of values[0..count), largest first, earlier first among equals: what a stable sort
 * and a slice give, without sorting everything (n is small next to count for queries, near it for pruning).
 */
export function topIndexes(values: ArrayLike<number>, count: number, n: number): number[] {
  if (n >= count / 2) {
    const order = Array.from({ length: count }, (_, i) => i);
    order.sort((a, b) => values[b]! - values[a]! || a - b);
    return order.slice(0, n);
  }
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    const v = values[i]!;
    if (top.length === n && !(v > values[top[n - 1]!]!)) continue;
    // After every kept value >= v: ties keep arrival order.
    let at = top.length;
    while (at > 0 && values[top[at - 1]!]! < v) at--;
    top.splice(at, 0, i);
    if (top.length > n) top.pop();
  }
  return top;
}

/** Cosine of a unit IDF-weighted vector with a centroid under current IDF. */
export function cosine(vector: TermVector, centroid: Centroid, stats: TermStats): number {
  return linkage(vector, centroid, 1, stats, 1);
}

/**
 * Similarity of a unit vector to a cluster of `members` unit vectors whose sum is `centroid`: the mean
 * similarity to the members divided by the mean vector's length to the power normPower. normPower 1 is the
 * cosine with the centroid; 0 the average similarity to the members. Below 1, a cluster of scattered members
 * (short mean vector) attracts less than a tight one, which keeps a growing event from becoming a hub for its
 * whole topic.
 */
export function linkage(vector: TermVector, centroid: Centroid, members: number, stats: TermStats, normPower: number): number {
  const norm = centroid.norm(stats);
  if (norm <= 0) return 0;
  const n = Math.max(1, members);
  const meanNorm = norm / n;
  return centroid.dot(vector, stats) / n / meanNorm ** normPower;
}

/** Top n entries of a vector, [term id, weight], best first. */
export function strongest(vector: TermVector, n: number): [number, number][] {
  return topIndexes(vector.weights, vector.weights.length, n).map((i) => [vector.ids[i]!, vector.weights[i]!]);
}
