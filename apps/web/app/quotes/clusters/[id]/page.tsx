// One statement's propagation: who carried it first, who followed and how fast, and how the wording shifted.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ErrorState } from "../../../../components/ErrorState";
import { Propagation } from "../../../../components/Propagation";
import { readGlobalFilters, type SearchParams, withGlobalFilters } from "../../../../lib/filters";
import { formatLocal, formatNumber, plural } from "../../../../lib/format";
import { notFoundUnlessFound } from "../../../../lib/found";
import { graphql } from "../../../../lib/graphql";
import { load } from "../../../../lib/load";
import { articleHref, outletHref, personHref, routeParam } from "../../../../lib/routes";

export const dynamic = "force-dynamic";

const CARRYING_LIMIT = 100;

const ClusterQuery = graphql(`
  query QuoteClusterPage($id: ID!) {
    node(id: $id) {
      __typename
      ... on QuoteCluster {
        id
        canonicalText
        outletCount
        quoteCount
        firstSeenAt
        speaker {
          id
          name
        }
        firstOutlet {
          name
          slug
        }
        firstArticle {
          id
          title
        }
        quotes(first: 100) {
          totalCount
          edges {
            node {
              id
              text
              publishedAt
              article {
                id
                title
                outlet {
                  name
                  slug
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

export default async function QuoteClusterPage({ params, searchParams }: Props) {
  const id = routeParam((await params).id);
  const filters = readGlobalFilters(await searchParams);
  const result = await load(ClusterQuery, { id });
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.node?.__typename === "QuoteCluster");
  if (!result.data) return <ErrorState failure={result.failure} what="this statement" />;
  const cluster = result.data.node;
  if (cluster?.__typename !== "QuoteCluster") notFound();
  const carryings = cluster.quotes.edges.map((e) => e.node);
  return (
    <>
      <header className="page-head">
        <p className="kicker muted">
          <Link href={withGlobalFilters("/quotes", filters)}>Quotes</Link> · how a statement travelled
        </p>
        <blockquote className="quote">
          <h1>“{cluster.canonicalText}”</h1>
        </blockquote>
        <p className="muted">
          {cluster.speaker ? <Link href={personHref(cluster.speaker.id, filters)}>{cluster.speaker.name}</Link> : "Unattributed"}{" "}
          · carried by {plural(cluster.outletCount, "outlet")} in {plural(cluster.quoteCount, "article")}
        </p>
      </header>
      <section className="card" aria-labelledby="first-carrier">
        <h2 id="first-carrier">First carrier</h2>
        <p>
          {cluster.firstOutlet ? (
            <Link href={outletHref(cluster.firstOutlet.slug, filters)}>{cluster.firstOutlet.name}</Link>
          ) : (
            "Unknown outlet"
          )}
          {", "}
          {formatLocal(cluster.firstSeenAt)}
          {cluster.firstArticle ? (
            <>
              {" — "}
              <Link href={articleHref(cluster.firstArticle.id)}>{cluster.firstArticle.title ?? "(untitled)"}</Link>
            </>
          ) : null}
        </p>
      </section>
      <section className="card" aria-labelledby="propagation">
        <h2 id="propagation">Every carrier, first first</h2>
        <p className="muted">Times as each outlet wrote them; the track runs from the first carrying to the last.</p>
        <Propagation carryings={carryings} canonicalText={cluster.canonicalText} filters={filters} />
        {cluster.quotes.totalCount > CARRYING_LIMIT ? (
          <p className="muted">
            Showing the first {CARRYING_LIMIT} of {formatNumber(cluster.quotes.totalCount)} carryings.
          </p>
        ) : null}
      </section>
    </>
  );
}
