// Features of the entity tagger: the same code turns training sentences and article text into hashed feature ids,
// so training and inference can never drift apart. Word-only features are computed once per token; the few that
// depend on the previous tags are added while decoding (see model.ts).
import { lookupOutlet } from "../../known-outlets.ts";
import { GAZETTEER_FIRST_WORDS, lookupDemonym, lookupGazetteer, normalizeGazetteerKey } from "../gazetteer.ts";
import { HONORIFICS, isFirstName, ORG_HEADS, PLACE_SUFFIXES, ROLE_NOUNS, TITLE_WORDS } from "../lexicon.ts";

export const LABELS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"] as const;
export type Label = (typeof LABELS)[number];
export const LABEL_COUNT = LABELS.length;
/** Training data's type names to ours. */
export const TRAIN_TYPES: Record<string, string> = { person: "PER", place: "LOC", organization: "ORG" };

/** FNV-1a over UTF-16 code units: cheap, stable across runs and machines, good enough spread for ~10^6 features. */
export function hashFeature(s: string): number {
  return hashMore(0x811c9dc5, s) >>> 0;
}

/**
 * FNV-1a continued from state `h` over s[from, to): hashMore(hashMore(h, a), b) is the state of a + b, so a
 * feature id is hashed from its parts without building its string (`>>> 0` gives hashFeature's value).
 */
export function hashMore(h: number, s: string, from = 0, to = s.length): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

const BAR = 124; // "|"
const hashBar = (h: number) => Math.imul(h ^ BAR, 0x01000193);
/** The state after a feature's name ("w=", "sh=S"): computed once. */
const prefix = (name: string) => hashMore(0x811c9dc5, name);

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

// Words repeat across sentences and articles: what the features need to know about a word alone is worked out once.
const LETTER = /\p{L}/u;
const hasLetterCache = new Map<string, boolean>();
const hasLetter = (w: string) => {
  let v = hasLetterCache.get(w);
  if (v === undefined) {
    if (hasLetterCache.size > 50_000) hasLetterCache.clear();
    v = LETTER.test(w);
    hasLetterCache.set(w, v);
  }
  return v;
};
const shapeCache = new Map<string, string>();
const cachedShape = (w: string) => {
  let v = shapeCache.get(w);
  if (v === undefined) {
    if (shapeCache.size > 50_000) shapeCache.clear();
    v = wordShape(w);
    shapeCache.set(w, v);
  }
  return v;
};

const HAS_LETTER = 1;
/** All capitals ("LONDON"), or one capital letter. */
const UPPER = 2;
const flagsCache = new Map<string, number>();
function wordFlags(w: string): number {
  let v = flagsCache.get(w);
  if (v === undefined) {
    v = (hasLetter(w) ? HAS_LETTER : 0) | (isAllCapsWord(w) || (w.length === 1 && w !== w.toLowerCase()) ? UPPER : 0);
    if (flagsCache.size > 50_000) flagsCache.clear();
    flagsCache.set(w, v);
  }
  return v;
}
const lexiconCache = new Map<string, string>();
function cachedLexiconClass(w: string): string {
  let v = lexiconCache.get(w);
  if (v === undefined) {
    v = lexiconClass(w.toLowerCase(), w);
    if (lexiconCache.size > 50_000) lexiconCache.clear();
    lexiconCache.set(w, v);
  }
  return v;
}

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
        if (hasLetter(w)) lower.add(l);
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
    const flags = wordFlags(w);
    if (!(flags & HAS_LETTER)) continue;
    letters++;
    if (flags & UPPER) upper++;
  }
  return letters >= 2 && upper / letters > 0.8;
}

