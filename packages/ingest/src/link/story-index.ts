// Stories: events that share participants and subject over weeks or months (the G20 talks, the follow-up visit,
// the treaty). Same machinery as events, a looser threshold and a longer window; an event is linked when it
// opens and may move once while it is alone in its story and has grown enough to be judged on more than one
// article.

import { Centroid, cosine } from "./centroid.ts";
import { dayNumber, dayToIso } from "./dates.ts";
import { placeRef } from "./places.ts";
import { Postings } from "./postings.ts";
import type { TermStats, TermVector } from "./term-stats.ts";
import type { EntityCount, StorySnapshot, StoryView } from "./types.ts";

export interface StoryOptions {
  /** Minimum cosine between an event and a story for the event to join it. */
  threshold: number;
  /** Days between an event and a story's latest event beyond which they are not linked. */
  windowDays: number;
  maxCentroidTerms: number;
  indexTermsPerStory: number;
  queryTerms: number;
  maxPostings: number;
  maxCandidates: number;
}

export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  threshold: 0.3,
  // Stories can be long (an arrest, the trial, a commutation 18 months later); events are short.
  windowDays: 550,
  maxCentroidTerms: 150,
  indexTermsPerStory: 40,
  queryTerms: 20,
  maxPostings: 400,
  maxCandidates: 20,
};

/** What the story index needs to know of an event. */
export interface StoryEventInput {
  id: string;
  /** Computed only when the story takes the event's title. */
  title: () => string;
  articleCount: number;
  centroid: Centroid;
  entities: Map<string, EntityCount>;
  day: number | null;
}

interface StoryRecord {
  id: string;
  centroid: Centroid;
  entities: Map<string, EntityCount>;
  title: string;
  titleWeight: number;
  titleEventId: string | null;
  eventCount: number;
  articleCount: number;
  firstDay: number | null;
  lastDay: number | null;
  lastSeq: number;
  /** Word pairs of the events' titles ("peace treaty") -> how many events' titles have them. */
  titleGrams: Map<string, number>;
  /** Entity key -> its name and how many of the story's events name it. */
  eventEntities: Map<string, { kind: string; name: string; events: number }>;
}

const NAMED_KINDS = new Set(["PERSON", "ORGANIZATION", "PLACE"]);

