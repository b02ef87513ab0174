// Day arithmetic on dates as written ("2018-12-02T01:05:00" is day 2018-12-02: no shift to UTC), and the
// few date expressions a lead uses to say when its happening took place.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of the calendar date a string starts with, or null. */
export function dayNumber(date: string | null | undefined): number | null {
  if (!date) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / MS_PER_DAY) : null;
}

export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday, as Date#getUTCDay. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_RE =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

const monthIndex = (name: string): number => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));

/** Words that make a weekday point forward ("will meet on Friday", "next Monday"). */
const FUTURE_CUE = /\b(will|would|plans? to|is to|are to|set to|scheduled|expected to|next|upcoming|this coming)\b/i;

/**
 * The day a lead says its happening took place, relative to the article's day: "on Friday" in an article of
 * Sunday means two days before; "yesterday" one day before. Looks only at the opening words, where reports say
 * when the news happened; forward-looking mentions ("will meet on Friday") leave the article's day.
 */
export function happeningDay(lead: string, publishedDay: number): number {
  const opening = openingWords(lead);
  const yesterday = /\b(yesterday|last night)\b/i.exec(opening);
  const weekday = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(opening);
  const first = [yesterday, weekday].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return publishedDay;
  // Only the clause leading to the date decides its tense.
  const before = opening.slice(Math.max(0, first.index - 60), first.index);
  const clause = before.split(/[.;!?]/).pop() ?? "";
  if (FUTURE_CUE.test(clause)) return publishedDay;
  if (first === yesterday) return publishedDay - 1;
  const target = WEEKDAYS.indexOf(first[1]!.toLowerCase());
  const back = (weekdayOf(publishedDay) - target + 7) % 7;
  return publishedDay - back;
}

/** The first 45 whitespace-separated pieces of a lead, joined by single spaces; the rest is never split. */
function openingWords(lead: string): string {
  const gaps = /\s+/g;
  let end = lead.length;
  for (let piece = 1; ; piece++) {
    const gap = gaps.exec(lead);
    if (!gap) break;
    if (piece === 45) {
      end = gap.index;
      break;
    }
  }
  return lead.slice(0, end).split(/\s+/).join(" ");
}

/**
 * The weekday a lead names first (0 = Sunday), or null. Reports of one happening name the same day ("the
 * Senate voted on Tuesday"); for undated articles this is the only clue to when the news happened.
 */
export function weekdayCue(lead: string): number | null {
  const m = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(openingWords(lead));
  return m ? WEEKDAYS.indexOf(m[1]!.toLowerCase()) : null;
}

export interface DateExpression {
  day: number;
  start: number;
  end: number;
  asWritten: string;
}

/**
 * Explicit calendar dates in a text: "October 19, 1956", "19 October 1956", "Nov. 14", "2018-11-14".
 * A date without a year takes the latest such day not after the reference day (plus a week, for
 * announcements of the days ahead); without a reference day it is skipped.
 */
export function explicitDates(text: string, referenceDay: number | null): DateExpression[] {
  const out: DateExpression[] = [];
  const push = (y: number | null, mo: number, d: number, start: number, asWritten: string) => {
    if (mo < 0 || d < 1 || d > 31) return;
    let year = y;
    if (year === null) {
      if (referenceDay === null) return;
      const refYear = new Date(referenceDay * MS_PER_DAY).getUTCFullYear();
      year = refYear;
      const candidate = Math.floor(Date.UTC(year, mo, d) / MS_PER_DAY);
      if (candidate > referenceDay + 7) year = refYear - 1;
    }
    const day = Math.floor(Date.UTC(year, mo, d) / MS_PER_DAY);
    // Date.UTC rolls "February 31" over into March; such a date was not written.
    if (new Date(day * MS_PER_DAY).getUTCDate() !== d) return;
    out.push({ day, start, end: start + asWritten.length, asWritten });
  };
  const monthFirst = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?`, "gi");
  for (const m of text.matchAll(monthFirst)) {
    push(m[3] ? Number(m[3]) : null, monthIndex(m[1]!), Number(m[2]), m.index ?? 0, m[0]);
  }
  const dayFirst = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}(?:,?\\s+(\\d{4})\\b)?`, "gi");
  for (const m of text.matchAll(dayFirst)) {
    push(m[3] ? Number(m[3]) : null, monthIndex(m[2]!), Number(m[1]), m.index ?? 0, m[0]);
  }
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    push(Number(m[1]), Number(m[2]) - 1, Number(m[3]), m.index ?? 0, m[0]);
  }
  return out.sort((a, b) => a.start - b.start);
}
