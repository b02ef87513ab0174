// Dates for articles that carry none, from the articles they are linked with: the happenings that dated articles
// of the same story place in time ("in Vladivostok in September", "in Singapore last month"), resolved against
// the undated article's own words ("in Singapore last year", "on Wednesday"), and the dated members of its event.
// Runs after linking, over the stored Event/Story rows; an estimate is only as precise as its evidence.
import type { PrismaClient } from "@storyline/db";
import { MONTHS, WEEKDAYS } from "../link/dates.ts";
import { RollupDeltas, storyRollupInsert } from "./rollups.ts";

type Precision = "DAY" | "WEEK" | "MONTH" | "YEAR";
const DAY_MS = 86_400_000;

export interface DatingArticle {
  id: number;
  title: string | null;
  body: string;
  eventId: number | null;
  /** A stated date (metadata, URL, dateline): "YYYY-MM-DD". Null for undated or estimated articles. */
  day: string | null;
  /** The article's own lower bound from its text ("after December 2016"), when it has one. */
  earliest: string | null;
}

export interface DateEstimate {
  value: string;
  precision: Precision;
  earliest: string;
  latest: string;
  confidence: number;
  evidence: string;
}

interface Happening {
  start: number;
  end: number;
  label: string;
  stems: Set<string>;
  from: DatingArticle;
}

interface Constraint {
  lo: number;
  hi: number;
  strong: boolean;
  evidence: string;
}

const STOP = new Set(
  "the a an and or but of to in on at by for with from as is was were be been are has have had this that these those it its their they them he she his her we our you your i not no than then so if when while after before over under about into out up down also more most last next year years month months week day days said says say will would could should can may might just only very there here what which who whom whose how why where year-end end time told first again without within during based like well still even because since".split(
    " ",
  ),
);
const TIME_WORDS = new Set([...MONTHS, ...WEEKDAYS, "yesterday", "today", "tonight", "week", "month", "year"]);

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const parseDay = (s: string) => Date.parse(`${s.slice(0, 10)}T00:00:00Z`);
const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);
const monthEnd = (y: number, m: number) => Date.UTC(y, m + 1, 1) - DAY_MS;

function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/, "");
  for (const suffix of ["ations", "ation", "ings", "ing", "ed", "es", "s"])
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  return w;
}

/** Content stems of a sentence; `telling` collects those of names and long words, the ones that can tell happenings apart. */
function stemsOf(sentence: string, telling?: Set<string>, names?: Set<string>): Set<string> {
  const out = new Set<string>();
  // "pre-conditions" and "preconditions" are one word.
  for (const m of sentence.replace(/(\p{L})-(\p{L})/gu, "$1$2").matchAll(/\p{L}{3,}/gu)) {
    const w = m[0].toLowerCase();
    if (STOP.has(w) || TIME_WORDS.has(w)) continue;
    const s = stem(w);
    out.add(s);
    const name = m.index > 0 && /^\p{Lu}/u.test(m[0]);
    if (telling && (w.length >= 6 || name)) telling.add(s);
    if (names && name) names.add(s);
  }
  return out;
}

