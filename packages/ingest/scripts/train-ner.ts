// Trains the entity tagger shipped in src/extract/entities/tagger/ner-weights.bin.gz.
//
//   npm run train:ner -w @storyline/ingest                    # reproduces the shipped weights
//   npm run train:ner -w @storyline/ingest -- --epochs 8 --out /tmp/model.bin.gz --sources gum,wikigold
//
// Data: ../shared/train/ner/*.jsonl (one sentence per line: tokens, BIO tags over person/place/organization, doc id).
// Sources, licences and the attribution we ship are in src/extract/entities/tagger/MODEL.md and NOTICE. Nothing
// under ../shared/eval is ever read here. Training is deterministic (a seeded shuffle, no wall-clock input) and takes
// about three minutes on one core; `cmp` the output with the shipped file to check a rebuild.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { rng } from "../src/demo/generate.ts";
import { documentEvidence, LABEL_COUNT, LABELS, sentenceFeatures, TRAIN_TYPES } from "../src/extract/entities/tagger/features.ts";
import { MODEL_FILE } from "../src/extract/entities/tagger/index.ts";
import {
  best,
  historyFeatureIds,
  PackedWeights,
  transitionFeature,
  viterbi,
  type WeightSource,
} from "../src/extract/entities/tagger/model.ts";

const DEFAULT_SOURCES = "gum,wikigold,uner_en_ewt,uner_en_pud,crossner,redocred";

const { values: args } = parseArgs({
  options: {
    data: { type: "string", default: resolve(import.meta.dirname, "../../../../shared/train/ner") },
    sources: { type: "string", default: DEFAULT_SOURCES },
    epochs: { type: "string", default: "10" },
    /** Share of sentences also trained on in capitals, so headlines in capitals are tagged too. */
    shout: { type: "string", default: "0.2" },
    /** Feature rows whose largest (centred) weight is under this are dropped. */
    prune: { type: "string", default: "0.05" },
    out: { type: "string", default: MODEL_FILE.pathname },
    seed: { type: "string", default: "17" },
    /** greedy: left to right with label-history features; viterbi: a structured perceptron over label transitions. */
    decoder: { type: "string", default: "viterbi" },
  },
});

interface Sentence {
  words: string[];
  gold: number[];
  features: Uint32Array[];
}

const labelIndex = new Map<string, number>(LABELS.map((l, i) => [l, i]));
const toLabel = (tag: string) => {
  if (tag === "O") return 0;
  const [bio, type] = tag.split("-") as [string, string];
  const ours = TRAIN_TYPES[type];
  const i = ours ? labelIndex.get(`${bio}-${ours}`) : undefined;
  if (i === undefined) throw new Error(`unknown tag ${tag}`);
  return i;
};

function load(): Sentence[] {
  const random = rng(Number(args.seed));
  const shoutShare = Number(args.shout);
  const sentences: Sentence[] = [];
  for (const source of (args.sources as string).split(",")) {
    const byDoc = new Map<string, { tokens: string[]; tags: string[] }[]>();
    const file = join(args.data as string, `${source}.jsonl`);
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { tokens: string[]; tags: string[]; doc: string };
      const list = byDoc.get(row.doc) ?? [];
      list.push(row);
      byDoc.set(row.doc, list);
    }
    for (const rows of byDoc.values()) {
      const evidence = documentEvidence(rows.map((r) => r.tokens));
      for (const r of rows) {
        const gold = r.tags.map(toLabel);
        sentences.push({ words: r.tokens, gold, features: sentenceFeatures(r.tokens, evidence) });
        if (random() < shoutShare) {
          const shouted = r.tokens.map((t) => t.toUpperCase());
          sentences.push({ words: shouted, gold, features: sentenceFeatures(shouted, evidence) });
        }
      }
    }
    console.error(`${source}: ${byDoc.size} documents`);
  }
  return sentences;
}

/** Averaged perceptron state: current weights, running totals and the step each weight last changed. */
class Trainer implements WeightSource {
  readonly weights = new Map<number, Float64Array>();
  private readonly totals = new Map<number, Float64Array>();
  private readonly stamps = new Map<number, Float64Array>();
  step = 0;

  row(feature: number) {
    return this.weights.get(feature);
  }

