// Word tokens and sentence spans over a body, with offsets. One regex pass each; no allocations per character.
import { ABBREVIATIONS } from "./lexicon.ts";

export interface Token {
  /** Index in the token array. */
  i: number;
  start: number;
  end: number;
  /** The word as written, possessive included ("Japan’s"). */
  text: string;
  /** The word without a possessive ending and without dots at the end ("Japan", "Mr"). */
  bare: string;
  lower: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Ends with ’s / 's. */
  possessive: boolean;
  /** Followed directly by a dot that belongs to it (abbreviation or initial): "Mr.", "J.", "U.S.". */
  dotted: boolean;
  /** Text between this token's end (dot included when dotted) and the next token's start. */
  gapAfter: string;
  /** First word of a sentence or paragraph, or right after an opening quote mark. */
  sentenceInitial: boolean;
}

// Letters, digits, inner apostrophes and hyphens, and dotted acronyms ("U.S.", "D.C.").
const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’-](?=[\p{L}\p{N}]))*(?:\.(?:\p{L}\.)+)?/gu;

const UPPER_RE = /\p{Lu}/u;
const isUpper = (c: number, ch: string) => (c >= 65 && c <= 90) || (c > 127 && UPPER_RE.test(ch));
const isOpenQuoteChar = (c: number) =>
  c === 34 || c === 0x201c || c === 0x201e || c === 0xab || c === 0x2018 || c === 39 || c === 96;

export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(body); m; m = WORD_RE.exec(body)) {
    const text = m[0];
    const start = m.index;
    let end = start + text.length;
    const n = text.length;
    const possessive =
      n > 2 &&
      (text.charCodeAt(n - 1) === 115 || text.charCodeAt(n - 1) === 83) &&
      (text.charCodeAt(n - 2) === 0x2019 || text.charCodeAt(n - 2) === 39);
    let bare = possessive ? text.slice(0, -2) : text;
    let dotted = text.charCodeAt(n - 1) === 46;
    if (dotted) bare = bare.slice(0, -1);
    const lower = bare.toLowerCase();
    const c0 = text.charCodeAt(0);
    const cap = isUpper(c0, text.charAt(0));
    // A dot right after an abbreviation or a single-letter initial belongs to the word.
    if (!dotted && body.charCodeAt(end) === 46 && (ABBREVIATIONS.has(lower) || (bare.length === 1 && cap))) {
      dotted = true;
      end += 1;
    }
    tokens.push({
      i: tokens.length,
      start,
      end,
      text,
      bare,
      lower,
      cap,
      possessive,
      dotted,
      gapAfter: "",
      sentenceInitial: false,
    });
  }
  let prevEnd = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    t.gapAfter = body.slice(t.end, next ? next.start : body.length);
    const prev = tokens[k - 1];
    if (!prev) {
      t.sentenceInitial = true;
      prevEnd = t.end;
      continue;
    }
    // Look at the gap before this word once: a newline, an opening quote, or a final stop before it.
    let initial = false;
    let lastMark = 0;
    for (let i = prevEnd; i < t.start; i++) {
      const c = body.charCodeAt(i);
      if (c === 10) initial = true;
      else if (isOpenQuoteChar(c) && i === t.start - 1) initial = true;
      else if (c === 0x201c || c === 0x201e || c === 0xab) initial = true;
      else if (c !== 32 && c !== 9 && c !== 13) lastMark = c;
    }
    if (!initial && (lastMark === 46 || lastMark === 33 || lastMark === 63 || lastMark === 58)) initial = true;
    if (!initial && lastMark === 0 && prev.dotted && !ABBREVIATIONS.has(prev.lower) && !(prev.bare.length === 1 && prev.cap))
      initial = true;
    // "Smith." then a closing quote or bracket: the stop sits before the closing mark.
    if (!initial && (lastMark === 0x201d || lastMark === 34 || lastMark === 0x2019 || lastMark === 41)) {
      if (/[.!?]\W*$/.test(body.slice(prevEnd, t.start).trim())) initial = true;
    }
    t.sentenceInitial = initial;
    prevEnd = t.end;
  }
  return tokens;
}

export interface Span {
  start: number;
  end: number;
}

/** Whether an offset lies inside one of the spans (sorted by start, not overlapping). Binary search. */
export function inSpans(spans: readonly Span[], offset: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid] as Span;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Sentence spans. Breaks at newlines and at . ! ? (plus closing marks) followed by space and a capital or an
 * opening quote, unless the dot ends an abbreviation or an initial. `masked` spans (quote interiors) never break.
 */
export function splitSentences(body: string, masked: Span[] = []): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let maskIndex = 0;
  const re = /\n+|[.!?]+["”’')\]»]*(?=\s+["“‘«(\p{Lu}\p{N}])/gu;
  for (const m of body.matchAll(re)) {
    const at = m.index;
    while (maskIndex < masked.length && (masked[maskIndex] as Span).end <= at) maskIndex++;
    const mask = masked[maskIndex];
    if (mask && mask.start <= at && at < mask.end && m[0][0] !== "\n") continue;
    if (m[0][0] === ".") {
      const wordMatch = /([\p{L}.]+)$/u.exec(body.slice(Math.max(0, at - 12), at));
      const word = wordMatch ? (wordMatch[1] as string).toLowerCase() : "";
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    const end = at + m[0].length;
    if (end > start && body.slice(start, end).trim()) spans.push({ start, end });
    start = end;
  }
  if (body.slice(start).trim()) spans.push({ start, end: body.length });
  // Trim the leading whitespace of each span so starts point at words.
  for (const s of spans) while (s.start < s.end && /\s/.test(body.charAt(s.start))) s.start++;
  return spans;
}
