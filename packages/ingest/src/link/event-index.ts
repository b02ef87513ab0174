// Online event clustering: each article joins the most similar recent event or opens a new one. Similarity is
// the article's TF-IDF vector (title words weighted up, entity keys included) against the event's members
// (linkage(): between average link and centroid cosine), adjusted by time: a little less per day between the
// article and the event's span, a little more when both are dated close together, and, for leads that name a
// weekday ("the Senate voted on Tuesday"), more or less as the event's leads name the same day. Beyond a
// window of days the event is not a candidate at all. Candidates come from an inverted index over recent
// events' strongest terms, so the cost of an assignment depends on the posting caps, not on how many events
// exist. An article only sees the events that existed when it came, so the caller runs consolidate() after each
// batch and consolidate("run") at the end of a run: events that turn out to report one happening are merged
// (average link between members, less how crowded each event's neighbourhood is), and the merges reported.

import { Centroid, cosine, linkage, strongest } from "./centroid.ts";
import { dayNumber, dayToIso, happeningDay, weekdayCue } from "./dates.ts";
import { articlePlaces, type PlaceRef, placeRef } from "./places.ts";
import { Postings } from "./postings.ts";
import { DEFAULT_STORY_OPTIONS, type StoryEventInput, StoryIndex, type StoryOptions } from "./story-index.ts";
import { TermStats, type TermStatsState, type TermVector } from "./term-stats.ts";
import { DEFAULT_FEATURE_OPTIONS, documentTerms, entityKey, type FeatureOptions, featuresKey } from "./text.ts";
import type {
  AssignResult,
  ClusterDoc,
  EntityCount,
  EventMerge,
  EventSnapshot,
  EventView,
  IndexChanges,
  Participant,
  StorySnapshot,
  StoryView,
} from "./types.ts";

export interface EventIndexOptions {
  /** Minimum similarity for an article to join an event rather than open one. */
  threshold: number;
  /** Days between an article and an event's span that cost dayPenalty each (a happening is reported within days). */
  windowDays: number;
  /** Similarity added when article and event are both dated and on the same days, less as they drift apart. */
  dateProximityBonus: number;
  /** See linkage(): 1 compares with the centroid (cosine), 0 averages over members. */
  centroidNormPower: number;
  /** Similarity subtracted per day between an article and the event's span, up to windowDays. */
  dayPenalty: number;
  /** Similarity subtracted per day past windowDays; past farWindowDays an event is no candidate. */
  farDayPenalty: number;
  farWindowDays: number;
  /**
   * Similarity added when an article's lead names the weekday the event's leads name (weekdayBonus), and taken
   * away when it names another (weekdayPenalty), scaled by how many of the event's articles agree.
   */
  weekdayBonus: number;
  weekdayPenalty: number;
  /**
   * Similarity taken away when one side (article or event) has a publication day and the other has none: the
   * dated side's time cannot be checked against the other, and weak word links then chain reports of
   * different happenings (a January announcement onto December talks). Two undated sides are compared on
   * words alone, as before.
   */
  undatedPenalty: number;
  /** The same for two events compared in consolidation. */
  undatedMergePenalty: number;
  /** Events without a member for this many days (of the newest article date seen) leave memory. */
  activeDays: number;
  /** Undated events leave memory after this many further articles. */
  activeArticles: number;
  /** Hard cap on events in memory; the least recently joined leave first. */
  maxActiveEvents: number;
  maxCentroidTerms: number;
  /** Terms under which an event is filed in the inverted index. */
  indexTermsPerEvent: number;
  /** An article's strongest terms used to look up candidates. */
  queryTerms: number;
  /** Events kept per term in the inverted index (most recently joined). */
  maxPostings: number;
  /** Candidates scored in full per article. */
  maxCandidates: number;
  /** Consolidation (consolidate()): minimum event-to-event similarity, after crowding, for two events to merge. */
  mergeThreshold: number;
  /** See linkage(), for two events: 0 averages over all pairs of members, 1 compares centroids. */
  mergeNormPower: number;
  /** Similarity taken away per unit of the mean similarity of each event to its other neighbours (hubs merge less). */
  mergeCrowdPenalty: number;
  /** Neighbours skipped (the closest are the merge candidates themselves) and counted for that mean. */
  mergeCrowdSkip: number;
  mergeCrowdRanks: number;
  mergeCrowdFloor: number;
  /** Rounds of merging per call; each round looks again at the events the previous one grew. */
  mergeRounds: number;
  /** An event's strongest terms used to look up its neighbours, and how many of them are compared. */
  mergeQueryTerms: number;
  mergeCandidates: number;
  /** mergeThreshold for consolidate("run"), when the index has seen the whole run. */
  runMergeThreshold: number;
  /**
   * The run's threshold for a pair of a dated and an undated event where one looks back at the other (a
   * member's look-back sentence, "in Singapore in November", matches the other event's words): a later report that recalls a happening is
   * not a report of it, and the run's low bar would fold it in (a January announcement into the December
   * talks it recalls).
   */
  runMergeRecallThreshold: number;
  maxTitles: number;
  /** Article id -> event id remembered for near-duplicates whose original's event the caller does not pass. */
  recentArticles: number;
  maxVocabulary: number;
  /** See TermStats: below 1 flattens IDF. */
  idfPower: number;
  /** False when the document frequencies were learned beforehand (recluster counts every document first). */
  learnTermStats: boolean;
  features: FeatureOptions;
  story: StoryOptions;
}