/** Gazetteer matches over a sentence: for each word "B-" or "I-" plus the entry kind, or "". */
function gazetteerTags(words: readonly string[]): string[] {
  const tags = new Array<string>(words.length).fill("");
  for (let i = 0; i < words.length; i++) {
    if (!isCap(words[i] as string)) continue;
    // Only a word that can start a gazetteer name (or "The") opens a longer match: skips most joins and lookups.
    const longer = mayStartGazetteerName(words[i] as string);
    for (let e = longer ? Math.min(words.length - 1, i + 5) : i; e >= i; e--) {
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

const gazetteerStartCache = new Map<string, boolean>();
function mayStartGazetteerName(word: string): boolean {
  let v = gazetteerStartCache.get(word);
  if (v === undefined) {
    const first = normalizeGazetteerKey(word).split(" ")[0] as string;
    v = word.toLowerCase() === "the" || first === "" || GAZETTEER_FIRST_WORDS.has(first);
    if (gazetteerStartCache.size > 50_000) gazetteerStartCache.clear();
    gazetteerStartCache.set(word, v);
  }
  return v;
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

// lookupOutlet walks every known domain for a name it does not know; runs repeat, so answers are kept.
const outletCache = new Map<string, boolean>();
function knownOutletName(run: string): boolean {
  let v = outletCache.get(run);
  if (v === undefined) {
    if (outletCache.size > 50_000) outletCache.clear();
    v = lookupOutlet(run) !== null;
    outletCache.set(run, v);
  }
  return v;
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
    const outlet = length <= 5 && knownOutletName(run) ? "|outlet" : "";
    const shape = `${Math.min(length, 4)}|${lex[i] || "-"}|${lex[end] || "-"}${outlet}`;
    for (let k = i; k <= end; k++) {
      const position = length === 1 ? "U" : k === i ? "B" : k === end ? "L" : "I";
      out[k] = `${position}|${shape}`;
    }
    i = end + 1;
  }
  return out;
}

const P = {
  b: hashFeature("b"),
  w: prefix("w="),
  sh: [prefix("sh="), prefix("sh=S")],
  p3: prefix("p3="),
  s2: prefix("s2="),
  s3: prefix("s3="),
  s4: prefix("s4="),
  wm1: prefix("w-1="),
  wp1: prefix("w+1="),
  wm2: prefix("w-2="),
  wp2: prefix("w+2="),
  wm1w: prefix("w-1|w="),
  wwp1: prefix("w|w+1="),
  shm1sh: [prefix("sh-1|sh="), prefix("sh-1|sh=S")],
  shshp1: [prefix("sh|sh+1="), prefix("sh|sh+1=S")],
  lx: prefix("lx="),
  lxm1: prefix("lx-1="),
  lxp1: prefix("lx+1="),
  g: prefix("g="),
  gm1g: prefix("g-1|g="),
  gp1: prefix("g+1="),
  run: prefix("run="),
  runp1: prefix("run+1="),
  first: [prefix("first|sh="), prefix("first|sh=S")],
  doc: prefix("doc="),
  hy: [hashFeature("hy=false"), hashFeature("hy=true")],
};
/** Features every word has (the optional ones: first, doc, hy come after them). */
const FIXED_FEATURES = 23;

/**
 * Hashed word-only features of every word of a sentence. `evidence` is the document's (or null when unknown).
 * Returned as one flat array per word. Each id is the FNV-1a hash of a string such as `w-1|w=${prev}|${word}`
 * (the names below), hashed from its parts: the strings themselves are never built.
 */
export function sentenceFeatures(
  words: readonly string[],
  evidence: DocumentEvidence | null,
  /** Words decoded as O whatever their features say (see findNames): their own features are not computed. */
  skip?: Uint8Array,
): Uint32Array[] {
  const n = words.length;
  const shouting = isShouting(words);
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(cachedShape);
  const lex = words.map(cachedLexiconClass);
  const gaz = gazetteerTags(shouting ? words.map(titleCase) : words);
  const runs = runFeatures(words, lex, shouting);
  const at = (arr: readonly string[], i: number) => (i < 0 ? "<s" : i >= n ? ">s" : (arr[i] as string));
  // In a shouted sentence the shape is the same for every word; the document says how the word is normally written.
  const s = shouting ? 1 : 0;
  const flat = new Uint32Array(n * (FIXED_FEATURES + 3));
  const out: Uint32Array[] = [];
  let o = 0;
  for (let i = 0; i < n; i++) {
    if (skip?.[i]) {
      out.push(flat.subarray(o, o));
      continue;
    }
    const w = words[i] as string;
    const l = lower[i] as string;
    const sh = shapes[i] as string;
    const len = l.length;
    const from = o;
    flat[o++] = P.b;
    flat[o++] = hashMore(P.w, l);
    flat[o++] = hashMore(P.sh[s] as number, sh);
    flat[o++] = hashMore(P.p3, l, 0, Math.min(3, len));
    flat[o++] = hashMore(P.s2, l, Math.max(0, len - 2));
    flat[o++] = hashMore(P.s3, l, Math.max(0, len - 3));
    flat[o++] = hashMore(P.s4, l, Math.max(0, len - 4));
    const prev = at(lower, i - 1);
    const next = at(lower, i + 1);
    flat[o++] = hashMore(P.wm1, prev);
    flat[o++] = hashMore(P.wp1, next);
    flat[o++] = hashMore(P.wm2, at(lower, i - 2));
    flat[o++] = hashMore(P.wp2, at(lower, i + 2));
    flat[o++] = hashMore(hashBar(hashMore(P.wm1w, prev)), l);
    flat[o++] = hashMore(hashBar(hashMore(P.wwp1, l)), next);
    flat[o++] = hashMore(hashBar(hashMore(P.shm1sh[s] as number, at(shapes, i - 1))), sh);
    flat[o++] = hashMore(hashBar(hashMore(P.shshp1[s] as number, sh)), at(shapes, i + 1));
    flat[o++] = hashMore(P.lx, lex[i] as string);
    flat[o++] = hashMore(P.lxm1, at(lex, i - 1));
    flat[o++] = hashMore(P.lxp1, at(lex, i + 1));
    flat[o++] = hashMore(P.g, gaz[i] as string);
    flat[o++] = hashMore(hashBar(hashMore(P.gm1g, at(gaz, i - 1))), gaz[i] as string);
    flat[o++] = hashMore(P.gp1, at(gaz, i + 1));
    flat[o++] = hashMore(P.run, runs[i] as string);
    flat[o++] = hashMore(P.runp1, at(runs, i + 1));
    if (i === 0 || /^[“"‘'(«[:-]$/.test(words[i - 1] as string)) flat[o++] = hashMore(P.first[s] as number, sh);
    if (evidence && hasLetter(w)) {
      const cap = evidence.capitalisedMidSentence.has(l);
      const low = evidence.lowerCase.has(l);
      flat[o++] = hashMore(P.doc, `${cap ? "C" : ""}${low ? "L" : ""}|${shouting ? "S" : ""}${isCap(w) ? "X" : "x"}`);
    }
    if (w.length > 1 && w.includes("-")) flat[o++] = P.hy[isCap(w) ? 1 : 0] as number;
    out.push(flat.subarray(from, o));
  }
  return out;
}

const titleCase = (w: string) => (w.length > 1 && isAllCapsWord(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w);
