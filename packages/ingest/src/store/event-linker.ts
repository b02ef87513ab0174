// Event clustering wired to the database: the in-memory EventIndex decides, this class persists. Event and
// story ids come from their Postgres sequences so an article can point at its event inside the same
// transaction. Each batch saves the index's small core (document frequencies, counters) in LinkerState and
// each changed event's and story's snapshot in its own row; a run reloads the core plus the active events,
// so memory and write volume follow the recent news, not the archive.
import { Prisma, type PrismaClient } from "@storyline/db";
import { clusterEntities } from "../extract/thread.ts";
import type { ExtractedDocument } from "../extract/types.ts";
import { EventIndex, type EventIndexOptions, type EventIndexState } from "../link/event-index.ts";
import type { ClusterDoc, EventSnapshot, EventView, StorySnapshot } from "../link/types.ts";
import { insertRows } from "./bulk.ts";
import type { ReferenceCache } from "./reference.ts";
import { storyRollupInsert } from "./rollups.ts";
import { nextIds, takeFrom } from "./sequences.ts";
import type { ArticleLinker, LinkBatch } from "./write.ts";

const STATE_ROW = 1;
const ID_BLOCK = 32;
/** Events and stories seen within this many days of the newest article are reloaded into memory. */
const ACTIVE_DAYS = 30;
const MAX_ACTIVE_EVENTS = 50_000;
const CORE_SAVE_INTERVAL_MS = 10_000;

type Tx = Prisma.TransactionClient;

const asDate = (day: string | null | undefined) => (day ? new Date(`${day.slice(0, 10)}T00:00:00Z`) : null);

export class EventLinker implements ArticleLinker {
  private index!: EventIndex;
  private eventIds: number[] = [];
  private storyIds: number[] = [];
  private touchedStories = new Set<number>();

  private constructor(
    private readonly prisma: PrismaClient,
    private readonly options: Partial<EventIndexOptions> = {},
  ) {}

