// The newest quotes in the range, from the chosen outlets.
import Link from "next/link";
import { type GlobalFilters, withGlobalFilters } from "../../lib/filters";
import { graphql } from "../../lib/graphql";
import { load } from "../../lib/load";
import { EmptyState } from "../EmptyState";
import { ErrorState } from "../ErrorState";
import { QuoteItem, QuoteItemFields } from "../QuoteItem";

const LatestQuotesQuery = graphql(
  `
  query LatestQuotes($filter: QuoteFilter) {
    quotes(first: 5, orderBy: NEWEST, filter: $filter) {
      edges {
        node {
          id
          ...QuoteItemFields
        }
      }
    }
  }
`,
  [QuoteItemFields],
);

export async function LatestQuotes({ range, filters }: { range: { from: string; to: string }; filters: GlobalFilters }) {
  const outletIds = filters.outletIds.length ? filters.outletIds : undefined;
  const result = await load(LatestQuotesQuery, { filter: { published: range, outletIds } });
  if (!result.data) return <ErrorState failure={result.failure} what="the latest quotes" />;
  const quotes = result.data.quotes.edges.map((e) => e.node);
  return (
    <section className="card" aria-labelledby="latest-quotes">
      <h2 id="latest-quotes">Latest quotes</h2>
      {quotes.length === 0 ? (
        <EmptyState title="No quotes in this range">Widen the date range or include more outlets.</EmptyState>
      ) : (
        <ul className="list">
          {quotes.map((quote) => (
            <QuoteItem key={quote.id} quote={quote} filters={filters} />
          ))}
        </ul>
      )}
      <p>
        <Link href={withGlobalFilters("/quotes", filters)}>Search all quotes</Link>
      </p>
    </section>
  );
}
