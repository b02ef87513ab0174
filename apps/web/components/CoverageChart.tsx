// Coverage as stacked bars, drawn on the server: the browser gets SVG and HTML, no chart library.
// Bars live in a stretchable SVG; text (axes, tooltips) is HTML so it stays readable at phone widths.
// Tooltips open on hover and on keyboard focus through CSS alone.
import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";
import Link from "next/link";
import type { ReactNode } from "react";
import type { CoverageData } from "../lib/coverage";
import type { Bucket, Scale } from "../lib/filters";
import { formatAxisBucket, formatBucket, formatNumber, formatShare, plural } from "../lib/format";
import { EmptyState } from "./EmptyState";
import { seriesColorClass } from "./series-colors";

const WIDTH = 1000;
const HEIGHT = 100;
/** More focus stops than this makes tabbing through a chart a chore; the table below serves keyboards then. */
const MAX_FOCUSABLE_BUCKETS = 60;
const MAX_X_LABELS = 7;

interface CoverageChartProps {
  id: string;
  title: string;
  coverage: CoverageData | null;
  bucket: Bucket;
  scale: Scale;
  csvHref: string;
  /** What is counted, plural: "articles" or "quotes". */
  unit: string;
  controls?: ReactNode;
  seriesHref?: (key: string) => string | undefined;
  /** Shown instead of bars when nothing was counted: say what to do about it. */
  empty: ReactNode;
  /** Where the undated ones (which no bar holds) are listed. */
  undatedHref?: string;
}

export function CoverageChart({
  id,
  title,
  coverage,
  bucket,
  scale,
  csvHref,
  unit,
  controls,
  seriesHref,
  empty,
  undatedHref,
}: CoverageChartProps) {
  const headingId = `${id}-title`;
  const counted = coverage ? coverage.series.reduce((sum, s) => sum + s.total, 0) : 0;
  const undated = coverage?.undated ?? 0;
  return (
    <figure className="chart card" aria-labelledby={headingId} id={id}>
      <div className="chart-head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-controls">
          {controls}
          <a className="button" href={csvHref} download>
            Download CSV
          </a>
        </div>
      </div>
      {!coverage || counted === 0 ? (
        <EmptyState title={undated ? `No dated ${unit} in this range` : `No ${unit} in this range`}>{empty}</EmptyState>
      ) : (
        <ChartBody coverage={coverage} bucket={bucket} scale={scale} unit={unit} seriesHref={seriesHref} headingId={headingId} />
      )}
      {undated ? (
        <p className="chart-undated muted">
          {plural(undated, `undated ${unit.replace(/s$/, "")}`, `undated ${unit}`)} {undated === 1 ? "is" : "are"} not on this
          chart: no date is known for {undated === 1 ? "it" : "them"}.{" "}
          {undatedHref ? <Link href={undatedHref}>List {undated === 1 ? "it" : "them"}</Link> : null}
        </p>
      ) : null}
    </figure>
  );
}

interface ChartBodyProps {
  coverage: CoverageData;
  bucket: Bucket;
  scale: Scale;
  unit: string;
  headingId: string;
  seriesHref?: (key: string) => string | undefined;
}

