// One outlet: how much it published over time, what it covered, whom it quoted, whom it cites, how often it led.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChartControls } from "../../../components/ChartControls";
import { CoverageChart } from "../../../components/CoverageChart";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { FilterBar } from "../../../components/FilterBar";
import { CoverageQuery, type CoverageRequest, coverageCsvHref, coverageVariables } from "../../../lib/coverage";
import { readBucket, readGlobalFilters, readScale, resolveRange, type SearchParams } from "../../../lib/filters";
import { formatLocal, formatNumber, plural } from "../../../lib/format";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { outletKindLabel } from "../../../lib/outlet-kind";
import {
  articleHref,
  eventHref,
  outletHref,
  outletLookup,
  personHref,
  routeParam,
  undatedArticlesHref,
} from "../../../lib/routes";
import { loadArticleSpan } from "../../../lib/span";

export const dynamic = "force-dynamic";

const OutletQuery = graphql(`
  query OutletPage($id: ID, $slug: String) {
    outlet(id: $id, slug: $slug) {
      __typename
      ... on QueryOutletSuccess {
        data {
          id
          name
          slug
          domain
          kind
          country
          language
          aliases
          articleCount
          citedByCount
          firstCarrierCount
          cites {
            count
            outlet {
              id
              name
              slug
              kind
            }
          }
          speakers {
            count
            person {
              id
              name
            }
          }
          articles(first: 10) {
            edges {
              node {
                id
                title
                publishedAt
                event {
                  id
                  title
                }
              }
            }
          }
        }
      }
    }
  }
`);

type Props = { params: Promise<{ ref: string }>; searchParams: Promise<SearchParams> };

export default async function OutletPage({ params, searchParams }: Props) {
  const ref = routeParam((await params).ref);
  const query = await searchParams;
  const filters = readGlobalFilters(query);
  const result = await load(OutletQuery, outletLookup(ref));
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.outlet?.__typename === "QueryOutletSuccess");
  if (!result.data) return <ErrorState failure={result.failure} what="this outlet" />;
  if (result.data.outlet.__typename !== "QueryOutletSuccess") notFound();
  const outlet = result.data.outlet.data;
  const path = `/outlets/${encodeURIComponent(ref)}`;

  const span = await loadArticleSpan({ outletIds: [outlet.id] }, filters);
  const undatedHref = undatedArticlesHref({ outletIds: [outlet.id] });
  const range = resolveRange(filters, span);
  const bucket = readBucket(query, range.from, range.to);
  const scale = readScale(query);
  // Keys pick the outlet as the only series; the API serves that from rollups instead of scanning articles.
  const volume: CoverageRequest = { dimension: "OUTLET", ...range, bucket, keys: [outlet.id], includeOther: false };
  const covered: CoverageRequest = {
    dimension: "EVENT",
    ...range,
    bucket: "MONTH",
    outletIds: [outlet.id],
    top: 10,
    includeOther: false,
  };
  const [volumeResult, coveredResult] = await Promise.all([
    load(CoverageQuery, coverageVariables(volume)),
    load(CoverageQuery, coverageVariables(covered)),
  ]);
  const topEvents = coveredResult.data?.coverage.series.filter((s) => s.key && s.total > 0) ?? [];
  const articles = outlet.articles.edges.map((e) => e.node);

  return (
    <>
      <header className="page-head">
        <p className="kicker muted">Outlet · {outletKindLabel(outlet.kind)}</p>
        <h1>{outlet.name}</h1>
        <p className="muted">
          {[outlet.domain, outlet.country, outlet.language?.toUpperCase()].filter(Boolean).join(" · ")}
          {outlet.aliases.length ? ` · also “${outlet.aliases.join("”, “")}”` : ""}
        </p>
        <dl className="stat-row">
          <div>
            <dt>Articles</dt>
            <dd>{formatNumber(outlet.articleCount)}</dd>
          </div>
          <div>
            <dt>First to carry a quote</dt>
            <dd>{formatNumber(outlet.firstCarrierCount)}</dd>
          </div>
          <div>
            <dt>Cited by other outlets’ articles</dt>
            <dd>{formatNumber(outlet.citedByCount)}</dd>
          </div>
        </dl>
      </header>
      <FilterBar
        path={path}
        params={query}
        filters={filters}
        range={range}
        withOutlets={false}
        defaultRangeLabel="all of its articles"
        dates={span}
        undatedHref={undatedHref}
      />
      {volumeResult.failure ? (
        <ErrorState failure={volumeResult.failure} what="this outlet’s volume" />
      ) : (
        <CoverageChart
          id="outlet-volume"
          title="Articles over time"
          coverage={volumeResult.data.coverage}
          bucket={bucket}
          scale={scale}
          unit="articles"
          csvHref={coverageCsvHref(volume, scale)}
          undatedHref={undatedHref}
          controls={<ChartControls path={path} params={query} bucket={bucket} scale={scale} />}
          empty={<>This outlet published nothing in the chosen dates. Reset the date range to see all of its articles.</>}
        />
      )}
      <div className="grid">
        <section className="card" aria-labelledby="outlet-covered">
          <h2 id="outlet-covered">What it covered</h2>
          {coveredResult.failure ? (
            <p className="muted">{coveredResult.failure.message}</p>
          ) : topEvents.length ? (
            <ol className="list">
              {topEvents.map((s) => (
                <li key={s.key} className="ranked">
                  <Link href={eventHref(s.key ?? "", filters)}>{s.label}</Link>
                  <span className="num muted">{plural(s.total, "article")}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">None of its articles in this range belong to an event yet.</p>
          )}
          <h3>Latest articles</h3>
          {articles.length === 0 ? (
            <p className="muted">No articles stored.</p>
          ) : (
            <ul className="list">
              {articles.map((a) => (
                <li key={a.id}>
                  <Link href={articleHref(a.id)}>{a.title ?? "(untitled)"}</Link>
                  <div className="meta">
                    {formatLocal(a.publishedAt)}
                    {a.event ? (
                      <>
                        {" · "}
                        <Link href={eventHref(a.event.id, filters)}>
                          {a.event.title === a.title ? "its event" : a.event.title}
                        </Link>
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="outlet-quoted">
          <h2 id="outlet-quoted">Whom it quoted</h2>
          {outlet.speakers.length === 0 ? (
            <EmptyState title="No attributed quotes from this outlet" />
          ) : (
            <ol className="list">
              {outlet.speakers.slice(0, 12).map((s) => (
                <li key={s.person.id} className="ranked">
                  <Link href={personHref(s.person.id, filters)}>{s.person.name}</Link>
                  <span className="num muted">{plural(s.count, "quote")}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="card" aria-labelledby="outlet-cites">
          <h2 id="outlet-cites">Whom it cites</h2>
          {outlet.cites.length === 0 ? (
            <EmptyState title="No citations found">Its articles name no agency or other outlet as a source.</EmptyState>
          ) : (
            <ol className="list">
              {outlet.cites.map((c) => (
                <li key={c.outlet.id} className="ranked">
                  <span>
                    <Link href={outletHref(c.outlet.slug, filters)}>{c.outlet.name}</Link>{" "}
                    <span className="muted">{outletKindLabel(c.outlet.kind)}</span>
                  </span>
                  <span className="num muted">{plural(c.count, "citation")}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}
