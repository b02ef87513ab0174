// Finds quoted spans by their marks: straight, curly, low-9, guillemets, ''...'' and ``...'', single quotes,
// mixed pairs (“...") and nested quotes. A quote left open at a paragraph end continues when the next
// paragraph reopens it (the newspaper convention), so one span can have several parts.

import { inSpans, type Span } from "../entities/tokens.ts";

export interface MarkedPart {
  /** Offsets of the text inside the marks, whitespace trimmed. */
  start: number;
  end: number;
  /** Offset of the opening mark and of the closing mark (-1 when the part runs to the paragraph end). */
  openAt: number;
  closeAt: number;
  openMark: string;
  closeMark: string | null;
}

export interface MarkedSpan {
  parts: MarkedPart[];
  /** False when the last part ran to a paragraph end without a closing mark. */
  closed: boolean;
  /** Single quotes (‘...’) at the top level: headline style, often scare quotes. */
  single: boolean;
  /** Quotes inside this one (a scare quote inside a speech, a speech inside a block quote). */
  nested: MarkedSpan[];
}

type Family = "straight" | "curly" | "guillemet" | "apos2";

interface OpenEntry {
  family: Family;
  at: number;
  mark: string;
  innerStart: number;
  nested: MarkedSpan[];
}

const isSpace = (c: string) => c === "" || /\s/.test(c);
const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);
// Characters after which a straight quote opens: start, space, brackets, dashes, slashes, other marks.
const OPENS_AFTER = /[\s([{\-–—―/“‘«„]/;
// Characters before which a straight quote closes: end, space, punctuation.
const CLOSES_BEFORE = /[\s.,;:!?)\]}\-–—―”’»…]/;

function paragraphRanges(body: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  while (start <= body.length) {
    let i = body.indexOf("\n", start);
    if (i < 0) i = body.length;
    if (/\S/.test(body.slice(start, i))) ranges.push([start, i]);
    start = i + 1;
  }
  return ranges;
}

function trimmedPart(
  body: string,
  openAt: number,
  innerStart: number,
  innerEnd: number,
  openMark: string,
  closeAt: number,
  closeMark: string | null,
): MarkedPart {
  let start = innerStart;
  let end = innerEnd;
  while (start < end && /\s/.test(body.charAt(start))) start++;
  while (end > start && /\s/.test(body.charAt(end - 1))) end--;
  return { start, end, openAt, closeAt, openMark, closeMark };
}

interface DoubleMark {
  at: number;
  mark: string;
  family: Family;
  canOpen: boolean;
  canClose: boolean;
}

