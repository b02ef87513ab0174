// Where each kind of thing lives in the dashboard. Links keep the global filters, so an analyst who narrowed
// the view to three outlets in March stays there while following a story.
import { type GlobalFilters, withGlobalFilters, withParams } from "./filters";

const segment = (id: string) => encodeURIComponent(id);

/** Relay ids are base64 and may hold "/", "+" or "="; Next hands route params over still encoded on some paths. */
export const routeParam = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export const eventHref = (id: string, filters: GlobalFilters) => withGlobalFilters(`/events/${segment(id)}`, filters);
export const storyHref = (id: string, filters: GlobalFilters) => withGlobalFilters(`/stories/${segment(id)}`, filters);
/** Outlet pages answer to a slug (readable) or a global id (what coverage series carry). */
export const outletHref = (slugOrId: string, filters: GlobalFilters) =>
  withGlobalFilters(`/outlets/${segment(slugOrId)}`, filters);
export const isSlug = (value: string) => /^[a-z0-9][a-z0-9-]*$/.test(value);
/** The outlet lookup an outlet page's address asks for. */
export const outletLookup = (ref: string) => (isSlug(ref) ? { slug: ref } : { id: ref });
export const personHref = (id: string, filters: GlobalFilters) => withGlobalFilters(`/people/${segment(id)}`, filters);
export const clusterHref = (id: string, filters: GlobalFilters) => withGlobalFilters(`/quotes/clusters/${segment(id)}`, filters);
export const ingestRunHref = (id: string) => `/ingest/${segment(id)}`;
/** Articles open at the quote or mention asked for; the reader ignores filters. */
export const articleHref = (id: string, anchor?: string) => `/articles/${segment(id)}${anchor ? `#${anchor}` : ""}`;
export const quoteAnchor = (quoteId: string) => `quote-${quoteId.replace(/[^A-Za-z0-9_-]/g, "")}`;
/** The list of articles without a date, of some outlets, events or stories (the global outlet filter kept). */
export const undatedArticlesHref = (scope: { outletIds?: string[]; eventIds?: string[]; storyIds?: string[] }) =>
  withParams("/articles", {}, { dated: "no", outlet: scope.outletIds, event: scope.eventIds, story: scope.storyIds });