  update(feature: number, label: number, delta: number) {
    let w = this.weights.get(feature);
    let t = this.totals.get(feature);
    let s = this.stamps.get(feature);
    if (!w || !t || !s) {
      w = new Float64Array(LABEL_COUNT);
      t = new Float64Array(LABEL_COUNT);
      s = new Float64Array(LABEL_COUNT);
      this.weights.set(feature, w);
      this.totals.set(feature, t);
      this.stamps.set(feature, s);
    }
    t[label] = (t[label] as number) + (this.step - (s[label] as number)) * (w[label] as number);
    s[label] = this.step;
    w[label] = (w[label] as number) + delta;
  }

  averaged(): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (const [f, w] of this.weights) {
      const t = this.totals.get(f) as Float64Array;
      const s = this.stamps.get(f) as Float64Array;
      out.set(
        f,
        Float64Array.from(w, (v, k) => ((t[k] as number) + (this.step - (s[k] as number)) * v) / this.step),
      );
    }
    return out;
  }
}

function train(sentences: Sentence[]): Trainer {
  const trainer = new Trainer();
  const random = rng(Number(args.seed) + 1);
  const scores = new Float64Array(LABEL_COUNT);
  const order = sentences.map((_, i) => i);
  for (let epoch = 1; epoch <= Number(args.epochs); epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    let errors = 0;
    let total = 0;
    for (const index of order) {
      const s = sentences[index] as Sentence;
      if (args.decoder === "viterbi") {
        // Structured perceptron: decode the whole sentence, then move weights from the guess towards the gold.
        trainer.step++;
        const guess = viterbi(trainer, s.features);
        for (let i = 0; i < s.words.length; i++) {
          const g = s.gold[i] as number;
          const p = guess[i] as number;
          total++;
          const gPrev = i > 0 ? (s.gold[i - 1] as number) : -1;
          const pPrev = i > 0 ? (guess[i - 1] as number) : -1;
          if (g !== p) {
            errors++;
            for (const f of s.features[i] as Uint32Array) {
              trainer.update(f, g, 1);
              trainer.update(f, p, -1);
            }
          }
          if (g !== p || gPrev !== pPrev) {
            trainer.update(transitionFeature(gPrev), g, 1);
            trainer.update(transitionFeature(pPrev), p, -1);
          }
        }
        continue;
      }
      const predicted: number[] = [];
      for (let i = 0; i < s.words.length; i++) {
        trainer.step++;
        const prev1 = i > 0 ? (predicted[i - 1] as number) : -1;
        const prev2 = i > 1 ? (predicted[i - 2] as number) : -1;
        const history = historyFeatureIds(prev1, prev2, (s.words[i] as string).toLowerCase());
        const features = s.features[i] as Uint32Array;
        scores.fill(0);
        for (const f of features) addRow(trainer, f, scores);
        for (const f of history) addRow(trainer, f, scores);
        // Unconstrained while training: with the BIO constraint the masked I- weights drift without bound and drown
        // the word features (measured: CoNLL dev F1 0.59 constrained, 0.68 unconstrained on the same data).
        const guess = best(scores, -2);
        const gold = s.gold[i] as number;
        total++;
        if (guess !== gold) {
          errors++;
          for (const f of features) {
            trainer.update(f, gold, 1);
            trainer.update(f, guess, -1);
          }
          for (const f of history) {
            trainer.update(f, gold, 1);
            trainer.update(f, guess, -1);
          }
        }
        // Later words see what the tagger would have said, as at inference.
        predicted.push(guess);
      }
    }
    console.error(`epoch ${epoch}: ${errors} errors in ${total} words (${((100 * errors) / total).toFixed(2)}%)`);
  }
  return trainer;
}

function addRow(weights: WeightSource, feature: number, scores: Float64Array) {
  const row = weights.row(feature);
  if (!row) return;
  for (let k = 0; k < LABEL_COUNT; k++) scores[k] = (scores[k] as number) + (row[k] as number);
}

const sentences = load();
console.error(`${sentences.length} sentences`);
const trainer = train(sentences);
const packed = PackedWeights.pack(trainer.averaged(), Number(args.prune), args.decoder === "viterbi" ? "viterbi" : "greedy");
await writeFile(args.out as string, packed.bytes);
console.error(
  `${trainer.weights.size} features, ${packed.kept} kept, ${(packed.bytes.length / 1e6).toFixed(2)} MB gzip -> ${args.out}`,
);
