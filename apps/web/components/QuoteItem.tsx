// One quote as a list item: the words, who said them (and how the article named them), where and when.
import Link from "next/link";
import type { GlobalFilters } from "../lib/filters";
import { formatLocal, formatNumber } from "../lib/format";
import { type FragmentOf, graphql, readFragment } from "../lib/graphql";
import type { QuoteContext } from "../lib/quote-context";
import { articleHref, clusterHref, outletHref, personHref, quoteAnchor } from "../lib/routes";

export const QuoteItemFields = graphql(`
  fragment QuoteItemFields on Quote {
    id
    text
    kind
    start
    end
    confidence
    attribution
    publishedAt
    speakerAsWritten
    speaker {
      id
      name
    }
    article {
      id
      title
      outlet {
        name
        slug
      }
    }
    cluster {
      id
      outletCount
    }
  }
`);

interface QuoteItemProps {
  quote: FragmentOf<typeof QuoteItemFields>;
  filters: GlobalFilters;
  /** Words around the quote in its article, when the page fetched the body. */
  context?: QuoteContext | null;
  hideSpeaker?: boolean;
}

export function QuoteItem({ quote: data, filters, context, hideSpeaker }: QuoteItemProps) {
  const quote = readFragment(QuoteItemFields, data);
  const outlet = quote.article.outlet;
  const namedAs = quote.speakerAsWritten && quote.speakerAsWritten !== quote.speaker?.name;
  return (
    <li>
      <blockquote className="quote">
        {context ? (
          <p className="quote-context">
            …{context.before}
            <mark>{context.quoted}</mark>
            {context.after}…
          </p>
        ) : (
          <p>“{quote.text}”</p>
        )}
      </blockquote>
      <div className="meta">
        {hideSpeaker ? null : quote.speaker ? (
          <Link href={personHref(quote.speaker.id, filters)}>{quote.speaker.name}</Link>
        ) : (
          <span>Unattributed</span>
        )}
        {namedAs ? <span title="How the article named the speaker"> (as “{quote.speakerAsWritten}”)</span> : null}
        {hideSpeaker && !namedAs ? null : " · "}
        {outlet ? <Link href={outletHref(outlet.slug, filters)}>{outlet.name}</Link> : <span>unknown outlet</span>}
        {" · "}
        <Link href={articleHref(quote.article.id, quoteAnchor(quote.id))}>{formatLocal(quote.publishedAt)}</Link>
        {quote.kind === "FRAGMENT" ? <span className="badge">fragment</span> : null}
        {quote.speaker && quote.confidence < 0.6 ? (
          <span className="badge" title={`Attributed by ${quote.attribution.toLowerCase().replace(/_/g, " ")}`}>
            unsure speaker
          </span>
        ) : null}
        {quote.cluster && quote.cluster.outletCount > 1 ? (
          <>
            {" · "}
            <Link href={clusterHref(quote.cluster.id, filters)}>
              carried by {formatNumber(quote.cluster.outletCount)} outlets
            </Link>
          </>
        ) : null}
      </div>
    </li>
  );
}
