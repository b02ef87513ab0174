// Finds quoted spans by their marks: straight, curly, low-9, guillemets, ''...'' and ``...'', single quotes,
// mixed pairs (“...") and nested quotes. A quote left open at a paragraph end continues when the next
// paragraph reopens it (the newspaper convention), so one span can have several parts.

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
  DOUBLE_MARK_RE.lastIndex = from;
  for (let found = DOUBLE_MARK_RE.exec(body); found && found.index < to; found = DOUBLE_MARK_RE.exec(body)) {
    const i = found.index;
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
    let current: MarkedSpan | null = null;
    let startIndex = 0;

    if (carried) {
      const reopen = reopenMark(body, from, to);
      // Only the same kind of mark reopens: a curly quote after an open straight one starts something new.
      if (reopen && marks[0] && marks[0].at === reopen.at && marks[0].family === carried.family) {
        current = carried.span;
        stack.push({
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
        let depth = stack.length - 1;
        for (let d = stack.length - 1; d >= 0; d--) {
          if ((stack[d] as OpenEntry).family === m.family) {
            depth = d;
            break;
          }
        }
        const entry = stack[depth] as OpenEntry;
        stack.length = depth;
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
      if (m.canOpen) stack.push({ family: m.family, at: m.at, mark: m.mark, innerStart: m.at + m.mark.length, nested: [] });
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
 */
function findSingleQuotes(body: string, paragraphs: [number, number][], doubles: MarkedSpan[]): MarkedSpan[] {
  const covered: [number, number][] = [];
  for (const s of doubles) for (const p of s.parts) covered.push([p.openAt, p.closeAt < 0 ? p.end : p.closeAt + 1]);
  const inside = (at: number) => covered.some(([a, b]) => at >= a && at < b);
  const result: MarkedSpan[] = [];
  const OPENERS = /[‘'‹]/g;
  for (const [from, to] of paragraphs) {
    let i = from;
    while (i < to) {
      OPENERS.lastIndex = i;
      const found = OPENERS.exec(body);
      if (!found || found.index >= to) break;
      i = found.index;
      const c = body.charAt(i);
      if (c === "‘" || c === "'" || c === "‹") {
        const prev = i > from ? body.charAt(i - 1) : "";
        const next = body.charAt(i + 1);
        const opens = (prev === "" || OPENS_AFTER.test(prev)) && isWordChar(next) && body.charAt(i + 1) !== "'";
        if (opens && !inside(i)) {
          const close = findSingleClose(body, i + 1, to, c);
          if (close > 0 && !inside(close)) {
            const part = trimmedPart(body, i, i + 1, close, c, close, body.charAt(close));
            const words = body.slice(part.start, part.end).split(/\s+/).length;
            if (part.end > part.start && words <= 80) {
              result.push({ parts: [part], closed: true, single: true, nested: [] });
              i = close + 1;
              continue;
            }
          }
        }
      }
      i++;
    }
  }
  return result;
}

function findSingleClose(body: string, from: number, to: number, openMark: string): number {
  const closers = openMark === "‹" ? "›" : "’'";
  for (let j = from; j < to; j++) {
    const c = body.charAt(j);
    if (!closers.includes(c)) continue;
    const prev = body.charAt(j - 1);
    const next = j + 1 < to ? body.charAt(j + 1) : "";
    if (isSpace(prev)) continue;
    if (isWordChar(next)) continue; // an apostrophe inside a word: Japan’s, don't
    // "workers’ rights": a plural possessive before a lower-case word keeps the quote open.
    if (prev === "s" && /^\s\p{Ll}/u.test(body.slice(j + 1, j + 3)) && /\p{L}s$/u.test(body.slice(j - 2, j))) {
      const rest = body.slice(j + 1, to);
      if (/[’']/.test(rest)) continue;
    }
    return j;
  }
  return -1;
}
