// The quote explorer: search what was said, by whom, where and when; and which statements travelled furthest.
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { FilterBar, preloadFilterBar } from "../../../components/FilterBar";
import { Pager } from "../../../components/Pager";
import { QuoteItem, QuoteItemFields } from "../../../components/QuoteItem";
import { ToggleGroup } from "../../../components/ToggleGroup";
import { firstParam, readChoice, readGlobalFilters, type SearchParams, withParams } from "../../../lib/filters";
import { formatLocal, formatNumber, pluralCapped } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { clusterHref, personHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Quotes" };

const ORDERS = [
  { value: "NEWEST", label: "Newest" },
  { value: "OLDEST", label: "Oldest" },
  { value: "MOST_CARRIED", label: "Most carried" },
] as const;

// The datalist of names; asked for beside the search, not before it.
const SpeakerChoicesQuery = graphql(`
  query SpeakerChoices {
    people(first: 50) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

// Who a typed speaker name means; the search waits for this only when a name was given.
const SpeakerLookupQuery = graphql(`
  query SpeakerLookup($name: String!) {
    person(name: $name) {
      __typename
      ... on QueryPersonSuccess {
        data {
          id
          name
        }
      }
    }
  }
`);

const QuoteSearchQuery = graphql(
  `
  query QuoteSearch(
    $filter: QuoteFilter
    $orderBy: QuoteOrder
    $first: Int
    $after: String
    $last: Int
    $before: String
    $search: String
    $speakerIds: [ID!]
  ) {
    quoteCount(filter: $filter) {
      count
      capped
    }
    quotes(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          ...QuoteItemFields
        }
      }
    }
    quoteClusters(first: 8, minOutlets: 2, search: $search, speakerIds: $speakerIds) {
      edges {
        node {
          id
          canonicalText
          outletCount
          quoteCount
          firstSeenAt
          firstOutlet {
            name
          }
          speaker {
            id
            name
          }
        }
      }
    }
  }
`,
  [QuoteItemFields],
);

export default async function QuotesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  preloadFilterBar();
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const search = firstParam(params, "q")?.trim() || undefined;
  const speakerName = firstParam(params, "speaker")?.trim() || undefined;
  const orderBy = readChoice(
    params,
    "order",
    ORDERS.map((o) => o.value),
    "NEWEST",
  );
  const choicesPending = load(SpeakerChoicesQuery, {});
  const lookup = speakerName ? await load(SpeakerLookupQuery, { name: speakerName }) : null;
  const speaker = lookup?.data?.person.__typename === "QueryPersonSuccess" ? lookup.data.person.data : null;
  const unknownSpeaker = Boolean(speakerName && lookup?.data && !speaker);
  const speakerIds = speaker ? [speaker.id] : undefined;
  const [choices, result] = await Promise.all([
    choicesPending,
    unknownSpeaker
      ? null
      : load(QuoteSearchQuery, {
          filter: {
            search,
            speakerIds,
            outletIds: filters.outletIds.length ? filters.outletIds : undefined,
            published: filters.from || filters.to ? { from: filters.from, to: filters.to } : undefined,
          },
          orderBy,
          search,
          speakerIds,
          ...readPageWindow(params, 25),
        }),
  ]);

  return (
    <>
      <header className="page-head">
        <h1>Quotes</h1>
        <p className="muted">Search what was said. Filter by speaker here, by outlet and date above.</p>
      </header>
      <FilterBar path="/quotes" params={params} filters={filters} />
      <search>
        <form className="search card" method="get" action="/quotes">
          {filters.from ? <input type="hidden" name="from" value={filters.from} /> : null}
          {filters.to ? <input type="hidden" name="to" value={filters.to} /> : null}
          {filters.outletIds.map((id) => (
            <input key={id} type="hidden" name="outlet" value={id} />
          ))}
          {orderBy !== "NEWEST" ? <input type="hidden" name="order" value={orderBy} /> : null}
          <label>
            Words <input type="search" name="q" defaultValue={search ?? ""} placeholder="e.g. lighthouse" />
          </label>
          <label>
            Speaker{" "}
            <input
              type="search"
              name="speaker"
              list="speaker-choices"
              defaultValue={speakerName ?? ""}
              placeholder="Name or surname"
            />
          </label>
          <datalist id="speaker-choices">
            {choices.data?.people.edges.map(({ node }) => (
              <option key={node.id} value={node.name} />
            ))}
          </datalist>
          <button type="submit">Search</button>
          {search || speakerName ? (
            <Link href={withParams("/quotes", params, { q: null, speaker: null, after: null, before: null })}>Clear</Link>
          ) : null}
        </form>
      </search>
      {unknownSpeaker ? (
        <section className="card">
          <EmptyState title={`Nobody called “${speakerName}” has been quoted`}>
            Try the surname alone, or pick a name from the list.
          </EmptyState>
        </section>
      ) : !result?.data ? (
        <ErrorState failure={result?.failure ?? { kind: "rejected", message: "No answer." }} what="the quotes" />
      ) : (
        <div className="grid-2">
          <section className="card" aria-labelledby="quote-results">
            <div className="chart-head">
              <h2 id="quote-results">
                {pluralCapped(result.data.quoteCount, "quote")}
                {speaker ? (
                  <>
                    {" "}
                    by <Link href={personHref(speaker.id, filters)}>{speaker.name}</Link>
                  </>
                ) : null}
              </h2>
              <ToggleGroup
                label="Order"
                current={orderBy}
                options={ORDERS.map((o) => ({
                  ...o,
                  href: withParams("/quotes", params, {
                    order: o.value === "NEWEST" ? null : o.value,
                    after: null,
                    before: null,
                  }),
                }))}
              />
            </div>
            {result.data.quotes.edges.length === 0 ? (
              <EmptyState title="No quotes match">Try fewer words, another speaker, or a wider date range.</EmptyState>
            ) : (
              <ul className="list" id="quote-list">
                {result.data.quotes.edges.map(({ node }) => (
                  <QuoteItem key={node.id} quote={node} filters={filters} />
                ))}
              </ul>
            )}
            <Pager path="/quotes" params={params} pageInfo={result.data.quotes.pageInfo} label="Quote pages" />
          </section>
          <section className="card" aria-labelledby="travelled">
            <h2 id="travelled">Statements that travelled</h2>
            <p className="muted">Carried by two or more outlets, widest first. Open one to see who carried it first.</p>
            {result.data.quoteClusters.edges.length === 0 ? (
              <EmptyState title="No statement was carried by two outlets">
                {search || speaker
                  ? "Not for these words or this speaker."
                  : "Quotes travel once several outlets report the same words."}
              </EmptyState>
            ) : (
              <ul className="list">
                {result.data.quoteClusters.edges.map(({ node: cluster }) => (
                  <li key={cluster.id}>
                    <Link href={clusterHref(cluster.id, filters)}>“{cluster.canonicalText}”</Link>
                    <div className="meta">
                      {cluster.speaker ? `${cluster.speaker.name} · ` : ""}
                      {formatNumber(cluster.outletCount)} outlets · first {cluster.firstOutlet?.name ?? "unknown"},{" "}
                      {formatLocal(cluster.firstSeenAt)}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </>
  );
}
