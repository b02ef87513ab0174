// Rebuilding events from scratch (after tuning, or to repair online drift) without renumbering the world:
// new clusters take over the ids of the previous clusters they mostly consist of, so links, bookmarks and
// Event rows survive when membership is unchanged or nearly so.

import { EventIndex, type EventIndexOptions, type EventIndexState, type IdFactory } from "./event-index.ts";
import { TermStats } from "./term-stats.ts";
import { DEFAULT_FEATURE_OPTIONS, documentTerms } from "./text.ts";
import type { ClusterDoc } from "./types.ts";

export interface PreviousAssignment {
  eventId: string;
  storyId?: string | null;
}

export interface ReclusterResult {
  index: EventIndex;
  /** article id -> event id */
  assignments: Map<string, string>;
  /** article id -> story id */
  storyAssignments: Map<string, string | null>;
  /** Previous event ids kept by a new cluster, and how many new clusters got fresh ids. */
  keptEventIds: number;
  newEventIds: number;
}

/** Articles between two consolidations, the ingest's batch size. */
const CONSOLIDATE_EVERY = 200;

/**
 * Clusters docs from scratch, in the order given (callers pass ingest order: dated by date, then undated), with
 * document frequencies learned from all of them first. previous maps article id -> its current event (and story).
 */
export function recluster(
  docs: ClusterDoc[],
  previous?: Map<string, string | PreviousAssignment> | Record<string, string | PreviousAssignment>,
  options: Partial<EventIndexOptions> = {},
  ids?: Partial<IdFactory>,
): ReclusterResult {
  const features = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  // Knowing every document's terms up front gives the first articles the same IDF as the last.
  const stats = new TermStats(options.maxVocabulary, options.idfPower);
  for (const d of docs) stats.add(documentTerms(d.title, d.body, d.entities, features).keys());
  // Nothing leaves memory during a recluster: every event must reach the database (the caller holds every
  // article in memory anyway), and an evicted event would leave its articles pointing at nothing.
  const keepAll = {
    activeArticles: Number.MAX_SAFE_INTEGER,
    activeDays: Number.MAX_SAFE_INTEGER,
    maxActiveEvents: Number.MAX_SAFE_INTEGER,
  };
  const provisional = new EventIndex(
    { ...options, ...keepAll, learnTermStats: false },
    { event: counter("tmp-ev-"), story: counter("tmp-st-") },
    stats,
  );
  const provisionalEvent = new Map<string, string>();
  const provisionalStory = new Map<string, string | null>();
  let sinceConsolidation = 0;
  for (const d of docs) {
    const r = provisional.assign(d);
    provisionalEvent.set(d.id, r.eventId);
    // As an ingest would: consolidate after each batch, and once more at the end of the run.
    if (++sinceConsolidation >= CONSOLIDATE_EVERY) {
      provisional.consolidate();
      sinceConsolidation = 0;
    }
  }
  provisional.consolidate();
  provisional.consolidate("run");
  for (const [articleId, eventId] of provisionalEvent) provisionalEvent.set(articleId, provisional.resolve(eventId)!);
  // Stories can move after an article is assigned; read them at the end.
  for (const [articleId, eventId] of provisionalEvent) {
    provisionalStory.set(articleId, provisional.snapshot(eventId)?.storyId ?? null);
  }

  const prev = previous instanceof Map ? previous : new Map(Object.entries(previous ?? {}));
  const prevEvent = new Map<string, string>();
  const prevStory = new Map<string, string>();
  for (const [a, p] of prev) {
    const v = typeof p === "string" ? { eventId: p } : p;
    prevEvent.set(a, v.eventId);
    if (v.storyId) prevStory.set(a, v.storyId);
  }

  const eventNames = matchByOverlap(provisionalEvent, prevEvent);
  const storyNames = matchByOverlap(provisionalStory, prevStory);
  const eventIds = ids?.event ?? counter("ev-", maxNumber([...prevEvent.values()], "ev-") + 1);
  const storyIds = ids?.story ?? counter("st-", maxNumber([...prevStory.values()], "st-") + 1);
  const state = provisional.toJSON();
  let newEventIds = 0;
  const renameEvent = (id: string): string => {
    let name = eventNames.get(id);
    if (!name) {
      name = eventIds();
      newEventIds++;
      eventNames.set(id, name);
    }
    return name;
  };
  const renameStory = (id: string): string => {
    let name = storyNames.get(id);
    if (!name) {
      name = storyIds();
      storyNames.set(id, name);
    }
    return name;
  };
  const keptEventIds = eventNames.size;
  const renamed: EventIndexState = {
    ...state,
    nextEventNumber: 0,
    nextStoryNumber: 0,
    events: state.events.map((e) => ({ ...e, id: renameEvent(e.id), storyId: e.storyId ? renameStory(e.storyId) : null })),
    stories: state.stories.map((s) => ({
      ...s,
      id: renameStory(s.id),
      titleEventId: s.titleEventId ? renameEvent(s.titleEventId) : null,
    })),
    recentArticles: state.recentArticles.map(([a, e]) => [a, renameEvent(e)]),
  };
  renamed.nextEventNumber =
    maxNumber(
      renamed.events.map((e) => e.id),
      "ev-",
    ) + 1;
  renamed.nextStoryNumber =
    maxNumber(
      renamed.stories.map((s) => s.id),
      "st-",
    ) + 1;
  const index = EventIndex.fromJSON(renamed, options, ids);
  const assignments = new Map([...provisionalEvent].map(([a, e]) => [a, renameEvent(e)]));
  const storyAssignments = new Map([...provisionalStory].map(([a, s]) => [a, s ? renameStory(s) : null]));
  return { index, assignments, storyAssignments, keptEventIds, newEventIds };
}

/**
 * Names each new cluster after the previous cluster it overlaps most, greedily by overlap, each previous id
 * used once, and only when that previous cluster makes up more than half of the new one.
 */
export function matchByOverlap(next: Map<string, string | null>, previous: Map<string, string>): Map<string, string> {
  const size = new Map<string, number>();
  const overlap = new Map<string, number>();
  for (const [item, cluster] of next) {
    if (cluster === null) continue;
    size.set(cluster, (size.get(cluster) ?? 0) + 1);
    const before = previous.get(item);
    if (before === undefined) continue;
    const key = `${cluster}\u0001${before}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const ranked = [...overlap].map(([k, n]) => [...k.split("\u0001"), n] as [string, string, number]);
  ranked.sort((a, b) => b[2] - a[2] || (a[0] < b[0] ? -1 : 1));
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [cluster, before, n] of ranked) {
    if (names.has(cluster) || taken.has(before)) continue;
    if (n * 2 <= size.get(cluster)!) continue;
    names.set(cluster, before);
    taken.add(before);
  }
  return names;
}

function counter(prefix: string, start = 1): () => string {
  let n = start;
  return () => `${prefix}${n++}`;
}

function maxNumber(ids: string[], prefix: string): number {
  let max = 0;
  for (const id of ids) {
    if (!id.startsWith(prefix)) continue;
    const n = Number(id.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return max;
}