export class StoryIndex {
  private readonly stories = new Map<string, StoryRecord>();
  private readonly postings: Postings;
  private readonly dirty = new Set<string>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly stats: TermStats,
    private readonly options: StoryOptions,
    private readonly newStoryId: () => string,
  ) {
    this.postings = new Postings(options.maxPostings);
  }

  /** Links a newly opened event to the best story, or opens one. */
  attach(event: StoryEventInput, seq: number): string {
    const best = this.best(event);
    if (!best) {
      const story = this.open(event, seq);
      this.absorb(story, event, event.centroid, 1, seq);
      return story.id;
    }
    this.absorb(best, event, event.centroid, 1, seq);
    best.eventCount++;
    best.articleCount += event.articleCount;
    share(best, event);
    this.retitle(best, event);
    return best.id;
  }

  /** An article joined an event of this story: the story takes its mass and dates. */
  addArticle(storyId: string, event: StoryEventInput, vector: TermVector, seq: number): void {
    const story = this.stories.get(storyId);
    if (!story) return;
    const mass = new Centroid();
    mass.addVector(vector, this.stats);
    this.absorb(story, event, mass, 1, seq);
    story.articleCount++;
    this.retitle(story, event);
  }

  /**
   * Moves an event that is alone in its story to a better story, now that it has more articles.
   * Returns the new story id, or null when it stays.
   */
  reconsider(storyId: string, event: StoryEventInput, seq: number): string | null {
    const own = this.stories.get(storyId);
    if (own?.eventCount !== 1) return null;
    const best = this.best(event, storyId);
    if (!best) return null;
    this.absorb(best, event, event.centroid, 1, seq);
    best.eventCount++;
    best.articleCount += event.articleCount;
    share(best, event);
    this.retitle(best, event);
    this.postings.remove(own.id, own.centroid.mass.keys());
    this.stories.delete(own.id);
    this.dirty.delete(own.id);
    this.removed.add(own.id);
    return best.id;
  }

  /**
   * Event `from` was merged into event `into` (consolidation): `into`'s story takes from's articles, and from's
   * story, when another, gives them up and is removed once it has no events left. Returns into's story id.
   */
  mergeEvents(
    fromStoryId: string | null,
    into: StoryEventInput,
    intoStoryId: string | null,
    from: StoryEventInput,
    seq: number,
  ): string | null {
    const target = intoStoryId ? this.stories.get(intoStoryId) : undefined;
    const source = fromStoryId ? this.stories.get(fromStoryId) : undefined;
    // An event without a story takes over the other's (the story keeps its event count: one event left, one came).
    if (!target) return source ? source.id : null;
    if (source === target) {
      source.eventCount = Math.max(1, source.eventCount - 1);
      this.dirty.add(source.id);
      return source.id;
    }
    this.absorb(target, from, from.centroid, 1, seq);
    target.articleCount += from.articleCount;
    share(target, from);
    this.retitle(target, into);
    if (source) {
      source.eventCount--;
      source.articleCount = Math.max(0, source.articleCount - from.articleCount);
      if (source.eventCount <= 0) {
        this.postings.remove(source.id, source.centroid.mass.keys());
        this.stories.delete(source.id);
        this.dirty.delete(source.id);
        this.removed.add(source.id);
      } else {
        source.centroid.addCentroid(from.centroid, -1);
        if (source.titleEventId === from.id) source.titleWeight = 0;
        this.dirty.add(source.id);
      }
    }
    return target.id;
  }

  private best(event: StoryEventInput, exclude?: string): StoryRecord | null {
    const vector = event.centroid.weighted(this.stats);
    const query = event.centroid.topWeighted(this.stats, this.options.queryTerms);
    let best: StoryRecord | null = null;
    let bestScore = this.options.threshold;
    for (const id of this.postings.candidates(query, this.options.maxCandidates, exclude)) {
      const story = this.stories.get(id);
      if (!story) continue;
      if (event.day !== null && story.lastDay !== null && story.firstDay !== null) {
        const gap = Math.max(story.firstDay - event.day, event.day - story.lastDay, 0);
        if (gap > this.options.windowDays) continue;
      }
      if (!sharesNamedEntity(event.entities, story.entities)) continue;
      const score = cosine(vector, story.centroid, this.stats);
      if (score >= bestScore) {
        bestScore = score;
        best = story;
      }
    }
    return best;
  }

  private open(event: StoryEventInput, seq: number): StoryRecord {
    const story: StoryRecord = {
      id: this.newStoryId(),
      centroid: new Centroid(),
      entities: new Map(),
      title: event.title(),
      titleWeight: event.articleCount,
      titleEventId: event.id,
      eventCount: 1,
      articleCount: event.articleCount,
      firstDay: event.day,
      lastDay: event.day,
      lastSeq: seq,
      titleGrams: new Map(),
      eventEntities: new Map(),
    };
    share(story, event);
    this.stories.set(story.id, story);
    return story;
  }

  private absorb(story: StoryRecord, event: StoryEventInput, mass: Centroid, scale: number, seq: number): void {
    story.centroid.addCentroid(mass, scale);
    if (story.centroid.size > this.options.maxCentroidTerms * 1.25) {
      story.centroid.prune(this.stats, this.options.maxCentroidTerms);
    }
    for (const [k, e] of event.entities) {
      const have = story.entities.get(k);
      if (have) have.count = Math.max(have.count, e.count);
      else story.entities.set(k, { ...e });
    }
    if (event.day !== null) {
      story.firstDay = story.firstDay === null ? event.day : Math.min(story.firstDay, event.day);
      story.lastDay = story.lastDay === null ? event.day : Math.max(story.lastDay, event.day);
    }
    story.lastSeq = seq;
    this.postings.add(story.id, story.centroid.topTerms(this.stats, this.options.indexTermsPerStory));
    this.dirty.add(story.id);
  }

  /** The story is named after its biggest event. */
  private retitle(story: StoryRecord, event: StoryEventInput): void {
    if (event.id === story.titleEventId || event.articleCount > story.titleWeight) {
      story.title = event.title();
      story.titleWeight = event.articleCount;
      story.titleEventId = event.id;
    }
  }

  get(id: string): StoryView | null {
    const s = this.stories.get(id);
    if (!s) return null;
    return {
      id: s.id,
      title: subjectTitle(s) ?? s.title,
      firstDate: s.firstDay === null ? null : dayToIso(s.firstDay),
      lastDate: s.lastDay === null ? null : dayToIso(s.lastDay),
      eventCount: s.eventCount,
      articleCount: s.articleCount,
    };
  }

  /** Term ids the stories' centroids and posting lists hold (TermStats.compact keeps them). */
  *termsInUse(): Iterable<number> {
    for (const s of this.stories.values()) yield* s.centroid.mass.keys();
    yield* this.postings.terms();
  }

  remapTerms(remap: Int32Array): void {
    for (const s of this.stories.values()) s.centroid.remap(remap);
    this.postings.remap(remap);
  }

  get size(): number {
    return this.stories.size;
  }

  /** Drops stories untouched since before the given day (or arrival seq when undated) from memory, but those in `keep`. */
  evict(beforeDay: number | null, beforeSeq: number, keep?: Set<string>): string[] {
    const out: string[] = [];
    for (const s of this.stories.values()) {
      const stale = s.lastDay !== null && beforeDay !== null ? s.lastDay < beforeDay : s.lastSeq < beforeSeq;
      if (!stale || keep?.has(s.id)) continue;
      this.postings.remove(s.id, s.centroid.mass.keys());
      this.stories.delete(s.id);
      out.push(s.id);
    }
    return out;
  }

  snapshot(id: string): StorySnapshot | null {
    const s = this.stories.get(id);
    if (!s) return null;
    return {
      id: s.id,
      centroid: s.centroid.toJSON(this.stats),
      entities: Object.fromEntries(s.entities),
      title: subjectTitle(s) ?? s.title,
      titleWeight: s.titleWeight,
      titleEventId: s.titleEventId,
      eventCount: s.eventCount,
      articleCount: s.articleCount,
      firstDay: s.firstDay === null ? null : dayToIso(s.firstDay),
      lastDay: s.lastDay === null ? null : dayToIso(s.lastDay),
      lastSeq: s.lastSeq,
      titleGrams: Object.fromEntries(s.titleGrams),
      eventEntities: Object.fromEntries([...s.eventEntities].map(([k, e]) => [k, { ...e }])),
    };
  }

  snapshots(): StorySnapshot[] {
    return [...this.stories.keys()].map((id) => this.snapshot(id)!);
  }

  load(s: StorySnapshot): void {
    const record: StoryRecord = {
      id: s.id,
      centroid: Centroid.fromJSON(s.centroid, this.stats),
      entities: new Map(Object.entries(s.entities).map(([k, e]) => [k, { ...e }])),
      title: s.title,
      titleWeight: s.titleWeight,
      titleEventId: s.titleEventId,
      eventCount: s.eventCount,
      articleCount: s.articleCount,
      firstDay: dayNumber(s.firstDay),
      lastDay: dayNumber(s.lastDay),
      lastSeq: s.lastSeq,
      titleGrams: new Map(Object.entries(s.titleGrams ?? {})),
      eventEntities: new Map(Object.entries(s.eventEntities ?? {}).map(([k, e]) => [k, { ...e }])),
    };
    this.stories.set(record.id, record);
    this.postings.add(record.id, record.centroid.topTerms(this.stats, this.options.indexTermsPerStory));
  }

  takeChanges(): { stories: StorySnapshot[]; removedStoryIds: string[] } {
    const stories = [...this.dirty].map((id) => this.snapshot(id)).filter((s): s is StorySnapshot => s !== null);
    const removedStoryIds = [...this.removed];
    this.dirty.clear();
    this.removed.clear();
    return { stories, removedStoryIds };
  }
}

