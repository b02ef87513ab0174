// The day/week/month and count/share switches every chart carries.
import { type Bucket, type Scale, type SearchParams, withParams } from "../lib/filters";
import { ToggleGroup } from "./ToggleGroup";

const BUCKETS: { value: Bucket; label: string }[] = [
  { value: "DAY", label: "Day" },
  { value: "WEEK", label: "Week" },
  { value: "MONTH", label: "Month" },
];

export function ChartControls({
  path,
  params,
  bucket,
  scale,
}: {
  path: string;
  params: SearchParams;
  bucket: Bucket;
  scale: Scale;
}) {
  return (
    <>
      <ToggleGroup
        label="Bucket"
        current={bucket}
        options={BUCKETS.map((b) => ({ ...b, href: withParams(path, params, { bucket: b.value.toLowerCase() }) }))}
      />
      <ToggleGroup
        label="Scale"
        current={scale}
        options={[
          { value: "count", label: "Count", href: withParams(path, params, { scale: null }) },
          { value: "share", label: "Share", href: withParams(path, params, { scale: "share" }) },
        ]}
      />
    </>
  );
}