function ChartBody({ coverage, bucket, scale, unit, headingId, seriesHref }: ChartBodyProps) {
  const { buckets, series } = coverage;
  const valueAt = (point: { count: number; share: number } | undefined) =>
    point ? (scale === "share" ? point.share : point.count) : 0;
  const rows = buckets.map((_, i) => series.map((s) => valueAt(s.points[i])));
  const layers = stack<number[], number>()
    .keys(series.map((_, index) => index))
    .value((row, index) => row[index] ?? 0)(rows);
  const stackedMax = Math.max(0, ...rows.map((row) => row.reduce((a, b) => a + b, 0)));
  const y = scaleLinear()
    .domain([0, scale === "share" ? Math.min(1, stackedMax || 1) : Math.max(1, stackedMax)])
    .nice(4)
    .range([HEIGHT, 0]);
  const x = scaleBand<number>()
    .domain(buckets.map((_, i) => i))
    .range([0, WIDTH])
    .paddingInner(buckets.length > 40 ? 0.08 : 0.2)
    .paddingOuter(0.1);
  const ticks = y.ticks(4).filter((t) => (scale === "count" ? Number.isInteger(t) : true));
  const formatValue = (v: number) => (scale === "share" ? formatShare(v) : formatNumber(v));
  const labelEvery = Math.max(1, Math.ceil(buckets.length / MAX_X_LABELS));
  const focusable = buckets.length <= MAX_FOCUSABLE_BUCKETS;
  const percentX = (i: number) => ((x(i) ?? 0) / WIDTH) * 100;
  const bandPercent = (x.bandwidth() / WIDTH) * 100;
  const stepPercent = (x.step() / WIDTH) * 100;
  const estimatedTotal = series.reduce((sum, s) => sum + s.points.reduce((n, p) => n + p.estimated, 0), 0);

  return (
    <>
      <div className="chart-body">
        <div className="chart-y" aria-hidden="true">
          {ticks.map((t) => (
            <span key={t} style={{ top: `${(y(t) / HEIGHT) * 100}%` }}>
              {formatValue(t)}
            </span>
          ))}
        </div>
        <div className="chart-plot">
          <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
            {ticks.map((t) => (
              <line key={t} className="gridline" x1={0} x2={WIDTH} y1={y(t)} y2={y(t)} vectorEffect="non-scaling-stroke" />
            ))}
            {layers.map((layer, s) => (
              <g key={series[s]?.key ?? `other-${s}`} className={seriesColorClass(s, series[s]?.key ?? null)}>
                {layer.map(([y0, y1], i) => {
                  if (y1 <= y0) return null;
                  // Estimated dates sit on top of their series' bar, lighter: counted, but not known to the bucket.
                  const point = series[s]?.points[i];
                  const part = point?.count ? point.estimated / point.count : 0;
                  const yEstimated = y1 - (y1 - y0) * part;
                  return (
                    <g key={buckets[i]}>
                      {yEstimated > y0 ? (
                        <rect x={x(i)} width={x.bandwidth()} y={y(yEstimated)} height={y(y0) - y(yEstimated)} />
                      ) : null}
                      {part > 0 ? (
                        <rect className="estimated" x={x(i)} width={x.bandwidth()} y={y(y1)} height={y(yEstimated) - y(y1)} />
                      ) : null}
                    </g>
                  );
                })}
              </g>
            ))}
          </svg>
          <div className="chart-hotspots">
            {buckets.map((day, i) => {
              const label = formatBucket(bucket, day);
              const total = coverage.totals[i] ?? 0;
              const shown = series
                .map((s, index) => ({ s, index, point: s.points[i] }))
                .filter(({ point }) => point && point.count > 0);
              const estimatedNote = (point: { estimated: number } | undefined) =>
                point?.estimated ? ` (${formatNumber(point.estimated)} estimated)` : "";
              const summary = `${label}: ${shown.length ? shown.map(({ s, point }) => `${s.label} ${formatNumber(point?.count ?? 0)}${estimatedNote(point)}`).join(", ") : `no ${unit}`}`;
              return (
                <div
                  key={day}
                  className={`hotspot ${percentX(i) > 55 ? "tip-left" : ""}`}
                  style={{ left: `${percentX(i) - (stepPercent - bandPercent) / 2}%`, width: `${stepPercent}%` }}
                  tabIndex={focusable ? 0 : undefined}
                  role="img"
                  aria-label={summary}
                >
                  <div className="tip" aria-hidden="true">
                    <strong>{label}</strong>
                    <div className="muted">
                      {formatNumber(total)} {unit} in all
                    </div>
                    {shown.length ? (
                      <table>
                        <tbody>
                          {shown.map(({ s, index, point }) => (
                            <tr key={s.key ?? `other-${index}`}>
                              <td>
                                <span className={`swatch ${seriesColorClass(index, s.key)}`} />
                                {s.label}
                              </td>
                              <td className="num">
                                {formatNumber(point?.count ?? 0)}
                                {point?.estimated ? <span className="muted">{estimatedNote(point)}</span> : null}
                              </td>
                              <td className="num muted">{formatShare(point?.share ?? 0)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    ) : (
                      <div>No {unit}.</div>
                    )}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
        <div className="chart-x" aria-hidden="true">
          {buckets.map((day, i) =>
            i % labelEvery === 0 ? (
              <span
                key={day}
                className={(i / labelEvery) % 2 === 1 ? "minor" : undefined}
                style={{ left: `${percentX(i) + bandPercent / 2}%` }}
              >
                {formatAxisBucket(bucket, day)}
              </span>
            ) : null,
          )}
        </div>
      </div>
      {estimatedTotal ? (
        <p className="chart-estimated-note muted">
          <span className="swatch estimated-swatch" aria-hidden="true" />
          Lighter: {plural(estimatedTotal, "estimated date")}, reasoned from the text or other articles or known only to the week,
          month or year; each is counted at the start of its period.
        </p>
      ) : null}
      <ul className="legend" aria-label="Series">
        {series.map((s, index) => {
          const href = s.key ? seriesHref?.(s.key) : undefined;
          return (
            <li key={s.key ?? `other-${index}`}>
              <span className={`swatch ${seriesColorClass(index, s.key)}`} aria-hidden="true" />
              {href ? <Link href={href}>{s.label}</Link> : <span>{s.label}</span>}
              <span className="muted"> {formatNumber(s.total)}</span>
            </li>
          );
        })}
      </ul>
      <details className="chart-table">
        <summary>Show the numbers</summary>
        <div className="table-scroll">
          <table aria-describedby={headingId}>
            <thead>
              <tr>
                <th scope="col">{bucket === "DAY" ? "Day" : bucket === "WEEK" ? "Week" : "Month"}</th>
                {series.map((s, index) => (
                  <th scope="col" key={s.key ?? `other-${index}`} className="num">
                    {s.label}
                  </th>
                ))}
                <th scope="col" className="num">
                  All {unit}
                </th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((day, i) => (
                <tr key={day}>
                  <th scope="row">{formatBucket(bucket, day)}</th>
                  {series.map((s, index) => (
                    <td key={s.key ?? `other-${index}`} className="num">
                      {scale === "share" ? formatShare(s.points[i]?.share ?? 0) : formatNumber(s.points[i]?.count ?? 0)}
                      {s.points[i]?.estimated ? (
                        <span className="muted"> ({formatNumber(s.points[i]?.estimated ?? 0)} est.)</span>
                      ) : null}
                    </td>
                  ))}
                  <td className="num">{formatNumber(coverage.totals[i] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
