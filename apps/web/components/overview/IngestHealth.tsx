// Is the data fresh and complete? The last ingest run and the failures of recent ones.
import Link from "next/link";
import { formatInstant, formatNumber, plural } from "../../lib/format";
import { graphql } from "../../lib/graphql";
import { load } from "../../lib/load";
import { ingestRunHref } from "../../lib/routes";
import { EmptyState } from "../EmptyState";
import { ErrorState } from "../ErrorState";
import { RunStatus } from "../RunStatus";

const IngestHealthQuery = graphql(`
  query IngestHealth {
    ingestRuns(first: 5) {
      edges {
        node {
          id
          status
          startedAt
          finishedAt
          seen
          stored
          unchanged
          failed
        }
      }
    }
  }
`);

export async function IngestHealth() {
  const result = await load(IngestHealthQuery, {});
  if (!result.data) return <ErrorState failure={result.failure} what="the ingest runs" />;
  const runs = result.data.ingestRuns.edges.map((e) => e.node);
  const last = runs[0];
  const recentFailures = runs.reduce((sum, run) => sum + run.failed, 0);
  return (
    <section className="card" aria-labelledby="ingest-health">
      <h2 id="ingest-health">Ingest health</h2>
      {!last ? (
        <EmptyState title="Nothing ingested yet">
          Run <code>npm run storyline -- ingest &lt;files, feeds or URLs&gt;</code>, or start an empty database with{" "}
          <code>npm start</code> to load the demo.
        </EmptyState>
      ) : (
        <>
          <p>
            Last run <Link href={ingestRunHref(last.id)}>{formatInstant(last.startedAt)}</Link> <RunStatus status={last.status} />
          </p>
          <dl className="stat-row">
            <div>
              <dt>Read</dt>
              <dd>{formatNumber(last.seen)}</dd>
            </div>
            <div>
              <dt>Stored</dt>
              <dd>{formatNumber(last.stored)}</dd>
            </div>
            <div>
              <dt>Unchanged</dt>
              <dd>{formatNumber(last.unchanged)}</dd>
            </div>
            <div>
              <dt>Failed</dt>
              <dd>{formatNumber(last.failed)}</dd>
            </div>
          </dl>
          <p className={recentFailures ? "" : "muted"}>
            {recentFailures
              ? `${plural(recentFailures, "input")} failed in the last ${plural(runs.length, "run")}.`
              : `No failures in the last ${plural(runs.length, "run")}.`}
          </p>
        </>
      )}
      <p>
        <Link href="/ingest">All ingest runs</Link>
      </p>
    </section>
  );
}