export const DEFAULT_EVENT_OPTIONS: EventIndexOptions = {
  threshold: 0.4,
  windowDays: 7,
  // Tuned on news leads: 0 (average link) scored a little higher, but a long-running event's mean vector
  // shortens as its coverage diversifies, and with 0 it would stop attracting its own later reports.
  centroidNormPower: 0.5,
  // Kept small: in a dense stream many same-day articles share a topic without sharing a happening.
  dateProximityBonus: 0.05,
  dayPenalty: 0.02,
  // Follow-ups of one incident (GVC) come up to weeks later and name the same people and places.
  farDayPenalty: 0.005,
  farWindowDays: 30,
  // Reports of one happening name the same weekday 86% of the time; the nearest report of another, 24%.
  weekdayBonus: 0.03,
  weekdayPenalty: 0.1,
  // Measured on ECB+ (mostly undated), GVC and AllSides dev, two folds each: neutral or better on every fold.
  undatedPenalty: 0.03,
  undatedMergePenalty: 0.1,
  activeDays: 30,
  activeArticles: 200_000,
  maxActiveEvents: 200_000,
  maxCentroidTerms: 200,
  indexTermsPerEvent: 30,
  queryTerms: 20,
  maxPostings: 300,
  maxCandidates: 20,
  mergeThreshold: 0.25,
  mergeNormPower: 0,
  mergeCrowdPenalty: 1,
  mergeCrowdSkip: 0,
  mergeCrowdRanks: 10,
  mergeCrowdFloor: 0.1,
  mergeRounds: 4,
  mergeQueryTerms: 8,
  mergeCandidates: 20,
  runMergeThreshold: 0.11,
  runMergeRecallThreshold: 0.25,
  maxTitles: 6,
  recentArticles: 100_000,
  maxVocabulary: 2_000_000,
  idfPower: 0.75,
  learnTermStats: true,
  features: DEFAULT_FEATURE_OPTIONS,
  story: DEFAULT_STORY_OPTIONS,
};

export interface IdFactory {
  event: () => string;
  story: () => string;
}

/** Everything needed to resume clustering where it stopped. */
export interface EventIndexState {
  version: 1;
  seq: number;
  clockDay: string | null;
  nextEventNumber: number;
  nextStoryNumber: number;
  terms: TermStatsState;
  events: EventSnapshot[];
  stories: StorySnapshot[];
  /** [article id, event id] of recent articles, for near-duplicates. */
  recentArticles: [string, string][];
}

/** An article on its way into the index, with what assign() derived from it. */
interface Arrival {
  doc: ClusterDoc;
  /** Unit IDF-weighted term vector. */
  vector: TermVector;
  day: number | null;
  happeningDay: number | null;
  weekday: number | null;
  /** Publication year, from the day or, when only the year or month is known, from ClusterDoc.year. */
  year: number | null;
  seq: number;
}

interface EventRecord {
  id: string;
  centroid: Centroid;
  entities: Map<string, EntityCount>;
  titles: string[];
  lead: string | null;
  articleCount: number;
  firstDay: number | null;
  lastDay: number | null;
  happeningDay: number | null;
  /** How many members' leads name each weekday (0 = Sunday). */
  weekdays: number[];
  lastSeq: number;
  /** Arrival counter of the first member (in this process; loaded events count as before any arrival). */
  firstSeq: number;
  /** Span of the members' publication years, including members dated only to the year or month. */
  firstYear: number | null;
  lastYear: number | null;
  storyId: string | null;
  /** Places the members' leads name with a locative cue, and how many members do. */
  places: Map<string, PlaceVote>;
  /** Look-back sentences of the members that place another happening ("in Vladivostok in September"). */
  recalls: PlaceRecallTerms[];
  /** Places other events' recalls attribute to this one, by place key, with the events they come from. */
  recalled: Map<string, RecalledPlace>;
}

interface PlaceVote extends PlaceRef {
  count: number;
}

interface PlaceRecallTerms {
  place: PlaceRef;
  /** The sentence's raw term weights (its strongest terms). */
  terms: Record<string, number>;
}

interface RecalledPlace extends PlaceRef {
  from: string[];
}

interface Neighbours {
  list: [EventRecord, number][];
  crowd: number;
}

const MAX_EVENT_ENTITIES = 40;
const MAX_EVENT_PLACES = 12;
const MAX_EVENT_RECALLS = 8;
const RECALL_TERMS = 16;
/** Cosine a look-back sentence needs with another event of its story to place that event. */
const RECALL_MIN_SIMILARITY = 0.12;
/** Cosine a look-back sentence needs with another event to hold the two apart in the run's consolidation. */
const RECALL_MERGE_SIMILARITY = 0.25;
const PARTICIPANT_KINDS = new Set(["PERSON", "ORGANIZATION"]);
/** Article counts at which a lone event's story link is reconsidered. */
const STORY_REVIEW_AT = new Set([2, 4, 8, 16, 32]);

export class EventIndex {
  readonly options: EventIndexOptions;
  private readonly stats: TermStats;
  private readonly events = new Map<string, EventRecord>();
  private readonly postings: Postings;
  private readonly stories: StoryIndex;
  private readonly recent = new Map<string, string>();
  private readonly dirty = new Set<string>();
  private readonly pendingSnapshots = new Map<string, EventSnapshot>();
  private readonly evicted = new Set<string>();
  /** Events grown or opened since the last consolidate(). */
  private readonly touched = new Set<string>();
  /** Events grown or opened since this index was made or loaded (a run), for consolidate("run"). */
  private readonly touchedInRun = new Set<string>();
  /** Event merged away -> the event it went into, for near-duplicates and callers still holding the old id. */
  private readonly redirects = new Map<string, string>();
  private readonly merges: EventMerge[] = [];
  private readonly ids: IdFactory;
  private seq = 0;
  private candidatesScored = 0;
  private clockDay: number | null = null;
  private nextEventNumber = 1;
  private nextStoryNumber = 1;
  private readonly featuresKey: string;

  constructor(options: Partial<EventIndexOptions> = {}, ids?: Partial<IdFactory>, stats?: TermStats) {
    this.options = {
      ...DEFAULT_EVENT_OPTIONS,
      ...options,
      features: { ...DEFAULT_FEATURE_OPTIONS, ...options.features },
      story: { ...DEFAULT_STORY_OPTIONS, ...options.story },
    };
    this.featuresKey = featuresKey(this.options.features);
    this.stats = stats ?? new TermStats(this.options.maxVocabulary, this.options.idfPower);
    this.postings = new Postings(this.options.maxPostings);
    this.ids = {
      event: ids?.event ?? (() => `ev-${this.nextEventNumber++}`),
      story: ids?.story ?? (() => `st-${this.nextStoryNumber++}`),
    };
    this.stories = new StoryIndex(this.stats, this.options.story, () => this.ids.story());
  }

