// Event clustering and story linking: pure, in-memory, serialisable. The store persists the state.

export { Centroid } from "./centroid.ts";
export { type DateExpression, dayNumber, dayToIso, explicitDates, happeningDay, weekdayCue } from "./dates.ts";
export {
  DEFAULT_EVENT_OPTIONS,
  EventIndex,
  type EventIndexOptions,
  type EventIndexState,
  type IdFactory,
} from "./event-index.ts";
export {
  type EventMentionHit,
  findEventMentions,
  type KnownEvent,
  type MentionOptions,
  mentionedDates,
} from "./mentions.ts";
export { matchByOverlap, type PreviousAssignment, type ReclusterResult, recluster } from "./recluster.ts";
export { DEFAULT_STORY_OPTIONS, type StoryOptions } from "./story-index.ts";
export { TermStats, type TermStatsState } from "./term-stats.ts";
export { DEFAULT_FEATURE_OPTIONS, documentTerms, type EntityRef, entityKey, type FeatureOptions } from "./text.ts";
export type {
  AssignResult,
  ClusterDoc,
  EntityCount,
  EventSnapshot,
  EventView,
  IndexChanges,
  Participant,
  StorySnapshot,
  StoryView,
} from "./types.ts";
