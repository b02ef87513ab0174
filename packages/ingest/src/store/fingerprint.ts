// Content hash (exact idempotency) and SimHash (near-duplicates such as syndicated wire copy).
import { createHash } from "node:crypto";
import type { ExtractedDocument } from "../extract/types.ts";

export const normalizeForHash = (body: string) => body.toLowerCase().replace(/\s+/g, " ").trim();

/**
 * The idempotency key: the same text from the same outlet is the same article. The same text from another
 * outlet is a syndicated copy, stored and linked to its original through the SimHash instead.
 */
export const contentHash = (body: string, outlet: string | null = null) =>
  createHash("sha256")
    .update(`${(outlet ?? "").toLowerCase()}\u0000${normalizeForHash(body)}`)
    .digest("hex");

/** Syndication carries the same text under several ids; an input's own id keeps them apart. */
const carriesOwnId = (doc: Pick<ExtractedDocument, "inputKind">) =>
  doc.inputKind === "JSON" || doc.inputKind === "JSONL" || doc.inputKind === "FEED";

/** The idempotency key of an extracted article: its text, its outlet and, for records and feed items, its id. */
export const articleHash = (doc: Pick<ExtractedDocument, "body" | "outlet" | "id" | "inputKind">) =>
  contentHash(doc.body, [doc.outlet?.name ?? "", carriesOwnId(doc) ? doc.id : ""].join("\u0000"));

// Two independent 32-bit FNV-1a lanes make the 64 SimHash bits: plain integer math, no BigInt per shingle
// (BigInt arithmetic made hashing the most expensive step of storing an article).
const FNV_PRIME = 0x01000193;
const SEED_LO = 0x811c9dc5;
const SEED_HI = 0x050c5d1f;

/** A final avalanche so similar shingles do not share high bits. */
function avalanche(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  return hash >>> 0;
}

const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Per-bit counters kept bit-sliced: plane j holds bit j of all 32 counters of a lane, so counting a hash's
 * one-bits is a ripple of XOR/AND over the planes (two steps on average) instead of 32 increments.
 */
const PLANE_VALUE = Array.from({ length: 33 }, (_, j) => 2 ** j);

class BitCounters {
  private readonly planes = new Int32Array(33);

  add(x: number): void {
    let carry = x | 0;
    for (let j = 0; carry !== 0; j++) {
      const next = this.planes[j]! & carry;
      this.planes[j]! ^= carry;
      carry = next;
    }
  }

  /** Bits whose counter exceeds half of total: the majority vote SimHash takes per bit. */
  majority(total: number): number {
    let top = this.planes.length;
    while (top > 0 && this.planes[top - 1] === 0) top--;
    let out = 0;
    for (let bit = 0; bit < 32; bit++) {
      let ones = 0;
      for (let j = 0; j < top; j++) ones += ((this.planes[j]! >>> bit) & 1) * PLANE_VALUE[j]!;
      if (2 * ones > total) out |= 1 << bit;
    }
    return out >>> 0;
  }
}

/** 64-bit SimHash over 3-word shingles ("a b c", FNV-1a per lane), returned as a signed bigint (fits Postgres bigint). */
export function simhash(body: string): bigint {
  const words = body.toLowerCase().match(WORDS) ?? [];
  const low = new BitCounters();
  const high = new BitCounters();
  const count = Math.max(1, words.length - 2);
  for (let i = 0; i < count; i++) {
    // The shingle's characters are fed to both lanes in one pass, without building the shingle string.
    const parts = words.length < 3 ? [words.join(" ")] : [words[i]!, words[i + 1]!, words[i + 2]!];
    let lo = SEED_LO;
    let hi = SEED_HI;
    for (let p = 0; p < parts.length; p++) {
      if (p > 0) {
        lo = Math.imul(lo ^ 32, FNV_PRIME) >>> 0;
        hi = Math.imul(hi ^ 32, FNV_PRIME) >>> 0;
      }
      const part = parts[p]!;
      for (let c = 0; c < part.length; c++) {
        const code = part.charCodeAt(c);
        lo = Math.imul(lo ^ code, FNV_PRIME) >>> 0;
        hi = Math.imul(hi ^ code, FNV_PRIME) >>> 0;
      }
    }
    low.add(avalanche(lo));
    high.add(avalanche(hi));
  }
  const lo = low.majority(count);
  const hi = high.majority(count);
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
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
