// Who was quoted most in the range, with the shape of their coverage.
import Link from "next/link";
import { type Bucket, type GlobalFilters, withGlobalFilters } from "../../lib/filters";
import { plural } from "../../lib/format";
import { graphql } from "../../lib/graphql";
import { load } from "../../lib/load";
import { personHref } from "../../lib/routes";
import { EmptyState } from "../EmptyState";
import { ErrorState } from "../ErrorState";
import { Sparkline } from "../Sparkline";

// Counts only: no `totals` or `share`, so the API skips the denominators (a scan of every speaker-day row).
const TopSpeakersQuery = graphql(`
  query TopSpeakers($from: Date!, $to: Date!, $bucket: Bucket) {
    coverage(dimension: SPEAKER, from: $from, to: $to, bucket: $bucket, top: 8, includeOther: false) {
      series {
        key
        label
        total
        points {
          count
        }
      }
    }
  }
`);

interface TopSpeakersProps {
  range: { from: string; to: string };
  bucket: Bucket;
  filters: GlobalFilters;
}

export async function TopSpeakers({ range, bucket, filters }: TopSpeakersProps) {
  // The API cannot cross speakers with an outlet filter yet, so this list always counts every outlet.
  const result = await load(TopSpeakersQuery, { ...range, bucket });
  if (!result.data) return <ErrorState failure={result.failure} what="the most quoted people" />;
  const speakers = result.data.coverage.series.filter((s) => s.key && s.total > 0);
  const most = Math.max(1, ...speakers.map((s) => s.total));
  return (
    <section className="card" aria-labelledby="top-speakers">
      <h2 id="top-speakers">Most quoted people</h2>
      {filters.outletIds.length ? (
        <p className="muted">Counted over all outlets: quotes per person are not split by outlet yet.</p>
      ) : null}
      {speakers.length === 0 ? (
        <EmptyState title="Nobody was quoted in this range">
          Quotes appear when articles quote someone by name. Widen the date range, or check the latest ingest run for failures.
        </EmptyState>
      ) : (
        <ol className="list">
          {speakers.map((s) => (
            <li key={s.key} className="ranked">
              <Link href={personHref(s.key ?? "", filters)}>{s.label}</Link>
              <span className="num">
                <Sparkline values={s.points.map((p) => p.count)} /> {plural(s.total, "quote")}
              </span>
              <span className="bar-cell" aria-hidden="true">
                <span style={{ width: `${(s.total / most) * 100}%` }} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <p>
        <Link href={withGlobalFilters("/people", filters)}>All people</Link>
      </p>
    </section>
  );
}
