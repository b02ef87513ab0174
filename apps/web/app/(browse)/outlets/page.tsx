// Every outlet: how much it published, how often it was first, how often others cite it.
import type { Metadata } from "next";
import Link from "next/link";
import { ListResults } from "../../../components/ListResults";
import { SearchForm } from "../../../components/SearchForm";
import { firstParam, readGlobalFilters, type SearchParams } from "../../../lib/filters";
import { formatNumber } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { outletKindLabel } from "../../../lib/outlet-kind";
import { readPageWindow } from "../../../lib/paging";
import { outletHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Outlets" };

const OutletsQuery = graphql(`
  query OutletList($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    outlets(search: $search, first: $first, after: $after, last: $last, before: $before) {
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
          name
          slug
          domain
          kind
          articleCount
          firstCarrierCount
          citedByCount
        }
      }
    }
  }
`);

export default async function OutletsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const search = firstParam(params, "q")?.trim() || undefined;
  const result = await load(OutletsQuery, { search, ...readPageWindow(params, 50) });
  return (
    <>
      <header className="page-head">
        <h1>Outlets</h1>
        <p className="muted">Publishers, broadcasters and agencies Storyline has read or seen cited.</p>
      </header>
      <SearchForm path="/outlets" params={params} label="Search outlets by name or domain" />
      <ListResults
        result={result}
        select={(data) => data.outlets}
        what="the outlets"
        noun="outlets"
        empty={{
          title: search ? "No outlets match" : "No outlets yet",
          hint: search ? "Try part of the name or the domain." : "Outlets appear as articles are ingested.",
        }}
        pager={{ path: "/outlets", params, label: "Outlet pages" }}
      >
        {(list) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Outlet</th>
                <th scope="col">Kind</th>
                <th scope="col" className="num">
                  Articles
                </th>
                <th scope="col" className="num">
                  First to carry a quote
                </th>
                <th scope="col" className="num">
                  Cited by others
                </th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: outlet }) => (
                <tr key={outlet.id}>
                  <td>
                    <Link href={outletHref(outlet.slug, filters)}>{outlet.name}</Link>
                    {outlet.domain && outlet.domain !== outlet.name ? <div className="muted">{outlet.domain}</div> : null}
                  </td>
                  <td>{outletKindLabel(outlet.kind)}</td>
                  <td className="num">{formatNumber(outlet.articleCount)}</td>
                  <td className="num">{formatNumber(outlet.firstCarrierCount)}</td>
                  <td className="num">{formatNumber(outlet.citedByCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
