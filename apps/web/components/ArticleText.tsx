// An article's clean text with its quotes and named entities marked, from offsets into Article.body.
// Everything is rendered as React text, so markup inside an article is shown, never run: no
// dangerouslySetInnerHTML anywhere near article content.
import Link from "next/link";
import type { GlobalFilters } from "../lib/filters";
import { personHref, quoteAnchor } from "../lib/routes";

export interface QuoteSpan {
  id: string;
  start: number;
  end: number;
  parts: { start: number; end: number }[] | null;
  label: string;
}

export interface MentionSpan {
  entityId: string;
  name: string;
  kind: "PERSON" | "PLACE" | "ORGANIZATION";
  offsets: number[];
}

interface Span {
  start: number;
  end: number;
}

interface Segment {
  start: number;
  end: number;
  quote: (QuoteSpan & { startsHere: boolean }) | null;
  mention: MentionSpan | null;
}

/** Paragraph ranges: the body separates paragraphs with blank lines. */
function paragraphs(body: string): Span[] {
  const ranges: Span[] = [];
  let start = 0;
  for (const gap of body.matchAll(/\n\s*\n/g)) {
    if (gap.index > start) ranges.push({ start, end: gap.index });
    start = gap.index + gap[0].length;
  }
  if (start < body.length) ranges.push({ start, end: body.length });
  return ranges;
}

const clampSpan = (span: Span, length: number): Span | null => {
  const start = Math.max(0, Math.min(span.start, length));
  const end = Math.max(0, Math.min(span.end, length));
  return end > start ? { start, end } : null;
};

function segmentsOf(
  range: Span,
  quotes: { quote: QuoteSpan; span: Span }[],
  mentions: { mention: MentionSpan; span: Span }[],
): Segment[] {
  const cuts = new Set([range.start, range.end]);
  for (const { span } of [...quotes, ...mentions]) {
    if (span.end <= range.start || span.start >= range.end) continue;
    cuts.add(Math.max(span.start, range.start));
    cuts.add(Math.min(span.end, range.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    const inQuote = quotes.find(({ span }) => span.start <= start && span.end >= end);
    const inMention = mentions.find(({ span }) => span.start <= start && span.end >= end);
    segments.push({
      start,
      end,
      quote: inQuote ? { ...inQuote.quote, startsHere: inQuote.span.start === start && inQuote.quote.start === start } : null,
      mention: inMention?.mention ?? null,
    });
  }
  return segments;
}

interface ArticleTextProps {
  body: string;
  quotes: QuoteSpan[];
  mentions: MentionSpan[];
  highlight: boolean;
  filters: GlobalFilters;
}

export function ArticleText({ body, quotes, mentions, highlight, filters }: ArticleTextProps) {
  const quoteSpans = highlight
    ? quotes.flatMap((quote) =>
        (quote.parts?.length ? quote.parts : [{ start: quote.start, end: quote.end }])
          .map((part) => clampSpan(part, body.length))
          .filter((span): span is Span => span !== null)
          .map((span) => ({ quote, span })),
      )
    : [];
  const mentionSpans = highlight
    ? mentions.flatMap((mention) => {
        const spans: { mention: MentionSpan; span: Span }[] = [];
        for (let i = 0; i + 1 < mention.offsets.length; i += 2) {
          const span = clampSpan({ start: mention.offsets[i] ?? 0, end: mention.offsets[i + 1] ?? 0 }, body.length);
          if (span) spans.push({ mention, span });
        }
        return spans;
      })
    : [];
  return (
    <div className="article-text">
      {paragraphs(body).map((range) => (
        <p key={range.start}>
          {segmentsOf(range, quoteSpans, mentionSpans).map((segment) => {
            const text = body.slice(segment.start, segment.end);
            const entity = segment.mention ? <EntityMark mention={segment.mention} text={text} filters={filters} /> : text;
            if (!segment.quote) return <span key={segment.start}>{entity}</span>;
            return (
              <mark
                key={segment.start}
                className="hl-quote"
                id={segment.quote.startsHere ? quoteAnchor(segment.quote.id) : undefined}
                title={segment.quote.label}
              >
                {entity}
              </mark>
            );
          })}
        </p>
      ))}
    </div>
  );
}

function EntityMark({ mention, text, filters }: { mention: MentionSpan; text: string; filters: GlobalFilters }) {
  const className = `hl-${mention.kind.toLowerCase()}`;
  const title = `${mention.kind === "PERSON" ? "Person" : mention.kind === "PLACE" ? "Place" : "Organisation"}: ${mention.name}`;
  return (
    <mark className={className} title={title}>
      {mention.kind === "PERSON" ? <Link href={personHref(mention.entityId, filters)}>{text}</Link> : text}
    </mark>
  );
}
