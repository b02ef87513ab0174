// Counts that stop at a limit: a list heading needs "1,000+ quotes", not a scan of every match.
import { builder } from "../builder.ts";

export interface Capped {
  count: number;
  capped: boolean;
}

export const CappedCountRef = builder.objectRef<Capped>("CappedCount").implement({
  description:
    "How many rows match, counted up to a limit so the cost does not grow with the corpus. Exact when `capped` is " +
    "false; when it is true, at least `count` match (show it as `count`+).",
  fields: (t) => ({
    count: t.exposeInt("count", { description: "Matches counted: the exact number, or the limit when `capped`." }),
    capped: t.exposeBoolean("capped", { description: "True when more than `count` match: counting stopped at the limit." }),
  }),
});

export const COUNT_LIMIT_DEFAULT = 1000;
export const COUNT_LIMIT_MAX = 10_000;

/** Runs `countAtMost(limit + 1)` (a count over a LIMITed subquery) and reads off whether the limit was hit. */
export async function cappedCount(limit: number | null | undefined, countAtMost: (take: number) => Promise<number>) {
  const cap = Math.max(1, Math.min(limit ?? COUNT_LIMIT_DEFAULT, COUNT_LIMIT_MAX));
  const n = await countAtMost(cap + 1);
  return { count: Math.min(n, cap), capped: n > cap };
}
