// Named-entity spans in text: words as the training data splits them (Penn-Treebank-like: "Japan" "'s", "U.S."),
// tagged sentence by sentence with document-wide evidence, back to character offsets.
import { readFileSync } from "node:fs";
import { ABBREVIATIONS } from "../lexicon.ts";
import type { Span } from "../tokens.ts";
import { documentEvidence, LABELS, sentenceFeatures } from "./features.ts";
import { decode, PackedWeights, viterbi } from "./model.ts";

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
    // Ordinary lower-case words and most punctuation are never part of a name (names are split at them
    // afterwards anyway): they are decoded as O without scoring them, which skips most of a sentence's work.
    const forcedO = new Uint8Array(ws.length);
    for (let i = 0; i < ws.length; i++) forcedO[i] = neverInName(sentenceTexts[i] as string) ? 1 : 0;
    const features = sentenceFeatures(sentenceTexts, evidence, model.decoder === "viterbi" ? forcedO : undefined);
    const labels = model.decoder === "viterbi" ? viterbi(model, features, forcedO) : decode(model, sentenceTexts, features);
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
  return consistentLabels(body, words, splitAtOrdinaryWords(body, words, out));
}

// Lower-case words a name may hold: particles of personal names, and the small words of institutions and places.
const NAME_INNER_WORDS = new Set(
  "de du da das dos di del della der den van vander von la le bin ibn al el y zu of the and for on upon in at am im & 's -".split(
    " ",
  ),
);

const PERSON_PARTICLES = new Set("de du da das dos di del della der den van vander von la le bin ibn al el y zu 's -".split(" "));
// Capitalised at a sentence's start, never the first word of a person's name: "Even Mike Pence", "Meanwhile Rumer".
const SENTENCE_ADVERBS = new Set(
  "even meanwhile but and also still then now so yet however thus later earlier instead indeed perhaps maybe thank thanks only".split(
    " ",
  ),
);

/** A lower-case word that is no particle or small word of a name, or punctuation other than "&", "-" and "'s". */
function neverInName(word: string): boolean {
  const c = word.charAt(0);
  if (c.toLowerCase() !== c) return false;
  if (c.toUpperCase() !== c) return !NAME_INNER_WORDS.has(word.toLowerCase());
  if (/[\p{L}\p{N}]/u.test(c)) return false;
  return word !== "&" && word !== "-" && word !== "'s" && word !== ".";
}

/** A name never holds an ordinary lower-case word: "Abe met Putin" is two names, whatever the tagger joined. */
function splitAtOrdinaryWords(body: string, sentences: readonly TaggerWord[][], spans: NameSpan[]): NameSpan[] {
  const out: NameSpan[] = [];
  let s = 0;
  let i = 0;
  for (const span of spans) {
    while (s < sentences.length && ((sentences[s] as TaggerWord[]).at(-1)?.end ?? 0) <= span.start) {
      s++;
      i = 0;
    }
    const ws = sentences[s] ?? [];
    while (i < ws.length && (ws[i] as TaggerWord).start < span.start) i++;
    let start = -1;
    let end = -1;
    for (let k = i; k < ws.length && (ws[k] as TaggerWord).end <= span.end; k++) {
      const w = ws[k] as TaggerWord;
      const c = w.text.charAt(0);
      const lower = w.text.toLowerCase();
      // A person's name holds particles ("de", "van", "bin") but not "of" or "and": "Emily Quinn of Lancaster".
      const inner = span.type === "PER" ? PERSON_PARTICLES.has(lower) : NAME_INNER_WORDS.has(lower);
      const ordinary = (c !== c.toUpperCase() && !inner) || (span.type === "PER" && k === i && SENTENCE_ADVERBS.has(lower));
      if (ordinary) {
        if (start >= 0) out.push({ start, end, type: span.type });
        start = -1;
        // What follows "of" in a person's span is their town or employer, not another person.
        if (span.type === "PER" && (lower === "of" || lower === "from" || lower === "at")) break;
        continue;
      }
      if (start < 0) start = w.start;
      end = w.end;
    }
    if (start >= 0) out.push({ start, end, type: span.type });
  }
  // Joiners left at either end ("of Christmas") are not part of a name.
  return out.flatMap((span) => trimJoiners(body, span));
}