/** When both sides name people, places or organisations, a story needs one in common; else text decides. */
function sharesNamedEntity(a: Map<string, EntityCount>, b: Map<string, EntityCount>): boolean {
  let aNamed = false;
  let bNamed = false;
  for (const [k, e] of a) {
    if (!NAMED_KINDS.has(e.kind)) continue;
    aNamed = true;
    if (b.has(k)) return true;
  }
  for (const e of b.values()) if (NAMED_KINDS.has(e.kind)) bNamed = true;
  return !(aNamed && bNamed);
}

const MAX_TITLE_GRAMS = 60;
const TITLE_STOPWORDS = new Set(
  "a an and are as at be by for from has have in into is it its of on or over the their this to was were will with after before new says say said year years this that these those who what how why not no more than up out about".split(
    " ",
  ),
);

/** What an event brings to its story's subject: its title's word pairs and the entities it names. */
function share(story: StoryRecord, event: StoryEventInput): void {
  const names = new Set<string>();
  for (const [k, e] of event.entities) {
    if (!NAMED_KINDS.has(e.kind)) continue;
    for (const w of e.name.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (w) names.add(w);
    const have = story.eventEntities.get(k);
    if (have) have.events++;
    else story.eventEntities.set(k, { kind: e.kind, name: e.name, events: 1 });
  }
  const grams = new Set<string>();
  // Pairs of ordinary words next to each other: "peace treaty", not "Putin offers" (names are the entities' part).
  for (const run of event
    .title()
    .toLowerCase()
    .split(/[^\p{L}\p{N}\s'’-]+/u)) {
    const words = run.split(/\s+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i++) {
      const [a, b] = [words[i]!, words[i + 1]!];
      if (TITLE_STOPWORDS.has(a) || TITLE_STOPWORDS.has(b) || names.has(a) || names.has(b)) continue;
      if (/\d/.test(a + b)) continue;
      grams.add(`${a} ${b}`);
    }
  }
  for (const g of grams) story.titleGrams.set(g, (story.titleGrams.get(g) ?? 0) + 1);
  if (story.titleGrams.size > MAX_TITLE_GRAMS * 1.5) {
    const keep = [...story.titleGrams].sort((x, y) => y[1] - x[1]).slice(0, MAX_TITLE_GRAMS);
    story.titleGrams = new Map(keep);
  }
}

/**
 * A story of several events is named after what they share, not one headline: the countries most of its
 * events name and the word pair most of their titles have ("Japan–Russia peace treaty"). Null when the events
 * share no such pair (the biggest event's title stays).
 */
function subjectTitle(s: StoryRecord): string | null {
  if (s.eventCount < 2) return null;
  const need = Math.max(2, Math.ceil(s.eventCount / 2));
  const gram = [...s.titleGrams].filter(([, n]) => n >= need).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
  if (!gram) return null;
  const countries = [...s.eventEntities.values()]
    .filter((e) => e.kind === "PLACE" && e.events >= need && !placeRef(e.name).specific)
    .sort((x, y) => y.events - x.events || x.name.localeCompare(y.name))
    .slice(0, 2)
    .map((e) => e.name)
    .sort();
  return countries.length ? `${countries.join("–")} ${gram[0]}` : gram[0].charAt(0).toUpperCase() + gram[0].slice(1);
}
