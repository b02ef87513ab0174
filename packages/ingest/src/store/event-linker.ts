// Event clustering wired to the database: the in-memory EventIndex decides, this class persists. Event and
// story ids come from their Postgres sequences so an article can point at its event inside the same
// transaction. Each batch saves the index's small core (document frequencies, counters) in LinkerState and
// each changed event's and story's snapshot in its own row; a run reloads the core plus the active events,
// so memory and write volume follow the recent news, not the archive.
import { Prisma, type PrismaClient } from "@storyline/db";
import { EventIndex, type EventIndexState } from "../link/event-index.ts";
import type { ClusterDoc, EventSnapshot, StorySnapshot } from "../link/types.ts";
import type { ExtractedDocument } from "../extract/types.ts";
import { entityKey } from "./reference.ts";
import type { ArticleLinker } from "./write.ts";

const STATE_ROW = 1;
const ID_BLOCK = 32;
/** Events and stories seen within this many days of the newest article are reloaded into memory. */
const ACTIVE_DAYS = 30;
const MAX_ACTIVE_EVENTS = 50_000;

type Tx = Prisma.TransactionClient;

const isoDay = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const asDate = (day: string | null | undefined) => (day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null);

export class EventLinker implements ArticleLinker {
  private index!: EventIndex;
  private eventIds: number[] = [];
  private storyIds: number[] = [];
  private touchedStories = new Set<number>();

  private constructor(private readonly prisma: PrismaClient) {}

  static async load(prisma: PrismaClient): Promise<EventLinker> {
    const linker = new EventLinker(prisma);
    await linker.reload();
    return linker;
  }

  /** A linker over an index built elsewhere (recluster), with the ids it may hand out. */
  static fromIndex(prisma: PrismaClient, index: EventIndex): EventLinker {
    const linker = new EventLinker(prisma);
    linker.index = index;
    return linker;
  }

  /** Drops in-memory decisions of a batch that rolled back, and resumes from the saved state. */
  async reload() {
    const row = await this.prisma.linkerState.findUnique({ where: { id: STATE_ROW } });
    const ids = { event: () => this.takeId(this.eventIds, "event"), story: () => this.takeId(this.storyIds, "story") };
    this.touchedStories.clear();
    if (!row) {
      this.index = new EventIndex({}, ids);
      return;
    }
    const core = row.state as unknown as EventIndexState;
    this.index = EventIndex.fromJSON({ ...core, events: [], stories: [] }, {}, ids);
    const clock = core.clockDay ? asDate(core.clockDay)! : new Date();
    const since = new Date(clock.getTime() - ACTIVE_DAYS * 86_400_000);
    const recent = { OR: [{ lastSeenAt: { gte: since } }, { lastSeenAt: null, updatedAt: { gte: new Date(Date.now() - ACTIVE_DAYS * 86_400_000) } }] };
    const [stories, events] = await Promise.all([
      this.prisma.story.findMany({ where: { centroid: { not: Prisma.AnyNull }, events: { some: recent } }, select: { centroid: true } }),
      this.prisma.event.findMany({
        where: { centroid: { not: Prisma.AnyNull }, ...recent },
        select: { centroid: true },
        orderBy: { lastSeenAt: { sort: "desc", nulls: "last" } },
        take: MAX_ACTIVE_EVENTS,
      }),
    ]);
    for (const s of stories) this.index.loadStory(s.centroid as unknown as StorySnapshot);
    for (const e of events) this.index.loadEvent(e.centroid as unknown as EventSnapshot);
  }

  private takeId(pool: number[], what: string): string {
    const id = pool.shift();
    if (id === undefined) throw new Error(`no ${what} id reserved: reserveIds() must run before assign()`);
    return String(id);
  }

  /** Ids for an index that will be built synchronously (recluster): `count` of each, from the sequences. */
  static async reserve(prisma: PrismaClient, count: number): Promise<{ event: () => string; story: () => string }> {
    const take = async (table: string) =>
      (await prisma.$queryRawUnsafe<{ id: number }[]>(
        `select nextval(pg_get_serial_sequence('"${table}"', 'id'))::int as id from generate_series(1, $1)`,
        count,
      )).map((r) => r.id);
    const events = await take("Event");
    const stories = await take("Story");
    const next = (pool: number[], what: string) => () => {
      const id = pool.shift();
      if (id === undefined) throw new Error(`ran out of reserved ${what} ids`);
      return String(id);
    };
    return { event: next(events, "event"), story: next(stories, "story") };
  }

  private async reserveIds(tx: Tx) {
    // Sequence values are never rolled back; gaps after a failed batch are harmless.
    if (this.eventIds.length < 2) {
      const rows = await tx.$queryRaw<{ id: number }[]>`select nextval(pg_get_serial_sequence('"Event"', 'id'))::int as id from generate_series(1, ${ID_BLOCK})`;
      this.eventIds.push(...rows.map((r) => r.id));
    }
    if (this.storyIds.length < 4) {
      const rows = await tx.$queryRaw<{ id: number }[]>`select nextval(pg_get_serial_sequence('"Story"', 'id'))::int as id from generate_series(1, ${ID_BLOCK})`;
      this.storyIds.push(...rows.map((r) => r.id));
    }
  }

