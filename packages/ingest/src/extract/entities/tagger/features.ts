// Features of the entity tagger: the same code turns training sentences and article text into hashed feature ids,
// so training and inference can never drift apart. Word-only features are computed once per token; the few that
// depend on the previous tags are added while decoding (see model.ts).
import { lookupOutlet } from "../../known-outlets.ts";
import { lookupDemonym, lookupGazetteer } from "../gazetteer.ts";
import { HONORIFICS, isFirstName, ORG_HEADS, PLACE_SUFFIXES, ROLE_NOUNS, TITLE_WORDS } from "../lexicon.ts";

export const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;
/** Training data's type names to ours. */
export const TRAIN_TYPES: Record<string, string> = { person: "PER", place: "LOC", organization: "ORG" };

/** FNV-1a over UTF-16 code units: cheap, stable across runs and machines, good enough spread for ~10^6 features. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** "Putin" -> "Xx", "U.S." -> "X.X.", "1996-08-30" -> "d-d-d", "iPhone" -> "xXx": runs of one class collapse. */
export function wordShape(w: string): string {
  let out = "";
  let last = "";
  for (const ch of w) {
    let c: string;
    if (ch >= "0" && ch <= "9") c = "d";
    else if (ch.toLowerCase() !== ch) c = "X";
    else if (ch.toUpperCase() !== ch) c = "x";
    else c = ch;
    if (c !== last) out += c;
    last = c;
  }
  return out.length > 8 ? out.slice(0, 8) : out;
}

const isCap = (w: string) => {
  const c = w.charAt(0);
  return c.toLowerCase() !== c;
};
const isAllCapsWord = (w: string) => w.length > 1 && w.toUpperCase() === w && w.toLowerCase() !== w;

/** What a document says about a word beyond its sentence: written capitalised mid-sentence, or in lower case. */
export interface DocumentEvidence {
  capitalisedMidSentence: ReadonlySet<string>;
  lowerCase: ReadonlySet<string>;
}

