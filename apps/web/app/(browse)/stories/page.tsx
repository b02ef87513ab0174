// Every story: threads of events, most recently active first.
import type { Metadata } from "next";
import Link from "next/link";
import { ListResults } from "../../../components/ListResults";
import { SearchForm } from "../../../components/SearchForm";
import { firstParam, readGlobalFilters, type SearchParams } from "../../../lib/filters";
import { formatDay, formatNumber } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { storyHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Stories" };

const StoriesQuery = graphql(`
  query StoryList($search: String, $first: Int, $after: String, $last: Int, $before: String) {
    stories(search: $search, first: $first, after: $after, last: $last, before: $before) {
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
          firstDate
          lastDate
          eventCount
          articleCount
        }
      }
    }
  }
`);

export default async function StoriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const search = firstParam(params, "q")?.trim() || undefined;
  const result = await load(StoriesQuery, { search, ...readPageWindow(params, 25) });
  return (
    <>
      <header className="page-head">
        <h1>Stories</h1>
        <p className="muted">Threads of events that share participants and subject, most recently active first.</p>
      </header>
      <SearchForm path="/stories" params={params} label="Search story titles" />
      <ListResults
        result={result}
        select={(data) => data.stories}
        what="the stories"
        noun="stories"
        empty={{
          title: search ? "No stories match" : "No stories yet",
          hint: search
            ? "Try other words."
            : "Stories form when several events share participants and subject. Ingest more coverage of the same subject over time.",
        }}
        pager={{ path: "/stories", params, label: "Story pages" }}
      >
        {(list) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Story</th>
                <th scope="col">Span</th>
                <th scope="col" className="num">
                  Events
                </th>
                <th scope="col" className="num">
                  Articles
                </th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: story }) => (
                <tr key={story.id}>
                  <td>
                    <Link href={storyHref(story.id, filters)}>{story.title}</Link>
                  </td>
                  <td>
                    {formatDay(story.firstDate)} – {formatDay(story.lastDate)}
                  </td>
                  <td className="num">{formatNumber(story.eventCount)}</td>
                  <td className="num">{formatNumber(story.articleCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
