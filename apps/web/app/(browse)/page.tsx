// Overview: how the coverage went over time, what drove it, who was quoted, and whether ingest is healthy.
// Only the date range is decided first; every section then asks the API at the same time and streams in on
// its own (a Suspense boundary each), so the page never waits for its slowest section.
import { Suspense } from "react";
import { ErrorState } from "../../components/ErrorState";
import { FilterBar, preloadFilterBar } from "../../components/FilterBar";
import { BREAKDOWNS, CoverageSection } from "../../components/overview/CoverageSection";
import { IngestHealth } from "../../components/overview/IngestHealth";
import { LatestQuotes } from "../../components/overview/LatestQuotes";
import { TopEvents } from "../../components/overview/TopEvents";
import { TopSpeakers } from "../../components/overview/TopSpeakers";
import { SectionSkeleton } from "../../components/SectionSkeleton";
import { readBucket, readChoice, readGlobalFilters, readScale, resolveRange, type SearchParams } from "../../lib/filters";
import { undatedArticlesHref } from "../../lib/routes";
import { loadArticleSpanOrFailure } from "../../lib/span";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  preloadFilterBar();
  const params = await searchParams;
  const filters = readGlobalFilters(params);
  const { span, failure } = await loadArticleSpanOrFailure({ outletIds: filters.outletIds }, filters);
  // With the API down every section would fail alike; one clear message beats six copies of it.
  if (failure?.kind === "unreachable") {
    return (
      <>
        <h1>Overview</h1>
        <ErrorState failure={failure} what="the overview" />
      </>
    );
  }
  const range = resolveRange(filters, span);
  const bucket = readBucket(params, range.from, range.to);
  const scale = readScale(params);
  const by = readChoice(
    params,
    "by",
    BREAKDOWNS.map((b) => b.value),
    "outlet",
  );
  const breakdown = BREAKDOWNS.find((b) => b.value === by) ?? BREAKDOWNS[0];
  const undatedHref = undatedArticlesHref({ outletIds: filters.outletIds });

  return (
    <>
      <header className="page-head">
        <h1>Overview</h1>
      </header>
      <FilterBar path="/" params={params} filters={filters} range={range} dates={span} undatedHref={undatedHref} />
      <Suspense fallback={<SectionSkeleton height="22rem" />}>
        <CoverageSection
          params={params}
          filters={filters}
          range={range}
          bucket={bucket}
          scale={scale}
          breakdown={breakdown}
          undatedHref={undatedHref}
        />
      </Suspense>
      <div className="grid">
        <Suspense fallback={<SectionSkeleton title="Top events" height="14rem" />}>
          <TopEvents range={range} filters={filters} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton title="Most quoted people" height="14rem" />}>
          <TopSpeakers range={range} bucket={bucket} filters={filters} />
        </Suspense>
      </div>
      <div className="grid">
        <Suspense fallback={<SectionSkeleton title="Latest quotes" height="14rem" />}>
          <LatestQuotes range={range} filters={filters} />
        </Suspense>
        <Suspense fallback={<SectionSkeleton title="Ingest health" height="8rem" />}>
          <IngestHealth />
        </Suspense>
      </div>
    </>
  );
}
