// One colour per series position, shared by bars, legends and tooltips; the merged "Other" series is grey.
const PALETTE_SIZE = 8;

export function seriesColorClass(index: number, key: string | null): string {
  // Only "Other" (after the named series) and the single ALL series have no key.
  if (key === null && index > 0) return "series-other";
  return `series-${index % PALETTE_SIZE}`;
}
