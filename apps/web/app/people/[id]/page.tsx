// One person: when they were quoted, which outlets quoted them, and their words in context.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartControls } from "../../../components/ChartControls";
import { CoverageChart } from "../../../components/CoverageChart";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { FilterBar } from "../../../components/FilterBar";
import { Pager } from "../../../components/Pager";
import { QuoteItem, QuoteItemFields } from "../../../components/QuoteItem";
import { CoverageQuery, type CoverageRequest, coverageCsvHref, coverageVariables } from "../../../lib/coverage";
import { readBucket, readGlobalFilters, readScale, resolveRange, type SearchParams } from "../../../lib/filters";
import { formatDay, formatNumber, plural } from "../../../lib/format";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { quoteContext } from "../../../lib/quote-context";
import { outletHref, routeParam } from "../../../lib/routes";
import { loadQuoteSpan } from "../../../lib/span";

export const dynamic = "force-dynamic";

const PersonQuery = graphql(`
  query PersonPage($id: ID!) {
    person(id: $id) {
      __typename
      ... on QueryPersonSuccess {
        data {
          id
          name
          aliases
          quoteCount
          mentionCount
          roles {
            role
            firstSeen
            lastSeen
            evidenceCount
          }
          quotedBy(limit: 12) {
            count
            outlet {
              id
              name
              slug
            }
          }
        }
      }
    }
  }
`);

const PersonQuotesQuery = graphql(
  `
  query PersonQuotes($filter: QuoteFilter, $first: Int, $after: String, $last: Int, $before: String) {
    quotes(filter: $filter, orderBy: NEWEST, first: $first, after: $after, last: $last, before: $before) {
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
          start
          end
          article {
            body
          }
          ...QuoteItemFields
        }
      }
    }
  }
`,
  [QuoteItemFields],
);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function PersonPage({ params, searchParams }: Props) {
  const id = routeParam((await params).id);
  const query = await searchParams;
  const path = `/people/${encodeURIComponent(id)}`;
  const filters = readGlobalFilters(query);
  const result = await load(PersonQuery, { id });
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.person?.__typename === "QueryPersonSuccess");
  if (!result.data) return <ErrorState failure={result.failure} what="this person" />;
  if (result.data.person.__typename !== "QueryPersonSuccess") notFound();
  const person = result.data.person.data;

  const span = filters.from && filters.to ? null : await loadQuoteSpan({ speakerIds: [person.id] });
  const range = resolveRange(filters, span);
  const bucket = readBucket(query, range.from, range.to);
  const scale = readScale(query);
  // The API cannot split one speaker's quotes by outlet yet, so the chart counts every outlet.
  const request: CoverageRequest = { dimension: "SPEAKER", ...range, bucket, keys: [person.id], includeOther: false };
  const quoteFilter = {
    speakerIds: [person.id],
    published: filters.from || filters.to ? { from: filters.from, to: filters.to } : undefined,
    outletIds: filters.outletIds.length ? filters.outletIds : undefined,
  };
  const [coverage, quotes] = await Promise.all([
    load(CoverageQuery, coverageVariables(request)),
    load(PersonQuotesQuery, { filter: quoteFilter, ...readPageWindow(query, 20) }),
  ]);
  const mostQuoting = Math.max(1, ...person.quotedBy.map((q) => q.count));

  return (
    <>
      <header className="page-head">
        <p className="kicker muted">Person</p>
        <h1>{person.name}</h1>
        <p className="muted">
          {plural(person.quoteCount, "quote")} · named in {plural(person.mentionCount, "article")}
          {person.aliases.length ? ` · also “${person.aliases.slice(0, 4).join("”, “")}”` : ""}
        </p>
        {person.roles.length ? (
          <ul className="key">
            {person.roles.slice(0, 4).map((r) => (
              <li key={r.role}>
                <strong>{r.role}</strong>{" "}
                <span className="muted">
                  {formatDay(r.firstSeen)} – {formatDay(r.lastSeen)}, {plural(r.evidenceCount, "article")}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <FilterBar path={path} params={query} filters={filters} range={range} defaultRangeLabel="all of their quotes" />
      {coverage.failure ? (
        <ErrorState failure={coverage.failure} what="this person’s quotes over time" />
      ) : (
        <CoverageChart
          id="person-quotes"
          title="Quotes over time"
          coverage={coverage.data.coverage}
          bucket={bucket}
          scale={scale}
          unit="quotes"
          csvHref={coverageCsvHref(request, scale)}
          controls={<ChartControls path={path} params={query} bucket={bucket} scale={scale} />}
          empty={<>{person.name} was not quoted in the chosen dates. Reset the date range to see every quote.</>}
        />
      )}
      {filters.outletIds.length ? (
        <p className="muted">The chart counts every outlet; the quotes below are from the chosen outlets.</p>
      ) : null}
      <div className="grid-2">
        <section className="card" aria-labelledby="person-quotes-list">
          <h2 id="person-quotes-list">Their quotes, newest first</h2>
          {!quotes.data ? (
            <ErrorState failure={quotes.failure} what="the quotes" />
          ) : quotes.data.quotes.edges.length === 0 ? (
            <EmptyState title="No quotes match">Widen the date range or include more outlets.</EmptyState>
          ) : (
            <>
              <p className="muted">{plural(quotes.data.quotes.totalCount, "quote")}</p>
              <ul className="list">
                {quotes.data.quotes.edges.map(({ node }) => (
                  <QuoteItem
                    key={node.id}
                    quote={node}
                    filters={filters}
                    hideSpeaker
                    context={quoteContext(node.article.body, node.start, node.end)}
                  />
                ))}
              </ul>
              <Pager path={path} params={query} pageInfo={quotes.data.quotes.pageInfo} label="Quote pages" />
            </>
          )}
        </section>
        <section className="card" aria-labelledby="person-outlets">
          <h2 id="person-outlets">Outlets quoting them</h2>
          {person.quotedBy.length === 0 ? (
            <EmptyState title="No outlet has quoted them yet" />
          ) : (
            <ol className="list">
              {person.quotedBy.map((q) => (
                <li key={q.outlet.id} className="ranked">
                  <Link href={outletHref(q.outlet.slug, filters)}>{q.outlet.name}</Link>
                  <span className="num">{formatNumber(q.count)}</span>
                  <span className="bar-cell" aria-hidden="true">
                    <span style={{ width: `${(q.count / mostQuoting) * 100}%` }} />
                  </span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