  /** Puts an article in an event; returns the event and whether it was opened for this article. */
  assign(doc: ClusterDoc): AssignResult {
    const seq = ++this.seq;
    if (this.stats.wantsCompaction) this.compactTerms();
    const raw =
      doc.terms && doc.terms.features === this.featuresKey
        ? doc.terms.weights
        : documentTerms(doc.title, doc.body, doc.entities, this.options.features);
    const vector = this.stats.weigh(raw, this.options.learnTermStats);
    const day = dayNumber(doc.publishedAt);
    const arrival: Arrival = {
      doc,
      vector,
      day,
      happeningDay: day === null ? null : happeningDay(doc.body, day),
      weekday: weekdayCue(doc.body),
      year: day !== null ? yearOfDay(day) : (doc.year ?? null),
      seq,
    };
    if (day !== null && (this.clockDay === null || day > this.clockDay)) this.clockDay = day;

    const result = this.place(arrival);
    this.remember(doc.id, result.eventId);
    if (seq % 1024 === 0) this.evictInactive();
    return result;
  }

  private place(a: Arrival): AssignResult {
    const { doc } = a;
    const originalEventId = this.resolve(
      doc.duplicateOfEventId ?? (doc.duplicateOf ? this.recent.get(doc.duplicateOf) : undefined),
    );
    if (originalEventId) {
      const original = this.events.get(originalEventId);
      // The original's event has left memory: the caller still files the copy under it.
      if (!original) return { eventId: originalEventId, similarity: 1, isNew: false, storyId: null };
      const similarity = cosine(a.vector, original.centroid, this.stats);
      this.join(original, a);
      return { eventId: original.id, similarity, isNew: false, storyId: original.storyId };
    }

    const { event, similarity } = this.bestEvent(a);
    if (event && similarity >= this.options.threshold) {
      this.join(event, a);
      return { eventId: event.id, similarity, isNew: false, storyId: event.storyId };
    }
    const opened = this.open(a);
    return { eventId: opened.id, similarity: Math.max(0, similarity), isNew: true, storyId: opened.storyId };
  }

