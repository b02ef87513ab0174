// One story: its events along its dates, and its coverage over the whole span, event by event.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartControls } from "../../../components/ChartControls";
import { CoverageChart } from "../../../components/CoverageChart";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { EventTimeline } from "../../../components/EventTimeline";
import { FilterBar } from "../../../components/FilterBar";
import { CoverageQuery, type CoverageRequest, coverageCsvHref, coverageVariables } from "../../../lib/coverage";
import { readBucket, readGlobalFilters, readScale, resolveRange, type SearchParams } from "../../../lib/filters";
import { formatDay, formatNumber, plural } from "../../../lib/format";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { eventHref, routeParam, undatedArticlesHref } from "../../../lib/routes";
import { loadArticleSpan } from "../../../lib/span";

export const dynamic = "force-dynamic";

const EVENT_LIMIT = 100;

const StoryQuery = graphql(`
  query StoryPage($id: ID!) {
    story(id: $id) {
      __typename
      ... on QueryStorySuccess {
        data {
          id
          title
          firstDate
          lastDate
          eventCount
          articleCount
          events(first: 100) {
            edges {
              node {
                id
                title
                date
                articleCount
                place {
                  name
                }
              }
            }
          }
        }
      }
    }
  }
`);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function StoryPage({ params, searchParams }: Props) {
  const id = routeParam((await params).id);
  const query = await searchParams;
  const path = `/stories/${encodeURIComponent(id)}`;
  const filters = readGlobalFilters(query);
  const result = await load(StoryQuery, { id });
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.story?.__typename === "QueryStorySuccess");
  if (!result.data) return <ErrorState failure={result.failure} what="this story" />;
  if (result.data.story.__typename !== "QueryStorySuccess") notFound();
  const story = result.data.story.data;
  const events = story.events.edges.map((e) => e.node);

  // Coverage runs past the last event (follow-ups, anniversaries): the articles decide the span, not the events.
  const span = await loadArticleSpan({ storyIds: [story.id], outletIds: filters.outletIds }, filters);
  const undatedHref = undatedArticlesHref({ storyIds: [story.id], outletIds: filters.outletIds });
  const range = resolveRange(filters, span ?? { first: story.firstDate, last: story.lastDate });
  const bucket = readBucket(query, range.from, range.to);
  const scale = readScale(query);
  const request: CoverageRequest = {
    dimension: "EVENT",
    ...range,
    bucket,
    storyIds: [story.id],
    outletIds: filters.outletIds,
    top: 8,
  };
  const coverage = await load(CoverageQuery, coverageVariables(request));

  return (
    <>
      <header className="page-head">
        <p className="kicker muted">Story</p>
        <h1>{story.title}</h1>
        <p className="muted">
          {formatDay(story.firstDate)} – {formatDay(story.lastDate)} · {plural(story.eventCount, "event")} ·{" "}
          {plural(story.articleCount, "article")}
        </p>
      </header>
      <FilterBar
        path={path}
        params={query}
        filters={filters}
        range={range}
        defaultRangeLabel="the story’s whole span"
        dates={span}
        undatedHref={undatedHref}
      />
      <section className="card" aria-labelledby="story-timeline">
        <h2 id="story-timeline">Events on a timeline</h2>
        {events.length === 0 ? (
          <EmptyState title="No events in this story yet" />
        ) : (
          <>
            <EventTimeline events={events} filters={filters} />
            <ol className="list">
              {events.map((event) => (
                <li key={event.id}>
                  <Link href={eventHref(event.id, filters)}>{event.title}</Link>
                  <div className="meta">
                    {formatDay(event.date)}
                    {event.place ? ` · ${event.place.name}` : ""} · {plural(event.articleCount, "article")}
                  </div>
                </li>
              ))}
            </ol>
            {story.eventCount > EVENT_LIMIT ? (
              <p className="muted">
                Showing the first {EVENT_LIMIT} of {formatNumber(story.eventCount)} events.
              </p>
            ) : null}
          </>
        )}
      </section>
      {coverage.failure ? (
        <ErrorState failure={coverage.failure} what="this story’s coverage" />
      ) : (
        <CoverageChart
          id="story-coverage"
          title="Coverage over the story, by event"
          coverage={coverage.data.coverage}
          bucket={bucket}
          scale={scale}
          unit="articles"
          csvHref={coverageCsvHref(request, scale)}
          seriesHref={(key) => eventHref(key, filters)}
          undatedHref={undatedHref}
          controls={<ChartControls path={path} params={query} bucket={bucket} scale={scale} />}
          empty={
            <>None of this story’s articles fall in the chosen dates or outlets. Reset the filters to see the whole story.</>
          }
        />
      )}
    </>
  );
}