function trimJoiners(body: string, span: NameSpan): NameSpan[] {
  const text = body.slice(span.start, span.end);
  const lead = /^(?:(?:of|the|and|for|on|in|at|&|-)\s+)+/i.exec(text);
  const trail = /(?:\s+(?:of|the|and|for|on|in|at|&|-))+$/i.exec(text);
  const start = span.start + (lead && /^[a-z&-]/.test(text) ? lead[0].length : 0);
  const end = span.end - (trail ? trail[0].length : 0);
  return end > start ? [{ start, end, type: span.type }] : [];
}

/**
 * Document-level consistency (Ratinov & Roth 2009's non-local step, done as post-processing): a name keeps one
 * type through an article (the type the tagger gave it most often), and where the tagger missed a later
 * occurrence of a name it found elsewhere in the same article, that occurrence is the same name.
 */
function consistentLabels(body: string, sentences: readonly TaggerWord[][], spans: NameSpan[]): NameSpan[] {
  const votes = new Map<string, Map<NameType, number>>();
  const key = (start: number, end: number) => body.slice(start, end).toLowerCase();
  for (const s of spans) {
    const k = key(s.start, s.end);
    const v = votes.get(k) ?? new Map<NameType, number>();
    v.set(s.type, (v.get(s.type) ?? 0) + 1);
    votes.set(k, v);
  }
  // A full name's surname standing alone is that person ("Sarandon" after "Susan Sarandon"), whatever the tagger
  // guessed for the bare word: the full name votes twice for it.
  for (const s of spans) {
    if (s.type !== "PER") continue;
    const words = key(s.start, s.end).split(/\s+/);
    if (words.length < 2) continue;
    const surname = words[words.length - 1] as string;
    const v = votes.get(surname);
    if (v) v.set("PER", (v.get("PER") ?? 0) + 2);
  }
  const majority = new Map<string, NameType>();
  for (const [k, v] of votes) {
    const ranked = [...v].sort((a, b) => b[1] - a[1]);
    if (ranked.length === 1 || (ranked[0] as [NameType, number])[1] > (ranked[1] as [NameType, number])[1])
      majority.set(k, (ranked[0] as [NameType, number])[0]);
  }
  const out = spans.map((s) => ({ ...s, type: majority.get(key(s.start, s.end)) ?? s.type }));
  // Names by their word sequences, longest first, so "New York Times" wins over "New York".
  const names = [...majority.keys()]
    .map((k) => ({ k, words: k.split(/\s+/) }))
    .filter((n) => n.words.length <= 6)
    .sort((a, b) => b.words.length - a.words.length);
  if (!names.length) return out;
  const taken = new Set<number>();
  for (const s of out) taken.add(s.start);
  const byFirst = new Map<string, typeof names>();
  for (const n of names) {
    const list = byFirst.get(n.words[0] as string) ?? [];
    list.push(n);
    byFirst.set(n.words[0] as string, list);
  }
  // Which words the tagger's own spans cover, found with one pointer over the (sorted) spans: linear in the text.
  const original = out.slice();
  let p = 0;
  for (const ws of sentences) {
    const inSpan = new Uint8Array(ws.length);
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as TaggerWord;
      while (p < original.length && (original[p] as NameSpan).end <= w.start) p++;
      for (let q = p; q < original.length && (original[q] as NameSpan).start < w.end; q++)
        if ((original[q] as NameSpan).end > w.start) {
          inSpan[i] = 1;
          break;
        }
    }
    const covered = (from: number, to: number) => {
      for (let k = from; k <= to; k++) if (inSpan[k]) return true;
      return false;
    };
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i] as TaggerWord;
      const first = w.text.charAt(0);
      if (first.toLowerCase() === first || taken.has(w.start)) continue;
      const candidates = byFirst.get(w.text.toLowerCase());
      if (!candidates) continue;
      for (const n of candidates) {
        const last = ws[i + n.words.length - 1];
        if (!last) continue;
        const text = body.slice(w.start, last.end).toLowerCase().replace(/\s+/g, " ");
        if (text !== n.k.replace(/\s+/g, " ") || covered(i, i + n.words.length - 1)) continue;
        out.push({ start: w.start, end: last.end, type: majority.get(n.k) as NameType });
        i += n.words.length - 1;
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
