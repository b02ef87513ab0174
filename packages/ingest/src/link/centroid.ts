// Centroids hold raw term mass (IDF divided out); TermStats puts today's IDF back when comparing.

import type { TermStats } from "./term-stats.ts";

export type Centroid = Map<string, number>;

/** Adds a unit-length IDF-weighted document vector, scaled, to a centroid. */
export function addVector(centroid: Centroid, vector: Map<string, number>, stats: TermStats, scale = 1): void {
  for (const [t, v] of vector) centroid.set(t, (centroid.get(t) ?? 0) + (scale * v) / stats.idf(t));
}

/** Adds one centroid's mass to another (an event's to its story). */
export function addCentroid(target: Centroid, source: Centroid, scale = 1): void {
  for (const [t, m] of source) {
    const v = (target.get(t) ?? 0) + scale * m;
    if (v > 1e-9) target.set(t, v);
    else target.delete(t);
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
  let dot = 0;
  let norm = 0;
  for (const [t, m] of centroid) {
    const w = m * stats.idf(t);
    norm += w * w;
    const q = vector.get(t);
    if (q !== undefined) dot += q * w;
  }
  if (norm <= 0) return 0;
  const n = Math.max(1, members);
  const meanNorm = Math.sqrt(norm) / n;
  return dot / n / meanNorm ** normPower;
}

/** The centroid as a unit IDF-weighted vector. */
export function weighCentroid(centroid: Centroid, stats: TermStats): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, m] of centroid) {
    const w = m * stats.idf(t);
    out.set(t, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [t, w] of out) out.set(t, w / norm);
  return out;
}

/** Strongest n terms under current IDF, [term, weight], best first. */
export function topTerms(centroid: Centroid, stats: TermStats, n: number): [string, number][] {
  const scored: [string, number][] = [];
  for (const [t, m] of centroid) scored.push([t, m * stats.idf(t)]);
  scored.sort((a, b) => b[1] - a[1]);
  return scored.slice(0, n);
}

/** Keeps the strongest max terms; per-event state stays small whatever the article count. */
export function prune(centroid: Centroid, stats: TermStats, max: number): void {
  if (centroid.size <= max) return;
  const keep = new Set(topTerms(centroid, stats, max).map(([t]) => t));
  for (const t of centroid.keys()) if (!keep.has(t)) centroid.delete(t);
}

/** Top n entries of a vector, [term, weight], best first. */
export function strongest(vector: Map<string, number>, n: number): [string, number][] {
  return [...vector].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** Rounded, plain-object form for JSON storage. */
export function centroidToJSON(centroid: Centroid): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, m] of centroid) out[t] = Math.round(m * 1e5) / 1e5;
  return out;
}

export function centroidFromJSON(json: Record<string, number>): Centroid {
  return new Map(Object.entries(json));
}
