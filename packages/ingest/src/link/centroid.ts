// Centroids hold raw term mass (IDF divided out); TermStats puts today's IDF back when comparing.

import type { TermStats } from "./term-stats.ts";

export class Centroid {
  readonly mass = new Map<string, number>();
  private cachedNorm = -1;
  private normEpoch = -1;

  constructor(entries?: Iterable<[string, number]>) {
    if (entries) for (const [t, m] of entries) this.mass.set(t, m);
  }

  get size(): number {
    return this.mass.size;
  }

  /** Adds a unit-length IDF-weighted document vector, scaled. */
  addVector(vector: Map<string, number>, stats: TermStats, scale = 1): void {
    for (const [t, v] of vector) this.mass.set(t, (this.mass.get(t) ?? 0) + (scale * v) / stats.idf(t));
    this.cachedNorm = -1;
  }

  /** Adds another centroid's mass (an event's to its story). */
  addCentroid(source: Centroid, scale = 1): void {
    for (const [t, m] of source.mass) {
      const v = (this.mass.get(t) ?? 0) + scale * m;
      if (v > 1e-9) this.mass.set(t, v);
      else this.mass.delete(t);
    }
    this.cachedNorm = -1;
  }

  /** Length of the IDF-weighted centroid, cached until the centroid changes or IDF moves to a new epoch. */
  norm(stats: TermStats): number {
    if (this.cachedNorm < 0 || stats.epoch !== this.normEpoch) {
      let sum = 0;
      for (const [t, m] of this.mass) {
        const w = m * stats.idf(t);
        sum += w * w;
      }
      this.cachedNorm = Math.sqrt(sum);
      this.normEpoch = stats.epoch;
    }
    return this.cachedNorm;
  }

  /** Dot product of a unit IDF-weighted vector with the IDF-weighted centroid. */
  dot(vector: Map<string, number>, stats: TermStats): number {
    let dot = 0;
    for (const [t, q] of vector) {
      const m = this.mass.get(t);
      if (m !== undefined) dot += q * m * stats.idf(t);
    }
    return dot;
  }

  /** Dot product of two IDF-weighted centroids (sums of member vectors): the sum of all member-pair similarities. */
  dotCentroid(other: Centroid, stats: TermStats): number {
    const [small, large] = this.mass.size <= other.mass.size ? [this, other] : [other, this];
    let dot = 0;
    for (const [t, m] of small.mass) {
      const o = large.mass.get(t);
      if (o !== undefined) {
        const idf = stats.idf(t);
        dot += m * o * idf * idf;
      }
    }
    return dot;
  }

  /** Strongest n terms under current IDF, [term, weight], best first. */
  topTerms(stats: TermStats, n: number): [string, number][] {
    const scored: [string, number][] = [];
    for (const [t, m] of this.mass) scored.push([t, m * stats.idf(t)]);
    scored.sort((a, b) => b[1] - a[1]);
    return scored.slice(0, n);
  }

  /** Keeps the strongest max terms; per-event state stays small whatever the article count. */
  prune(stats: TermStats, max: number): void {
    if (this.mass.size <= max) return;
    const keep = new Set(this.topTerms(stats, max).map(([t]) => t));
    for (const t of this.mass.keys()) if (!keep.has(t)) this.mass.delete(t);
    this.cachedNorm = -1;
  }

  /** The centroid as a unit IDF-weighted vector. */
  weighted(stats: TermStats): Map<string, number> {
    const out = new Map<string, number>();
    const norm = this.norm(stats) || 1;
    for (const [t, m] of this.mass) out.set(t, (m * stats.idf(t)) / norm);
    return out;
  }

  /** Rounded, plain-object form for JSON storage. */
  toJSON(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [t, m] of this.mass) out[t] = Math.round(m * 1e5) / 1e5;
    return out;
  }

  static fromJSON(json: Record<string, number>): Centroid {
    return new Centroid(Object.entries(json));
  }
}

/** Cosine of a unit IDF-weighted vector with a centroid under current IDF. */
export function cosine(vector: Map<string, number>, centroid: Centroid, stats: TermStats): number {
  return linkage(vector, centroid, 1, stats, 1);
}

/**
 * Similarity of a unit vector to a cluster of `members` unit vectors whose sum is `centroid`: the mean
 * similarity to the members divided by the mean vector's length to the power normPower. normPower 1 is the
 * cosine with the centroid; 0 the average similarity to the members. Below 1, a cluster of scattered members
 * (short mean vector) attracts less than a tight one, which keeps a growing event from becoming a hub for its
 * whole topic.
 */
export function linkage(
  vector: Map<string, number>,
  centroid: Centroid,
  members: number,
  stats: TermStats,
  normPower: number,
): number {
  const norm = centroid.norm(stats);
  if (norm <= 0) return 0;
  const n = Math.max(1, members);
  const meanNorm = norm / n;
  return centroid.dot(vector, stats) / n / meanNorm ** normPower;
}

/** Top n entries of a vector, [term, weight], best first. */
export function strongest(vector: Map<string, number>, n: number): [string, number][] {
  return [...vector].sort((a, b) => b[1] - a[1]).slice(0, n);
}