const DOUBLE_MARK_RE = /``|''|["“„‟”«»]/g;

function doubleMarks(body: string, from: number, to: number): DoubleMark[] {
  const marks: DoubleMark[] = [];
  // The regex runs over the paragraph alone: over the body it would read on to the next mark, past the
  // paragraph end, and a page of many paragraphs without marks would be read once per paragraph.
  const paragraph = body.slice(from, to);
  DOUBLE_MARK_RE.lastIndex = 0;
  for (let found = DOUBLE_MARK_RE.exec(paragraph); found; found = DOUBLE_MARK_RE.exec(paragraph)) {
    const i = from + found.index;
    const c = body.charAt(i);
    const prev = i > from ? body.charAt(i - 1) : "";
    if (c === "`" && body.charAt(i + 1) === "`") {
      marks.push({ at: i, mark: "``", family: "apos2", canOpen: true, canClose: false });
      continue;
    }
    if (c === "'" && body.charAt(i + 1) === "'") {
      const after = i + 2 < to ? body.charAt(i + 2) : "";
      marks.push({
        at: i,
        mark: "''",
        family: "apos2",
        canOpen: (prev === "" || OPENS_AFTER.test(prev)) && !isSpace(after),
        canClose: !isSpace(prev) || after === "" || CLOSES_BEFORE.test(after),
      });
      continue;
    }
    const next = i + 1 < to ? body.charAt(i + 1) : "";
    if (c === '"') {
      marks.push({
        at: i,
        mark: c,
        family: "straight",
        canOpen: (prev === "" || OPENS_AFTER.test(prev)) && !isSpace(next),
        canClose: (prev !== "" && !isSpace(prev)) || next === "" || CLOSES_BEFORE.test(next),
      });
    } else if (c === "“" || c === "„" || c === "‟") {
      // “ also closes German-style „...“ quotes.
      marks.push({
        at: i,
        mark: c,
        family: "curly",
        canOpen: !isSpace(next) || next === "",
        canClose: c === "“" && !isSpace(prev) && (next === "" || CLOSES_BEFORE.test(next)),
      });
    } else if (c === "”") {
      marks.push({ at: i, mark: c, family: "curly", canOpen: false, canClose: true });
    } else if (c === "«") {
      marks.push({ at: i, mark: c, family: "guillemet", canOpen: true, canClose: false });
    } else if (c === "»") {
      marks.push({ at: i, mark: c, family: "guillemet", canOpen: false, canClose: true });
    }
  }
  return marks;
}

/** Where the next paragraph reopens a quote: the offset of its opening mark, or -1. */
function reopenMark(body: string, from: number, to: number): { at: number; mark: string } | null {
  let i = from;
  while (i < to && /\s/.test(body.charAt(i))) i++;
  const two = body.slice(i, i + 2);
  if (two === "``" || two === "''") return { at: i, mark: two };
  const c = body.charAt(i);
  if (c === '"' || c === "“" || c === "„" || c === "«") return { at: i, mark: c };
  return null;
}

export function findQuoteMarks(body: string): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const paragraphs = paragraphRanges(body);
  // An outer quote left open at the end of the previous paragraph, waiting for a reopening mark.
  let carried: { span: MarkedSpan; family: Family } | null = null;

  for (let p = 0; p < paragraphs.length; p++) {
    const [from, to] = paragraphs[p] as [number, number];
    const marks = doubleMarks(body, from, to);
    const stack: OpenEntry[] = [];
    // Where each family's entries sit in the stack, innermost last: a closing mark finds its opener without
    // walking the stack (a paragraph of many unclosed « then many ” would walk it once per mark).
    const depthsOf: Record<Family, number[]> = { straight: [], curly: [], guillemet: [], apos2: [] };
    const push = (entry: OpenEntry) => {
      depthsOf[entry.family].push(stack.length);
      stack.push(entry);
    };
    const truncate = (depth: number) => {
      for (const depths of Object.values(depthsOf))
        while (depths.length && (depths[depths.length - 1] as number) >= depth) depths.pop();
      stack.length = depth;
    };
    let current: MarkedSpan | null = null;
    let startIndex = 0;

    if (carried) {
      const reopen = reopenMark(body, from, to);
      // Only the same kind of mark reopens: a curly quote after an open straight one starts something new.
      if (reopen && marks[0] && marks[0].at === reopen.at && marks[0].family === carried.family) {
        current = carried.span;
        push({
          family: marks[0].family,
          at: reopen.at,
          mark: reopen.mark,
          innerStart: reopen.at + reopen.mark.length,
          nested: current.nested,
        });
        startIndex = 1;
      } else {
        spans.push(carried.span);
      }
      carried = null;
    }

    for (let k = startIndex; k < marks.length; k++) {
      const m = marks[k] as DoubleMark;
      const top = stack[stack.length - 1];
      // Straight marks don't nest in themselves: inside a straight quote, one that can close, closes.
      const closes = top
        ? m.canClose && (!m.canOpen || top.family === m.family || !isWordChar(body.charAt(m.at + m.mark.length)))
        : false;
      if (closes && top) {
        const sameFamily = depthsOf[m.family];
        const depth = sameFamily.length ? (sameFamily[sameFamily.length - 1] as number) : stack.length - 1;
        const entry = stack[depth] as OpenEntry;
        truncate(depth);
        const part = trimmedPart(body, entry.at, entry.innerStart, m.at, entry.mark, m.at, m.mark);
        if (depth === 0) {
          const span: MarkedSpan = current ?? { parts: [], closed: true, single: false, nested: entry.nested };
          span.parts.push(part);
          span.closed = true;
          if (part.end > part.start) spans.push(span);
          current = null;
        } else {
          const parent = stack[depth - 1] as OpenEntry;
          if (part.end > part.start) parent.nested.push({ parts: [part], closed: true, single: false, nested: entry.nested });
        }
        continue;
      }
      if (m.canOpen) push({ family: m.family, at: m.at, mark: m.mark, innerStart: m.at + m.mark.length, nested: [] });
    }

    if (stack.length) {
      // The outermost quote runs to the end of the paragraph.
      const outer = stack[0] as OpenEntry;
      const part = trimmedPart(body, outer.at, outer.innerStart, to, outer.mark, -1, null);
      const span: MarkedSpan = current ?? { parts: [], closed: false, single: false, nested: outer.nested };
      span.closed = false;
      if (part.end > part.start) span.parts.push(part);
      const next = paragraphs[p + 1];
      if (next && reopenMark(body, next[0], next[1]) && span.parts.length) carried = { span, family: outer.family };
      else if (span.parts.length) spans.push(span);
    }
  }
  if (carried) spans.push(carried.span);

  for (const span of spans) for (const part of span.parts) if (part.closeAt < 0) span.closed = false;
  const singles = findSingleQuotes(body, paragraphs, spans);
  return [...spans, ...singles].sort((a, b) => (a.parts[0] as MarkedPart).openAt - (b.parts[0] as MarkedPart).openAt);
}

