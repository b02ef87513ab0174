// The one coverage query behind every chart and its CSV export, so a download holds exactly what the chart drew.
import { csvCell } from "./csv";
import { type Bucket, type Scale, withParams } from "./filters";
import { graphql, type ResultOf } from "./graphql";

export type Dimension = "ALL" | "OUTLET" | "EVENT" | "STORY" | "SPEAKER";

export const CoverageQuery = graphql(`
  query Coverage(
    $dimension: CoverageDimension!
    $from: Date!
    $to: Date!
    $bucket: Bucket
    $keys: [ID!]
    $outletIds: [ID!]
    $eventIds: [ID!]
    $storyIds: [ID!]
    $top: Int
    $includeOther: Boolean
  ) {
    coverage(
      dimension: $dimension
      from: $from
      to: $to
      bucket: $bucket
      keys: $keys
      outletIds: $outletIds
      eventIds: $eventIds
      storyIds: $storyIds
      top: $top
      includeOther: $includeOther
    ) {
      buckets
      totals
      undated
      series {
        key
        label
        total
        points {
          bucket
          count
          estimated
          share
        }
      }
    }
  }
`);

export type CoverageData = ResultOf<typeof CoverageQuery>["coverage"];

export interface CoverageRequest {
  dimension: Dimension;
  from: string;
  to: string;
  bucket: Bucket;
  keys?: string[];
  outletIds?: string[];
  eventIds?: string[];
  storyIds?: string[];
  top?: number;
  includeOther?: boolean;
}

const DIMENSIONS: readonly Dimension[] = ["ALL", "OUTLET", "EVENT", "STORY", "SPEAKER"];
const LIST_KEYS = ["keys", "outletIds", "eventIds", "storyIds"] as const;

/** Empty id lists mean "no filter" to the reader but "match nothing" to the API: drop them. */
export function coverageVariables(request: CoverageRequest) {
  return {
    dimension: request.dimension,
    from: request.from,
    to: request.to,
    bucket: request.bucket,
    keys: request.keys?.length ? request.keys : undefined,
    outletIds: request.outletIds?.length ? request.outletIds : undefined,
    eventIds: request.eventIds?.length ? request.eventIds : undefined,
    storyIds: request.storyIds?.length ? request.storyIds : undefined,
    top: request.top,
    includeOther: request.includeOther,
  };
}

export function coverageCsvHref(request: CoverageRequest, scale: Scale): string {
  return withParams(
    "/export/coverage.csv",
    {},
    {
      dimension: request.dimension,
      from: request.from,
      to: request.to,
      bucket: request.bucket,
      keys: request.keys,
      outletIds: request.outletIds,
      eventIds: request.eventIds,
      storyIds: request.storyIds,
      top: request.top === undefined ? undefined : String(request.top),
      includeOther: request.includeOther === undefined ? undefined : String(request.includeOther),
      scale,
    },
  );
}

/** Reads what coverageCsvHref wrote; null when the link was tampered with beyond repair. */
export function coverageRequestFromUrl(url: URL): CoverageRequest | null {
  const get = (key: string) => url.searchParams.get(key);
  const dimension = DIMENSIONS.find((d) => d === get("dimension"));
  const from = get("from");
  const to = get("to");
  const bucket = (["DAY", "WEEK", "MONTH"] as const).find((b) => b === get("bucket")) ?? "DAY";
  if (!dimension || !from || !to) return null;
  const request: CoverageRequest = { dimension, from, to, bucket };
  for (const key of LIST_KEYS) {
    const values = url.searchParams.getAll(key);
    if (values.length) request[key] = values;
  }
  const top = Number(get("top"));
  if (Number.isInteger(top) && top > 0) request.top = top;
  if (get("includeOther")) request.includeOther = get("includeOther") === "true";
  return request;
}

export function coverageToCsv(coverage: CoverageData): string {
  const header = ["bucket", "series", "key", "count", "share", "bucket_total"];
  const lines = [header.join(",")];
  coverage.buckets.forEach((bucket, i) => {
    for (const series of coverage.series) {
      const point = series.points[i];
      if (!point) continue;
      lines.push(
        [bucket, series.label, series.key ?? "", point.count, point.share.toFixed(6), coverage.totals[i] ?? 0]
          .map(csvCell)
          .join(","),
      );
    }
  });
  return `${lines.join("\r\n")}\r\n`;
}
