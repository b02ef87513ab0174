// Corrections are rules: after each ingest run and each recluster, the rules of corrections not undone are
// applied again, oldest first, so a merge, a speaker, a move or a hidden article holds whatever the pipeline
// recomputed. Each rule only changes what disagrees with it; counts are settled once if anything changed.
import { Prisma, type PrismaClient } from "@storyline/db";
import { Journal } from "./correction-journal.ts";
import { dropEmptyEvents, dropQuotes, mergeEntities, mergeEvents, moveArticle, settleCounts } from "./corrections.ts";

type Tx = Prisma.TransactionClient;
type EntityRef = { id?: number; kind: "PERSON" | "PLACE" | "ORGANIZATION"; key: string };

interface Rules {
  MERGE_ENTITIES: { into: number; from: EntityRef[] };
  UPDATE_ENTITY: { into: number; from: EntityRef[] } | null;
  SET_QUOTE_SPEAKER: { quote: number; articleId: number; start: number; end: number; speaker: number | null };
  REJECT_QUOTE: { articleId: number; start: number; end: number };
  MOVE_ARTICLE: { article: number; anchors: number[] | null };
  MERGE_EVENTS: { anchors: number[]; members: number[] };
  UPDATE_EVENT: { anchors: number[]; title: string; placeId: number | null };
  UPDATE_STORY: { anchors: number[]; title: string };
  HIDE_ARTICLE: { article: number; hidden: boolean };
}

/** Names merged away (or renamed) and the entity they now resolve to, for the ingest's entity resolution. */
export async function entityRedirects(
  prisma: PrismaClient | Tx,
): Promise<{ kind: EntityRef["kind"]; key: string; into: number }[]> {
  const rules = await entityRules(prisma);
  const redirects: { kind: EntityRef["kind"]; key: string; into: number }[] = [];
  for (const rule of rules) {
    const into = survivorOf(rules, rule.into);
    for (const f of rule.from) redirects.push({ kind: f.kind, key: f.key, into });
  }
  const existing = new Set(
    (await prisma.entity.findMany({ where: { id: { in: redirects.map((r) => r.into) } }, select: { id: true } })).map(
      (e) => e.id,
    ),
  );
  return redirects.filter((r) => existing.has(r.into));
}

