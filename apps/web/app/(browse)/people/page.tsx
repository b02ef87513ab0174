// Everyone quoted or named, most quoted first.
import type { Metadata } from "next";
import Link from "next/link";
import { ListResults } from "../../../components/ListResults";
import { SearchForm } from "../../../components/SearchForm";
import { firstParam, readGlobalFilters, type SearchParams } from "../../../lib/filters";
import { formatNumber } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { personHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

const PeopleQuery = graphql(`
  query PeopleList($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    people(search: $search, first: $first, after: $after, last: $last, before: $before) {
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
          quoteCount
          mentionCount
          roles {
            role
          }
        }
      }
    }
  }
`);

export default async function PeoplePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const search = firstParam(params, "q")?.trim() || undefined;
  const result = await load(PeopleQuery, { search, ...readPageWindow(params, 50) });
  return (
    <>
      <header className="page-head">
        <h1>People</h1>
        <p className="muted">Everyone the articles quote or name, most quoted first.</p>
      </header>
      <SearchForm path="/people" params={params} label="Search people by name" />
      <ListResults
        result={result}
        select={(data) => data.people}
        what="the people"
        noun="people"
        empty={{
          title: search ? "Nobody matches" : "No people yet",
          hint: search ? "Try the surname alone." : "People appear as ingest finds names in articles.",
        }}
        pager={{ path: "/people", params, label: "People pages" }}
      >
        {(list) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Roles</th>
                <th scope="col" className="num">
                  Quotes
                </th>
                <th scope="col" className="num">
                  Articles naming them
                </th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: person }) => (
                <tr key={person.id}>
                  <td>
                    <Link href={personHref(person.id, filters)}>{person.name}</Link>
                  </td>
                  <td className="muted">
                    {person.roles
                      .slice(0, 2)
                      .map((r) => r.role)
                      .join(", ") || "—"}
                  </td>
                  <td className="num">{formatNumber(person.quoteCount)}</td>
                  <td className="num">{formatNumber(person.mentionCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