  /** The most similar candidate event and its similarity (time adjustments included). */
  private bestEvent(a: Arrival): { event: EventRecord | null; similarity: number } {
    const query = strongest(a.vector, this.options.queryTerms);
    let best: EventRecord | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const id of this.postings.candidates(query, this.options.maxCandidates)) {
      const event = this.events.get(id);
      if (!event) continue;
      this.candidatesScored++;
      const gap = dayGap(a.day, event);
      if (gap > this.options.farWindowDays) continue;
      if (yearsApart(a.year, a.year, event)) continue;
      let score = linkage(a.vector, event.centroid, event.articleCount, this.stats, this.options.centroidNormPower);
      score -= this.gapPenalty(gap);
      // Both dated and close in time is evidence of its own; an undated side gets neither bonus nor penalty.
      if (a.day !== null && event.firstDay !== null) {
        score += this.options.dateProximityBonus * Math.max(0, 1 - gap / this.options.windowDays);
      } else if (a.day !== null || event.firstDay !== null) score -= this.options.undatedPenalty;
      const agreement = weekdayAgreement(a.weekday, event.weekdays);
      score += agreement * (agreement > 0 ? this.options.weekdayBonus : this.options.weekdayPenalty);
      if (score > bestScore) {
        bestScore = score;
        best = event;
      }
    }
    return { event: best, similarity: best ? bestScore : 0 };
  }

  /**
   * Frees term ids no longer in use (their frequencies were pruned, and no centroid or posting list holds them)
   * and renumbers the rest, so the id space stays bounded like the frequencies. Posting lists count as use: a
   * list outlives the centroid terms it was filed under, and dropping it would change which events a later
   * article finds. Runs between articles: no vector is in flight.
   */
  compactTerms(): void {
    const events = this.events;
    const stories = this.stories;
    const postings = this.postings;
    const remap = this.stats.compact(
      (function* termsInUse() {
        for (const e of events.values()) yield* e.centroid.mass.keys();
        yield* postings.terms();
        yield* stories.termsInUse();
      })(),
    );
    for (const e of this.events.values()) e.centroid.remap(remap);
    this.postings.remap(remap);
    this.stories.remapTerms(remap);
  }

  /** The event an id stands for now: itself, or the event it was merged into. */
  resolve(id: string | null | undefined): string | undefined {
    if (id == null) return undefined;
    let current = id;
    for (let hops = 0; hops < 64; hops++) {
      const next = this.redirects.get(current);
      if (next === undefined) return current;
      current = next;
    }
    return current;
  }

  /**
   * End-of-batch consolidation: an article placed online only sees the events that existed when it arrived, so
   * reports of one happening that came before the report tying them together stay apart. This merges each event
   * touched since the last call with its closest candidate (found through the inverted index, as for an
   * article) when their average member-to-member similarity, less a crowding term (how close each is to its
   * other neighbours: a busy topic needs a clearer match), clears mergeThreshold. Rounds repeat for the events
   * that grew. Cost: one candidate lookup and up to maxCandidates centroid comparisons per touched event.
   * Returns the merges made (from -> into); takeChanges() reports them too.
   */
  /** Counts loaded events as touched in this run, so its end-of-run consolidation covers them (a killed run's). */
  touchForRun(ids: Iterable<string>) {
    for (const id of ids) if (this.events.has(id)) this.touchedInRun.add(id);
  }

  consolidate(scope: "batch" | "run" = "batch"): EventMerge[] {
    const o = this.options;
    const made: EventMerge[] = [];
    const threshold = scope === "run" ? o.runMergeThreshold : o.mergeThreshold;
    let pending = [...(scope === "run" ? this.touchedInRun : this.touched)].filter((id) => this.events.has(id));
    const runEvents = scope === "run" ? new Set(pending) : null;
    this.touched.clear();
    if (scope === "run") this.touchedInRun.clear();
    const neighbourCache = new Map<string, Neighbours>();
    const neighboursOf = (e: EventRecord) => {
      let n = neighbourCache.get(e.id);
      if (!n) {
        n = this.neighbours(e);
        neighbourCache.set(e.id, n);
      }
      return n;
    };
    for (let round = 0; round < o.mergeRounds && pending.length > 0; round++) {
      const pairs: { score: number; a: EventRecord; b: EventRecord }[] = [];
      for (const id of pending) {
        const a = this.events.get(id);
        if (!a) continue;
        const na = neighboursOf(a);
        for (const [b, similarity] of na.list) {
          // Crowding only lowers a score: pairs already below the threshold need no second lookup.
          if (similarity < threshold) break;
          const nb = neighboursOf(b);
          const bar =
            scope === "run" && (a.firstDay === null) !== (b.firstDay === null) && (this.recalls(a, b) || this.recalls(b, a))
              ? Math.max(threshold, o.runMergeRecallThreshold)
              : threshold;
          const crowd = o.mergeCrowdPenalty > 0 ? (na.crowd + nb.crowd) / 2 : 0;
          const score = similarity - o.mergeCrowdPenalty * crowd;
          if (score >= bar) pairs.push({ score, a, b });
        }
      }
      pairs.sort((x, y) => y.score - x.score);
      const changed = new Set<string>();
      const grown: string[] = [];
      for (const { a, b } of pairs) {
        if (changed.has(a.id) || changed.has(b.id) || !this.events.has(a.id) || !this.events.has(b.id)) continue;
        // The bigger event keeps its id (fewer articles move); between equals, the older.
        const [into, from] =
          a.articleCount > b.articleCount || (a.articleCount === b.articleCount && a.firstSeq <= b.firstSeq) ? [a, b] : [b, a];
        this.mergeInto(into, from);
        made.push({ from: from.id, into: into.id });
        changed.add(into.id);
        changed.add(from.id);
        grown.push(into.id);
        neighbourCache.delete(into.id);
        neighbourCache.delete(from.id);
      }
      pending = grown;
    }
    if (runEvents) this.attributeRecalls([...runEvents].map((id) => this.resolve(id)!));
    return made.map(({ from }) => ({ from, into: this.resolve(from)! }));
  }

  /** Candidate events of an event, most similar first, and its crowding (mean similarity to the runners-up). */
  private neighbours(e: EventRecord): Neighbours {
    const o = this.options;
    const query = e.centroid.topWeighted(this.stats, o.mergeQueryTerms);
    const list: [EventRecord, number][] = [];
    for (const id of this.postings.candidates(query, o.mergeCandidates, e.id)) {
      const other = this.events.get(id);
      if (!other) continue;
      this.candidatesScored++;
      const similarity = this.eventSimilarity(e, other);
      if (similarity > Number.NEGATIVE_INFINITY) list.push([other, similarity]);
    }
    list.sort((x, y) => y[1] - x[1]);
    let sum = 0;
    for (let r = o.mergeCrowdSkip; r < o.mergeCrowdSkip + o.mergeCrowdRanks; r++) sum += Math.max(0, list[r]?.[1] ?? 0);
    // A young index has few neighbours to measure crowding by: it is taken to be at least mergeCrowdFloor.
    const crowd = Math.max(o.mergeCrowdFloor, sum / Math.max(1, o.mergeCrowdRanks));
    return { list, crowd };
  }

  /**
   * What time apart costs: dayPenalty a day within the window of a few days, farDayPenalty a day beyond it (a
   * follow-up weeks later still joins when its words and names match closely), nothing joins past farWindowDays.
   */
  private gapPenalty(gap: number): number {
    const o = this.options;
    return Math.min(gap, o.windowDays) * o.dayPenalty + Math.max(0, gap - o.windowDays) * o.farDayPenalty;
  }

  /** Average similarity between the members of two events, with the time adjustments an article gets. */
  private eventSimilarity(a: EventRecord, b: EventRecord): number {
    const o = this.options;
    const gap = spanGap(a, b);
    if (gap > o.farWindowDays) return Number.NEGATIVE_INFINITY;
    if (yearsApart(a.firstYear, a.lastYear, b)) return Number.NEGATIVE_INFINITY;
    let score = a.centroid.dotCentroid(b.centroid, this.stats) / (a.articleCount * b.articleCount);
    if (o.mergeNormPower > 0) {
      const meanNorms = (a.centroid.norm(this.stats) / a.articleCount) * (b.centroid.norm(this.stats) / b.articleCount);
      if (meanNorms > 0) score /= meanNorms ** o.mergeNormPower;
    }
    score -= this.gapPenalty(gap);
    if (a.firstDay !== null && b.firstDay !== null) score += o.dateProximityBonus * Math.max(0, 1 - gap / o.windowDays);
    else if (a.firstDay !== null || b.firstDay !== null) score -= o.undatedMergePenalty;
    const agreement = weekdaysAgreement(a.weekdays, b.weekdays);
    score += agreement * (agreement > 0 ? o.weekdayBonus : o.weekdayPenalty);
    return score;
  }

  /** Moves everything of `from` into `into` and forgets `from`. */
  private mergeInto(into: EventRecord, from: EventRecord): void {
    into.centroid.addCentroid(from.centroid);
    if (into.centroid.size > this.options.maxCentroidTerms * 1.25) {
      into.centroid.prune(this.stats, this.options.maxCentroidTerms);
    }
    into.articleCount += from.articleCount;
    into.firstDay = minDay(into.firstDay, from.firstDay);
    into.lastDay =
      from.lastDay === null ? into.lastDay : into.lastDay === null ? from.lastDay : Math.max(into.lastDay, from.lastDay);
    into.happeningDay = minDay(into.happeningDay, from.happeningDay);
    into.firstYear = minDay(into.firstYear, from.firstYear);
    into.lastYear =
      from.lastYear === null ? into.lastYear : into.lastYear === null ? from.lastYear : Math.max(into.lastYear, from.lastYear);
    for (let d = 0; d < 7; d++) into.weekdays[d] = (into.weekdays[d] ?? 0) + (from.weekdays[d] ?? 0);
    into.lastSeq = Math.max(into.lastSeq, from.lastSeq);
    into.firstSeq = Math.min(into.firstSeq, from.firstSeq);
    for (const title of from.titles) {
      if (into.titles.length >= this.options.maxTitles) break;
      if (!into.titles.includes(title)) into.titles.push(title);
    }
    into.lead ??= from.lead;
    for (const p of from.places.values()) addPlaceVote(into.places, p, p.count);
    for (const r of from.recalls) if (into.recalls.length < MAX_EVENT_RECALLS) into.recalls.push(r);
    for (const [key, p] of from.recalled) {
      const have = into.recalled.get(key);
      const sources = p.from.filter((x) => x !== into.id);
      if (have) {
        for (const x of sources) if (!have.from.includes(x)) have.from.push(x);
      } else if (sources.length) into.recalled.set(key, { ...p, from: sources });
    }
    for (const [key, p] of [...into.recalled]) {
      p.from = p.from.filter((x) => x !== from.id && x !== into.id);
      if (!p.from.length) into.recalled.delete(key);
    }
    for (const [key, e] of from.entities) {
      const have = into.entities.get(key);
      if (have) {
        have.count += e.count;
        if (e.name.length > have.name.length) have.name = e.name;
      } else into.entities.set(key, { ...e });
    }
    if (into.entities.size > MAX_EVENT_ENTITIES * 1.5) {
      const keep = [...into.entities].sort((x, y) => y[1].count - x[1].count).slice(0, MAX_EVENT_ENTITIES);
      into.entities.clear();
      for (const [k, e] of keep) into.entities.set(k, e);
    }
    this.postings.remove(from.id, from.centroid.mass.keys());
    this.postings.add(into.id, into.centroid.topTerms(this.stats, this.options.indexTermsPerEvent));
    into.storyId = this.stories.mergeEvents(
      from.storyId,
      this.storyInput(into),
      into.storyId,
      this.storyInput(from),
      into.lastSeq,
    );
    this.events.delete(from.id);
    this.dirty.delete(from.id);
    this.pendingSnapshots.delete(from.id);
    this.touched.delete(from.id);
    this.touchedInRun.delete(from.id);
    this.dirty.add(into.id);
    this.touchedInRun.add(into.id);
    this.redirects.set(from.id, into.id);
    if (this.redirects.size > this.options.recentArticles) {
      const oldest = this.redirects.keys().next().value;
      if (oldest !== undefined) this.redirects.delete(oldest);
    }
    this.merges.push({ from: from.id, into: into.id });
  }

  private open(a: Arrival): EventRecord {
    const event: EventRecord = {
      id: this.ids.event(),
      centroid: new Centroid(),
      entities: new Map(),
      titles: [],
      lead: firstSentence(a.doc.body),
      articleCount: 0,
      firstDay: null,
      lastDay: null,
      happeningDay: null,
      weekdays: [0, 0, 0, 0, 0, 0, 0],
      lastSeq: a.seq,
      firstSeq: a.seq,
      firstYear: null,
      lastYear: null,
      storyId: null,
      places: new Map(),
      recalls: [],
      recalled: new Map(),
    };
    this.events.set(event.id, event);
    this.absorb(event, a);
    event.storyId = this.stories.attach(this.storyInput(event), a.seq);
    return event;
  }

  private join(event: EventRecord, a: Arrival): void {
    this.absorb(event, a);
    if (event.storyId === null) {
      event.storyId = this.stories.attach(this.storyInput(event), a.seq);
      return;
    }
    const input = this.storyInput(event);
    this.stories.addArticle(event.storyId, input, a.vector, a.seq);
    if (STORY_REVIEW_AT.has(event.articleCount)) {
      const moved = this.stories.reconsider(event.storyId, input, a.seq);
      if (moved) event.storyId = moved;
    }
  }

  /** Adds an article's mass, entities, title and dates to an event. */
  private absorb(event: EventRecord, a: Arrival): void {
    event.centroid.addVector(a.vector, this.stats);
    // Pruning a little past the cap keeps it amortised.
    if (event.centroid.size > this.options.maxCentroidTerms * 1.25) {
      event.centroid.prune(this.stats, this.options.maxCentroidTerms);
    }
    event.articleCount++;
    event.lastSeq = a.seq;
    if (a.day !== null) {
      event.firstDay = event.firstDay === null ? a.day : Math.min(event.firstDay, a.day);
      event.lastDay = event.lastDay === null ? a.day : Math.max(event.lastDay, a.day);
    }
    if (a.happeningDay !== null) {
      event.happeningDay = event.happeningDay === null ? a.happeningDay : Math.min(event.happeningDay, a.happeningDay);
    }
    if (a.year !== null) {
      event.firstYear = event.firstYear === null ? a.year : Math.min(event.firstYear, a.year);
      event.lastYear = event.lastYear === null ? a.year : Math.max(event.lastYear, a.year);
    }
    if (a.weekday !== null) event.weekdays[a.weekday] = (event.weekdays[a.weekday] ?? 0) + 1;
    const title = a.doc.title?.trim();
    if (title && event.titles.length < this.options.maxTitles && !event.titles.includes(title)) event.titles.push(title);
    if (!event.lead) event.lead = firstSentence(a.doc.body);
    this.countEntities(event, a.doc);
    this.countPlaces(event, a.doc);
    this.postings.add(event.id, event.centroid.topTerms(this.stats, this.options.indexTermsPerEvent));
    this.dirty.add(event.id);
    this.touched.add(event.id);
    this.touchedInRun.add(event.id);
  }

  private countPlaces(event: EventRecord, doc: ClusterDoc): void {
    const { lead, recalls } = articlePlaces(doc.title, doc.body, doc.entities);
    const seen = new Set<string>();
    for (const p of lead) {
      if (seen.has(p.key)) continue;
      seen.add(p.key);
      addPlaceVote(event.places, p, 1);
    }
    for (const r of recalls) {
      if (event.recalls.length >= MAX_EVENT_RECALLS) break;
      const raw = documentTerms(null, r.sentence, undefined, { ...this.options.features, bigramWeight: 0 });
      const terms = Object.fromEntries([...raw].sort((x, y) => y[1] - x[1]).slice(0, RECALL_TERMS));
      event.recalls.push({ place: r.place, terms });
    }
  }

  /** Whether a look-back sentence of `a` matches `b`'s words (a recalls b's happening). */
  private recalls(a: EventRecord, b: EventRecord): boolean {
    for (const r of a.recalls) {
      const score = cosine(this.stats.weigh(new Map(Object.entries(r.terms))), b.centroid, this.stats);
      if (score >= RECALL_MERGE_SIMILARITY) return true;
    }
    return false;
  }

  /**
   * Look-back sentences place the happening they recall: each goes to the event of the same story its words
   * match best (not its own), when they match well enough. Runs at the end of a run, when the story's events
   * are all there (a recall often comes before the reports of the happening it recalls).
   */
  private attributeRecalls(ids: Iterable<string>): void {
    for (const id of ids) {
      const source = this.events.get(id);
      if (!source?.recalls.length || source.storyId === null) continue;
      for (const r of source.recalls) {
        const vector = this.stats.weigh(new Map(Object.entries(r.terms)));
        let best: EventRecord | null = null;
        let bestScore = RECALL_MIN_SIMILARITY;
        for (const cid of this.postings.candidates(strongest(vector, this.options.queryTerms), this.options.maxCandidates, id)) {
          const c = this.events.get(cid);
          if (!c || c.storyId !== source.storyId) continue;
          const score = cosine(vector, c.centroid, this.stats);
          if (score > bestScore) {
            bestScore = score;
            best = c;
          }
        }
        if (!best) continue;
        const have = best.recalled.get(r.place.key);
        if (have?.from.includes(source.id)) continue;
        if (have) have.from.push(source.id);
        else best.recalled.set(r.place.key, { ...r.place, from: [source.id] });
        this.dirty.add(best.id);
      }
    }
  }

  /**
   * Where the happening took place: a city or region the leads name with a locative cue, else one that other
   * articles of the story recall it at, else a country the leads name so, else a city or region most of the
   * event's articles name (a lone article's incidental places say nothing).
   */
  private placeOf(e: EventRecord): { kind: string; name: string } | null {
    const votes = [...e.places.values()].sort((x, y) => y.count - x.count);
    const recalled = [...e.recalled.values()].filter((p) => p.specific).sort((x, y) => y.from.length - x.from.length);
    const pick = votes.find((p) => p.specific) ?? recalled[0] ?? votes[0];
    if (pick) return { kind: pick.kind, name: pick.name };
    if (e.articleCount < 2) return null;
    const named = [...e.entities.values()]
      .filter((x) => x.kind === "PLACE" && x.count * 2 > e.articleCount && placeRef(x.name).specific)
      .sort((a, b) => b.count - a.count)[0];
    return named ? { kind: named.kind, name: named.name } : null;
  }

  private countEntities(event: EventRecord, doc: ClusterDoc): void {
    if (!doc.entities?.length) return;
    const seen = new Set<string>();
    for (const e of doc.entities) {
      const key = entityKey(e);
      if (seen.has(key)) continue;
      seen.add(key);
      const have = event.entities.get(key);
      if (have) {
        have.count++;
        if (e.name.length > have.name.length) have.name = e.name;
      } else event.entities.set(key, { kind: e.kind.toUpperCase(), name: e.name, count: 1 });
    }
    if (event.entities.size > MAX_EVENT_ENTITIES * 1.5) {
      const keep = [...event.entities].sort((a, b) => b[1].count - a[1].count).slice(0, MAX_EVENT_ENTITIES);
      event.entities.clear();
      for (const [k, e] of keep) event.entities.set(k, e);
    }
  }

  private storyInput(event: EventRecord): StoryEventInput {
    return {
      id: event.id,
      title: () => this.titleOf(event),
      articleCount: event.articleCount,
      centroid: event.centroid,
      entities: event.entities,
      day: event.happeningDay ?? event.firstDay,
    };
  }

  private remember(articleId: string, eventId: string): void {
    this.recent.delete(articleId);
    this.recent.set(articleId, eventId);
    if (this.recent.size > this.options.recentArticles) {
      const oldest = this.recent.keys().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
  }

  /**
   * The member title closest to what the event is about (its centroid); a lead sentence when no member has
   * a title. Short titles win ties: they read better in lists.
   */
  private titleOf(event: EventRecord): string {
    if (event.titles.length === 0) return event.lead ?? "(untitled event)";
    if (event.titles.length === 1) return event.titles[0]!;
    let best = event.titles[0]!;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const title of event.titles) {
      const v = this.stats.weigh(documentTerms(title, "", undefined, { ...this.options.features, bigramWeight: 0 }));
      const score = cosine(v, event.centroid, this.stats) - Math.max(0, title.length - 90) / 300;
      if (score > bestScore) {
        bestScore = score;
        best = title;
      }
    }
    return best;
  }

  /** Readable view of an event in memory, or null. */
  event(id: string): EventView | null {
    const e = this.events.get(id);
    if (!e) return null;
    const ranked = [...e.entities.values()].sort((a, b) => b.count - a.count);
    const place = this.placeOf(e);
    // An entity most articles name is a participant; a lone article's entities all count.
    const minCount = Math.max(1, Math.ceil(e.articleCount * 0.3));
    const participants: Participant[] = ranked
      .filter((x) => PARTICIPANT_KINDS.has(x.kind) && x.count >= minCount)
      .slice(0, 8)
      .map((x) => ({ kind: x.kind, name: x.name, weight: x.count / e.articleCount }));
    const date = e.happeningDay ?? e.firstDay;
    return {
      id: e.id,
      title: this.titleOf(e),
      date: date === null ? null : dayToIso(date),
      dateEnd: null,
      place,
      participants,
      articleCount: e.articleCount,
      firstSeen: e.firstDay === null ? null : dayToIso(e.firstDay),
      lastSeen: e.lastDay === null ? null : dayToIso(e.lastDay),
      storyId: e.storyId,
    };
  }

  eventViews(): EventView[] {
    return [...this.events.keys()].map((id) => this.event(id)!);
  }

  story(id: string): StoryView | null {
    return this.stories.get(id);
  }

  get eventCount(): number {
    return this.events.size;
  }

  get storyCount(): number {
    return this.stories.size;
  }

  get articleCount(): number {
    return this.seq;
  }

  /** Term ids in use: the vocabulary TermStats keeps, bounded by maxVocabulary through compactTerms(). */
  get termIdCount(): number {
    return this.stats.idCount;
  }

  /** Terms filed in the inverted index (a size gauge). */
  get indexedTermCount(): number {
    return this.postings.termCount;
  }

  /** Work counters: posting entries read and candidate events scored in full, since the index was made. */
  get work(): { postingsVisited: number; candidatesScored: number } {
    return { postingsVisited: this.postings.entriesVisited, candidatesScored: this.candidatesScored };
  }

  snapshot(id: string): EventSnapshot | null {
    const e = this.events.get(id);
    if (!e) return this.pendingSnapshots.get(id) ?? null;
    e.centroid.prune(this.stats, this.options.maxCentroidTerms);
    return {
      id: e.id,
      centroid: e.centroid.toJSON(this.stats),
      entities: Object.fromEntries([...e.entities].map(([k, v]) => [k, { ...v }])),
      titles: [...e.titles],
      lead: e.lead,
      articleCount: e.articleCount,
      firstDay: e.firstDay === null ? null : dayToIso(e.firstDay),
      lastDay: e.lastDay === null ? null : dayToIso(e.lastDay),
      happeningDay: e.happeningDay === null ? null : dayToIso(e.happeningDay),
      weekdays: [...e.weekdays],
      lastSeq: e.lastSeq,
      firstYear: e.firstYear,
      lastYear: e.lastYear,
      storyId: e.storyId,
      places: [...e.places.values()].map((p) => ({ ...p })),
      recalls: e.recalls.map((r) => ({ place: { ...r.place }, terms: { ...r.terms } })),
      recalled: [...e.recalled.values()].map((p) => ({ ...p, from: [...p.from] })),
    };
  }

  /** Puts a persisted event back in memory (e.g. the recent events loaded from the database at start). */
  loadEvent(s: EventSnapshot): void {
    const e: EventRecord = {
      id: s.id,
      centroid: Centroid.fromJSON(s.centroid, this.stats),
      entities: new Map(Object.entries(s.entities).map(([k, v]) => [k, { ...v }])),
      titles: [...s.titles],
      lead: s.lead,
      articleCount: s.articleCount,
      firstDay: dayNumber(s.firstDay),
      lastDay: dayNumber(s.lastDay),
      happeningDay: dayNumber(s.happeningDay),
      weekdays: s.weekdays?.length === 7 ? [...s.weekdays] : [0, 0, 0, 0, 0, 0, 0],
      lastSeq: s.lastSeq,
      firstSeq: 0,
      // Older snapshots have no years: the days give them.
      firstYear: s.firstYear ?? yearOfDay(dayNumber(s.firstDay)),
      lastYear: s.lastYear ?? yearOfDay(dayNumber(s.lastDay)),
      storyId: s.storyId,
      places: new Map((s.places ?? []).map((p) => [p.key, { ...p }])),
      recalls: (s.recalls ?? []).map((r) => ({ place: { ...r.place }, terms: { ...r.terms } })),
      recalled: new Map((s.recalled ?? []).map((p) => [p.key, { ...p, from: [...p.from] }])),
    };
    this.events.set(e.id, e);
    this.postings.add(e.id, e.centroid.topTerms(this.stats, this.options.indexTermsPerEvent));
  }

  loadStory(s: StorySnapshot): void {
    this.stories.load(s);
  }

  /**
   * Drops events that nothing joined within the active window from memory (and stories likewise). Their
   * last state stays available to takeChanges(). Runs by itself every 1024 articles.
   */
  evictInactive(): string[] {
    const out: string[] = [];
    const beforeDay = this.clockDay === null ? null : this.clockDay - this.options.activeDays;
    const beforeSeq = this.seq - this.options.activeArticles;
    for (const e of this.events.values()) {
      const stale = e.lastDay !== null && beforeDay !== null ? e.lastDay < beforeDay : e.lastSeq < beforeSeq;
      if (stale) out.push(e.id);
    }
    if (this.events.size - out.length > this.options.maxActiveEvents) {
      const staleSet = new Set(out);
      const rest = [...this.events.values()].filter((e) => !staleSet.has(e.id)).sort((a, b) => a.lastSeq - b.lastSeq);
      for (const e of rest.slice(0, this.events.size - out.length - this.options.maxActiveEvents)) out.push(e.id);
    }
    for (const id of out) {
      const e = this.events.get(id)!;
      if (this.dirty.has(id)) {
        this.pendingSnapshots.set(id, this.snapshot(id)!);
        this.dirty.delete(id);
      }
      this.postings.remove(id, e.centroid.mass.keys());
      this.events.delete(id);
      this.evicted.add(id);
    }
    const storyBeforeDay = this.clockDay === null ? null : this.clockDay - this.options.story.windowDays;
    // A story stays while an event in memory belongs to it (an undated event can outlive its story's last day).
    const live = new Set<string>();
    for (const e of this.events.values()) if (e.storyId !== null) live.add(e.storyId);
    this.stories.evict(storyBeforeDay, beforeSeq, live);
    return out;
  }

  /** Events and stories changed since the last call: what an incremental save upserts. */
  takeChanges(): IndexChanges {
    const events = [...this.pendingSnapshots.values()];
    for (const id of this.dirty) {
      const s = this.snapshot(id);
      if (s) events.push(s);
    }
    const { stories, removedStoryIds } = this.stories.takeChanges();
    const evictedEventIds = [...this.evicted];
    const mergedEvents = this.merges.map(({ from }) => ({ from, into: this.resolve(from)! }));
    this.dirty.clear();
    this.pendingSnapshots.clear();
    this.evicted.clear();
    this.merges.length = 0;
    return { events, stories, removedStoryIds, evictedEventIds, mergedEvents };
  }

  /**
   * The state without events and stories: document frequencies, counters, recent articles. For an index too
   * big to save whole, persist this plus each changed event and story (takeChanges), and on start call
   * fromJSON(core) then loadEvent/loadStory for the recent ones (e.g. Event.lastSeenAt within activeDays).
   */
  coreState(): EventIndexState {
    return this.toJSON(false);
  }

  /** Everything, events and stories in memory included. */
  toJSON(withEventsAndStories: unknown = true): EventIndexState {
    const whole = withEventsAndStories !== false;
    return {
      version: 1,
      seq: this.seq,
      clockDay: this.clockDay === null ? null : dayToIso(this.clockDay),
      nextEventNumber: this.nextEventNumber,
      nextStoryNumber: this.nextStoryNumber,
      terms: this.stats.toJSON(),
      events: whole ? [...this.events.keys()].map((id) => this.snapshot(id)!) : [],
      stories: whole ? this.stories.snapshots() : [],
      recentArticles: [...this.recent],
    };
  }

  static fromJSON(state: EventIndexState, options: Partial<EventIndexOptions> = {}, ids?: Partial<IdFactory>): EventIndex {
    if (state.version !== 1) throw new Error(`unknown event index state version ${state.version}`);
    const stats = TermStats.fromJSON(
      state.terms,
      options.maxVocabulary ?? DEFAULT_EVENT_OPTIONS.maxVocabulary,
      options.idfPower ?? DEFAULT_EVENT_OPTIONS.idfPower,
    );
    const index = new EventIndex(options, ids, stats);
    index.seq = state.seq;
    index.clockDay = dayNumber(state.clockDay);
    index.nextEventNumber = state.nextEventNumber;
    index.nextStoryNumber = state.nextStoryNumber;
    for (const s of state.stories) index.loadStory(s);
    for (const e of state.events) index.loadEvent(e);
    for (const [a, e] of state.recentArticles) index.recent.set(a, e);
    return index;
  }
}

