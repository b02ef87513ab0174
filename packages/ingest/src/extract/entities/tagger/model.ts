// The entity tagger's model: an averaged perceptron over hashed features (Collins 2002). The shipped model is a
// structured perceptron decoded with Viterbi over first-order label transitions; a greedy left-to-right decoder
// with label-history features (spaCy's first NER, NLTK's perceptron tagger) is kept for comparison, and the file
// says which one a model was trained for. Weights are int8 with one scale per feature row, in a gzip file the
// training script writes (scripts/train-ner.ts); loading builds one open-addressing table from feature id to row.
import { gunzipSync, gzipSync } from "node:zlib";
import { hashFeature, hashMore, LABEL_COUNT, LABELS } from "./features.ts";

const MAGIC = "SLNER1";
/** The same layout, for a model decoded with viterbi() (a structured perceptron). */
const MAGIC_VITERBI = "SLNER2";
export type Decoder = "greedy" | "viterbi";

export interface WeightSource {
  /** Weight row (LABEL_COUNT values) of a feature id, or undefined when unseen. */
  row(feature: number): ArrayLike<number> | undefined;
}

/** B-X may follow anything; I-X only B-X or I-X. */
function allowedByName(prev: number, label: number): boolean {
  if (prev === -2) return true;
  const name = LABELS[label] as string;
  if (!name.startsWith("I-")) return true;
  if (prev < 0) return false;
  const p = LABELS[prev] as string;
  return p !== "O" && p.slice(2) === name.slice(2);
}
/** allowedByName for prev -2..LABEL_COUNT-1 (row prev + 2): asked for every label pair of every word. */
const ALLOWED = Uint8Array.from({ length: (LABEL_COUNT + 2) * LABEL_COUNT }, (_, i) =>
  allowedByName(Math.floor(i / LABEL_COUNT) - 2, i % LABEL_COUNT) ? 1 : 0,
);
export const allowedAfter = (prev: number, label: number): boolean => ALLOWED[(prev + 2) * LABEL_COUNT + label] === 1;

/** A slot of PackedWeights' table: id (4 bytes), scale (4), LABEL_COUNT int8 codes, padded to 16 bytes. */
const SLOT_BYTES = 16;
const SLOT_WORDS = SLOT_BYTES / 4;
if (8 + LABEL_COUNT > SLOT_BYTES) throw new Error("PackedWeights: a slot holds at most 8 labels");

const PREV1 = Array.from({ length: LABEL_COUNT + 1 }, (_, p) => hashFeature(`t-1=${p - 1}`));
const PREV2 = Array.from({ length: LABEL_COUNT + 1 }, (_, a) =>
  Array.from({ length: LABEL_COUNT + 1 }, (_, b) => hashFeature(`t-2|t-1=${a - 1}|${b - 1}`)),
);

/** Hash states after `t-1|w=${prev1}|`: the word is hashed on from there. */
const PREV1_WORD = Array.from({ length: LABEL_COUNT + 1 }, (_, p) => hashMore(0x811c9dc5, `t-1|w=${p - 1}|`));

/** History features: the previous label, the two previous labels, the previous label with this word. */
export function historyFeatureIds(prev1: number, prev2: number, lower: string): [number, number, number] {
  return [
    PREV1[prev1 + 1] as number,
    (PREV2[prev2 + 1] as number[])[prev1 + 1] as number,
    hashMore(PREV1_WORD[prev1 + 1] as number, lower) >>> 0,
  ];
}

/** Greedy decoding of one sentence. `static` holds each word's word-only feature ids. */
export function decode(weights: WeightSource, words: readonly string[], staticFeatures: readonly Uint32Array[]): number[] {
  const labels: number[] = [];
  const scores = new Float64Array(LABEL_COUNT);
  for (let i = 0; i < words.length; i++) {
    scores.fill(0);
    addRows(weights, staticFeatures[i] as Uint32Array, scores);
    const prev1 = i > 0 ? (labels[i - 1] as number) : -1;
    const prev2 = i > 1 ? (labels[i - 2] as number) : -1;
    if (weights instanceof PackedWeights) {
      weights.addRow(PREV1[prev1 + 1] as number, scores);
      weights.addRow((PREV2[prev2 + 1] as number[])[prev1 + 1] as number, scores);
      weights.addRow(hashMore(PREV1_WORD[prev1 + 1] as number, (words[i] as string).toLowerCase()), scores);
    } else addRows(weights, historyFeatureIds(prev1, prev2, (words[i] as string).toLowerCase()), scores);
    labels.push(best(scores, prev1));
  }
  return labels;
}

/**
 * Viterbi decoding over first-order label transitions (the `t-1=` rows): the best label sequence as a whole,
 * BIO-valid by construction. Used by models trained as a structured perceptron.
 */
