// One event: who covered it and when (leaders first), what was said, who and where, and its place in the story.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartControls } from "../../../components/ChartControls";
import { CoverageChart } from "../../../components/CoverageChart";
import { EmptyState } from "../../../components/EmptyState";
import { EntityList, tallyMentions } from "../../../components/EntityList";
import { ErrorState } from "../../../components/ErrorState";
import { FilterBar } from "../../../components/FilterBar";
import { QuoteItem, QuoteItemFields } from "../../../components/QuoteItem";
import { CoverageQuery, type CoverageRequest, coverageCsvHref, coverageVariables } from "../../../lib/coverage";
import {
  addDays,
  dayOf,
  readBucket,
  readGlobalFilters,
  readScale,
  resolveRange,
  type SearchParams,
  withGlobalFilters,
} from "../../../lib/filters";
import { formatDated, formatDay, formatDelay, formatNumber, plural } from "../../../lib/format";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql, readFragment } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { articleHref, eventHref, outletHref, routeParam, storyHref, undatedArticlesHref } from "../../../lib/routes";
import { loadArticleSpan } from "../../../lib/span";

export const dynamic = "force-dynamic";

const ARTICLE_LIMIT = 50;

const EventQuery = graphql(
  `
  query EventPage($id: ID!) {
    event(id: $id) {
      __typename
      ... on QueryEventSuccess {
        data {
          id
          title
          date
          dateEnd
          articleCount
          firstSeenAt
          lastSeenAt
          place {
            id
            name
          }
          story {
            id
            title
          }
          neighbours {
            id
            title
            date
            articleCount
          }
          participants(limit: 12) {
            weight
            entity {
              id
              name
              kind
            }
          }
          quotes(first: 10) {
            totalCount
            edges {
              node {
                id
                ...QuoteItemFields
              }
            }
          }
        }
      }
    }
  }
`,
  [QuoteItemFields],
);

