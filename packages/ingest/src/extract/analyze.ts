// "Who said what" over a clean article body: quotes with speakers, people/places/organisations, cited outlets.
// Pure and synchronous; no I/O beyond the entity tagger's weights, read once per process.
import { extractCitations } from "./citations.ts";
import { buildEntityIndex, toExtractedEntities } from "./entities/extract.ts";
import { extractQuotes } from "./quotes/index.ts";
import { findQuoteMarks } from "./quotes/marks.ts";
import type { ExtractedQuote, RoleAliasLookup, TextAnalysis } from "./types.ts";

export interface AnalyzeContext {
  /** The headline: names and roles in it ("President Putin offers ...") help resolve the body's role nouns. */
  title?: string | null;
  /** Publication day or time (ISO); passed to resolveRole as the day a role is looked up for. */
  publishedAt?: string | null;
  /** Agencies named in the byline ("By Louise Miner with Reuters"): cited as BYLINE. */
  bylineAgencies?: string[];
  /** The outlet a portal page carries the article from: cited as FROM. */
  syndicatedFrom?: { name: string; domain: string | null } | null;
  /** Who held a role on a day, for role nouns the article never ties to a name ("the Russian President"). */
  resolveRole?: RoleAliasLookup;
  /** The article's writers: never the speakers of the quotes they report. */
  authors?: readonly string[] | null;
  /** Detected or declared language: the entity tagger is English-only, and other text gets no names. */
  language?: string | null;
}

export function analyzeText(body: string, ctx: AnalyzeContext = {}): TextAnalysis {
  const title = ctx.title?.trim();
  if (!title) return analyzeBody(body, ctx);
  // The headline is read as the article's first paragraph, then everything is mapped back onto the body.
  const shift = title.length + 2;
  const whole = analyzeBody(`${title}\n\n${body}`, ctx);
  const inBody = (start: number | null) => start === null || start >= shift;
  const move = (n: number) => n - shift;
  return {
    quotes: whole.quotes
      .filter((q) => q.start >= shift)
      .map((q) => ({
        ...q,
        start: move(q.start),
        end: move(q.end),
        parts: q.parts?.map((p) => ({ start: move(p.start), end: move(p.end) })) ?? null,
      })),
    entities: whole.entities.flatMap((e) => {
      const offsets: number[] = [];
      for (let i = 0; i + 1 < e.offsets.length; i += 2) {
        if (e.offsets[i]! >= shift) offsets.push(move(e.offsets[i]!), move(e.offsets[i + 1]!));
      }
      return offsets.length ? [{ ...e, offsets, count: offsets.length / 2 }] : [];
    }),
    citations: whole.citations
      .filter((c) => inBody(c.start))
      .map((c) => ({ ...c, start: c.start === null ? null : move(c.start), end: c.end === null ? null : move(c.end) })),
  };
}

function analyzeBody(body: string, ctx: AnalyzeContext): TextAnalysis {
  const marks = findQuoteMarks(body);
  // Sentence splitting ignores full stops inside quotes, so quote interiors are masked.
  const interiors = marks.flatMap((s) => s.parts.map((p) => ({ start: p.start, end: p.end }))).sort((a, b) => a.start - b.start);
  const english = !ctx.language || ctx.language === "en";
  const index = buildEntityIndex(body, interiors, { names: english });
  // Speakers need names and English speech verbs: in other languages the quotes stand unattributed.
  const attributed = extractQuotes(body, marks, index, {
    publishedAt: ctx.publishedAt ?? null,
    resolveRole: ctx.resolveRole,
    authors: ctx.authors,
  });
  const quotes = english
    ? attributed
    : attributed.map((q) => ({ ...q, speaker: null, speakerAsWritten: null, attribution: "NONE" as const, confidence: 0 }));
  return {
    quotes,
    entities: toExtractedEntities(index),
    citations: extractCitations(body, { bylineAgencies: ctx.bylineAgencies, syndicatedFrom: ctx.syndicatedFrom }),
  };
}

/**
 * One row per contiguous stretch of a quote: a split quote ("A," he said, "B.") or a quote over several
 * paragraphs has several. The extract contract's rows hold one span each, with the quote's speaker.
 */
export function quoteSpans(body: string, quote: ExtractedQuote): { text: string; start: number; end: number }[] {
  const parts = quote.parts ?? [{ start: quote.start, end: quote.end }];
  return parts.map((p) => ({ text: body.slice(p.start, p.end), start: p.start, end: p.end }));
}