async function entityRules(prisma: PrismaClient | Tx): Promise<Rules["MERGE_ENTITIES"][]> {
  const rows = await prisma.correction.findMany({
    where: { kind: { in: ["MERGE_ENTITIES", "UPDATE_ENTITY"] }, undoneAt: null, rule: { not: Prisma.DbNull } },
    select: { rule: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.rule as unknown as Rules["MERGE_ENTITIES"]);
}

/** Where an entity went: a survivor merged away later resolves to the later survivor. */
function survivorOf(rules: Rules["MERGE_ENTITIES"][], id: number): number {
  let current = id;
  for (let hops = 0; hops < rules.length; hops++) {
    const next = rules.find((r) => r.into !== current && r.from.some((f) => f.id === current));
    if (!next) break;
    current = next.into;
  }
  return current;
}

/** Applies every active rule; returns how many changed something. */
export async function applyCorrectionRules(prisma: PrismaClient): Promise<{ applied: number }> {
  const count = await prisma.correction.count({ where: { undoneAt: null, rule: { not: Prisma.DbNull } } });
  if (!count) return { applied: 0 };
  return prisma.$transaction(
    async (tx) => {
      const rules = await tx.correction.findMany({
        where: { undoneAt: null, rule: { not: Prisma.DbNull } },
        select: { id: true, kind: true, rule: true },
        orderBy: { id: "asc" },
      });
      let applied = 0;
      for (const { kind, rule } of rules) if (await applyRule(tx, kind as keyof Rules, rule)) applied++;
      if (applied) await settleCounts(tx);
      return { applied };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

const none = Journal.none;

async function applyRule(tx: Tx, kind: keyof Rules, raw: unknown): Promise<boolean> {
  switch (kind) {
    case "MERGE_ENTITIES":
    case "UPDATE_ENTITY": {
      const rule = raw as Rules["MERGE_ENTITIES"];
      const into = survivorOf(await entityRules(tx), rule.into);
      const survivor = await tx.entity.findUnique({ where: { id: into }, select: { kind: true } });
      if (!survivor) return false;
      const strays = await tx.entity.findMany({
        where: { OR: rule.from.map((f) => ({ kind: f.kind, key: f.key })), id: { not: into } },
        select: { id: true, kind: true },
      });
      // A kind fixed since (a place filed as a person) is moved, not merged across kinds.
      const same = strays.filter((s) => s.kind === survivor.kind).map((s) => s.id);
      if (!same.length) return false;
      await mergeEntities(tx, none, into, same);
      return true;
    }
    case "SET_QUOTE_SPEAKER": {
      const rule = raw as Rules["SET_QUOTE_SPEAKER"];
      if (rule.speaker !== null && !(await tx.entity.findUnique({ where: { id: rule.speaker }, select: { id: true } })))
        return false;
      const changed = await tx.$executeRaw`
        update "Quote" set "speakerId" = ${rule.speaker}
        where (id = ${rule.quote} or ("articleId" = ${rule.articleId} and start = ${rule.start} and "end" = ${rule.end}))
          and "speakerId" is distinct from ${rule.speaker}`;
      return changed > 0;
    }
    case "REJECT_QUOTE": {
      const rule = raw as Rules["REJECT_QUOTE"];
      const where = Prisma.sql`t."articleId" = ${rule.articleId} and t.start = ${rule.start} and t."end" = ${rule.end}`;
      return (await dropQuotes(tx, none, where)) > 0;
    }
    case "MOVE_ARTICLE": {
      const rule = raw as Rules["MOVE_ARTICLE"];
      const moved = await moveByRule(tx, rule);
      return (await copiesFollow(tx, rule.article)) || moved;
    }
    case "MERGE_EVENTS": {
      const rule = raw as Rules["MERGE_EVENTS"];
      const target = await eventOf(tx, rule.anchors);
      if (target === null) return false;
      const strays = await tx.$queryRaw<{ eventId: number }[]>`
        select distinct "eventId" from "Article"
        where id = any(${rule.members}::int[]) and "eventId" is not null and "eventId" <> ${target}`;
      if (!strays.length) return false;
      const sources = strays.map((s) => s.eventId);
      // Whole events when they hold only members; else only the members move.
      const [outsiders] = await tx.$queryRaw<{ n: number }[]>`
        select count(*)::int as n from "Article" where "eventId" = any(${sources}::int[]) and not (id = any(${rule.members}::int[]))`;
      if (!outsiders?.n) await mergeEvents(tx, none, target, sources);
      else {
        await tx.$executeRaw`
          update "Article" set "eventId" = ${target}, "eventSimilarity" = null
          where id = any(${rule.members}::int[]) and "eventId" = any(${sources}::int[])`;
        await dropEmptyEvents(tx, none, sources);
      }
      return true;
    }
    case "UPDATE_EVENT": {
      const rule = raw as Rules["UPDATE_EVENT"];
      const target = await eventOf(tx, rule.anchors);
      if (target === null) return false;
      const placeExists =
        rule.placeId === null || (await tx.entity.findUnique({ where: { id: rule.placeId }, select: { id: true } }));
      const changed = await tx.$executeRaw`
        update "Event" set title = ${rule.title}, "placeId" = ${placeExists ? rule.placeId : null}
        where id = ${target} and (title <> ${rule.title} or "placeId" is distinct from ${placeExists ? rule.placeId : null})`;
      return changed > 0;
    }
    case "UPDATE_STORY": {
      const rule = raw as Rules["UPDATE_STORY"];
      const [story] = await tx.$queryRaw<{ storyId: number }[]>`
        select e."storyId" from "Article" a join "Event" e on e.id = a."eventId"
        where a.id = any(${rule.anchors}::int[]) and e."storyId" is not null group by 1 order by count(*) desc, 1 limit 1`;
      if (!story) return false;
      const changed =
        await tx.$executeRaw`update "Story" set title = ${rule.title} where id = ${story.storyId} and title <> ${rule.title}`;
      return changed > 0;
    }
    case "HIDE_ARTICLE": {
      const rule = raw as Rules["HIDE_ARTICLE"];
      const changed =
        await tx.$executeRaw`update "Article" set hidden = ${rule.hidden} where id = ${rule.article} and hidden <> ${rule.hidden}`;
      const quotes = await tx.$executeRaw`
        update "Quote" set hidden = ${rule.hidden} where "articleId" = ${rule.article} and hidden <> ${rule.hidden}`;
      return changed + quotes > 0;
    }
  }
}

async function moveByRule(tx: Tx, rule: Rules["MOVE_ARTICLE"]): Promise<boolean> {
  const article = await tx.article.findUnique({ where: { id: rule.article }, select: { eventId: true } });
  if (!article) return false;
  if (rule.anchors === null) {
    // An event of its own: only the article and its copies.
    const [others] = await tx.$queryRaw<{ n: number }[]>`
          select count(*)::int as n from "Article"
          where "eventId" = ${article.eventId} and id <> ${rule.article} and "duplicateOfId" is distinct from ${rule.article}`;
    if (article.eventId !== null && !others?.n) return false;
    await moveArticle(tx, none, rule.article, null);
    return true;
  }
  const target = await eventOf(tx, rule.anchors);
  if (target === null || target === article.eventId) return false;
  await moveArticle(tx, none, rule.article, target);
  return true;
}

/** Near-duplicate copies of a moved article (ingested later, or left behind by a recluster) join its event. */
async function copiesFollow(tx: Tx, articleId: number): Promise<boolean> {
  const strays = await tx.$queryRaw<{ eventId: number | null }[]>`
    select distinct c."eventId" from "Article" c join "Article" a on a.id = c."duplicateOfId"
    where a.id = ${articleId} and c."eventId" is distinct from a."eventId"`;
  if (!strays.length) return false;
  await tx.$executeRaw`
    update "Article" c set "eventId" = a."eventId", "eventSimilarity" = null from "Article" a
    where a.id = ${articleId} and c."duplicateOfId" = a.id and c."eventId" is distinct from a."eventId"`;
  await dropEmptyEvents(
    tx,
    none,
    strays.flatMap((s) => (s.eventId === null ? [] : [s.eventId])),
  );
  return true;
}

/** The event most of these articles are in now. */
async function eventOf(tx: Tx, anchors: number[]): Promise<number | null> {
  if (!anchors.length) return null;
  const [row] = await tx.$queryRaw<{ eventId: number }[]>`
    select "eventId" from "Article" where id = any(${anchors}::int[]) and "eventId" is not null
    group by 1 order by count(*) desc, 1 limit 1`;
  return row?.eventId ?? null;
}
