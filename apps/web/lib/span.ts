// The publication days of the articles a page is about: the default chart range (all of them but far-off
// outliers), so a chart opens on the whole story instead of on an empty window or a squashed sliver of it.
import { dayOf } from "./filters";
import { graphql } from "./graphql";
import { type ApiFailure, load } from "./load";

const ArticleDatesQuery = graphql(`
  query ArticleDates($outletIds: [ID!], $eventIds: [ID!], $storyIds: [ID!], $from: Date, $to: Date) {
    articleDates(outletIds: $outletIds, eventIds: $eventIds, storyIds: $storyIds) {
      first
      last
      typicalFrom
      typicalTo
      dated
      estimated
      undated
      outside(from: $from, to: $to)
    }
  }
`);

export interface Span {
  first: string | null;
  last: string | null;
}

/** How a page's articles spread over time: what the default range shows and what it leaves out. */
export interface ArticleDates extends Span {
  /** The very first and last days, outliers included: what "show all" widens to. */
  allFirst: string | null;
  allLast: string | null;
  dated: number;
  estimated: number;
  undated: number;
  /** Dated articles outside the range shown (the URL's, or the default one). */
  outside: number;
}

/**
 * The span without outliers (first and last), with the counts a range label needs, or null with the reason when
 * the API failed (callers fall back to another range). `asked` is the URL's range: `outside` counts against it.
 */
export async function loadArticleSpanOrFailure(
  filter: { outletIds?: string[]; eventIds?: string[]; storyIds?: string[] },
  asked: { from?: string | null; to?: string | null } = {},
): Promise<{ span: ArticleDates | null; failure: ApiFailure | null }> {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, ids]) => ids && ids.length > 0));
  const result = await load(ArticleDatesQuery, { ...clean, from: asked.from ?? null, to: asked.to ?? null });
  if (!result.data) return { span: null, failure: result.failure };
  const dates = result.data.articleDates;
  return {
    failure: null,
    span: {
      first: dayOf(dates.typicalFrom),
      last: dayOf(dates.typicalTo),
      allFirst: dayOf(dates.first),
      allLast: dayOf(dates.last),
      dated: dates.dated,
      estimated: dates.estimated,
      undated: dates.undated,
      outside: dates.outside,
    },
  };
}

export async function loadArticleSpan(
  filter: { outletIds?: string[]; eventIds?: string[]; storyIds?: string[] },
  asked: { from?: string | null; to?: string | null } = {},
): Promise<ArticleDates | null> {
  return (await loadArticleSpanOrFailure(filter, asked)).span;
}

const QuoteSpanQuery = graphql(`
  query QuoteSpan($filter: QuoteFilter) {
    oldest: quotes(first: 1, orderBy: OLDEST, filter: $filter) {
      edges {
        node {
          publishedAt
        }
      }
    }
    newest: quotes(first: 1, orderBy: NEWEST, filter: $filter) {
      edges {
        node {
          publishedAt
        }
      }
    }
  }
`);

export async function loadQuoteSpan(filter: { speakerIds?: string[] }): Promise<Span | null> {
  const result = await load(QuoteSpanQuery, { filter });
  if (!result.data) return null;
  return {
    first: dayOf(result.data.oldest.edges[0]?.node.publishedAt),
    last: dayOf(result.data.newest.edges[0]?.node.publishedAt),
  };
}