/**
 * Single-quoted spans (‘...’ and '...') outside double quotes: headline and British style. Apostrophes are
 * told apart by their neighbours: a closing mark never has a letter right after it.
 * Linear in the body: each paragraph is read once for openers and once for closers, whatever the marks.
 */
function findSingleQuotes(body: string, paragraphs: [number, number][], doubles: MarkedSpan[]): MarkedSpan[] {
  const covered: Span[] = [];
  for (const s of doubles) for (const p of s.parts) covered.push({ start: p.openAt, end: p.closeAt < 0 ? p.end : p.closeAt + 1 });
  const coveredUnion = mergeSpans(covered);
  const inside = (at: number) => inSpans(coveredUnion, at);
  const result: MarkedSpan[] = [];
  const OPENERS = /[‘'‹]/g;
  for (const [from, to] of paragraphs) {
    const paragraph = body.slice(from, to);
    const lastApostrophe = from + Math.max(paragraph.lastIndexOf("’"), paragraph.lastIndexOf("'"));
    const closeAfterQuote = nextCloser(body, to, "’'", lastApostrophe);
    const closeAfterAngle = nextCloser(body, to, "›", lastApostrophe);
    let i = from;
    OPENERS.lastIndex = 0;
    for (let found = OPENERS.exec(paragraph); found; found = OPENERS.exec(paragraph)) {
      if (from + found.index < i) continue;
      i = from + found.index;
      const c = body.charAt(i);
      const prev = i > from ? body.charAt(i - 1) : "";
      const next = body.charAt(i + 1);
      const opens = (prev === "" || OPENS_AFTER.test(prev)) && isWordChar(next) && body.charAt(i + 1) !== "'";
      if (opens && !inside(i)) {
        const close = (c === "‹" ? closeAfterAngle : closeAfterQuote)(i + 1);
        if (close > 0 && !inside(close)) {
          const part = trimmedPart(body, i, i + 1, close, c, close, body.charAt(close));
          if (part.end > part.start && wordsAtMost(body, part.start, part.end, 80)) {
            result.push({ parts: [part], closed: true, single: true, nested: [] });
            i = close + 1;
            continue;
          }
        }
      }
      i++;
    }
  }
  return result;
}

/** Sorted, non-overlapping union of spans, for inSpans. */
function mergeSpans(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const r of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged[merged.length - 1];
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end);
    else if (r.end > r.start) merged.push({ ...r });
  }
  return merged;
}

/** Whether text (trimmed, not empty) has at most `limit` whitespace-separated words; stops counting past it. */
function wordsAtMost(body: string, start: number, end: number, limit: number): boolean {
  let words = 1;
  for (let j = start; j < end; j++) {
    if (!/\s/.test(body.charAt(j))) continue;
    if (++words > limit) return false;
    while (j + 1 < end && /\s/.test(body.charAt(j + 1))) j++;
  }
  return true;
}

/**
 * The closing mark of a single quote opened before `from`, for openers met in increasing order within one
 * paragraph. Whether a mark closes does not depend on where the quote opened, so the answer found for one
 * opener stands for the later ones before it: the paragraph is read once, not once per opener.
 */
function nextCloser(body: string, to: number, closers: string, lastApostrophe: number): (from: number) => number {
  let askedFrom = -1;
  let answer = -1;
  return (from) => {
    if (askedFrom >= 0 && from >= askedFrom && (answer < 0 || from <= answer)) return answer;
    askedFrom = from;
    answer = findSingleClose(body, from, to, closers, lastApostrophe);
    return answer;
  };
}

function findSingleClose(body: string, from: number, to: number, closers: string, lastApostrophe: number): number {
  for (let j = from; j < to; j++) {
    const c = body.charAt(j);
    if (!closers.includes(c)) continue;
    const prev = body.charAt(j - 1);
    const next = j + 1 < to ? body.charAt(j + 1) : "";
    if (isSpace(prev)) continue;
    if (isWordChar(next)) continue; // an apostrophe inside a word: Japan’s, don't
    // "workers’ rights": a plural possessive before a lower-case word keeps the quote open while
    // another apostrophe follows in the paragraph.
    if (prev === "s" && /^\s\p{Ll}/u.test(body.slice(j + 1, j + 3)) && /\p{L}s$/u.test(body.slice(j - 2, j))) {
      if (lastApostrophe > j) continue;
    }
    return j;
  }
  return -1;
}