const sentencesOf = (a: Pick<DatingArticle, "title" | "body">) =>
  [a.title ?? "", ...a.body.split(/(?<=[.!?”"])\s+|\n+/)].map((s) => s.trim()).filter((s) => s.length > 20);

const MONTH_RE = new RegExp(String.raw`\bin (${MONTHS.join("|")})\b(?!,? \d{4})(?! \d)`, "i");
const WEEKDAY_RE = new RegExp(String.raw`\b(?:on|last|this|since) (${WEEKDAYS.join("|")})\b`, "i");
const NEAR_RE = /\b(?:yesterday|today|tonight|this week|earlier this week|this morning|this afternoon)\b/i;

/** The period a dated article's sentence places a happening in, relative to the article's own day. */
function periodIn(sentence: string, anchor: number): { start: number; end: number; label: string } | null {
  const d = new Date(anchor);
  const [y, m] = [d.getUTCFullYear(), d.getUTCMonth()];
  if (/\blast month\b/i.test(sentence)) return { start: monthStart(y, m - 1), end: monthEnd(y, m - 1), label: "last month" };
  if (/\blast year\b/i.test(sentence))
    return { start: Date.UTC(y - 1, 0, 1), end: Date.UTC(y, 0, 1) - DAY_MS, label: "last year" };
  const month = MONTH_RE.exec(sentence);
  if (month) {
    const n = MONTHS.indexOf((month[1] ?? "").toLowerCase());
    const year = n <= m ? y : y - 1;
    return { start: monthStart(year, n), end: monthEnd(year, n), label: month[0] };
  }
  const weekday = WEEKDAY_RE.exec(sentence);
  if (weekday) {
    const n = WEEKDAYS.indexOf((weekday[1] ?? "").toLowerCase());
    const back = (d.getUTCDay() - n + 7) % 7 || 7;
    const t = anchor - back * DAY_MS;
    return { start: t, end: t, label: weekday[0] };
  }
  if (/\byesterday\b/i.test(sentence)) return { start: anchor - DAY_MS, end: anchor - DAY_MS, label: "yesterday" };
  return null;
}

function happeningsOf(anchors: readonly DatingArticle[]): Happening[] {
  const out: Happening[] = [];
  for (const a of anchors) {
    const at = parseDay(a.day as string);
    for (const s of sentencesOf(a)) {
      const p = periodIn(s, at);
      if (p) out.push({ ...p, stems: stemsOf(s), from: a });
    }
  }
  return out;
}

/** How the undated article's sentence places itself against a happening it reports. */
function relation(sentence: string, h: Happening, nearNews: boolean): Constraint | null {
  const hs = new Date(h.start);
  const he = new Date(h.end);
  const what = `"${h.label}" in article ${h.from.id} (dated ${h.from.day})`;
  if (/\blast year\b/i.test(sentence)) {
    const y = he.getUTCFullYear() + 1;
    return { lo: Date.UTC(y, 0, 1), hi: Date.UTC(y + 1, 0, 1) - DAY_MS, strong: true, evidence: `"last year" = ${what}` };
  }
  if (/\blast month\b/i.test(sentence)) {
    const [y, m] = [he.getUTCFullYear(), he.getUTCMonth() + 1];
    return { lo: monthStart(y, m), hi: monthEnd(y, m), strong: true, evidence: `"last month" = ${what}` };
  }
  const month = MONTH_RE.exec(sentence);
  if (month) {
    const n = MONTHS.indexOf((month[1] ?? "").toLowerCase());
    if (n !== hs.getUTCMonth()) return null;
    // A past month named without its year is within the last twelve months.
    return {
      lo: h.start,
      hi: Date.UTC(hs.getUTCFullYear() + 1, n, 1) - DAY_MS,
      strong: true,
      evidence: `"${month[0]}" = ${what}`,
    };
  }
  const thisYear = /\bthis year\b/i.test(sentence);
  if (WEEKDAY_RE.test(sentence) || NEAR_RE.test(sentence) || (nearNews && !/\b(?:ago|earlier|previous|former)\b/i.test(sentence)))
    return {
      lo: h.start,
      hi: h.end + 7 * DAY_MS,
      strong: WEEKDAY_RE.test(sentence) || NEAR_RE.test(sentence),
      evidence: `reports as this week's news ${what}`,
    };
  if (thisYear) {
    const y = hs.getUTCFullYear();
    return { lo: Date.UTC(y, 0, 1), hi: Date.UTC(y + 1, 0, 1) - DAY_MS, strong: false, evidence: `"this year" of ${what}` };
  }
  return null;
}

function intersect(cs: readonly Constraint[]): { lo: number; hi: number } | null {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  for (const c of cs) {
    lo = Math.max(lo, c.lo);
    hi = Math.min(hi, c.hi);
  }
  return lo <= hi ? { lo, hi } : null;
}

function asEstimate(lo: number, hi: number, evidence: string[], strong: boolean): DateEstimate | null {
  const a = new Date(lo);
  const b = new Date(hi);
  const span = (hi - lo) / DAY_MS;
  const base = { earliest: day(lo), latest: day(hi), evidence: evidence.join("; ") };
  const conf = strong ? 0.6 : 0.4;
  if (span < 1) return { ...base, value: day(lo), precision: "DAY", confidence: conf };
  if (span <= 6) return { ...base, value: day(lo), precision: "WEEK", confidence: conf };
  const sameMonth = a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
  // A month and a few days after it ("in September, reported within the week") is that month.
  const spill = !sameMonth && span <= 40 ? monthEnd(a.getUTCFullYear(), a.getUTCMonth()) : null;
  if (sameMonth || (spill !== null && (spill - lo) / DAY_MS + 1 >= 0.7 * (span + 1)))
    return { ...base, value: day(monthStart(a.getUTCFullYear(), a.getUTCMonth())), precision: "MONTH", confidence: conf - 0.1 };
  if (a.getUTCFullYear() === b.getUTCFullYear())
    return { ...base, value: day(Date.UTC(a.getUTCFullYear(), 0, 1)), precision: "YEAR", confidence: conf - 0.2 };
  return null;
}

/**
 * An estimate for one undated article from the dated articles of its story. Strong evidence (its own sentence
 * ties a happening to "last year", "last month", "in September", "on Wednesday") is intersected first; weak
 * evidence (its event's dated members, a happening reported without a time word) only narrows what stays
 * consistent. Null when nothing anchors it or the evidence disagrees.
 */
export function estimateFromStory(target: DatingArticle, story: readonly DatingArticle[]): DateEstimate | null {
  const anchors = story.filter((a) => a.day && a.id !== target.id);
  if (!anchors.length) return null;
  const { happenings, idf, rare, rareName } = storyIndex(story);
  const nearNews = WEEKDAY_RE.test(target.body) || NEAR_RE.test(target.body);

  const constraints: (Constraint & { score: number })[] = [];
  for (const sentence of sentencesOf(target)) {
    // "In 1956, ..." dates itself: it is background, not the news.
    if (/\b(?:1[89]|20)\d\d\b/.test(sentence)) continue;
    const own = stemsOf(sentence);
    let best: { h: Happening; score: number; named: boolean } | null = null;
    for (const h of happenings) {
      if (h.from.id === target.id) continue;
      let score = 0;
      let shared = 0;
      let distinctive = false;
      let named = false;
      for (const s of own)
        if (h.stems.has(s)) {
          score += idf(s);
          shared++;
          if (rare(s)) distinctive = true;
          if (rareName(s)) named = true;
        }
      if (shared >= 3 && distinctive && score >= MIN_MATCH && (!best || score > best.score)) best = { h, score, named };
    }
    if (!best) continue;
    const c = relation(sentence, best.h, nearNews);
    // A weekday in a loosely matched sentence may date something else the sentence tells.
    if (c?.strong && c.evidence.startsWith("reports") && best.score < CLEAR_MATCH) c.strong = false;
    // Reporting a happening as news, with no time word of its own, takes naming where it happened.
    if (c && !c.strong && c.evidence.startsWith("reports") && !best.named) continue;
    if (c) constraints.push({ ...c, score: best.score });
  }
  const bounds: Constraint[] = [];
  if (target.earliest) bounds.push({ lo: parseDay(target.earliest), hi: Number.POSITIVE_INFINITY, strong: true, evidence: "" });
  const members = anchors.filter((a) => target.eventId !== null && a.eventId === target.eventId).map((a) => parseDay(a.day!));
  if (members.length) {
    const lo = Math.min(...members) - 3 * DAY_MS;
    const hi = Math.max(...members) + 3 * DAY_MS;
    if (hi - lo <= 31 * DAY_MS)
      constraints.push({
        lo,
        hi,
        strong: false,
        score: 0,
        evidence: `its event's dated articles (${[...new Set(members.map(day))].join(", ")})`,
      });
  }

  // Strong evidence first, the best-matched first; whatever disagrees with what is already kept is dropped.
  let range = intersect(bounds);
  if (!range) return null;
  const used: Constraint[] = [];
  // Weak evidence votes: sentences that tie the article to the same happening add up.
  const votes = new Map<string, number>();
  const key = (c: Constraint) => `${c.lo}|${c.hi}`;
  for (const c of constraints) if (!c.strong) votes.set(key(c), (votes.get(key(c)) ?? 0) + c.score);
  const weight = (c: Constraint & { score: number }) => (c.strong ? c.score : (votes.get(key(c)) ?? 0));
  const ordered = [...constraints].sort((a, b) => Number(b.strong) - Number(a.strong) || weight(b) - weight(a));
  for (const c of ordered) {
    const narrowed = intersect([{ ...range, strong: true, evidence: "" }, c]);
    if (narrowed) {
      range = narrowed;
      used.push(c);
    }
  }
  if (!used.length || !Number.isFinite(range.lo) || !Number.isFinite(range.hi)) return null;
  return asEstimate(
    range.lo,
    range.hi,
    [...new Set(used.map((c) => c.evidence))],
    used.some((c) => c.strong),
  );
}

/** A sentence and a happening share this much rarity (summed idf over the story's sentences) to be the same. */
const MIN_MATCH = 5;
const CLEAR_MATCH = 10;

const indexes = new WeakMap<readonly DatingArticle[], ReturnType<typeof buildIndex>>();
const storyIndex = (story: readonly DatingArticle[]) => {
  let index = indexes.get(story);
  if (!index) {
    index = buildIndex(story);
    indexes.set(story, index);
  }
  return index;
};

// Rarity over every sentence of the story, so "Putin" and "treaty" weigh little and "Vladivostok" much.
function buildIndex(story: readonly DatingArticle[]) {
  const df = new Map<string, number>();
  const telling = new Set<string>();
  const names = new Set<string>();
  let n = 0;
  for (const a of story)
    for (const sentence of sentencesOf(a)) {
      n++;
      for (const s of stemsOf(sentence, telling, names)) df.set(s, (df.get(s) ?? 0) + 1);
    }
  // A short story says little about which words are common: it counts as at least 60 sentences.
  const idf = (s: string) => Math.log((Math.max(n, 60) + 1) / ((df.get(s) ?? 0) + 0.5));
  const rare = (s: string) => telling.has(s) && (df.get(s) ?? 0) <= Math.max(3, n * 0.06);
  const rareName = (s: string) => names.has(s) && rare(s);
  return { happenings: happeningsOf(story.filter((a) => a.day)), idf, rare, rareName };
}

// ---- the store step --------------------------------------------------------------------------------------

/** Below this an inferred date is re-estimated from linked articles; above it the article's own arithmetic stands. */
const STRONG_INFERENCE = 0.4;
/** A date from the text this many years from every stated date of its story needs strong evidence. */
const IMPLAUSIBLE_YEARS = 3;

interface Row {
  id: number;
  title: string | null;
  body: string;
  eventId: number | null;
  storyId: number | null;
  outletId: number | null;
  duplicateOfId: number | null;
  publishedAt: Date | null;
  publishedAtSource: string;
  publishedAtConfidence: number;
  publishedAtEarliest: Date | null;
}

const ESTIMATED = new Set(["INFERRED", "LINKED", "NONE"]);

/**
 * Dates the undated articles of the stories that `runId`'s articles belong to, after a run's linking has settled.
 * Rewrites only estimates (never a stated date), keeps quotes' copies and the coverage rollups in step, and
 * demotes text-inferred dates far from every stated date of their story unless their evidence is strong.
 */
export async function estimateDates(prisma: PrismaClient, runId: number): Promise<{ estimated: number; cleared: number }> {
  const stories = await prisma.$queryRaw<{ storyId: number }[]>`
    select distinct e."storyId" from "Article" a join "Event" e on e.id = a."eventId"
    where a."ingestRunId" = ${runId} and e."storyId" is not null`;
  if (!stories.length) return { estimated: 0, cleared: 0 };
  const storyIds = stories.map((s) => s.storyId);
  const rows = await prisma.$queryRaw<Row[]>`
    select a.id, a.title, a.body, a."eventId", e."storyId", a."outletId", a."duplicateOfId", a."publishedAt",
           a."publishedAtSource"::text as "publishedAtSource", a."publishedAtConfidence", a."publishedAtEarliest"
    from "Article" a join "Event" e on e.id = a."eventId" where e."storyId" = any(${storyIds}::int[])`;
  const byStory = new Map<number, Row[]>();
  for (const r of rows) byStory.set(r.storyId!, [...(byStory.get(r.storyId!) ?? []), r]);

  const updates: { row: Row; estimate: DateEstimate | null }[] = [];
  for (const members of byStory.values()) {
    const story: DatingArticle[] = members.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      eventId: r.eventId,
      day: r.publishedAt && !ESTIMATED.has(r.publishedAtSource) ? r.publishedAt.toISOString().slice(0, 10) : null,
      earliest: r.publishedAtEarliest && ESTIMATED.has(r.publishedAtSource) ? day(r.publishedAtEarliest.getTime()) : null,
    }));
    const stated = story.filter((a) => a.day).map((a) => parseDay(a.day!));
    for (const [i, r] of members.entries()) {
      if (!ESTIMATED.has(r.publishedAtSource)) continue;
      const far =
        r.publishedAt !== null &&
        stated.length > 0 &&
        stated.every((t) => Math.abs(t - r.publishedAt!.getTime()) > IMPLAUSIBLE_YEARS * 365 * DAY_MS);
      const own = r.publishedAtSource === "INFERRED" && r.publishedAt !== null;
      if (own && r.publishedAtConfidence >= STRONG_INFERENCE) continue;
      const target = story[i]!;
      // An implausible own date is no bound on the estimate either.
      const estimate = estimateFromStory(far ? { ...target, earliest: null } : target, story);
      if (estimate) updates.push({ row: r, estimate });
      else if (own && far) updates.push({ row: r, estimate: null });
    }
  }
  if (!updates.length) return { estimated: 0, cleared: 0 };

  const deltas = new RollupDeltas();
  const quotes = await prisma.quote.findMany({
    where: { articleId: { in: updates.map((u) => u.row.id) }, speakerId: { not: null } },
    select: { articleId: true, speakerId: true },
  });
  const speakersOf = new Map<number, number[]>();
  for (const q of quotes) speakersOf.set(q.articleId, [...(speakersOf.get(q.articleId) ?? []), q.speakerId!]);
  for (const { row, estimate } of updates) {
    const before = row.publishedAt ? day(row.publishedAt.getTime()) : null;
    const after = estimate ? estimate.value : null;
    const unique = row.duplicateOfId === null;
    for (const [dayValue, amount] of [
      [before, -1],
      [after, 1],
    ] as const) {
      deltas.add("ALL", 0, dayValue, unique, amount);
      deltas.add("OUTLET", row.outletId, dayValue, unique, amount);
      deltas.add("EVENT", row.eventId, dayValue, unique, amount);
      for (const speaker of speakersOf.get(row.id) ?? []) deltas.add("SPEAKER", speaker, dayValue, unique, amount);
    }
  }
  await prisma.$transaction(
    async (tx) => {
      for (const { row, estimate } of updates) {
        const at = estimate ? new Date(`${estimate.value}T00:00:00Z`) : null;
        await tx.article.update({
          where: { id: row.id },
          data: estimate
            ? {
                publishedAt: at,
                publishedAtPrecision: estimate.precision,
                publishedAtSource: "LINKED",
                publishedAtConfidence: estimate.confidence,
                publishedAtEarliest: new Date(`${estimate.earliest}T00:00:00Z`),
                publishedAtLatest: new Date(`${estimate.latest}T00:00:00Z`),
                publishedAtEvidence: estimate.evidence,
              }
            : {
                publishedAt: null,
                publishedAtEvidence: `implausible: more than ${IMPLAUSIBLE_YEARS} years from every stated date of its story, on weak evidence`,
              },
        });
        await tx.quote.updateMany({ where: { articleId: row.id }, data: { publishedAt: at } });
      }
      await deltas.apply(tx);
      await tx.$executeRaw`delete from "CoverageDay" where dimension = 'STORY' and key = any(${storyIds}::int[])`;
      await tx.$executeRaw(storyRollupInsert(storyIds));
      await tx.$executeRaw`delete from "CoverageDay" where total <= 0`;
    },
    { timeout: 120_000 },
  );
  return {
    estimated: updates.filter((u) => u.estimate).length,
    cleared: updates.filter((u) => !u.estimate).length,
  };
}
