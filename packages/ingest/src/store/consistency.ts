// Checks that what is kept incrementally (event counts and spans, coverage rollups) equals a recount from the
// articles (hidden articles count for nothing). Tests run it after every kind of run (clean, killed, concurrent); an operator can too.
import type { PrismaClient } from "@storyline/db";

export interface CountMismatch {
  what: string;
  key: string;
  stored: string;
  recounted: string;
}

export async function findCountMismatches(prisma: PrismaClient): Promise<CountMismatch[]> {
  const events = await prisma.$queryRaw<CountMismatch[]>`
    select 'Event.articleCount' as what, e.id::text as key, e."articleCount"::text as stored, count(a.id)::text as recounted
    from "Event" e left join "Article" a on a."eventId" = e.id and not a.hidden
    group by e.id having e."articleCount" <> count(a.id)`;
  const rollups = await prisma.$queryRaw<CountMismatch[]>`
    with recount as (
      select 'ALL'::text as dimension, 0 as key, "publishedAt"::date as day, count(*)::int as total from "Article"
        where "publishedAt" is not null and not hidden group by 3
      union all
      select 'OUTLET', "outletId", "publishedAt"::date, count(*)::int from "Article"
        where "publishedAt" is not null and "outletId" is not null and not hidden group by 2, 3
      union all
      select 'EVENT', "eventId", "publishedAt"::date, count(*)::int from "Article"
        where "publishedAt" is not null and "eventId" is not null and not hidden group by 2, 3
      union all
      select 'STORY', e."storyId", a."publishedAt"::date, count(*)::int from "Article" a join "Event" e on e.id = a."eventId"
        where a."publishedAt" is not null and e."storyId" is not null and not a.hidden group by 2, 3
      union all
      select 'SPEAKER', q."speakerId", q."publishedAt"::date, count(*)::int from "Quote" q join "Article" a on a.id = q."articleId"
        where q."publishedAt" is not null and q."speakerId" is not null and not a.hidden group by 2, 3
    ), stored as (
      select dimension::text as dimension, key, day, total from "CoverageDay" where total <> 0
    )
    select 'CoverageDay' as what, coalesce(r.dimension, s.dimension) || ':' || coalesce(r.key, s.key) || ':' || coalesce(r.day, s.day)::text as key,
      coalesce(s.total, 0)::text as stored, coalesce(r.total, 0)::text as recounted
    from recount r full join stored s on s.dimension = r.dimension and s.key = r.key and s.day = r.day
    where coalesce(s.total, 0) <> coalesce(r.total, 0)`;
  return [...events, ...rollups];
}