  /** `options` override the clusterer's defaults (thresholds, windows) for this run. */
  static async load(prisma: PrismaClient, options: Partial<EventIndexOptions> = {}): Promise<EventLinker> {
    const linker = new EventLinker(prisma, options);
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
    const ids = { event: takeFrom(this.eventIds, "event"), story: takeFrom(this.storyIds, "story") };
    this.touchedStories.clear();
    if (!row) {
      this.index = new EventIndex(this.options, ids);
      return;
    }
    const core = row.state as unknown as EventIndexState;
    this.index = EventIndex.fromJSON({ ...core, events: [], stories: [] }, this.options, ids);
    const clock = core.clockDay ? asDate(core.clockDay)! : new Date();
    const since = new Date(clock.getTime() - ACTIVE_DAYS * 86_400_000);
    const recent = {
      OR: [
        { lastSeenAt: { gte: since } },
        { lastSeenAt: null, updatedAt: { gte: new Date(Date.now() - ACTIVE_DAYS * 86_400_000) } },
      ],
    };
    const [stories, events] = await Promise.all([
      this.prisma.story.findMany({
        where: { centroid: { not: Prisma.AnyNull }, events: { some: recent } },
        select: { centroid: true },
      }),
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

  /** A killed run's events (written since it started) join this run's end-of-run consolidation. */
  async adoptEventsTouchedSince(since: Date) {
    const rows = await this.prisma.event.findMany({ where: { updatedAt: { gte: since } }, select: { id: true } });
    this.index.touchForRun(rows.map((r) => String(r.id)));
  }

  /** Ids for an index that will be built synchronously (recluster): `count` of each, from the sequences. */
  static async reserve(prisma: PrismaClient, count: number): Promise<{ event: () => string; story: () => string }> {
    return {
      event: takeFrom(await nextIds(prisma, "Event", count), "event"),
      story: takeFrom(await nextIds(prisma, "Story", count), "story"),
    };
  }

  /** Tops up the id pools so the batch's assignments never run dry. */
  async prepare(prisma: PrismaClient, count: number) {
    for (const [table, pool] of [
      ["Event", this.eventIds],
      ["Story", this.storyIds],
    ] as const) {
      if (pool.length < count + 2) pool.push(...(await nextIds(prisma, table, Math.max(ID_BLOCK, count + 2 - pool.length))));
    }
  }

  assign(article: {
    id: number;
    doc: ExtractedDocument;
    publishedAt: Date | null;
    duplicateOfId: number | null;
    duplicateOfEventId: number | null;
  }): { eventId: number; storyId: number | null; similarity: number } {
    const { doc } = article;
    // Only a date precise to the day places an article in time; "2013" would invite day arithmetic on Jan 1.
    const dayPrecise =
      article.publishedAt !== null && (doc.published?.precision === "DAY" || doc.published?.precision === "MINUTE");
    const result = this.index.assign({
      id: String(article.id),
      title: doc.title,
      body: doc.body,
      publishedAt: dayPrecise ? article.publishedAt!.toISOString().slice(0, 19) : null,
      // A date known only to the year or month still rules out happenings years apart.
      year: article.publishedAt && !dayPrecise ? article.publishedAt.getUTCFullYear() : null,
      outlet: doc.outlet?.name ?? null,
      entities: clusterEntities(doc),
      terms: doc.clusterTerms,
      duplicateOf: article.duplicateOfId ? String(article.duplicateOfId) : null,
      duplicateOfEventId: article.duplicateOfEventId ? String(article.duplicateOfEventId) : null,
    } satisfies ClusterDoc);
    return {
      eventId: Number(result.eventId),
      storyId: result.storyId ? Number(result.storyId) : null,
      similarity: result.similarity,
    };
  }

  /** Follows merges: the event an article assigned to `eventId` belongs to now. */
  currentEventId(eventId: number): number {
    return Number(this.index.resolve(String(eventId)) ?? eventId);
  }

  /**
   * Ends a batch: merges events the batch made similar enough (consolidation), then captures every row the
   * batch changed from the index as it is now. The next batch may change the index before this one commits.
   */
  takeBatch(options: { everything?: boolean; scope?: "batch" | "run"; consolidate?: boolean } = {}): EventBatch {
    if (!options.everything && options.consolidate !== false) {
      this.index.consolidate();
      if (options.scope === "run") this.index.consolidate("run");
    }
    const changes = this.index.takeChanges();
    if (options.everything) {
      // A rebuilt index: every event and story is new to the database, not just the ones marked changed.
      const state = this.index.toJSON();
      changes.events = state.events;
      changes.stories = state.stories;
    }
    const views = changes.events.map((snapshot) => ({ snapshot, view: this.index.event(snapshot.id) }));
    const stories: StoryRow[] = changes.stories.map((story) => ({
      id: Number(story.id),
      title: story.title,
      firstDate: story.firstDay,
      lastDate: story.lastDay,
      eventCount: story.eventCount,
      articleCount: story.articleCount,
      centroid: story,
    }));
    // Stories an event points at but whose snapshot did not change still need a row.
    const storyIdsNeeded = new Set(views.flatMap(({ view }) => (view?.storyId ? [Number(view.storyId)] : [])));
    for (const s of stories) storyIdsNeeded.delete(s.id);
    for (const id of storyIdsNeeded) {
      const view = this.index.story(String(id));
      stories.push({
        id,
        title: view?.title ?? "Untitled story",
        firstDate: view?.firstDate ?? null,
        lastDate: view?.lastDate ?? null,
        eventCount: view?.eventCount ?? 0,
        articleCount: view?.articleCount ?? 0,
        centroid: undefined,
      });
    }
    return {
      mergedEvents: changes.mergedEvents.map((m) => ({ from: Number(m.from), into: Number(m.into) })),
      live: views.flatMap(({ snapshot, view }) => (view ? [{ snapshot, view }] : [])),
      // Left memory (inactive), or merged away since: keep the last snapshot so a later article can bring it back.
      resting: views.filter((v) => !v.view).map(({ snapshot }) => snapshot),
      stories,
      removedStoryIds: changes.removedStoryIds.map(Number),
      // Captured now, like the rows: by commit time the next plan may have counted uncommitted articles.
      core:
        options.everything === true || Date.now() - this.savedCoreAt > CORE_SAVE_INTERVAL_MS
          ? JSON.stringify(this.index.coreState())
          : null,
    };
  }

  /** Writes every event and story the batch changed, their participants, and (now and then) the core state. */
  async persist(tx: Tx, reference: ReferenceCache, linkBatch: LinkBatch) {
    const batch = linkBatch as EventBatch;
    const { stories, live } = batch;
    const refs = live.flatMap(({ view }) => [...(view.place ? [view.place] : []), ...view.participants]);
    const entityIds = await reference.existingEntityIds(refs);
    if (stories.length) {
      await tx.$executeRaw`
        insert into "Story" (id, title, "firstDate", "lastDate", "eventCount", "articleCount", centroid, "updatedAt")
        select id, title, "firstDate", "lastDate", "eventCount", "articleCount", centroid, now()
        from jsonb_to_recordset(${JSON.stringify(stories)}::jsonb)
          as x(id int, title text, "firstDate" date, "lastDate" date, "eventCount" int, "articleCount" int, centroid jsonb)
        on conflict (id) do update set title = excluded.title, "firstDate" = excluded."firstDate", "lastDate" = excluded."lastDate",
          "eventCount" = excluded."eventCount", "articleCount" = excluded."articleCount",
          centroid = coalesce(excluded.centroid, "Story".centroid), "updatedAt" = now()`;
      for (const s of stories) this.touchedStories.add(s.id);
    }

    const events = live.map(({ snapshot, view }) => ({
      id: Number(snapshot.id),
      title: view.title,
      date: view.date,
      dateEnd: view.dateEnd,
      placeId: view.place ? (entityIds.get(`${view.place.kind}:${view.place.name}`) ?? null) : null,
      storyId: view.storyId ? Number(view.storyId) : null,
      articleCount: view.articleCount,
      firstSeenAt: view.firstSeen,
      lastSeenAt: view.lastSeen,
      centroid: snapshot,
    }));
    if (events.length) {
      await tx.$executeRaw`
        insert into "Event" (id, title, date, "dateEnd", "placeId", "storyId", "articleCount", "firstSeenAt", "lastSeenAt", centroid, "updatedAt")
        select id, title, date, "dateEnd", "placeId", "storyId", "articleCount", "firstSeenAt", "lastSeenAt", centroid, now()
        from jsonb_to_recordset(${JSON.stringify(events)}::jsonb)
          as x(id int, title text, date date, "dateEnd" date, "placeId" int, "storyId" int, "articleCount" int,
               "firstSeenAt" timestamp, "lastSeenAt" timestamp, centroid jsonb)
        on conflict (id) do update set title = excluded.title, date = excluded.date, "dateEnd" = excluded."dateEnd",
          "placeId" = excluded."placeId", "storyId" = excluded."storyId", "articleCount" = excluded."articleCount",
          "firstSeenAt" = excluded."firstSeenAt", "lastSeenAt" = excluded."lastSeenAt", centroid = excluded.centroid, "updatedAt" = now()`;
      const participants = live.flatMap(({ snapshot, view }) =>
        view.participants.flatMap((p) => {
          const entityId = entityIds.get(`${p.kind}:${p.name}`);
          return entityId ? [{ eventId: Number(snapshot.id), entityId, weight: p.weight }] : [];
        }),
      );
      await tx.$executeRaw`delete from "EventParticipant" where "eventId" = any(${events.map((e) => e.id)}::int[])`;
      await insertRows(
        tx,
        "EventParticipant",
        { eventId: "int", entityId: "int", weight: "float8" },
        participants,
        "on conflict do nothing",
      );
      for (const e of events) if (e.storyId) this.touchedStories.add(e.storyId);
    }
    // After the upserts: a surviving event may be new in this batch.
    if (batch.mergedEvents.length) await applyMerges(tx, batch.mergedEvents);
    // Resting events keep their row and get the last snapshot. One created and evicted within the batch has
    // no row yet: it is written from its snapshot, so its articles have an event to point at.
    const mergedAway = new Set(batch.mergedEvents.map((m) => m.from));
    const resting = batch.resting
      .filter((snapshot) => !mergedAway.has(Number(snapshot.id)))
      .map((snapshot) => ({
        id: Number(snapshot.id),
        title: snapshot.titles[0] ?? snapshot.lead ?? "Untitled event",
        date: snapshot.happeningDay ?? snapshot.firstDay,
        articleCount: snapshot.articleCount,
        firstSeenAt: snapshot.firstDay,
        lastSeenAt: snapshot.lastDay,
        centroid: snapshot,
      }));
    if (resting.length) {
      await tx.$executeRaw`
        insert into "Event" (id, title, date, "articleCount", "firstSeenAt", "lastSeenAt", centroid, "updatedAt")
        select id, title, date, "articleCount", "firstSeenAt", "lastSeenAt", centroid, now()
        from jsonb_to_recordset(${JSON.stringify(resting)}::jsonb)
          as x(id int, title text, date date, "articleCount" int, "firstSeenAt" timestamp, "lastSeenAt" timestamp, centroid jsonb)
        on conflict (id) do update set centroid = excluded.centroid, "articleCount" = excluded."articleCount",
          "firstSeenAt" = excluded."firstSeenAt", "lastSeenAt" = excluded."lastSeenAt", "updatedAt" = now()`;
      // An event that grew and left memory in one batch still moves its story's counts.
      for (const snapshot of batch.resting) if (snapshot.storyId) this.touchedStories.add(Number(snapshot.storyId));
    }
    const removed = batch.removedStoryIds;
    if (removed.length) {
      await tx.$executeRaw`update "Event" set "storyId" = null where "storyId" = any(${removed}::int[])`;
      await tx.$executeRaw`delete from "Story" where id = any(${removed}::int[])`;
      for (const id of removed) this.touchedStories.add(id);
    }
    // The core (document frequencies, counters) is statistics: saving it every few seconds rather than every
    // batch loses nothing that matters after a crash, and it is the largest write of a batch.
    if (batch.core !== null) await this.saveCore(tx, batch.core);
  }

  private savedCoreAt = 0;

  /** The end of a run: a wider consolidation over every event the run touched, then the core state. */
  async finish(prisma: PrismaClient, reference: ReferenceCache) {
    const batch = this.takeBatch({ scope: "run" });
    await prisma.$transaction(
      async (tx) => {
        await this.persist(tx, reference, batch);
        await this.afterArticles(tx, batch, []);
        await this.saveCore(tx, JSON.stringify(this.index.coreState()));
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
  }

  private async saveCore(tx: Tx | PrismaClient, state: string) {
    // Raw: Prisma's upsert would compile the whole (large) state into its query plan.
    await tx.$executeRaw`
      insert into "LinkerState" (id, state, "updatedAt") values (${STATE_ROW}, ${state}::jsonb, now())
      on conflict (id) do update set state = excluded.state, "updatedAt" = now()`;
    this.savedCoreAt = Date.now();
  }

  async afterArticles(tx: Tx, linkBatch: LinkBatch, articleEventIds: readonly number[]) {
    // Merges already moved older articles (persist); this batch's own rows were written with current ids.
    // The index's counts miss articles that joined an event it no longer holds (a near-duplicate of an article
    // whose event left memory): every event the batch touched is recounted from its articles, in the same
    // transaction, so Event.articleCount and the story rollups always equal a recount.
    const batch = linkBatch as EventBatch;
    const touched = new Set<number>(articleEventIds);
    for (const { snapshot } of batch.live ?? []) touched.add(Number(snapshot.id));
    for (const snapshot of batch.resting ?? []) touched.add(Number(snapshot.id));
    for (const merge of batch.mergedEvents) touched.add(merge.into);
    if (touched.size) {
      const ids = [...touched];
      await tx.$executeRaw`
        with counted as (
          select e.id, count(a.id)::int as n from "Event" e left join "Article" a on a."eventId" = e.id and not a.hidden
          where e.id = any(${ids}::int[]) group by e.id)
        update "Event" e set "articleCount" = c.n from counted c where e.id = c.id and e."articleCount" <> c.n`;
      const stories = await tx.$queryRaw<{ storyId: number }[]>`
        select distinct "storyId" from "Event" where id = any(${ids}::int[]) and "storyId" is not null`;
      for (const { storyId } of stories) this.touchedStories.add(storyId);
    }
    await this.refreshStoryRollups(tx, [...this.touchedStories]);
    this.touchedStories.clear();
  }

  /** Events move between stories as they grow, so a story's rollup is recomputed rather than incremented. */
  private async refreshStoryRollups(tx: Tx, storyIds: number[]) {
    if (!storyIds.length) return;
    await tx.$executeRaw`delete from "CoverageDay" where dimension = 'STORY' and key = any(${storyIds}::int[])`;
    await tx.$executeRaw(storyRollupInsert(storyIds));
  }
}

interface StoryRow {
  id: number;
  title: string;
  firstDate: string | null;
  lastDate: string | null;
  eventCount: number;
  articleCount: number;
  centroid: StorySnapshot | undefined;
}

/** A batch's changes as rows, captured from the index when the batch's plan ended. */
interface EventBatch extends LinkBatch {
  live: { snapshot: EventSnapshot; view: EventView }[];
  resting: EventSnapshot[];
  stories: StoryRow[];
  removedStoryIds: number[];
  /** The core state (JSON) to save with this batch, when one is due. */
  core: string | null;
}

/** Moves the articles, mentions and event rollups of merged-away events to the surviving events, then deletes them. */
async function applyMerges(tx: Tx, merges: readonly { from: number; into: number }[]) {
  const rows = JSON.stringify(merges);
  await tx.$executeRaw`
    update "Article" a set "eventId" = m."into" from jsonb_to_recordset(${rows}::jsonb) as m("from" int, "into" int)
    where a."eventId" = m."from"`;
  await tx.$executeRaw`
    insert into "EventMention" ("articleId", "eventId", "asWritten")
    select e."articleId", m."into", e."asWritten" from "EventMention" e
    join jsonb_to_recordset(${rows}::jsonb) as m("from" int, "into" int) on e."eventId" = m."from"
    on conflict do nothing`;
  // Summed per day first: two merged events with rows on one day would otherwise hit the same row twice.
  await tx.$executeRaw`
    insert into "CoverageDay" (dimension, key, day, total, "unique")
    select c.dimension, m."into", c.day, sum(c.total), sum(c."unique") from "CoverageDay" c
    join jsonb_to_recordset(${rows}::jsonb) as m("from" int, "into" int) on c.dimension = 'EVENT' and c.key = m."from"
    group by c.dimension, m."into", c.day
    on conflict (dimension, key, day) do update
      set total = "CoverageDay".total + excluded.total, "unique" = "CoverageDay"."unique" + excluded."unique"`;
  const froms = merges.map((m) => m.from);
  await tx.$executeRaw`delete from "CoverageDay" where dimension = 'EVENT' and key = any(${froms}::int[])`;
  await tx.$executeRaw`delete from "Event" where id = any(${froms}::int[])`;
}
