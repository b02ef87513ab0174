// Articles refer to earlier happenings by date: "the Joint Declaration of October 19, 1956", "the summit on
// November 14". An explicit date in the text that matches a known event's day, with a word of the event's
// title nearby, is taken as a mention of that event.

import { type DateExpression, dayNumber, explicitDates } from "./dates.ts";
import { titleTerms } from "./text.ts";

export interface KnownEvent {
  id: string;
  /** The happening's day, YYYY-MM-DD. */
  date: string | null;
  /** Last day of a multi-day happening. */
  dateEnd?: string | null;
  title?: string | null;
}

export interface EventMentionHit {
  eventId: string;
  /** The date as the article wrote it. */
  asWritten: string;
  start: number;
  end: number;
}

export interface MentionOptions {
  /** The article's own date: resolves dates written without a year. */
  publishedAt?: string | null;
  /** The article's own event, never a mention of itself. */
  excludeEventId?: string | null;
  /** Title words that must occur near the date; 0 accepts a lone event on that day without any. */
  minSharedWords?: number;
  /** Characters either side of the date searched for title words. */
  contextChars?: number;
}

/** The explicit dates a body states: what to look events up by (e.g. Event.date IN (...)). */
export function mentionedDates(body: string, publishedAt?: string | null): DateExpression[] {
  return explicitDates(body, dayNumber(publishedAt));
}

/**
 * Events among `events` that the body refers to by date. When several events share the day, the one whose
 * title shares most words with the text around the date wins; events sharing no word are skipped unless
 * minSharedWords is 0 and the event is alone on its day.
 */
export function findEventMentions(body: string, events: KnownEvent[], options: MentionOptions = {}): EventMentionHit[] {
  const minShared = options.minSharedWords ?? 1;
  const contextChars = options.contextChars ?? 200;
  const byDay = new Map<number, KnownEvent[]>();
  for (const e of events) {
    if (e.id === options.excludeEventId) continue;
    const first = dayNumber(e.date);
    if (first === null) continue;
    const last = Math.max(first, dayNumber(e.dateEnd) ?? first);
    // Multi-day happenings are filed under each of their days (capped: a long span is not "a date").
    for (let d = first; d <= Math.min(last, first + 31); d++) {
      const list = byDay.get(d) ?? [];
      list.push(e);
      byDay.set(d, list);
    }
  }
  const hits: EventMentionHit[] = [];
  const seen = new Set<string>();
  for (const expr of mentionedDates(body, options.publishedAt)) {
    const candidates = byDay.get(expr.day);
    if (!candidates) continue;
    const context = new Set(
      titleTerms(body.slice(Math.max(0, expr.start - contextChars), Math.min(body.length, expr.end + contextChars))),
    );
    let best: KnownEvent | null = null;
    let bestShared = -1;
    for (const e of candidates) {
      const shared = e.title ? new Set(titleTerms(e.title).filter((t) => context.has(t))).size : 0;
      if (shared > bestShared) {
        bestShared = shared;
        best = e;
      }
    }
    if (!best) continue;
    const accepted = bestShared >= minShared || (minShared === 0 && candidates.length === 1);
    if (!accepted || seen.has(best.id)) continue;
    seen.add(best.id);
    hits.push({ eventId: best.id, asWritten: expr.asWritten, start: expr.start, end: expr.end });
  }
  return hits;
}