/** Collects DocumentEvidence over a document's sentences (word lists). Headline-like sentences are skipped. */
export function documentEvidence(sentences: readonly (readonly string[])[]): DocumentEvidence {
  const cap = new Set<string>();
  const lower = new Set<string>();
  for (const words of sentences) {
    if (isShouting(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as string;
      const l = w.toLowerCase();
      if (l === w) {
        if (/\p{L}/u.test(w)) lower.add(l);
      } else if (i > 0 && isCap(w) && !isAllCapsWord(w) && !/^[“"‘'(«[-]$/.test(words[i - 1] as string)) cap.add(l);
    }
  }
  return { capitalisedMidSentence: cap, lowerCase: lower };
}

/** A sentence in capitals ("CRICKET - LEICESTERSHIRE TAKE OVER"): capitals say nothing there. */
export function isShouting(words: readonly string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    letters++;
    if (isAllCapsWord(w) || (w.length === 1 && w !== w.toLowerCase())) upper++;
  }
  return letters >= 2 && upper / letters > 0.8;
}

/** Gazetteer matches over a sentence: for each word "B-" or "I-" plus the entry kind, or "". */
function gazetteerTags(words: readonly string[]): string[] {
  const tags = new Array<string>(words.length).fill("");
  for (let i = 0; i < words.length; i++) {
    if (!isCap(words[i] as string)) continue;
    for (let e = Math.min(words.length - 1, i + 5); e >= i; e--) {
      if (!isCap(words[e] as string)) continue;
      const entry = lookupGazetteer(words.slice(i, e + 1).join(" "));
      if (!entry) continue;
      const kind = entry.kind === "ORGANIZATION" ? "ORG" : "LOC";
      for (let k = i; k <= e; k++) tags[k] = (k === i ? "B-" : "I-") + kind;
      i = e;
      break;
    }
  }
  return tags;
}

function lexiconClass(l: string, w: string): string {
  if (TITLE_WORDS.has(l) || HONORIFICS.has(l)) return "title";
  if (ORG_HEADS.has(l)) return "orghead";
  if (PLACE_SUFFIXES.has(l)) return "placesuffix";
  if (ROLE_NOUNS.has(l)) return "role";
  if (isCap(w) && lookupDemonym(w)) return "demonym";
  if (isCap(w) && isFirstName(w)) return "given";
  return "";
}

const RUN_JOINERS = new Set(["of", "de", "du", "la", "le", "van", "von", "der", "del", "da", "&", "and", "for", "the", "-"]);

/**
 * Capitalised runs ("Harbor Freight Holdings", "Bank of Japan"): a greedy left-to-right tagger sees only two words
 * ahead, so each word also learns what its whole run looks like: where it sits in the run, how long the run is,
 * and the lexicon class of the run's first and last words (an institution word at the end makes an
 * organisation; a given name at the start, a person). The rule-based extractor's word lists live on here as
 * features. Returns one feature string per word ("" outside runs).
 */
function runFeatures(words: readonly string[], lex: readonly string[], shouting: boolean): string[] {
  const out = new Array<string>(words.length).fill("");
  const capital = (w: string) => isCap(w) && /\p{L}/u.test(w) && !shouting;
  let i = 0;
  while (i < words.length) {
    if (!capital(words[i] as string)) {
      i++;
      continue;
    }
    let end = i;
    while (end + 1 < words.length) {
      const next = words[end + 1] as string;
      if (capital(next)) end++;
      else if (RUN_JOINERS.has(next.toLowerCase()) && end + 2 < words.length && capital(words[end + 2] as string)) end += 2;
      else break;
    }
    const length = end - i + 1;
    const run = words.slice(i, end + 1).join(" ");
    const outlet = length <= 5 && lookupOutlet(run) ? "|outlet" : "";
    const shape = `${Math.min(length, 4)}|${lex[i] || "-"}|${lex[end] || "-"}${outlet}`;
    for (let k = i; k <= end; k++) {
      const position = length === 1 ? "U" : k === i ? "B" : k === end ? "L" : "I";
      out[k] = `${position}|${shape}`;
    }
    i = end + 1;
  }
  return out;
}

/**
 * Hashed word-only features of every word of a sentence. `evidence` is the document's (or null when unknown).
 * Returned as one flat array per word.
 */
export function sentenceFeatures(words: readonly string[], evidence: DocumentEvidence | null): Uint32Array[] {
  const n = words.length;
  const shouting = isShouting(words);
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const lex = words.map((w, i) => lexiconClass(lower[i] as string, w));
  const gaz = gazetteerTags(shouting ? words.map(titleCase) : words);
  const runs = runFeatures(words, lex, shouting);
  const at = (arr: readonly string[], i: number, edge: string) => (i < 0 ? `<${edge}` : i >= n ? `>${edge}` : (arr[i] as string));
  const out: Uint32Array[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i] as string;
    const l = lower[i] as string;
    const sh = shapes[i] as string;
    // In a shouted sentence the shape is the same for every word; the document says how the word is normally written.
    const caseWord = shouting ? "S" : "";
    const f: string[] = [
      "b",
      `w=${l}`,
      `sh=${caseWord}${sh}`,
      `p3=${l.slice(0, 3)}`,
      `s2=${l.slice(-2)}`,
      `s3=${l.slice(-3)}`,
      `s4=${l.slice(-4)}`,
      `w-1=${at(lower, i - 1, "s")}`,
      `w+1=${at(lower, i + 1, "s")}`,
      `w-2=${at(lower, i - 2, "s")}`,
      `w+2=${at(lower, i + 2, "s")}`,
      `w-1|w=${at(lower, i - 1, "s")}|${l}`,
      `w|w+1=${l}|${at(lower, i + 1, "s")}`,
      `sh-1|sh=${caseWord}${at(shapes, i - 1, "s")}|${sh}`,
      `sh|sh+1=${caseWord}${sh}|${at(shapes, i + 1, "s")}`,
      `lx=${lex[i]}`,
      `lx-1=${at(lex, i - 1, "s")}`,
      `lx+1=${at(lex, i + 1, "s")}`,
      `g=${gaz[i]}`,
      `g-1|g=${at(gaz, i - 1, "s")}|${gaz[i]}`,
      `g+1=${at(gaz, i + 1, "s")}`,
      `run=${runs[i]}`,
      `run+1=${at(runs, i + 1, "s")}`,
    ];
    if (i === 0 || /^[“"‘'(«[:-]$/.test(words[i - 1] as string)) f.push(`first|sh=${caseWord}${sh}`);
    if (evidence && /\p{L}/u.test(w)) {
      const cap = evidence.capitalisedMidSentence.has(l);
      const low = evidence.lowerCase.has(l);
      f.push(`doc=${cap ? "C" : ""}${low ? "L" : ""}|${caseWord}${isCap(w) ? "X" : "x"}`);
    }
    if (w.length > 1 && w.includes("-")) f.push(`hy=${isCap(w)}`);
    out.push(Uint32Array.from(f, hashFeature));
  }
  return out;
}

const titleCase = (w: string) => (w.length > 1 && isAllCapsWord(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w);
