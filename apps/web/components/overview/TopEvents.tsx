// The events that drew the most articles in the range.
import Link from "next/link";
import { type GlobalFilters, withGlobalFilters } from "../../lib/filters";
import { formatDay, plural } from "../../lib/format";
import { graphql } from "../../lib/graphql";
import { load } from "../../lib/load";
import { eventHref, storyHref } from "../../lib/routes";
import { EmptyState } from "../EmptyState";
import { ErrorState } from "../ErrorState";

const TopEventsQuery = graphql(`
  query TopEvents($from: Date, $to: Date) {
    events(first: 6, orderBy: MOST_COVERED, filter: { date: { from: $from, to: $to } }) {
      edges {
        node {
          id
          title
          date
          articleCount
          place {
            name
          }
          story {
            id
            title
          }
        }
      }
    }
  }
`);

export async function TopEvents({ range, filters }: { range: { from: string; to: string }; filters: GlobalFilters }) {
  const result = await load(TopEventsQuery, range);
  if (!result.data) return <ErrorState failure={result.failure} what="the top events" />;
  const events = result.data.events.edges.map((e) => e.node);
  const most = Math.max(1, ...events.map((e) => e.articleCount));
  return (
    <section className="card" aria-labelledby="top-events">
      <h2 id="top-events">Top events</h2>
      {filters.outletIds.length ? <p className="muted">Counted over all outlets: events are not split by outlet.</p> : null}
      {events.length === 0 ? (
        <EmptyState title="No events in this range yet">
          Events appear once ingest groups articles that report the same happening. Widen the date range, or ingest more articles
          about the story.
        </EmptyState>
      ) : (
        <ol className="list">
          {events.map((event) => (
            <li key={event.id} className="ranked">
              <Link href={eventHref(event.id, filters)}>{event.title}</Link>
              <span className="num">{plural(event.articleCount, "article")}</span>
              <span className="bar-cell" aria-hidden="true">
                <span style={{ width: `${(event.articleCount / most) * 100}%` }} />
              </span>
              <span className="meta">
                {formatDay(event.date)}
                {event.place ? ` · ${event.place.name}` : ""}
                {event.story ? (
                  <>
                    {" · "}
                    <Link href={storyHref(event.story.id, filters)}>{event.story.title}</Link>
                  </>
                ) : null}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={withGlobalFilters("/events", filters)}>All events</Link>
      </p>
    </section>
  );
}
