// One ingest run: its inputs, its counts, and every input that failed with the stage and reason.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EmptyState } from "../../../components/EmptyState";
import { ErrorState } from "../../../components/ErrorState";
import { Pager } from "../../../components/Pager";
import { RunStatus } from "../../../components/RunStatus";
import type { SearchParams } from "../../../lib/filters";
import { formatDuration, formatInstant, formatNumber } from "../../../lib/format";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { readPageWindow } from "../../../lib/paging";
import { routeParam } from "../../../lib/routes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ingest run" };

const IngestRunQuery = graphql(`
  query IngestRunPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    node(id: $id) {
      __typename
      ... on IngestRun {
        id
        command
        inputs
        status
        dryRun
        startedAt
        finishedAt
        seen
        stored
        unchanged
        nearDuplicates
        failed
        errors(first: $first, after: $after, last: $last, before: $before) {
          totalCount
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          edges {
            node {
              input
              stage
              reason
              createdAt
            }
          }
        }
      }
    }
  }
`);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function IngestRunPage({ params, searchParams }: Props) {
  const id = routeParam((await params).id);
  const query = await searchParams;
  const result = await load(IngestRunQuery, { id, ...readPageWindow(query, 50) });
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.node?.__typename === "IngestRun");
  if (!result.data) return <ErrorState failure={result.failure} what="this ingest run" />;
  const run = result.data.node;
  if (run?.__typename !== "IngestRun") notFound();
  const counts = [
    ["Read", run.seen],
    ["Stored", run.stored],
    ["Unchanged", run.unchanged],
    ["Syndicated copies", run.nearDuplicates],
    ["Failed", run.failed],
  ] as const;
  return (
    <>
      <header className="page-head">
        <p className="kicker muted">
          <Link href="/ingest">Ingest runs</Link>
        </p>
        <h1>
          Run of {formatInstant(run.startedAt)} <RunStatus status={run.status} />
        </h1>
        <p className="muted">
          {/* The API publishes command lines and paths only to holders of its write token. */}
          {run.command ? <code>{run.command}</code> : "Command not published"} · took{" "}
          {formatDuration(run.startedAt, run.finishedAt)}
          {run.dryRun ? " · dry run, nothing written" : ""}
        </p>
      </header>
      <section className="card" aria-labelledby="run-counts">
        <h2 id="run-counts">Counts</h2>
        <dl className="stat-row">
          {counts.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
        <h3>Inputs</h3>
        {run.inputs ? (
          <ul>
            {run.inputs.map((input) => (
              <li key={input}>
                <code>{input}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Not published: the API shows a run’s paths only to holders of its write token.</p>
        )}
      </section>
      <section className="card" aria-labelledby="run-errors">
        <h2 id="run-errors">Failed inputs ({formatNumber(run.errors.totalCount)})</h2>
        {run.errors.edges.length === 0 ? (
          <EmptyState title="No input failed in this run" />
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Input</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {run.errors.edges.map(({ node: error }) => (
                  <tr key={`${error.input}-${error.stage}-${error.createdAt}`}>
                    <td>
                      <code>{error.input}</code>
                    </td>
                    <td>{error.stage}</td>
                    <td>{error.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager path={`/ingest/${encodeURIComponent(id)}`} params={query} pageInfo={run.errors.pageInfo} label="Error pages" />
      </section>
    </>
  );
}
