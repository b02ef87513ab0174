// Rebuilds every event and story from the stored articles (after a threshold change). Clusters that keep
// most of their members keep their ids, so links and bookmarks survive.
import type { PrismaClient } from "@storyline/db";
import { recluster } from "../link/recluster.ts";
import type { ClusterDoc } from "../link/types.ts";
import { applyCorrectionRules } from "./correction-rules.ts";
import { EventLinker } from "./event-linker.ts";
import { storeEventMentions } from "./event-mentions.ts";
import { ReferenceCache } from "./reference.ts";
import { rebuildRollups } from "./rollups.ts";

const MENTION_CHUNK = 2_000;

export interface ReclusterSummary {
  articles: number;
  events: number;
  stories: number;
  keptEventIds: number;
  newEventIds: number;
  seconds: number;
}

export async function reclusterAll(prisma: PrismaClient): Promise<ReclusterSummary> {
  const started = performance.now();
  const articles = await prisma.article.findMany({
    orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      body: true,
      publishedAt: true,
      duplicateOfId: true,
      eventId: true,
      outlet: { select: { name: true } },
      event: { select: { storyId: true } },
      mentions: { select: { entity: { select: { kind: true, name: true } } } },
    },
  });
  const docs: ClusterDoc[] = articles.map((a) => ({
    id: String(a.id),
    title: a.title,
    body: a.body,
    publishedAt: a.publishedAt ? a.publishedAt.toISOString().slice(0, 19) : null,
    outlet: a.outlet?.name ?? null,
    entities: a.mentions.map((m) => ({ kind: m.entity.kind, name: m.entity.name })),
    duplicateOf: a.duplicateOfId ? String(a.duplicateOfId) : null,
  }));
  const previous = new Map(
    articles
      .filter((a) => a.eventId)
      .map((a) => [String(a.id), { eventId: String(a.eventId), storyId: a.event?.storyId ? String(a.event.storyId) : null }]),
  );
  const ids = await EventLinker.reserve(prisma, Math.max(16, docs.length));
  const result = recluster(docs, previous, {}, ids);
  const linker = EventLinker.fromIndex(prisma, result.index);

  await prisma.$transaction(
    async (tx) => {
      const articleIds = [...result.assignments.keys()].map(Number);
      const eventIds = [...result.assignments.values()].map(Number);
      // Events must exist before articles point at them; the linker writes them all on flush.
      await tx.article.updateMany({ data: { eventId: null } });
      await linker.persist(tx, new ReferenceCache(prisma), linker.takeBatch({ everything: true }));
      await tx.$executeRaw`
        update "Article" a set "eventId" = x.event_id
        from unnest(${articleIds}::int[], ${eventIds}::int[]) as x(article_id, event_id) where a.id = x.article_id`;
      await tx.$executeRaw`delete from "Event" e where not exists (select 1 from "Article" a where a."eventId" = e.id)`;
      await tx.$executeRaw`delete from "Story" s where not exists (select 1 from "Event" e where e."storyId" = s.id)`;
      // Mentions point at events by their day and title, both of which a recluster may change.
      await tx.$executeRaw`delete from "EventMention"`;
      const newEventOf = (id: number) => {
        const eventId = result.assignments.get(String(id));
        return eventId ? Number(eventId) : null;
      };
      for (let i = 0; i < articles.length; i += MENTION_CHUNK) {
        const chunk = articles.slice(i, i + MENTION_CHUNK);
        await storeEventMentions(
          tx,
          chunk.map((a) => ({ id: a.id, body: a.body, publishedAt: a.publishedAt, eventId: newEventOf(a.id) })),
        );
      }
    },
    { timeout: 600_000, maxWait: 30_000 },
  );
  await rebuildRollups(prisma);
  // Moved articles, merged and renamed events and stories hold over the new clustering.
  await applyCorrectionRules(prisma);
  const [events, stories] = await Promise.all([prisma.event.count(), prisma.story.count()]);
  return {
    articles: docs.length,
    events,
    stories,
    keptEventIds: result.keptEventIds,
    newEventIds: result.newEventIds,
    seconds: (performance.now() - started) / 1000,
  };
}
