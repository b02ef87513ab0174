// Coverage rollups: per-day counts by outlet, event, story and speaker, maintained as articles arrive so
// chart queries read a few hundred rows instead of scanning millions of articles.
import { Prisma, type PrismaClient } from "@storyline/db";

export type Dimension = "ALL" | "OUTLET" | "EVENT" | "STORY" | "SPEAKER";

export class RollupDeltas {
  private rows = new Map<string, { dimension: Dimension; key: number; day: string; total: number; unique: number }>();

  add(dimension: Dimension, key: number | null | undefined, day: string | null, unique: boolean, amount = 1) {
    if (key == null || !day) return;
    const id = `${dimension}|${key}|${day}`;
    const row = this.rows.get(id) ?? { dimension, key, day, total: 0, unique: 0 };
    row.total += amount;
    if (unique) row.unique += amount;
    this.rows.set(id, row);
  }

  /** Re-keys one dimension's rows (events merged since the deltas were counted), summing rows that meet. */
  remapKeys(dimension: Dimension, map: (key: number) => number) {
    const rows = [...this.rows.values()];
    this.rows.clear();
    for (const row of rows) {
      const key = row.dimension === dimension ? map(row.key) : row.key;
      const id = `${row.dimension}|${key}|${row.day}`;
      const into = this.rows.get(id);
      if (into) {
        into.total += row.total;
        into.unique += row.unique;
      } else this.rows.set(id, { ...row, key });
    }
  }

  get size() {
    return this.rows.size;
  }

  async apply(tx: Prisma.TransactionClient | PrismaClient) {
    if (this.rows.size === 0) return;
    const rows = [...this.rows.values()];
    await tx.$executeRaw`
      insert into "CoverageDay" (dimension, key, day, total, "unique")
      select d::"CoverageDimension", k, dy::date, t, u
      from unnest(${rows.map((r) => r.dimension)}::text[], ${rows.map((r) => r.key)}::int[],
                  ${rows.map((r) => r.day)}::text[], ${rows.map((r) => r.total)}::int[],
                  ${rows.map((r) => r.unique)}::int[]) as x(d, k, dy, t, u)
      on conflict (dimension, key, day) do update
        set total = "CoverageDay".total + excluded.total,
            "unique" = "CoverageDay"."unique" + excluded."unique"`;
  }
}

/** Recomputes every rollup from the articles and quotes (after a recluster, or to repair); hidden articles count for nothing. */
export async function rebuildRollups(prisma: PrismaClient) {
  // At 10M articles the rebuild takes about half a minute; Prisma's default 5 s would roll it back.
  await prisma.$transaction((tx) => rebuildRollupsIn(tx), { timeout: 30 * 60_000, maxWait: 60_000 });
}

/** The rebuild inside a caller's transaction (a delete recounts in the transaction that deletes). */
export async function rebuildRollupsIn(tx: Prisma.TransactionClient) {
  await tx.$executeRaw`delete from "CoverageDay"`;
  await tx.$executeRaw`
    insert into "CoverageDay" (dimension, key, day, total, "unique")
    select 'ALL', 0, "publishedAt"::date, count(*), count(*) filter (where "duplicateOfId" is null)
    from "Article" where "publishedAt" is not null and not hidden group by 2, 3`;
  await tx.$executeRaw`
    insert into "CoverageDay" (dimension, key, day, total, "unique")
    select 'OUTLET', "outletId", "publishedAt"::date, count(*), count(*) filter (where "duplicateOfId" is null)
    from "Article" where "publishedAt" is not null and "outletId" is not null and not hidden group by 2, 3`;
  await tx.$executeRaw`
    insert into "CoverageDay" (dimension, key, day, total, "unique")
    select 'EVENT', "eventId", "publishedAt"::date, count(*), count(*) filter (where "duplicateOfId" is null)
    from "Article" where "publishedAt" is not null and "eventId" is not null and not hidden group by 2, 3`;
  await tx.$executeRaw(storyRollupInsert(null));
  await tx.$executeRaw`
    insert into "CoverageDay" (dimension, key, day, total, "unique")
    select 'SPEAKER', q."speakerId", q."publishedAt"::date, count(*), count(*) filter (where a."duplicateOfId" is null)
    from "Quote" q join "Article" a on a.id = q."articleId"
    where q."publishedAt" is not null and q."speakerId" is not null and not a.hidden group by 2, 3`;
}

/**
 * Story rows of CoverageDay, computed from membership (events move between stories as they grow, so these
 * are recomputed rather than incremented). `null` covers every story.
 */
export function storyRollupInsert(storyIds: number[] | null): Prisma.Sql {
  const which = storyIds ? Prisma.sql`e."storyId" = any(${storyIds}::int[])` : Prisma.sql`e."storyId" is not null`;
  return Prisma.sql`
    insert into "CoverageDay" (dimension, key, day, total, "unique")
    select 'STORY', e."storyId", a."publishedAt"::date, count(*), count(*) filter (where a."duplicateOfId" is null)
    from "Article" a join "Event" e on e.id = a."eventId"
    where ${which} and a."publishedAt" is not null and not a.hidden group by 2, 3`;
}
