// Ingest history: every run with its counts, so gaps in coverage can be told apart from gaps in ingest.
import type { Metadata } from "next";
import Link from "next/link";
import { ListResults } from "../../../components/ListResults";
import { RunStatus } from "../../../components/RunStatus";
import type { SearchParams } from "../../../lib/filters";
import { formatDuration, formatInstant, formatNumber } from "../../../lib/format";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { ingestRunHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest runs" };

const IngestRunsQuery = graphql(`
  query IngestRuns($first: Int, $after: String, $last: Int, $before: String) {
    ingestRuns(first: $first, after: $after, last: $last, before: $before) {
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
          command
          status
          dryRun
          startedAt
          finishedAt
          seen
          stored
          unchanged
          nearDuplicates
          failed
        }
      }
    }
  }
`);

export default async function IngestRunsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const result = await load(IngestRunsQuery, readPageWindow(params, 30));
  return (
    <>
      <header className="page-head">
        <h1>Ingest runs</h1>
        <p className="muted">Every run of storyline ingest, newest first. Open a run to see each input that failed and why.</p>
      </header>
      <ListResults
        result={result}
        select={(data) => data.ingestRuns}
        what="the ingest runs"
        noun="runs"
        empty={{
          title: "Nothing ingested yet",
          hint: (
            <>
              Run <code>npm run storyline -- ingest &lt;files, feeds or URLs&gt;</code>; an empty database started with{" "}
              <code>npm start</code> loads the demo.
            </>
          ),
        }}
        pager={{ path: "/ingest", params, label: "Run pages" }}
      >
        {(list) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Outcome</th>
                <th scope="col" className="num">
                  Read
                </th>
                <th scope="col" className="num">
                  Stored
                </th>
                <th scope="col" className="num">
                  Unchanged
                </th>
                <th scope="col" className="num">
                  Syndicated copies
                </th>
                <th scope="col" className="num">
                  Failed
                </th>
                <th scope="col">Took</th>
                <th scope="col">Command</th>
              </tr>
            </thead>
            <tbody>
              {list.edges.map(({ node: run }) => (
                <tr key={run.id}>
                  <td>
                    <Link href={ingestRunHref(run.id)}>{formatInstant(run.startedAt)}</Link>
                  </td>
                  <td>
                    <RunStatus status={run.status} />
                    {run.dryRun ? <span className="badge">dry run</span> : null}
                  </td>
                  <td className="num">{formatNumber(run.seen)}</td>
                  <td className="num">{formatNumber(run.stored)}</td>
                  <td className="num">{formatNumber(run.unchanged)}</td>
                  <td className="num">{formatNumber(run.nearDuplicates)}</td>
                  <td className="num">
                    {run.failed ? <Link href={ingestRunHref(run.id)}>{formatNumber(run.failed)}</Link> : "0"}
                  </td>
                  <td>{formatDuration(run.startedAt, run.finishedAt)}</td>
                  {/* Null when the API keeps command lines to holders of its write token. */}
                  <td>{run.command ? <code>{run.command}</code> : <span className="muted">not published</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ListResults>
    </>
  );
}