// Its own query, so neither document outgrows the API's cost limit; earliest first shows who led.
const EventArticlesQuery = graphql(`
  query EventArticles($eventIds: [ID!]) {
    articles(first: 50, orderBy: OLDEST, filter: { eventIds: $eventIds }) {
      totalCount
      edges {
        node {
          id
          title
          publishedAt
          publishedAtPrecision
          publishedAtEstimated
          outlet {
            id
            name
            slug
          }
          duplicateOf {
            id
          }
          mentions {
            count
            entity {
              id
              name
              kind
            }
          }
        }
      }
    }
  }
`);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function EventPage({ params, searchParams }: Props) {
  const id = routeParam((await params).id);
  const query = await searchParams;
  const path = `/events/${encodeURIComponent(id)}`;
  const filters = readGlobalFilters(query);
  const [result, articleResult, span] = await Promise.all([
    load(EventQuery, { id }),
    load(EventArticlesQuery, { eventIds: [id] }),
    loadArticleSpan({ eventIds: [id], outletIds: filters.outletIds }, filters),
  ]);
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.event?.__typename === "QueryEventSuccess");
  if (!result.data) return <ErrorState failure={result.failure} what="this event" />;
  if (result.data.event.__typename !== "QueryEventSuccess") notFound();
  const event = result.data.event.data;

  // Pad the event's own span by a day each side, so the first and last reports are not on the chart's edge.
  const first = span?.first ?? dayOf(event.firstSeenAt) ?? event.date;
  const last = span?.last ?? dayOf(event.lastSeenAt) ?? event.date;
  // Nothing dated at all: no timeline to draw, so the page says so and lists the articles instead.
  const allUndated = span !== null && span.dated === 0 && span.undated > 0;
  const undatedHref = undatedArticlesHref({ eventIds: [event.id], outletIds: filters.outletIds });
  const range = resolveRange(filters, first && last ? { first: addDays(first, -1), last: addDays(last, 1) } : null);
  const bucket = readBucket(query, range.from, range.to);
  const scale = readScale(query);
  const request: CoverageRequest = { dimension: "OUTLET", ...range, bucket, eventIds: [event.id], outletIds: filters.outletIds };
  const coverage = await load(CoverageQuery, coverageVariables(request));

  const articles = articleResult.data?.articles.edges.map((e) => e.node) ?? [];
  const articleTotal = articleResult.data?.articles.totalCount ?? 0;
  const firstArticle = articles.find((a) => a.publishedAt);
  const seenOutlets = new Set<string>();
  // The same statement carried by five outlets is one statement here; its cluster link shows the five.
  const seenStatements = new Set<string>();
  const quotes = event.quotes.edges
    .map((e) => e.node)
    .filter((quote) => {
      const key = readFragment(QuoteItemFields, quote).cluster?.id ?? quote.id;
      if (seenStatements.has(key)) return false;
      seenStatements.add(key);
      return true;
    });
  const named = tallyMentions(articles.flatMap((a) => a.mentions));

  return (
    <>
      <header className="page-head">
        <p className="kicker muted">
          Event
          {event.story ? (
            <>
              {" "}
              in <Link href={storyHref(event.story.id, filters)}>{event.story.title}</Link>
            </>
          ) : null}
        </p>
        <h1>{event.title}</h1>
        <p className="muted">
          {formatDay(event.date)}
          {event.dateEnd && event.dateEnd !== event.date ? ` – ${formatDay(event.dateEnd)}` : ""}
          {event.place ? ` · ${event.place.name}` : ""} · {plural(event.articleCount, "article")}
        </p>
      </header>
      <FilterBar
        path={path}
        params={query}
        filters={filters}
        range={allUndated ? undefined : range}
        defaultRangeLabel="the event’s own span"
        dates={span}
        undatedHref={undatedHref}
      />
      {allUndated ? (
        <section className="card" aria-labelledby="event-coverage-title" id="event-coverage">
          <h2 id="event-coverage-title">Coverage by outlet</h2>
          <EmptyState title="No dated articles, so no timeline">
            None of this event’s {plural(span.undated, "article")} has a date, not even an estimated one. They are listed below,
            first stored first. <Link href={undatedHref}>List the undated articles</Link>
          </EmptyState>
        </section>
      ) : coverage.failure ? (
        <ErrorState failure={coverage.failure} what="the coverage of this event" />
      ) : (
        <CoverageChart
          id="event-coverage"
          title="Coverage by outlet"
          coverage={coverage.data.coverage}
          bucket={bucket}
          scale={scale}
          unit="articles"
          csvHref={coverageCsvHref(request, scale)}
          seriesHref={(key) => outletHref(key, filters)}
          undatedHref={undatedHref}
          controls={<ChartControls path={path} params={query} bucket={bucket} scale={scale} />}
          empty={<>None of this event’s articles fall in the chosen dates or outlets. Reset the filters to see all of them.</>}
        />
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="event-articles">
          <h2 id="event-articles">Articles, first report first</h2>
          {articleResult.failure ? (
            <ErrorState failure={articleResult.failure} what="this event’s articles" />
          ) : articles.length === 0 ? (
            <EmptyState title="No articles linked to this event" />
          ) : (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Published (as written)</th>
                    <th scope="col">Outlet</th>
                    <th scope="col">Headline</th>
                  </tr>
                </thead>
                <tbody>
                  {articles.map((article) => {
                    const outletFirstTime = article.outlet && !seenOutlets.has(article.outlet.id);
                    if (article.outlet) seenOutlets.add(article.outlet.id);
                    const delay =
                      article === firstArticle ? "first report" : formatDelay(firstArticle?.publishedAt, article.publishedAt);
                    return (
                      <tr key={article.id}>
                        <td>
                          {formatDated(article.publishedAt, article.publishedAtPrecision)}
                          {article.publishedAt && article.publishedAtEstimated ? (
                            <span className="muted"> (estimated)</span>
                          ) : null}
                          {delay ? <div className="muted">{delay}</div> : null}
                        </td>
                        <td>
                          {article.outlet ? (
                            <Link href={outletHref(article.outlet.slug, filters)}>{article.outlet.name}</Link>
                          ) : (
                            "unknown"
                          )}
                          {outletFirstTime ? null : <div className="muted">again</div>}
                        </td>
                        <td>
                          <Link href={articleHref(article.id)}>{article.title ?? "(untitled)"}</Link>
                          {article.duplicateOf ? <span className="badge">syndicated copy</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {articleTotal > ARTICLE_LIMIT ? (
            <p className="muted">
              Showing the first {ARTICLE_LIMIT} of {formatNumber(articleTotal)} articles.
            </p>
          ) : null}
        </section>
        <div>
          <section className="card" aria-labelledby="event-people">
            <h2 id="event-people">People and places</h2>
            {event.participants.length ? (
              <>
                <h3>Main participants</h3>
                <ul className="list">
                  {event.participants.map((p) => (
                    <li key={p.entity.id} className="ranked">
                      <span>{p.entity.name}</span>
                      <span className="num muted">
                        named in {formatNumber(Math.round(p.weight * event.articleCount))} of{" "}
                        {plural(event.articleCount, "article")}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            <EntityList entities={named} filters={filters} emptyText="Its articles name no people, places or organisations." />
          </section>
          <section className="card" aria-labelledby="event-neighbours">
            <h2 id="event-neighbours">Before and after</h2>
            {event.neighbours.length === 0 ? (
              <EmptyState title="No neighbouring events">
                {event.story ? "This is the only dated event in its story so far." : "This event is not part of a story yet."}
              </EmptyState>
            ) : (
              <ul className="list">
                {event.neighbours.map((n) => (
                  <li key={n.id}>
                    <Link href={eventHref(n.id, filters)}>{n.title}</Link>
                    <div className="meta">
                      {n.date && event.date ? (n.date < event.date ? "Before · " : "After · ") : ""}
                      {formatDay(n.date)} · {plural(n.articleCount, "article")}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
      <section className="card" aria-labelledby="event-quotes">
        <h2 id="event-quotes">Quotes, most carried first</h2>
        {quotes.length === 0 ? (
          <EmptyState title="No quotes found in this event’s articles" />
        ) : (
          <ul className="list">
            {quotes.map((quote) => (
              <QuoteItem key={quote.id} quote={quote} filters={filters} />
            ))}
          </ul>
        )}
        {event.quotes.totalCount > quotes.length ? (
          <p className="muted">
            {plural(quotes.length, "statement")} from the {formatNumber(Math.min(event.quotes.totalCount, 10))} most carried of{" "}
            {plural(event.quotes.totalCount, "quote")}.{" "}
            <Link href={withGlobalFilters("/quotes", filters)}>Search all quotes</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
