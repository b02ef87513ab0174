// Every event, newest, oldest or most covered first.
import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar } from "../../../components/FilterBar";
import { ListResults } from "../../../components/ListResults";
import { SearchForm } from "../../../components/SearchForm";
import { ToggleGroup } from "../../../components/ToggleGroup";
import { firstParam, readChoice, readGlobalFilters, type SearchParams, withParams } from "../../../lib/filters";
import { formatDay, formatNumber } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { eventHref, storyHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Events" };

const ORDERS = [
  { value: "NEWEST", label: "Newest" },
  { value: "OLDEST", label: "Oldest" },
  { value: "MOST_COVERED", label: "Most covered" },
] as const;

const EventsQuery = graphql(`
  query EventList($filter: EventFilter, $orderBy: EventOrder, $first: Int, $after: String, $last: Int, $before: String) {
    events(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
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

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const orderBy = readChoice(
    params,
    "order",
    ORDERS.map((o) => o.value),
    "NEWEST",
  );
  const search = firstParam(params, "q")?.trim() || undefined;
  const result = await load(EventsQuery, {
    filter: { date: { from: filters.from, to: filters.to }, search },
    orderBy,
    ...readPageWindow(params, 25),
  });
  return (
    <>
      <header className="page-head">
        <h1>Events</h1>
        <p className="muted">Happenings on a date, each reported by one or more articles.</p>
      </header>
      <FilterBar path="/events" params={params} filters={filters} withOutlets={false} />
      <div className="chart-head">
        <SearchForm path="/events" params={params} label="Search event titles" />
        <ToggleGroup
          label="Order"
          current={orderBy}
          options={ORDERS.map((o) => ({
            ...o,
            href: withParams("/events", params, { order: o.value === "NEWEST" ? null : o.value, after: null, before: null }),
          }))}
        />
      </div>
      <ListResults
        result={result}
        select={(data) => data.events}
        what="the events"
        noun="events"
        empty={{
          title: search || filters.from || filters.to ? "No events match" : "No events yet",
          hint:
            search || filters.from || filters.to
              ? "Try other words, or widen the date range."
              : "Events appear once ingest groups articles that report the same happening. Ingest more articles about a story, then come back.",
        }}
        pager={{ path: "/events", params, label: "Event pages" }}
      >
        {(list) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Event</th>
                <th scope="col">Story</th>
                <th scope="col" className="num">
                  Articles
                </th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: event }) => (
                <tr key={event.id}>
                  <td>{formatDay(event.date)}</td>
                  <td>
                    <Link href={eventHref(event.id, filters)}>{event.title}</Link>
                    {event.place ? <div className="muted">{event.place.name}</div> : null}
                  </td>
                  <td>
                    {event.story ? (
                      <Link href={storyHref(event.story.id, filters)}>{event.story.title}</Link>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="num">{formatNumber(event.articleCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
