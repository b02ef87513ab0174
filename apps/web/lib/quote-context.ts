// The words around a quote in its article: enough to judge what was meant, cut at word boundaries.
const REACH = 110;

export interface QuoteContext {
  before: string;
  quoted: string;
  after: string;
}

export function quoteContext(body: string, start: number, end: number): QuoteContext | null {
  if (start < 0 || end > body.length || start >= end) return null;
  let from = Math.max(0, start - REACH);
  let to = Math.min(body.length, end + REACH);
  if (from > 0) from = body.indexOf(" ", from) + 1 || from;
  if (to < body.length) to = body.lastIndexOf(" ", to) > end ? body.lastIndexOf(" ", to) : to;
  const flatten = (text: string) => text.replace(/\s+/g, " ");
  return {
    before: flatten(body.slice(from, start)),
    quoted: flatten(body.slice(start, end)),
    after: flatten(body.slice(end, to)),
  };
}
