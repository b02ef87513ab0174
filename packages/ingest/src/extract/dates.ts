// Dates as written. Nothing here converts to UTC: a stated offset is kept apart, and the wall-clock value is what
// the page said. Parsing is our own regexes (ISO, RFC 2822, numeric and month-name forms in the languages we
// ingest) because metadata values are regular and chrono's guesses about missing parts are not wanted here.
import type { DatePrecision, PublishedDate } from "./types.ts";

export interface ParsedDate {
  /** "2018-12-02T01:05:00", "2018-12-02", "2018-12" or "2018". */
  value: string;
  offset: string | null;
  precision: DatePrecision;
}

const MONTHS: Record<string, number> = {};
(
  [
    ["january jan januar jän jänner janvier janv enero gennaio janeiro januari января январь stycznia styczeń", 1],
    ["february feb februar février fevrier févr fevr febrero febbraio fevereiro februari февраля февраль lutego luty", 2],
    ["march mar märz maerz mär mars marzo março marco maart марта март marca marzec", 3],
    ["april apr avril avr abril aprile апреля апрель kwietnia kwiecień", 4],
    ["may mai mayo maggio maio mei мая май maja", 5],
    ["june jun juni juin junio giugno junho июня июнь czerwca czerwiec", 6],
    ["july jul juli juillet juil julio luglio julho июля июль lipca lipiec", 7],
    ["august aug août aout agosto augustus августа август sierpnia sierpień", 8],
    ["september sep sept septembre septiembre setiembre settembre setembro сентября сентябрь września wrzesień", 9],
    ["october oct oktober okt octobre octubre ottobre outubro окт октября октябрь października październik", 10],
    ["november nov novembre noviembre novembro ноября ноябрь listopada listopad", 11],
    ["december dec dezember dez décembre decembre diciembre dicembre dezembro декабря декабрь grudnia grudzień", 12],
  ] as const
).forEach(([names, n]) => {
  for (const name of names.split(" ")) MONTHS[name] = n;
});
const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

const WEEKDAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche";
const TIME = String.raw`(?:\s*(?:,|at|um|à|a las|alle|às|om|в|-|–|—|\|)?\s*(\d{1,2})[:h.](\d{2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.|uhr|h)?)?`;

const NOT_LETTER_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_LETTER_AFTER = String.raw`(?![\p{L}\p{N}])`;

// Each form with its capture order. Built once; the /g versions are cloned per scan.
const TEXT_FORMS: { re: RegExp; order: "dmy" | "mdy" | "ymd" | "numeric-dot" | "numeric-slash" | "my" }[] = [
  {
    re: new RegExp(
      String.raw`${NOT_LETTER_BEFORE}(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${NOT_LETTER_AFTER}(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?`,
      "giu",
    ),
    order: "ymd",
  },
  {
    re: new RegExp(
      String.raw`${NOT_LETTER_BEFORE}(\d{1,2})(?:st|nd|rd|th|er|e|º)?\.?\s*(?:de\s+|of\s+)?(${MONTH_ALT})\.?,?\s+(?:de\s+|del\s+)?(\d{4})${NOT_LETTER_AFTER}(?:г\.?)?${TIME}`,
      "giu",
    ),
    order: "dmy",
  },
  {
    re: new RegExp(
      String.raw`${NOT_LETTER_BEFORE}(${MONTH_ALT})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\.?,?\s+(\d{4})${NOT_LETTER_AFTER}${TIME}`,
      "giu",
    ),
    order: "mdy",
  },
  {
    re: new RegExp(String.raw`${NOT_LETTER_BEFORE}(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})${NOT_LETTER_AFTER}${TIME}`, "gu"),
    order: "numeric-dot",
  },
  {
    re: new RegExp(String.raw`${NOT_LETTER_BEFORE}(\d{1,2})/(\d{1,2})/(\d{4})${NOT_LETTER_AFTER}${TIME}`, "gu"),
    order: "numeric-slash",
  },
  {
    re: new RegExp(String.raw`${NOT_LETTER_BEFORE}(\d{1,2})-(\d{1,2})-(\d{4})${NOT_LETTER_AFTER}${TIME}`, "gu"),
    order: "numeric-slash",
  },
  { re: new RegExp(String.raw`${NOT_LETTER_BEFORE}(${MONTH_ALT})\.?,?\s+(\d{4})${NOT_LETTER_AFTER}`, "giu"), order: "my" },
];