export function viterbi(weights: WeightSource, staticFeatures: readonly Uint32Array[], forcedO?: Uint8Array): number[] {
  const n = staticFeatures.length;
  if (!n) return [];
  const transition: Float64Array[] = [];
  for (let p = -1; p < LABEL_COUNT; p++) {
    const row = new Float64Array(LABEL_COUNT);
    addRows(weights, [PREV1[p + 1] as number], row);
    transition.push(row);
  }
  const score = new Float64Array(n * LABEL_COUNT);
  const back = new Int8Array(n * LABEL_COUNT);
  const emission = new Float64Array(LABEL_COUNT);
  for (let i = 0; i < n; i++) {
    emission.fill(0);
    if (forcedO?.[i]) emission.fill(Number.NEGATIVE_INFINITY, 1);
    else addRows(weights, staticFeatures[i] as Uint32Array, emission);
    for (let k = 0; k < LABEL_COUNT; k++) {
      let bestScore = Number.NEGATIVE_INFINITY;
      let bestPrev = -1;
      if (i === 0) {
        if (allowedAfter(-1, k)) bestScore = (transition[0] as Float64Array)[k] as number;
      } else
        for (let p = 0; p < LABEL_COUNT; p++) {
          if (!allowedAfter(p, k)) continue;
          const v = (score[(i - 1) * LABEL_COUNT + p] as number) + ((transition[p + 1] as Float64Array)[k] as number);
          if (v > bestScore) {
            bestScore = v;
            bestPrev = p;
          }
        }
      score[i * LABEL_COUNT + k] = bestScore + (emission[k] as number);
      back[i * LABEL_COUNT + k] = bestPrev;
    }
  }
  const labels = new Array<number>(n);
  let last = 0;
  for (let k = 1; k < LABEL_COUNT; k++)
    if ((score[(n - 1) * LABEL_COUNT + k] as number) > (score[(n - 1) * LABEL_COUNT + last] as number)) last = k;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = last;
    last = back[i * LABEL_COUNT + last] as number;
  }
  return labels;
}

/** The first-order transition feature of a label pair (prev -1 at the sentence start). */
export const transitionFeature = (prev: number) => PREV1[prev + 1] as number;

export function addRows(weights: WeightSource, features: ArrayLike<number>, scores: Float64Array) {
  if (weights instanceof PackedWeights) {
    for (let f = 0; f < features.length; f++) weights.addRow(features[f] as number, scores);
    return;
  }
  for (let f = 0; f < features.length; f++) {
    const row = weights.row(features[f] as number);
    if (!row) continue;
    for (let k = 0; k < LABEL_COUNT; k++) scores[k] = (scores[k] as number) + (row[k] as number);
  }
}

export function best(scores: Float64Array, prev: number): number {
  let bestLabel = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < LABEL_COUNT; k++) {
    if (!allowedAfter(prev, k)) continue;
    if ((scores[k] as number) > bestScore) {
      bestScore = scores[k] as number;
      bestLabel = k;
    }
  }
  return bestLabel;
}

/**
 * The shipped, quantised model: int8 weights with one float scale per feature row. A row's weights are scored
 * against each other (the labels of one word), so each row keeps precision relative to its own largest weight;
 * a global scale, linear or logarithmic, loses the decisions made by small differences between large weights.
 */
