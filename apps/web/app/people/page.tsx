// Everyone quoted or named, most quoted first.
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "../../components/EmptyState";
import { ErrorState } from "../../components/ErrorState";
import { Pager } from "../../components/Pager";
import { SearchForm } from "../../components/SearchForm";
import { firstParam, readGlobalFilters, type SearchParams } from "../../lib/filters";
import { formatNumber } from "../../lib/format";
import { graphql } from "../../lib/graphql";
import { load } from "../../lib/load";
import { readPageWindow } from "../../lib/paging";
import { personHref } from "../../lib/routes";

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
      {!result.data ? (
        <ErrorState failure={result.failure} what="the people" />
      ) : result.data.people.edges.length === 0 ? (
        <section className="card">
          <EmptyState title={search ? "Nobody matches" : "No people yet"}>
            {search ? "Try the surname alone." : "People appear as ingest finds names in articles."}
          </EmptyState>
        </section>
      ) : (
        <section className="card">
          <p className="muted">{formatNumber(result.data.people.totalCount)} people</p>
          <div className="table-scroll">
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
                {result.data.people.edges.map(({ node: person }) => (
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
          </div>
          <Pager path="/people" params={params} pageInfo={result.data.people.pageInfo} label="People pages" />
        </section>
      )}
    </>
  );
}
