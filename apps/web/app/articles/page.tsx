// A list of articles, undated ones on their own (?dated=no): what no chart can show is still one click away.
import type { Metadata } from "next";
import Link from "next/link";
import { ListResults } from "../../components/ListResults";
import { ToggleGroup } from "../../components/ToggleGroup";
import { allParams, firstParam, type SearchParams, withParams } from "../../lib/filters";
import { formatDated } from "../../lib/format";
import { graphql } from "../../lib/graphql";
import { load } from "../../lib/load";
import { readPageWindow } from "../../lib/paging";
import { articleHref, eventHref, outletHref } from "../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Articles" };

const ArticleListQuery = graphql(`
  query ArticleList($filter: ArticleFilter, $first: Int, $after: String, $last: Int, $before: String) {
    articles(filter: $filter, orderBy: NEWEST, first: $first, after: $after, last: $last, before: $before) {
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
          url
          publishedAt
          publishedAtPrecision
          publishedAtEstimated
          outlet {
            id
            name
            slug
          }
          event {
            id
            title
          }
        }
      }
    }
  }
`);

const NO_FILTERS = { from: null, to: null, outletIds: [] };

const DATED = [
  { value: "all", label: "All" },
  { value: "yes", label: "Dated" },
  { value: "no", label: "Undated" },
] as const;

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const datedParam = firstParam(params, "dated");
  const dated = datedParam === "no" ? false : datedParam === "yes" ? true : null;
  const outletIds = allParams(params, "outlet");
  const eventIds = allParams(params, "event");
  const storyIds = allParams(params, "story");
  const result = await load(ArticleListQuery, {
    filter: {
      dated,
      outletIds: outletIds.length ? outletIds : undefined,
      eventIds: eventIds.length ? eventIds : undefined,
      storyIds: storyIds.length ? storyIds : undefined,
    },
    ...readPageWindow(params, 50),
  });
  const narrowed = outletIds.length + eventIds.length + storyIds.length > 0;
  return (
    <>
      <header className="page-head">
        <h1>{dated === false ? "Undated articles" : dated ? "Dated articles" : "Articles"}</h1>
        <p className="muted">
          {dated === false
            ? "Articles no date is known for, not even an estimated one: no chart or date range can show them, so they are listed here."
            : "Newest first; undated articles come last."}
          {narrowed ? (
            <>
              {" "}
              Only those of the chosen{" "}
              {[outletIds.length ? "outlets" : "", eventIds.length ? "events" : "", storyIds.length ? "stories" : ""]
                .filter(Boolean)
                .join(", ")}
              . <Link href={withParams("/articles", { dated: datedParam })}>All of them</Link>
            </>
          ) : null}
        </p>
      </header>
      <div className="chart-head">
        <ToggleGroup
          label="Date"
          current={dated === false ? "no" : dated ? "yes" : "all"}
          options={DATED.map((d) => ({
            ...d,
            href: withParams("/articles", params, { dated: d.value === "all" ? null : d.value, after: null, before: null }),
          }))}
        />
      </div>
      <ListResults
        result={result}
        select={(data) => data.articles}
        what="the articles"
        noun="articles"
        empty={{
          title: dated === false ? "No undated articles" : "No articles",
          hint: dated === false ? "Every article here has a date." : "Ingest articles, then come back.",
        }}
        pager={{ path: "/articles", params, label: "Article pages" }}
      >
        {(list) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Published</th>
                <th scope="col">Headline</th>
                <th scope="col">Outlet</th>
                <th scope="col">Event</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: article }) => (
                <tr key={article.id}>
                  <td>
                    {formatDated(article.publishedAt, article.publishedAtPrecision)}
                    {article.publishedAt && article.publishedAtEstimated ? <span className="muted"> (estimated)</span> : null}
                  </td>
                  <td>
                    <Link href={articleHref(article.id)}>{article.title ?? "(untitled)"}</Link>
                  </td>
                  <td>
                    {article.outlet ? (
                      <Link href={outletHref(article.outlet.slug, NO_FILTERS)}>{article.outlet.name}</Link>
                    ) : (
                      "unknown"
                    )}
                  </td>
                  <td>
                    {article.event ? <Link href={eventHref(article.event.id, NO_FILTERS)}>{article.event.title}</Link> : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
