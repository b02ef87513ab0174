// Overview: how the coverage went over time, what drove it, who was quoted, and whether ingest is healthy.
import { ChartControls } from "../components/ChartControls";
import { CoverageChart } from "../components/CoverageChart";
import { ErrorState } from "../components/ErrorState";
import { FilterBar } from "../components/FilterBar";
import { IngestHealth } from "../components/overview/IngestHealth";
import { LatestQuotes } from "../components/overview/LatestQuotes";
import { TopEvents } from "../components/overview/TopEvents";
import { TopSpeakers } from "../components/overview/TopSpeakers";
import { ToggleGroup } from "../components/ToggleGroup";
import { CoverageQuery, type CoverageRequest, coverageCsvHref, coverageVariables } from "../lib/coverage";
import { readBucket, readChoice, readGlobalFilters, readScale, resolveRange, type SearchParams, withParams } from "../lib/filters";
import { load } from "../lib/load";
import { eventHref, outletHref, storyHref } from "../lib/routes";
import { loadArticleSpan } from "../lib/span";

export const dynamic = "force-dynamic";

const BREAKDOWNS = [
  { value: "outlet", label: "Outlets", noun: "outlet", dimension: "OUTLET" },
  { value: "event", label: "Events", noun: "event", dimension: "EVENT" },
  { value: "story", label: "Stories", noun: "story", dimension: "STORY" },
] as const;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const span = filters.from && filters.to ? null : await loadArticleSpan({ outletIds: filters.outletIds });
  const range = resolveRange(filters, span);
  const bucket = readBucket(params, range.from, range.to);
  const scale = readScale(params);
  const by = readChoice(params, "by", BREAKDOWNS.map((b) => b.value), "outlet");
  const breakdown = BREAKDOWNS.find((b) => b.value === by) ?? BREAKDOWNS[0];
  const request: CoverageRequest = { dimension: breakdown.dimension, ...range, bucket, outletIds: filters.outletIds };
  const coverage = await load(CoverageQuery, coverageVariables(request));

  const seriesHref = (key: string) => {
    if (by === "event") return eventHref(key, filters);
    if (by === "story") return storyHref(key, filters);
    return outletHref(key, filters);
  };

  return (
    <>
      <header className="page-head">
        <h1>Overview</h1>
      </header>
      <FilterBar path="/" params={params} filters={filters} range={range} />
      {coverage.failure ? (
        <ErrorState failure={coverage.failure} what="the coverage chart" />
      ) : (
        <CoverageChart
          id="coverage"
          title={`Articles per ${bucket.toLowerCase()}, by ${breakdown.noun}`}
          coverage={coverage.data.coverage}
          bucket={bucket}
          scale={scale}
          unit="articles"
          csvHref={coverageCsvHref(request, scale)}
          seriesHref={seriesHref}
          controls={
            <>
              <ToggleGroup
                label="Break down by"
                current={by}
                options={BREAKDOWNS.map((b) => ({ value: b.value, label: b.label, href: withParams("/", params, { by: b.value === "outlet" ? null : b.value }) }))}
              />
              <ChartControls path="/" params={params} bucket={bucket} scale={scale} />
            </>
          }
          empty={
            by === "outlet" ? (
              <>No articles were published in this range. Widen the date range, clear the outlet filter, or ingest articles.</>
            ) : (
              <>
                No articles in this range belong to {by === "event" ? "an event" : "a story"} yet. Events and stories appear once ingest
                clusters articles; switch to Outlets to see all coverage.
              </>
            )
          }
        />
      )}
      <div className="grid">
        <TopEvents range={range} filters={filters} />
        <TopSpeakers range={range} bucket={bucket} filters={filters} />
      </div>
      <div className="grid">
        <LatestQuotes range={range} filters={filters} />
        <IngestHealth />
      </div>
    </>
  );
}
