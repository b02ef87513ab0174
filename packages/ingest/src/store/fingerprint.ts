// Content hash (exact idempotency) and SimHash (near-duplicates such as syndicated wire copy).
import { createHash } from "node:crypto";

export const normalizeForHash = (body: string) => body.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The idempotency key: the same text from the same outlet is the same article. The same text from another
 * outlet is a syndicated copy, stored and linked to its original through the SimHash instead.
 */
export const contentHash = (body: string, outlet: string | null = null) =>
  createHash("sha256")
    .update(`${(outlet ?? "").toLowerCase()}\u0000${normalizeForHash(body)}`)
    .digest("hex");

// Two independent 32-bit FNV-1a lanes make the 64 SimHash bits: plain integer math, no BigInt per shingle
// (BigInt arithmetic made hashing the most expensive step of storing an article).
function fnv32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // A final avalanche so similar shingles do not share high bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** 64-bit SimHash over 3-word shingles, returned as a signed bigint (fits Postgres bigint). */
export function simhash(body: string): bigint {
  const words = body.toLowerCase().match(WORDS) ?? [];
  const weights = new Int32Array(64);
  const count = Math.max(1, words.length - 2);
  for (let i = 0; i < count; i++) {
    const shingle = words.length < 3 ? words.join(" ") : `${words[i]} ${words[i + 1]} ${words[i + 2]}`;
    const lo = fnv32(shingle, 0x811c9dc5);
    const hi = fnv32(shingle, 0x050c5d1f);
    for (let bit = 0; bit < 32; bit++) {
      weights[bit]! += (lo >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (hi >>> bit) & 1 ? 1 : -1;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (weights[bit]! > 0) lo |= 1 << bit;
    if (weights[bit + 32]! > 0) hi |= 1 << bit;
  }
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

/** Four 16-bit bands tagged with their position, so equal bands at different positions never match. */
export function simhashBands(hash: bigint): number[] {
  const unsigned = BigInt.asUintN(64, hash);
  return [0, 1, 2, 3].map((band) => Number((unsigned >> BigInt(band * 16)) & 0xffffn) | (band << 16));
}

/** A SimHash as two 32-bit halves, for distance checks without BigInt. */
export function halves(hash: bigint): [number, number] {
  const unsigned = BigInt.asUintN(64, hash);
  return [Number(unsigned & 0xffffffffn), Number(unsigned >> 32n)];
}

const popcount = (x: number) => {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
};

export function hammingDistance(a: bigint | [number, number], b: bigint | [number, number]): number {
  const [alo, ahi] = typeof a === "bigint" ? halves(a) : a;
  const [blo, bhi] = typeof b === "bigint" ? halves(b) : b;
  return popcount((alo ^ blo) >>> 0) + popcount((ahi ^ bhi) >>> 0);
}

/** Bodies within this many differing bits are treated as copies of one another. */
export const NEAR_DUPLICATE_BITS = 3;

/** SimHash agreement mapped to a 0..1 similarity. */
export const similarityFromDistance = (bits: number) => 1 - bits / 64;