export interface DateMention extends ParsedDate {
  index: number;
  length: number;
  text: string;
}

/** Every date written in the text, in order; numeric d/m vs m/d ambiguity resolved by `usDates`. */
export function findDates(text: string, opts: { usDates?: boolean; minYear?: number; maxYear?: number } = {}): DateMention[] {
  const minYear = opts.minYear ?? 1000;
  const maxYear = opts.maxYear ?? 2100;
  const out: DateMention[] = [];
  // Every written date carries a four-digit year, so the costly month-name patterns only run in small windows
  // around years; a 4 KB article has a handful.
  for (const [from, to] of yearWindows(text)) {
    const window = text.slice(from, to);
    const taken: [number, number][] = [];
    for (const form of TEXT_FORMS) {
      const re = form.re;
      re.lastIndex = 0;
      for (let m = re.exec(window); m; m = re.exec(window)) {
        const start = m.index;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        const parsed = fromMatch(m, form.order, opts.usDates ?? false);
        if (!parsed) continue;
        const year = Number(parsed.value.slice(0, 4));
        if (year < minYear || year > maxYear) continue;
        taken.push([start, end]);
        out.push({ ...parsed, index: from + start, length: m[0].length, text: m[0].trim() });
      }
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const YEAR = /(?<!\d)(?:1\d|20|21)\d\d(?!\d)/g;

// Windows wide enough for "Wednesday, 12 September 2018 at 10:30 am" around each year, widened to whole words
// (or "12 September" would lose its "1") and merged when they touch.
function yearWindows(text: string): [number, number][] {
  const windows: [number, number][] = [];
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(text); m; m = YEAR.exec(text)) {
    let from = Math.max(0, m.index - 40);
    while (from > 0 && WORD_CHAR.test(text[from - 1] as string)) from--;
    let to = Math.min(text.length, m.index + 40);
    while (to < text.length && WORD_CHAR.test(text[to] as string)) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}
const WORD_CHAR = /[\p{L}\p{N}]/u;

function fromMatch(m: RegExpExecArray, order: (typeof TEXT_FORMS)[number]["order"], usDates: boolean): ParsedDate | null {
  let y: number;
  let mo: number;
  let d: number | null;
  let timeAt = 4;
  switch (order) {
    case "ymd":
      [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      break;
    case "dmy":
      [d, mo, y] = [Number(m[1]), MONTHS[(m[2] ?? "").toLowerCase()] ?? 0, Number(m[3])];
      break;
    case "mdy":
      [mo, d, y] = [MONTHS[(m[1] ?? "").toLowerCase()] ?? 0, Number(m[2]), Number(m[3])];
      break;
    case "numeric-dot":
      [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
      break;
    case "numeric-slash": {
      const a = Number(m[1]);
      const b = Number(m[2]);
      // 13/02 can only be day-first, 02/13 only month-first; otherwise the site's convention decides.
      const monthFirst = a > 12 ? false : b > 12 ? true : usDates;
      [mo, d, y] = monthFirst ? [a, b, Number(m[3])] : [b, a, Number(m[3])];
      break;
    }
    case "my":
      [mo, y, d] = [MONTHS[(m[1] ?? "").toLowerCase()] ?? 0, Number(m[2]), null];
      timeAt = 99;
      break;
  }
  if (!validDay(y, mo, d ?? 1)) return null;
  if (d === null) return { value: `${y}-${pad(mo)}`, offset: null, precision: "MONTH" };
  let hour = m[timeAt] !== undefined ? Number(m[timeAt]) : null;
  const minute = m[timeAt + 1] !== undefined ? Number(m[timeAt + 1]) : null;
  const meridiem = m[timeAt + 3]?.toLowerCase().replace(/\./g, "");
  if (hour !== null && meridiem === "pm" && hour < 12) hour += 12;
  if (hour !== null && meridiem === "am" && hour === 12) hour = 0;
  const day = `${y}-${pad(mo)}-${pad(d)}`;
  if (hour === null || minute === null || hour > 23 || minute > 59) return { value: day, offset: null, precision: "DAY" };
  return { value: `${day}T${pad(hour)}:${pad(minute)}:00`, offset: null, precision: "MINUTE" };
}

const ISO =
  /^\s*(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?\s*$/i;
const RFC2822 = new RegExp(
  String.raw`^\s*(?:(?:${WEEKDAYS})\.?,?\s*)?(\d{1,2})\s+(${MONTH_ALT})\.?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(Z|UT|UTC|GMT|[+-]\d{4}|[A-Z]{2,4})?\s*$`,
  "iu",
);

/** A machine-written date (meta tag, JSON-LD, feed, datetime attribute), or a short human one. */
export function parseDateValue(raw: string, opts: { usDates?: boolean } = {}): ParsedDate | null {
  const s = raw.trim();
  if (!s) return null;
  const iso = ISO.exec(s);
  if (iso) {
    const [y, mo] = [Number(iso[1]), Number(iso[2])];
    const d = iso[3] !== undefined ? Number(iso[3]) : null;
    if (d === null)
      return validDay(y, mo, 1) && iso[4] === undefined ? { value: `${y}-${pad(mo)}`, offset: null, precision: "MONTH" } : null;
    if (!validDay(y, mo, d)) return null;
    const day = `${y}-${pad(mo)}-${pad(d)}`;
    const offset = normalizeOffset(iso[7]);
    if (iso[4] === undefined) return { value: day, offset, precision: "DAY" };
    const hour = Number(iso[4]);
    const minute = Number(iso[5]);
    const second = iso[6] !== undefined ? Number(iso[6]) : 0;
    if (hour > 23 || minute > 59 || second > 60) return { value: day, offset, precision: "DAY" };
    // Midnight with no zone is how many CMSs write a bare day.
    return { value: `${day}T${pad(hour)}:${pad(minute)}:${pad(Math.min(second, 59))}`, offset, precision: "MINUTE" };
  }
  const rfc = RFC2822.exec(s);
  if (rfc) {
    const [d, mo, y] = [Number(rfc[1]), MONTHS[(rfc[2] ?? "").toLowerCase()] ?? 0, Number(rfc[3])];
    if (!validDay(y, mo, d)) return null;
    const day = `${y}-${pad(mo)}-${pad(d)}`;
    if (rfc[4] === undefined) return { value: day, offset: normalizeOffset(rfc[7]), precision: "DAY" };
    return {
      value: `${day}T${pad(Number(rfc[4]))}:${rfc[5]}:${pad(Number(rfc[6] ?? 0))}`,
      offset: normalizeOffset(rfc[7]),
      precision: "MINUTE",
    };
  }
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    // Epoch stamps carry no wall clock of their own; the UTC day is the best we can say.
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const date = new Date(ms);
    if (Number.isNaN(date.getTime())) return null;
    return { value: date.toISOString().slice(0, 19), offset: "+00:00", precision: "MINUTE" };
  }
  const found = findDates(s, { usDates: opts.usDates, minYear: 1900 });
  const first = found[0];
  return first ? { value: first.value, offset: null, precision: first.precision } : null;
}

function normalizeOffset(z: string | undefined): string | null {
  if (!z) return null;
  const u = z.toUpperCase();
  if (u === "Z" || u === "UTC" || u === "GMT" || u === "UT") return "+00:00";
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3] ?? "00"}` : null;
}

function validDay(y: number, mo: number, d: number): boolean {
  if (!(y >= 1000 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1)) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

// ---- dates in URLs --------------------------------------------------------------------------------------

/** "/2018/12/02/", "/20181202/", "-2018-12-02-", or "/2018/12/" (month). */
export function dateFromUrl(url: string | null | undefined): (ParsedDate & { evidence: string }) | null {
  if (!url) return null;
  let path: string;
  try {
    const u = new URL(url);
    path = u.pathname + (u.search || "");
  } catch {
    path = url;
  }
  // Eight digits glued into a longer number ("...-2018120212345") are an id, not a date.
  const full = /(?<!\d)((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)/.exec(path);
  if (full) {
    const [y, mo, d] = [Number(full[1]), Number(full[3]), Number(full[4])];
    if (validDay(y, mo, d)) return { value: `${y}-${pad(mo)}-${pad(d)}`, offset: null, precision: "DAY", evidence: full[0] };
  }
  const slashed = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])\//.exec(path);
  if (slashed) {
    const [y, mo, d] = [Number(slashed[1]), Number(slashed[2]), Number(slashed[3])];
    if (validDay(y, mo, d)) return { value: `${y}-${pad(mo)}-${pad(d)}`, offset: null, precision: "DAY", evidence: slashed[0] };
  }
  // "/2023/dec/21/"
  const named = /\/((?:19|20)\d{2})\/([a-z]{3,9})\/(0?[1-9]|[12]\d|3[01])\//i.exec(path);
  const namedMonth = named ? MONTHS[(named[2] ?? "").toLowerCase()] : undefined;
  if (named && namedMonth) {
    const [y, d] = [Number(named[1]), Number(named[3])];
    if (validDay(y, namedMonth, d))
      return { value: `${y}-${pad(namedMonth)}-${pad(d)}`, offset: null, precision: "DAY", evidence: named[0] };
  }
  const month = /\/((?:19|20)\d{2})\/(0?[1-9]|1[0-2])\//.exec(path);
  if (month) return { value: `${month[1]}-${pad(Number(month[2]))}`, offset: null, precision: "MONTH", evidence: month[0] };
  return null;
}

// ---- datelines at the head of a text ----------------------------------------------------------------------

const DATELINE_LABEL =
  /^(?:published|posted|updated|last updated|first published|date|created|veröffentlicht|aktualisiert|erstellt|stand|datum|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|опубликовано|обновлено)(?:\s+(?:on|am|le|el|il|op|at))?\s*:?\s*/i;

/**
 * A line that is only a date (with an optional "Published:" label, weekday or time): the page's own dateline.
 * Returns null for lines that merely contain a date inside a sentence.
 */
export function parseDatelineLine(
  line: string,
  opts: { usDates?: boolean } = {},
): (ParsedDate & { label: string | null }) | null {
  const t = line.trim();
  if (t.length > 90) return null;
  const labelMatch = DATELINE_LABEL.exec(t);
  const label = labelMatch ? labelMatch[0].replace(/\s*:?\s*$/, "") : null;
  const rest = labelMatch ? t.slice(labelMatch[0].length) : t;
  const found = findDates(rest, { usDates: opts.usDates, minYear: 1990 });
  const first = found[0];
  if (!first || first.precision === "MONTH") return null;
  const leftover = (rest.slice(0, first.index) + rest.slice(first.index + first.length))
    .replace(new RegExp(String.raw`\b(?:${WEEKDAYS})\b`, "gi"), "")
    .replace(/\b(?:GMT|UTC|CET|CEST|MSK|EST|EDT|PST|PDT|BST|[+-]\d{2}:?\d{2}|updated|published|at|um|uhr|h)\b/gi, "")
    .replace(/[\s,.|:/–—()-]+/g, "");
  if (leftover.length > (label ? 6 : 3)) return null;
  return { value: first.value, offset: null, precision: first.precision, label };
}

// ---- inference from the article's own words --------------------------------------------------------------

// Events the press counts years from without naming their year.
const KNOWN_EVENTS: { re: RegExp; year: number; context?: RegExp }[] = [
  { re: /(?:second world war|world war (?:ii|2|two)|wwii|ww2)/i, year: 1945 },
  // "the war" is the Second World War only when the article is about it.
  {
    re: /(?:the|their|our|its) (?:(?:two )?countries['’]? )?(?:last )?(?:war|military conflict|hostilities)\b/i,
    year: 1945,
    context: /second world war|world war (?:ii|2|two)|wwii|ww2/i,
  },
  { re: /(?:first world war|world war (?:i|1|one)\b|wwi\b)/i, year: 1918 },
  { re: /(?:collapse|fall|break-?up|dissolution) of the soviet union|end of the cold war/i, year: 1991 },
  { re: /fall of the berlin wall/i, year: 1989 },
  { re: /(?:korean war)/i, year: 1953 },
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};
const toNumber = (s: string): number => (/^\d+$/.test(s) ? Number(s) : (NUMBER_WORDS[s.toLowerCase()] ?? Number.NaN));

interface YearEstimate {
  year: number;
  /** "at least" estimates bound from below; exact ones name the year. */
  kind: "exact" | "atLeast";
  evidence: string;
}

/**
 * Publication date inferred from the text: "68 years after the end of the war" with the war named, "the 75th
 * anniversary of 1945", "in 1956, 62 years ago", else a lower bound from the latest past date the article
 * mentions. Low confidence by design; null when the text gives nothing to anchor on.
 */
export function inferPublicationDate(text: string, opts: { usDates?: boolean; now?: Date } = {}): PublishedDate | null {
  const maxYear = (opts.now ?? new Date()).getUTCFullYear() + 1;
  const estimates: YearEstimate[] = [];
  const sentences = text.split(/(?<=[.!?])\s+|\n+/);

  for (const sentence of sentences) {
    // "N years after/since <event or year>"
    for (const m of sentence.matchAll(
      /\b(more than |over |nearly |almost |some |about |around |at least )?(\d{1,3}|[a-z]+)(?:-| )years? (?:after|since|from)\s+(.{0,80})/gi,
    )) {
      const n = toNumber(m[2] ?? "");
      if (!Number.isFinite(n) || n < 1 || n > 300) continue;
      const anchor = anchorYear(m[3] ?? "", text);
      if (anchor === null) continue;
      const atLeast = /more than|over|at least/i.test(m[1] ?? "");
      const approx = /nearly|almost|some|about|around/i.test(m[1] ?? "");
      if (approx) continue;
      estimates.push({ year: anchor + n + (atLeast ? 1 : 0), kind: atLeast ? "atLeast" : "exact", evidence: m[0].trim() });
    }
    // "the 75th anniversary of <event or year>"
    for (const m of sentence.matchAll(/\b(\d{1,3})(?:st|nd|rd|th) anniversary of\s+(.{0,80})/gi)) {
      const anchor = anchorYear(m[2] ?? "", text);
      if (anchor !== null) estimates.push({ year: anchor + Number(m[1]), kind: "exact", evidence: m[0].trim() });
    }
    // "in 1956, 62 years ago"
    for (const m of sentence.matchAll(/\b((?:19|20)\d{2})\b[^.]{0,40}?\b(\d{1,3}) years ago\b/gi)) {
      estimates.push({ year: Number(m[1]) + Number(m[2]), kind: "exact", evidence: m[0].trim() });
    }
  }

  const usable = estimates.filter((e) => e.year >= 1900 && e.year <= maxYear);
  const exact = usable.filter((e) => e.kind === "exact");
  // "on Friday, January 4, 2019" or "yesterday (Dec. 1, 2018)": a full date the article ties to its own week.
  const anchored = anchoredDay(text, { usDates: opts.usDates, maxYear });
  if (anchored && (!exact.length || exact.some((e) => String(e.year) === anchored.value.slice(0, 4)))) {
    return {
      value: anchored.value,
      offset: null,
      precision: "DAY",
      source: "INFERRED",
      confidence: 0.35,
      earliest: anchored.value,
      latest: addDays(anchored.value, 7),
      evidence: anchored.evidence,
    };
  }

  if (exact.length) {
    // Quoted speakers round or lag; the latest count is the one closest to the writing.
    const best = exact.reduce((a, b) => (b.year > a.year ? b : a));
    return {
      value: String(best.year),
      offset: null,
      precision: "YEAR",
      source: "INFERRED",
      confidence: 0.4,
      earliest: `${best.year}-01-01`,
      latest: `${best.year}-12-31`,
      evidence: best.evidence,
    };
  }

  // Lower bound: the article was written after the latest past event it dates.
  const lower = latestPastMention(text, { usDates: opts.usDates, maxYear });
  const atLeast = usable
    .filter((e) => e.kind === "atLeast")
    .reduce<YearEstimate | null>((a, b) => (!a || b.year > a.year ? b : a), null);
  const candidates: { earliest: string; evidence: string }[] = [];
  if (lower) candidates.push(lower);
  if (atLeast) candidates.push({ earliest: `${atLeast.year}-01-01`, evidence: atLeast.evidence });
  if (!candidates.length) return null;
  const best = candidates.reduce((a, b) => (b.earliest > a.earliest ? b : a));
  return {
    value: best.earliest.slice(0, 4),
    offset: null,
    precision: "YEAR",
    source: "INFERRED",
    confidence: 0.15,
    earliest: best.earliest,
    latest: null,
    evidence: `after: ${best.evidence}`,
  };
}

const WEEKDAY_NAMES = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function anchoredDay(text: string, opts: { usDates?: boolean; maxYear: number }): { value: string; evidence: string } | null {
  let best: { value: string; evidence: string } | null = null;
  for (const d of findDates(text, { usDates: opts.usDates, minYear: 1900, maxYear: opts.maxYear })) {
    if (d.precision === "MONTH") continue;
    const day = d.value.slice(0, 10);
    const around = text.slice(Math.max(0, d.index - 30), d.index + d.length + 30).toLowerCase();
    const weekday = WEEKDAY_NAMES[new Date(`${day}T00:00:00Z`).getUTCDay()] as string;
    let value: string | null = null;
    if (new RegExp(`\\b${weekday}\\b`).test(around) || /\b(?:today|tonight|this morning|this afternoon)\b/.test(around))
      value = day;
    else if (/\byesterday\b/.test(around)) value = addDays(day, 1);
    if (value && (!best || value > best.value))
      best = { value, evidence: text.slice(Math.max(0, d.index - 30), d.index + d.length + 30).trim() };
  }
  return best;
}

function addDays(day: string, n: number): string {
  const t = Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

function anchorYear(phrase: string, wholeText: string): number | null {
  const year = /^(?:the )?(?:year )?((?:1[89]|20)\d{2})\b/.exec(phrase);
  if (year) return Number(year[1]);
  const head = phrase.replace(/^(?:the )?(?:end|start|beginning|outbreak|close) of\s+/i, "");
  for (const ev of KNOWN_EVENTS) {
    const m = ev.re.exec(head);
    if (m && m.index < 10 && (!ev.context || ev.context.test(wholeText))) return ev.year;
  }
  return null;
}

// Future-facing phrasing ("by 2030", "until 2025") says nothing about when the article was written.
const FUTURE_BEFORE =
  /(?:by|until|till|through|before|in the year|target(?:s|ed)? of|plans? for|deadline of|expected in|scheduled for|due in|bis|jusqu'en|hasta)\s*$/i;

function latestPastMention(
  text: string,
  opts: { usDates?: boolean; maxYear: number },
): { earliest: string; evidence: string } | null {
  let best: { earliest: string; evidence: string } | null = null;
  const consider = (earliest: string, evidence: string, index: number) => {
    const before = text.slice(Math.max(0, index - 25), index);
    if (FUTURE_BEFORE.test(before)) return;
    if (!best || earliest > best.earliest) best = { earliest, evidence };
  };
  for (const d of findDates(text, { usDates: opts.usDates, minYear: 1900, maxYear: opts.maxYear })) {
    consider(d.precision === "MONTH" ? `${d.value}-01` : d.value.slice(0, 10), d.text, d.index);
  }
  for (const m of text.matchAll(/\b(?:in|since|of|from|during|early|late|mid-?)\s+((?:19|20)\d{2})\b(?![-–\d])/gi)) {
    consider(`${m[1]}-01-01`, m[0], m.index ?? 0);
  }
  return best;
}
