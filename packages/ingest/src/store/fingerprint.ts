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

// FNV-1a 64-bit over a shingle: fast, stable across runs and machines.
function fnv64(text: string): bigint {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/** 64-bit SimHash over 3-word shingles, returned as a signed bigint (fits Postgres bigint). */
export function simhash(body: string): bigint {
  const words = body.toLowerCase().match(WORDS) ?? [];
  const weights = new Int32Array(64);
  const shingles =
    words.length < 3 ? [words.join(" ")] : words.slice(0, -2).map((_, i) => `${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  for (const shingle of shingles) {
    const h = fnv64(shingle);
    for (let bit = 0; bit < 64; bit++) weights[bit] = (weights[bit] ?? 0) + ((h >> BigInt(bit)) & 1n ? 1 : -1);
  }
  let value = 0n;
  for (let bit = 0; bit < 64; bit++) if ((weights[bit] ?? 0) > 0) value |= 1n << BigInt(bit);
  return BigInt.asIntN(64, value);
}

/** Four 16-bit bands tagged with their position, so equal bands at different positions never match. */
export function simhashBands(hash: bigint): number[] {
  const unsigned = BigInt.asUintN(64, hash);
  return [0, 1, 2, 3].map((band) => Number((unsigned >> BigInt(band * 16)) & 0xffffn) | (band << 16));
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}

/** Bodies within this many differing bits are treated as copies of one another. */
export const NEAR_DUPLICATE_BITS = 3;

/** SimHash agreement mapped to a 0..1 similarity. */
export const similarityFromDistance = (bits: number) => 1 - bits / 64;
