// The shapes event clustering reads and writes. Plain data: what the store persists and loads back.

import type { EntityRef } from "./text.ts";

/** One article as clustering sees it. */
export interface ClusterDoc {
  id: string;
  title: string | null;
  body: string;
  /** "YYYY-MM-DD..." as written; null when unknown (the article is then compared on text alone). */
  publishedAt: string | null;
  /** The publication year when the day is not known (a date stated to the year or month only). */
  year?: number | null;
  outlet: string | null;
  /** Entities the extractor found; they weigh in the similarity and name the participants and place. */
  entities?: EntityRef[];
  /** Id of the article this one is a near-duplicate (syndicated copy) of. */
  duplicateOf?: string | null;
  /** The event of that original when the caller knows it (e.g. from the database); else the index looks it up. */
  duplicateOfEventId?: string | null;
  /** documentTerms() computed elsewhere (an extraction thread), used when made with the index's features. */
  terms?: PrecomputedTerms;
}

export interface PrecomputedTerms {
  /** featuresKey() of the options the terms were made with. */
  features: string;
  weights: Map<string, number>;
}

export interface AssignResult {
  eventId: string;
  /** Similarity to the event joined; for a new event, to the closest event it did not join (0 if none). */
  similarity: number;
  isNew: boolean;
  storyId: string | null;
}

export interface EntityCount {
  kind: string;
  name: string;
  count: number;
}

/** Persisted state of one event: small (pruned centroid, a few titles), JSON-safe. */
export interface EventSnapshot {
  id: string;
  /** term -> raw term mass; IDF is applied when comparing (see term-stats.ts). */
  centroid: Record<string, number>;
  /** entity key ("PERSON:vladimir putin") -> kind, display name and the number of articles naming it. */
  entities: Record<string, EntityCount>;
  /** A few member titles, the event's title is chosen among them. */
  titles: string[];
  /** First sentence of the first member's body, the title when no member has one. */
  lead: string | null;
  articleCount: number;
  /** Span of the members' publication days, YYYY-MM-DD. */
  firstDay: string | null;
  lastDay: string | null;
  /** Earliest day the members' leads say the happening took place. */
  happeningDay: string | null;
  /** How many members' leads name each weekday, Sunday first. */
  weekdays: number[];
  /** Arrival counter of the latest member: recency for undated events. */
  lastSeq: number;
  /** Span of the members' publication years, members dated only to the year included (absent: from the days). */
  firstYear?: number | null;
  lastYear?: number | null;
  storyId: string | null;
  /** Places the members' leads name with a locative cue (absent in older snapshots). */
  places?: { key: string; kind: string; name: string; specific: boolean; count: number }[];
  /** Look-back sentences placing another happening: the place and the sentence's strongest raw terms. */
  recalls?: { place: { key: string; kind: string; name: string; specific: boolean }; terms: Record<string, number> }[];
  /** Places other events' recalls attribute to this event, with those events' ids. */
  recalled?: { key: string; kind: string; name: string; specific: boolean; from: string[] }[];
}

export interface StorySnapshot {
  id: string;
  centroid: Record<string, number>;
  entities: Record<string, EntityCount>;
  title: string;
  /** Article count of the event the title comes from; a bigger event takes the title over. */
  titleWeight: number;
  titleEventId: string | null;
  eventCount: number;
  articleCount: number;
  firstDay: string | null;
  lastDay: string | null;
  lastSeq: number;
  /** Word pairs of the events' titles and how many events' titles have them (absent in older snapshots). */
  titleGrams?: Record<string, number>;
  /** Entities the story's events name, with how many events name each. */
  eventEntities?: Record<string, { kind: string; name: string; events: number }>;
}

export interface Participant {
  kind: string;
  name: string;
  /** Share of the event's articles that name it. */
  weight: number;
}

/** What the dashboard shows of an event. */
export interface EventView {
  id: string;
  title: string;
  /** The happening's day (YYYY-MM-DD), not the latest article's. */
  date: string | null;
  dateEnd: string | null;
  place: { kind: string; name: string } | null;
  participants: Participant[];
  articleCount: number;
  firstSeen: string | null;
  lastSeen: string | null;
  storyId: string | null;
}

export interface StoryView {
  id: string;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  eventCount: number;
  articleCount: number;
}

/** Event `from` was merged into event `into` by consolidation: its articles belong to `into` now. */
export interface EventMerge {
  from: string;
  into: string;
}

/** Changes since the last takeChanges(): upsert these, delete the removed stories. */
export interface IndexChanges {
  events: EventSnapshot[];
  stories: StorySnapshot[];
  /** Stories left without events (their one event moved to a bigger story). */
  removedStoryIds: string[];
  /** Events that left memory (inactive past the window); their last state is in `events` if it changed. */
  evictedEventIds: string[];
  /**
   * Events merged away by consolidate(), `into` being the surviving event (after any later merge): move their
   * articles (and mentions) to it, then delete them. The surviving events are among `events`.
   */
  mergedEvents: EventMerge[];
}
