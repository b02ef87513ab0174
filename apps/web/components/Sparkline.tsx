// A tiny trend line beside a name; decorative, the exact numbers sit next to it.
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

export function Sparkline({ values }: { values: number[] }) {
  if (values.length < 2) return null;
  const x = scaleLinear()
    .domain([0, values.length - 1])
    .range([0, 100]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...values)])
    .range([19, 1]);
  const path = line<number>()
    .x((_, i) => x(i))
    .y((v) => y(v))(values);
  return (
    <svg className="sparkline" viewBox="0 0 100 20" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <path d={path ?? ""} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