/**
 * +1 when every member of the event that names a weekday names the article's, -1 when none does; 0 when either
 * side names none.
 */
function weekdayAgreement(weekday: number | null, counts: number[]): number {
  if (weekday === null) return 0;
  let total = 0;
  for (const c of counts) total += c;
  if (total === 0) return 0;
  return (2 * (counts[weekday] ?? 0)) / total - 1;
}

/** Agreement of two events' weekday cues, -1..1 (share of member pairs naming the same day, rescaled); 0 without cues. */
function weekdaysAgreement(a: number[], b: number[]): number {
  let ta = 0;
  let tb = 0;
  let same = 0;
  for (let d = 0; d < 7; d++) {
    ta += a[d] ?? 0;
    tb += b[d] ?? 0;
    same += (a[d] ?? 0) * (b[d] ?? 0);
  }
  if (ta === 0 || tb === 0) return 0;
  return (2 * same) / (ta * tb) - 1;
}

/** Days between two events' spans; 0 when either is undated or they overlap. */
function spanGap(a: EventRecord, b: EventRecord): number {
  if (a.firstDay === null || a.lastDay === null || b.firstDay === null || b.lastDay === null) return 0;
  return Math.max(0, a.firstDay - b.lastDay, b.firstDay - a.lastDay);
}