  async link(
    tx: Tx,
    article: { id: number; doc: ExtractedDocument; publishedAt: Date | null; duplicateOfId: number | null },
  ): Promise<{ eventId: number | null; storyId: number | null }> {
    await this.reserveIds(tx);
    const { doc } = article;
    let duplicateOfEventId: string | null = null;
    if (article.duplicateOfId) {
      const original = await tx.article.findUnique({ where: { id: article.duplicateOfId }, select: { eventId: true } });
      duplicateOfEventId = original?.eventId ? String(original.eventId) : null;
    }
    const clusterDoc: ClusterDoc = {
      id: String(article.id),
      title: doc.title,
      body: doc.body,
      publishedAt: article.publishedAt ? article.publishedAt.toISOString().slice(0, 19) : null,
      outlet: doc.outlet?.name ?? null,
      entities: doc.entities.map((e) => ({ kind: e.kind, name: e.name })),
      duplicateOf: article.duplicateOfId ? String(article.duplicateOfId) : null,
      duplicateOfEventId,
    };
    const result = this.index.assign(clusterDoc);
    const eventId = Number(result.eventId);
    const storyId = result.storyId ? Number(result.storyId) : null;
    if (storyId) await this.ensureStory(tx, storyId);
    await this.writeEvent(tx, eventId);
    await tx.article.update({ where: { id: article.id }, data: { eventId, eventSimilarity: result.similarity } });
    if (storyId) this.touchedStories.add(storyId);
    return { eventId, storyId };
  }

  private async ensureStory(tx: Tx, storyId: number) {
    const view = this.index.story(String(storyId));
    await tx.story.upsert({
      where: { id: storyId },
      update: {},
      create: { id: storyId, title: view?.title ?? "Untitled story" },
    });
  }

  private async writeEvent(tx: Tx, eventId: number) {
    const view = this.index.event(String(eventId));
    const snapshot = this.index.snapshot(String(eventId));
    if (!view) {
      // Evicted from memory (inactive): keep its last snapshot so a later article can bring it back.
      if (snapshot) await tx.event.updateMany({ where: { id: eventId }, data: { centroid: snapshot as unknown as Prisma.InputJsonValue } });
      return;
    }
    const storyId = view.storyId ? Number(view.storyId) : null;
    if (storyId) await this.ensureStory(tx, storyId);
    const placeId = view.place ? await this.entityId(tx, view.place.kind, view.place.name) : null;
    const data = {
      title: view.title,
      date: asDate(view.date),
      dateEnd: asDate(view.dateEnd),
      placeId,
      storyId,
      articleCount: view.articleCount,
      firstSeenAt: asDate(view.firstSeen),
      lastSeenAt: asDate(view.lastSeen),
      centroid: (snapshot ?? undefined) as unknown as Prisma.InputJsonValue | undefined,
    };
    await tx.event.upsert({ where: { id: eventId }, update: data, create: { id: eventId, ...data } });
  }

  private async entityId(tx: Tx, kind: string, name: string): Promise<number | null> {
    const row = await tx.entity.findFirst({ where: { kind: kind as "PERSON" | "PLACE" | "ORGANIZATION", key: entityKey(name) }, select: { id: true } });
    return row?.id ?? null;
  }

  /** Persists what the batch changed: events, participants, stories, story rollups, the index state. */
  async flush(tx: Tx, options: { everything?: boolean } = {}) {
    const changes = this.index.takeChanges();
    if (options.everything) {
      // A rebuilt index: every event and story is new to the database, not just the ones marked changed.
      const state = this.index.toJSON();
      changes.events = state.events;
      changes.stories = state.stories;
    }
    for (const snapshot of changes.events) {
      const eventId = Number(snapshot.id);
      await this.writeEvent(tx, eventId);
      const view = this.index.event(snapshot.id);
      if (!view) continue;
      const participants: { entityId: number; weight: number }[] = [];
      for (const p of view.participants) {
        const entityId = await this.entityId(tx, p.kind, p.name);
        if (entityId) participants.push({ entityId, weight: p.weight });
      }
      await tx.eventParticipant.deleteMany({ where: { eventId } });
      if (participants.length) {
        await tx.eventParticipant.createMany({ data: participants.map((p) => ({ eventId, ...p })), skipDuplicates: true });
      }
      if (view.storyId) this.touchedStories.add(Number(view.storyId));
    }
    for (const story of changes.stories) {
      const id = Number(story.id);
      this.touchedStories.add(id);
      const data = {
        title: story.title,
        firstDate: asDate(story.firstDay),
        lastDate: asDate(story.lastDay),
        eventCount: story.eventCount,
        articleCount: story.articleCount,
        centroid: story as unknown as Prisma.InputJsonValue,
      };
      await tx.story.upsert({ where: { id }, update: data, create: { id, ...data } });
    }
    const removed = changes.removedStoryIds.map(Number);
    if (removed.length) {
      await tx.event.updateMany({ where: { storyId: { in: removed } }, data: { storyId: null } });
      await tx.story.deleteMany({ where: { id: { in: removed } } });
      for (const id of removed) this.touchedStories.add(id);
    }
    await this.refreshStoryRollups(tx, [...this.touchedStories]);
    this.touchedStories.clear();
    const state = this.index.coreState() as unknown as Prisma.InputJsonValue;
    await tx.linkerState.upsert({ where: { id: STATE_ROW }, update: { state }, create: { id: STATE_ROW, state } });
  }

  /** Events move between stories as they grow, so a story's rollup is recomputed rather than incremented. */
  private async refreshStoryRollups(tx: Tx, storyIds: number[]) {
    if (!storyIds.length) return;
    await tx.$executeRaw`delete from "CoverageDay" where dimension = 'STORY' and key = any(${storyIds}::int[])`;
    await tx.$executeRaw`
      insert into "CoverageDay" (dimension, key, day, total, "unique")
      select 'STORY', e."storyId", a."publishedAt"::date, count(*), count(*) filter (where a."duplicateOfId" is null)
      from "Article" a join "Event" e on e.id = a."eventId"
      where e."storyId" = any(${storyIds}::int[]) and a."publishedAt" is not null group by 2, 3`;
  }
}

export { isoDay };
