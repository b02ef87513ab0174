// Removing articles: the demo, one ingest run, one outlet's articles. Everything that counted them is recounted
// in the same transaction (events, stories, quote clusters, rollups), and what only they held (events, stories,
// clusters, people, outlets nobody else names) goes with them, so every chart stays exact.
import { Prisma, type PrismaClient } from "@storyline/db";
import { rebuildRollupsIn } from "./rollups.ts";

export type DeleteSelection = { demo: true } | { runId: number } | { outletId: number };

export interface DeletePlan {
  articles: number;
  quotes: number;
  /** Events left with no article, removed with them. */
  emptiedEvents: number;
  emptiedStories: number;
}

type Tx = Prisma.TransactionClient;

/** The command the demo loader records on its ingest runs. */
export const DEMO_COMMAND = "storyline demo";

function whereArticles(selection: DeleteSelection): Prisma.Sql {
  if ("demo" in selection) {
    return Prisma.sql`"ingestRunId" in (select id from "IngestRun" where command = ${DEMO_COMMAND})`;
  }
  if ("runId" in selection) return Prisma.sql`"ingestRunId" = ${selection.runId}`;
  return Prisma.sql`"outletId" = ${selection.outletId}`;
}

/** What a delete would remove; nothing is changed. */
export async function planDelete(prisma: PrismaClient | Tx, selection: DeleteSelection): Promise<DeletePlan> {
  const where = whereArticles(selection);
  const [row] = await prisma.$queryRaw<DeletePlan[]>`
    with doomed as (select id, "eventId" from "Article" where ${where}),
    events as (
      select e.id, e."storyId" from "Event" e where e.id in (select "eventId" from doomed)
        and not exists (select 1 from "Article" a where a."eventId" = e.id and a.id not in (select id from doomed))
    )
    select (select count(*)::int from doomed) as articles,
           (select count(*)::int from "Quote" where "articleId" in (select id from doomed)) as quotes,
           (select count(*)::int from events) as "emptiedEvents",
           (select count(*)::int from "Story" s where s.id in (select "storyId" from events)
              and not exists (select 1 from "Event" e where e."storyId" = s.id and e.id not in (select id from events))) as "emptiedStories"`;
  return row!;
}

/** Deletes the selected articles and recounts everything they were counted in, in one transaction. */
export async function deleteArticles(prisma: PrismaClient, selection: DeleteSelection): Promise<DeletePlan> {
  return prisma.$transaction(
    async (tx) => {
      const plan = await planDelete(tx, selection);
      if (plan.articles === 0) return plan;
      const where = whereArticles(selection);
      await tx.$executeRaw`create temporary table doomed on commit drop as
        select id, "eventId", "outletId" from "Article" where ${where}`;
      await tx.$executeRaw`create temporary table touched_clusters on commit drop as
        select distinct "clusterId" as id from "Quote" where "articleId" in (select id from doomed) and "clusterId" is not null`;
      await tx.$executeRaw`create temporary table touched_entities on commit drop as
        select "entityId" as id from "Mention" where "articleId" in (select id from doomed)
        union select "speakerId" from "Quote" where "articleId" in (select id from doomed) and "speakerId" is not null`;
      await tx.$executeRaw`create temporary table touched_outlets on commit drop as
        select distinct "outletId" as id from doomed where "outletId" is not null
        union select "outletId" from "Citation" where "articleId" in (select id from doomed)`;
      // Mentions, quotes, citations and event mentions cascade; copies of a deleted article become originals.
      await tx.$executeRaw`delete from "Article" where id in (select id from doomed)`;

      await tx.$executeRaw`
        delete from "Event" e where e.id in (select "eventId" from doomed)
          and not exists (select 1 from "Article" a where a."eventId" = e.id)`;
      await tx.$executeRaw`
        update "Event" e set "articleCount" = c.n, "updatedAt" = now()
        from (select "eventId" as id, count(*) filter (where not hidden)::int as n from "Article"
              where "eventId" in (select "eventId" from doomed) group by 1) c
        where e.id = c.id`;
      await tx.$executeRaw`delete from "Story" s where not exists (select 1 from "Event" e where e."storyId" = s.id)`;
      await tx.$executeRaw`
        update "Story" s set "eventCount" = c.events, "articleCount" = c.articles, "updatedAt" = now()
        from (select "storyId" as id, count(*)::int as events, sum("articleCount")::int as articles
              from "Event" where "storyId" is not null group by 1) c
        where s.id = c.id and (s."eventCount" <> c.events or s."articleCount" <> c.articles)`;

      await tx.$executeRaw`
        delete from "QuoteCluster" q where q.id in (select id from touched_clusters)
          and not exists (select 1 from "Quote" where "clusterId" = q.id)`;
      await tx.$executeRaw`
        update "QuoteCluster" q set "quoteCount" = c.quotes, "outletCount" = c.outlets
        from (select qu."clusterId" as id, count(*)::int as quotes, count(distinct a."outletId")::int as outlets
              from "Quote" qu join "Article" a on a.id = qu."articleId"
              where qu."clusterId" in (select id from touched_clusters) group by 1) c
        where q.id = c.id`;

      // People, places and organisations only the deleted articles named (the demo's fictional cast).
      await tx.$executeRaw`
        delete from "Entity" en where en.id in (select id from touched_entities)
          and not exists (select 1 from "Mention" m where m."entityId" = en.id)
          and not exists (select 1 from "Quote" q where q."speakerId" = en.id)
          and not exists (select 1 from "Event" e where e."placeId" = en.id)`;
      // Outlets nobody publishes under or cites any more.
      await tx.$executeRaw`
        delete from "Outlet" o where o.id in (select id from touched_outlets)
          and not exists (select 1 from "Article" a where a."outletId" = o.id)
          and not exists (select 1 from "Citation" c where c."outletId" = o.id)`;

      await rebuildRollupsIn(tx);
      return plan;
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
