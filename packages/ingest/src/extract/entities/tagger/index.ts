// Named-entity spans in text: words as the training data splits them (Penn-Treebank-like: "Japan" "'s", "U.S."),
// tagged sentence by sentence with document-wide evidence, back to character offsets.
import { readFileSync } from "node:fs";
import { ABBREVIATIONS } from "../lexicon.ts";
import type { Span } from "../tokens.ts";
import { documentEvidence, LABELS, sentenceFeatures } from "./features.ts";
import { decode, PackedWeights } from "./model.ts";

export type NameType = "PER" | "LOC" | "ORG";

export interface NameSpan {
  start: number;
  end: number;
  type: NameType;
}

export interface TaggerWord {
  text: string;
  start: number;
  end: number;
}

export const MODEL_FILE = new URL("./ner-weights.bin.gz", import.meta.url);

let loaded: PackedWeights | null = null;
/** The shipped model, read on first use (about 0.1 s) and kept for the process or worker thread. */
export function shippedModel(): PackedWeights {
  loaded ??= PackedWeights.fromFile(readFileSync(MODEL_FILE));
  return loaded;
}

// Dotted acronyms ("U.S.", "D.C."), words with inner apostrophes, hyphens, ampersands and number punctuation,
// then any other single character that is not a space.
const WORD_RE = /(?:\p{L}\.){2,}|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|[-’'&](?=[\p{L}\p{N}])|[.,:/](?=\p{N}))*|[^\s\p{L}\p{N}]/gu;

/** Splits text[from, to) into tagger words: possessive endings apart, abbreviation dots kept. */
export function taggerWords(text: string, from = 0, to = text.length): TaggerWord[] {
  const out: TaggerWord[] = [];
  const slice = text.slice(from, to);
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(slice); m; m = WORD_RE.exec(slice)) {
    let word = m[0];
    let start = from + m.index;
    const n = word.length;
    if (n > 2 && /['’][sS]$/.test(word)) {
      out.push({ text: word.slice(0, -2), start, end: start + n - 2 });
      out.push({ text: "'s", start: start + n - 2, end: start + n });
      continue;
    }
    // "Mr." and initials keep their dot, as in the training data.
    if (word === "." && out.length) {
      const prev = out[out.length - 1] as TaggerWord;
      if (prev.end === start && (ABBREVIATIONS.has(prev.text.toLowerCase()) || /^\p{Lu}$/u.test(prev.text))) {
        prev.text += ".";
        prev.end += 1;
        continue;
      }
    }
    if (word === "’") word = "'";
    out.push({ text: word, start, end: start + word.length });
    start += n;
  }
  return out;
}

/** Tags each sentence span of `body` and returns the names found, in text order. */
export function findNames(body: string, sentences: readonly Span[], model: PackedWeights = shippedModel()): NameSpan[] {
  const words = sentences.map((s) => taggerWords(body, s.start, s.end));
  const texts = words.map((ws) => ws.map((w) => w.text));
  const evidence = documentEvidence(texts);
  const out: NameSpan[] = [];
  for (let s = 0; s < words.length; s++) {
    const ws = words[s] as TaggerWord[];
    if (!ws.length) continue;
    const sentenceTexts = texts[s] as string[];
    const labels = decode(model, sentenceTexts, sentenceFeatures(sentenceTexts, evidence));
    let open: NameSpan | null = null;
    for (let i = 0; i < ws.length; i++) {
      const label = LABELS[labels[i] as number] as string;
      const w = ws[i] as TaggerWord;
      if (label.startsWith("I-") && open) {
        open.end = w.end;
        continue;
      }
      if (open) out.push(open);
      open = label === "O" ? null : { start: w.start, end: w.end, type: label.slice(2) as NameType };
    }
    if (open) out.push(open);
  }
  return out;
}
