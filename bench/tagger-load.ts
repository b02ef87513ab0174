// The entity tagger's start-up in a fresh process: from importing the tagger to its first tagged sentence (module
// load + reading the weights + one sentence), and, as the least any load does, gunzipping the same weights file.
// Run by ingest.ts; the result goes back over IPC.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";

export interface TaggerLoadResult {
  /** Import of the tagger module through its first findNames. */
  firstTagMs: number;
  /** shippedModel() alone, within firstTagMs. */
  weightsMs: number;
  /** Reading and gunzipping the weights file, after the above. */
  gunzipMs: number;
  rows: number;
  fileMb: number;
}

const started = performance.now();
const tagger = await import("../packages/ingest/src/extract/entities/tagger/index.ts");
const imported = performance.now();
const model = tagger.shippedModel();
const loaded = performance.now();
const sentence = '"We will talk again," Foreign Minister Anna Berg said in Oslo on Monday.';
tagger.findNames(sentence, [{ start: 0, end: sentence.length }]);
const tagged = performance.now();

const t = performance.now();
const bytes = readFileSync(tagger.MODEL_FILE);
gunzipSync(bytes);
const gunzipMs = performance.now() - t;

process.send?.({
  firstTagMs: tagged - started,
  weightsMs: loaded - imported,
  gunzipMs,
  rows: model.size,
  fileMb: bytes.length / 2 ** 20,
} satisfies TaggerLoadResult);
process.disconnect?.();
