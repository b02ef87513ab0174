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
const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’\-](?=[\p{L}\p{N}]))*(?:\.(?:\p{L}\.)+)?/gu;
const POSSESSIVE_RE = /['’]s$/i;
const OPEN_QUOTE_RE = /["“„«‘'`]/;

export function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  for (const m of body.matchAll(WORD_RE)) {
    const text = m[0];
    const start = m.index;
    let end = start + text.length;
    const possessive = POSSESSIVE_RE.test(text);
    let bare = possessive ? text.slice(0, -2) : text;
    bare = bare.replace(/\.$/, "");
    const lower = bare.toLowerCase();
    // A dot right after an abbreviation or a single-letter initial belongs to the word.
    let dotted = text.endsWith(".");
    if (!dotted && body.charCodeAt(end) === 46 /* . */ && (ABBREVIATIONS.has(lower) || /^\p{Lu}$/u.test(bare))) {
      dotted = true;
      end += 1;
    }
    const first = text.charAt(0);
    tokens.push({
      i: tokens.length,
      start,
      end,
      text,
      bare,
      lower,
      cap: first !== first.toLowerCase() && first === first.toUpperCase(),
      possessive,
      dotted,
      gapAfter: "",
      sentenceInitial: false,
    });
  }
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const next = tokens[k + 1];
    t.gapAfter = body.slice(t.end, next ? next.start : body.length);
    const prev = tokens[k - 1];
    const gapBefore = prev ? prev.gapAfter : body.slice(0, t.start);
    t.sentenceInitial =
      !prev ||
      gapBefore.includes("\n") ||
      /[.!?:]\W*$/.test(gapBefore.replace(/\s+$/, "")) ||
      OPEN_QUOTE_RE.test(gapBefore) ||
      (prev.dotted && !ABBREVIATIONS.has(prev.lower) && /\s/.test(gapBefore) && !/^\p{Lu}$/u.test(prev.bare));
  }
  return tokens;
}

export interface Span {
  start: number;
  end: number;
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