function yearOfDay(day: number): number;
function yearOfDay(day: number | null): number | null;
function yearOfDay(day: number | null): number | null {
  return day === null ? null : new Date(day * 86_400_000).getUTCFullYear();
}

/**
 * A happening is reported within a year or so: an article (or event) whose publication years lie more than a
 * year from an event's is never the same happening, whatever the words share (talks in 2013 and 2018).
 */
function yearsApart(first: number | null, last: number | null, event: EventRecord): boolean {
  if (first === null || last === null || event.firstYear === null || event.lastYear === null) return false;
  return first - event.lastYear > 1 || event.firstYear - last > 1;
}

function minDay(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/** Days between an article's day and an event's span; 0 when either is undated. */
function dayGap(day: number | null, event: EventRecord): number {
  if (day === null || event.firstDay === null || event.lastDay === null) return 0;
  if (day < event.firstDay) return event.firstDay - day;
  if (day > event.lastDay) return day - event.lastDay;
  return 0;
}

/** The opening sentence of the first paragraph: an event's name when no member has a title. */
function firstSentence(body: string): string | null {
  // Lines are normalised one at a time until one has six words: the rest of the body is never touched.
  let paragraph: string | undefined;
  const breaks = /\n\s*\n|\n/g;
  for (let from = 0; from <= body.length; ) {
    const next = breaks.exec(body);
    const line = body
      .slice(from, next ? next.index : body.length)
      .replace(/\s+/g, " ")
      .trim();
    if (line.split(" ").length >= 6) {
      paragraph = line;
      break;
    }
    if (!next) break;
    from = breaks.lastIndex;
  }
  if (!paragraph) return null;
  // A sentence ends at . ! ? followed by a space, unless the word before is an abbreviation ("Aug.", "U.S.").
  for (const m of paragraph.matchAll(/[.!?]["”’']?(?=\s|$)/g)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end < 20) continue;
    if (end > 240) break;
    const lastWord = paragraph.slice(0, end).split(" ").pop() ?? "";
    if (/^[A-Z][a-z]{0,3}\.$|^(?:[A-Z]\.)+$/.test(lastWord)) continue;
    return paragraph.slice(0, end);
  }
  return paragraph.length > 200 ? `${paragraph.slice(0, 200).replace(/\s+\S*$/, "")}…` : paragraph;
}

function addPlaceVote(places: Map<string, PlaceVote>, p: PlaceRef, count: number): void {
  const have = places.get(p.key);
  if (have) have.count += count;
  else {
    if (places.size >= MAX_EVENT_PLACES) return;
    places.set(p.key, { key: p.key, kind: p.kind, name: p.name, specific: p.specific, count });
  }
}
