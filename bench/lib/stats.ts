// Timing and summary statistics shared by the benchmarks.

export const now = () => performance.now();

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: number[]) => percentile(samples, 50);

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

/**
 * Warm runs of an async action, in ms. Stops after `runs`, or earlier once `budgetMs` is spent (but never
 * before `minRuns`), so a multi-second raw scan at 10M cannot eat the whole time budget.
 */
export async function timeRuns(
  action: () => Promise<unknown>,
  options: { warmup?: number; runs?: number; minRuns?: number; budgetMs?: number } = {},
): Promise<Timing> {
  const { warmup = 3, runs = 30, minRuns = 5, budgetMs = 20_000 } = options;
  for (let i = 0; i < warmup; i++) await action();
  const samples: number[] = [];
  const started = now();
  while (samples.length < runs && (samples.length < minRuns || now() - started < budgetMs)) {
    const t = now();
    await action();
    samples.push(now() - t);
  }
  return { median: median(samples), p95: percentile(samples, 95), runs: samples.length };
}

export const maxRssMb = () => process.resourceUsage().maxRSS / 1024;