export class PackedWeights implements WeightSource {
  // Feature id -> weights, open addressing with linear probing (ids are FNV hashes: their low bits spread well).
  // A slot is 16 bytes: the id, the row's scale and its LABEL_COUNT int8 codes as in the file, so a lookup
  // touches one cache line and the table is as small as it can be (8 MB for 250k rows). Ids compare as int32;
  // `empty` is an id no row has. (A Map keyed by ids past 2^30 hashes boxed numbers and each row view is an
  // allocation: ~3x slower per lookup, and its random accesses miss the cache.)
  private readonly slotIds: Int32Array;
  private readonly slotScales: Float32Array;
  private readonly slotCodes: Int8Array;
  private readonly mask: number;
  private readonly empty: number;
  constructor(
    private readonly ids: Uint32Array,
    scales: Float32Array,
    codes: Int8Array,
    readonly decoder: Decoder = "greedy",
  ) {
    let capacity = 1024;
    while (capacity < ids.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    // The smallest id under 32 no row has (rows are hashes: the first few are all but certainly free).
    let low = 0;
    for (const id of ids) if (id < 32) low |= 1 << id;
    const empty = Math.clz32(~low & (low + 1)) ^ 31;
    if (empty >= 32) throw new Error("PackedWeights: no free id for empty slots");
    this.empty = empty;
    const buffer = new ArrayBuffer(capacity * SLOT_BYTES);
    this.slotIds = new Int32Array(buffer);
    this.slotScales = new Float32Array(buffer);
    this.slotCodes = new Int8Array(buffer);
    for (let i = 0; i < capacity; i++) this.slotIds[i * SLOT_WORDS] = empty;
    for (let r = 0; r < ids.length; r++) {
      const id = (ids[r] as number) | 0;
      let i = id & this.mask;
      while (this.slotIds[i * SLOT_WORDS] !== empty && this.slotIds[i * SLOT_WORDS] !== id) i = (i + 1) & this.mask;
      this.slotIds[i * SLOT_WORDS] = id;
      this.slotScales[i * SLOT_WORDS + 1] = scales[r] as number;
      this.slotCodes.set(codes.subarray(r * LABEL_COUNT, (r + 1) * LABEL_COUNT), i * SLOT_BYTES + 8);
    }
  }
  get size() {
    return this.ids.length;
  }
  /** The slot of a feature id, or -1 when unseen. */
  private find(feature: number): number {
    const id = feature | 0;
    const slotIds = this.slotIds;
    for (let i = id & this.mask; ; i = (i + 1) & this.mask) {
      const key = slotIds[i * SLOT_WORDS] as number;
      if (key === id) return id === this.empty ? -1 : i;
      if (key === this.empty) return -1;
    }
  }
  row(feature: number): Float32Array | undefined {
    const slot = this.find(feature);
    if (slot < 0) return undefined;
    const scale = this.slotScales[slot * SLOT_WORDS + 1] as number;
    return Float32Array.from(
      this.slotCodes.subarray(slot * SLOT_BYTES + 8, slot * SLOT_BYTES + 8 + LABEL_COUNT),
      (c) => c * scale,
    );
  }
  /** Adds a feature's row to `scores` (nothing when unseen): row() without the copy. */
  addRow(feature: number, scores: Float64Array) {
    const slot = this.find(feature);
    if (slot < 0) return;
    const scale = this.slotScales[slot * SLOT_WORDS + 1] as number;
    const codes = this.slotCodes;
    // Rounded to float32 as row() and the file's weights are, so every score is the same to the last bit.
    for (let k = 0, at = slot * SLOT_BYTES + 8; k < LABEL_COUNT; k++, at++)
      scores[k] = (scores[k] as number) + Math.fround((codes[at] as number) * scale);
  }

  /** Layout: magic, u32 count, count u32 ids, count f32 row scales, count*LABEL_COUNT int8 codes; gzip over it. */
  static fromFile(bytes: Uint8Array): PackedWeights {
    const raw = gunzipSync(bytes);
    const magic = raw.toString("latin1", 0, MAGIC.length);
    if (magic !== MAGIC && magic !== MAGIC_VITERBI) throw new Error("not a Storyline entity model");
    let at = MAGIC.length;
    const count = raw.readUInt32LE(at);
    at += 4;
    // Typed views over one aligned copy: a quarter of a million rows load in tens of milliseconds.
    const aligned = new Uint8Array(raw.length - at);
    aligned.set(raw.subarray(at));
    const ids = new Uint32Array(aligned.buffer, 0, count);
    const scales = new Float32Array(aligned.buffer, count * 4, count);
    const codes = new Int8Array(aligned.buffer, count * 8, count * LABEL_COUNT);
    return new PackedWeights(ids, scales, codes, magic === MAGIC_VITERBI ? "viterbi" : "greedy");
  }

  /** Quantises each row, drops rows whose largest weight is under `minWeight`, and gzips. */
  static pack(
    weights: Map<number, Float64Array>,
    minWeight: number,
    decoder: Decoder = "greedy",
  ): { bytes: Buffer; kept: number } {
    const kept: [number, number, Int8Array][] = [];
    for (const [id, row] of weights) {
      // Adding a constant to a row changes no decision: centre it first, which shrinks the range to encode.
      let mean = 0;
      for (const v of row) mean += v / LABEL_COUNT;
      let max = 0;
      for (const v of row) max = Math.max(max, Math.abs(v - mean));
      if (max < minWeight || max === 0) continue;
      const scale = max / 127;
      kept.push([id, scale, Int8Array.from(row, (v) => Math.round((v - mean) / scale))]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    const raw = Buffer.alloc(MAGIC.length + 4 + kept.length * (8 + LABEL_COUNT));
    raw.write(decoder === "viterbi" ? MAGIC_VITERBI : MAGIC, 0, "latin1");
    let at = MAGIC.length;
    raw.writeUInt32LE(kept.length, at);
    at += 4;
    for (const [i, [id]] of kept.entries()) raw.writeUInt32LE(id, at + i * 4);
    at += kept.length * 4;
    for (const [i, [, scale]] of kept.entries()) raw.writeFloatLE(scale, at + i * 4);
    at += kept.length * 4;
    for (const [i, [, , q]] of kept.entries())
      for (let k = 0; k < LABEL_COUNT; k++) raw.writeInt8(q[k] as number, at + i * LABEL_COUNT + k);
    return { bytes: gzipSync(raw, { level: 9 }), kept: kept.length };
  }
}
