// The first and last publication day of the articles a page is about: the default chart range, so a chart
// opens on the whole story instead of on an empty last-30-days window.
import { dayOf } from "./filters";
import { graphql } from "./graphql";
import { type ApiFailure, load } from "./load";

const ArticleSpanQuery = graphql(`
  query ArticleSpan($filter: ArticleFilter) {
    oldest: articles(first: 1, orderBy: OLDEST, filter: $filter) {
      edges {
        node {
          publishedAt
        }
      }
    }
    newest: articles(first: 1, orderBy: NEWEST, filter: $filter) {
      edges {
        node {
          publishedAt
        }
      }
    }
  }
`);

export interface Span {
  first: string | null;
  last: string | null;
}

/** The span, or null with the reason when the API failed (callers fall back to another range). */
export async function loadArticleSpanOrFailure(filter: {
  outletIds?: string[];
  eventIds?: string[];
  storyIds?: string[];
}): Promise<{ span: Span | null; failure: ApiFailure | null }> {
  const clean = Object.fromEntries(Object.entries(filter).filter(([, ids]) => ids && ids.length > 0));
  const result = await load(ArticleSpanQuery, { filter: clean });
  if (!result.data) return { span: null, failure: result.failure };
  return {
    failure: null,
    span: {
      first: dayOf(result.data.oldest.edges[0]?.node.publishedAt),
      last: dayOf(result.data.newest.edges[0]?.node.publishedAt),
    },
  };
}

export async function loadArticleSpan(filter: {
  outletIds?: string[];
  eventIds?: string[];
  storyIds?: string[];
}): Promise<Span | null> {
  return (await loadArticleSpanOrFailure(filter)).span;
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
