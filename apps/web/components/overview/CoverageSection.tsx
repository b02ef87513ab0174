// The overview's main chart: articles over time, broken down by outlet, event or story.
import { CoverageQuery, type CoverageRequest, coverageCsvHref, coverageVariables } from "../../lib/coverage";
import { type Bucket, type GlobalFilters, type Scale, type SearchParams, withParams } from "../../lib/filters";
import { load } from "../../lib/load";
import { eventHref, outletHref, storyHref } from "../../lib/routes";
import { ChartControls } from "../ChartControls";
import { CoverageChart } from "../CoverageChart";
import { ErrorState } from "../ErrorState";
import { ToggleGroup } from "../ToggleGroup";

export const BREAKDOWNS = [
  { value: "outlet", label: "Outlets", noun: "outlet", dimension: "OUTLET" },
  { value: "event", label: "Events", noun: "event", dimension: "EVENT" },
  { value: "story", label: "Stories", noun: "story", dimension: "STORY" },
] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

interface CoverageSectionProps {
  params: SearchParams;
  filters: GlobalFilters;
  range: { from: string; to: string };
  bucket: Bucket;
  scale: Scale;
  breakdown: Breakdown;
  undatedHref?: string;
}

export async function CoverageSection({ params, filters, range, bucket, scale, breakdown, undatedHref }: CoverageSectionProps) {
  const request: CoverageRequest = { dimension: breakdown.dimension, ...range, bucket, outletIds: filters.outletIds };
  const coverage = await load(CoverageQuery, coverageVariables(request));
  if (coverage.failure) return <ErrorState failure={coverage.failure} what="the coverage chart" />;
  const by = breakdown.value;
  const seriesHref = (key: string) =>
    by === "event" ? eventHref(key, filters) : by === "story" ? storyHref(key, filters) : outletHref(key, filters);
  return (
    <CoverageChart
      id="coverage"
      title={`Articles per ${bucket.toLowerCase()}, by ${breakdown.noun}`}
      coverage={coverage.data.coverage}
      bucket={bucket}
      scale={scale}
      unit="articles"
      csvHref={coverageCsvHref(request, scale)}
      seriesHref={seriesHref}
      undatedHref={undatedHref}
      controls={
        <>
          <ToggleGroup
            label="Break down by"
            current={by}
            options={BREAKDOWNS.map((b) => ({
              value: b.value,
              label: b.label,
              href: withParams("/", params, { by: b.value === "outlet" ? null : b.value }),
            }))}
          />
          <ChartControls path="/" params={params} bucket={bucket} scale={scale} />
        </>
      }
      empty={
        by === "outlet" ? (
          <>No articles were published in this range. Widen the date range, clear the outlet filter, or ingest articles.</>
        ) : (
          <>
            No articles in this range belong to {by === "event" ? "an event" : "a story"} yet. Events and stories appear once
            ingest clusters articles; switch to Outlets to see all coverage.
          </>
        )
      }
    />
  );
}
