// Analysts' corrections (issue 14): each runs in one transaction that changes the rows, recounts what counts
// them, and records a Correction row holding the old and new values, the rows undo needs (correction-journal.ts)
// and the rule the pipeline re-applies after a re-ingest or a recluster (correction-rules.ts).
import { Prisma, type PrismaClient } from "@storyline/db";
import { Journal, type JournalRows, revertJournal, touchedKeys } from "./correction-journal.ts";
import { INGEST_LOCK_KEY } from "./lock.ts";
import { entityKey } from "./reference.ts";
import { rebuildRollupsIn } from "./rollups.ts";

type Tx = Prisma.TransactionClient;
export type EntityKind = "PERSON" | "PLACE" | "ORGANIZATION";

export type CorrectionInput =
  | { kind: "MERGE_ENTITIES"; into: number; from: number[] }
  | { kind: "UPDATE_ENTITY"; id: number; name?: string | null; entityKind?: EntityKind | null }
  | { kind: "SET_QUOTE_SPEAKER"; quote: number; speaker: number | null }
  | { kind: "REJECT_QUOTE"; quote: number }
  | { kind: "MOVE_ARTICLE"; article: number; toEvent: number | null }
  | { kind: "MERGE_EVENTS"; into: number; from: number[] }
  | { kind: "UPDATE_EVENT"; id: number; title?: string | null; place?: string | null }
  | { kind: "UPDATE_STORY"; id: number; title?: string | null }
  | { kind: "HIDE_ARTICLE"; article: number; hidden: boolean };

export type CorrectionProblem = "NOT_FOUND" | "INVALID" | "CONFLICT";

/** An expected refusal: nothing was changed. */
export class CorrectionError extends Error {
  override name = "CorrectionError";
  constructor(
    readonly problem: CorrectionProblem,
    message: string,
    readonly typename = "",
    readonly lookup = "",
  ) {
    super(message);
  }
}

const notFound = (typename: string, id: number) =>
  new CorrectionError("NOT_FOUND", `No ${typename} ${id}.`, typename, String(id));
const invalid = (message: string) => new CorrectionError("INVALID", message);

/** One correction at a time; none while an ingest holds its lock (its batches count what a correction recounts). */
const CORRECTION_LOCK_KEY = 0x434f_5252; // "CORR"
/** Articles of an event remembered by a rule to find the event again after a recluster renumbers events. */
const ANCHORS = 20;

export interface CorrectionRow {
  id: number;
  kind: string;
  targetIds: number[];
}

export interface CorrectionResult {
  correction: CorrectionRow;
  /** The id of the changed object to return (the surviving entity, the quote, the article's event, ...). */
  resultId: number | null;
}

interface Done {
  targetIds: number[];
  oldValue: unknown;
  newValue: unknown;
  rule: unknown;
  resultId: number | null;
}

export async function correct(prisma: PrismaClient, input: CorrectionInput, note?: string | null): Promise<CorrectionResult> {
  return inCorrectionTransaction(prisma, async (tx) => {
    const journal = new Journal();
    const done = await perform(tx, journal, input);
    await settleCounts(tx);
    const row = await tx.correction.create({
      data: {
        kind: input.kind,
        targetIds: done.targetIds,
        oldValue: json(done.oldValue),
        newValue: json(done.newValue),
        rule: json(done.rule),
        rows: json(journal.toJSON()),
        note: note?.trim() || null,
      },
      select: { id: true, kind: true, targetIds: true },
    });
    return { correction: row, resultId: done.resultId };
  });
}

/** Reverts a correction (and records the undo). A later correction of the same rows must be undone first. */
export async function undoCorrection(prisma: PrismaClient, id: number, note?: string | null): Promise<CorrectionResult> {
  return inCorrectionTransaction(prisma, async (tx) => {
    const target = await tx.correction.findUnique({ where: { id } });
    if (!target) throw notFound("Correction", id);
    if (target.kind === "UNDO") throw invalid("An undo cannot be undone; make the correction again.");
    if (target.undoneAt) throw new CorrectionError("CONFLICT", `Correction ${id} was already undone.`);
    const rows = target.rows as unknown as JournalRows;
    const mine = new Set(touchedKeys(rows));
    const later = await tx.correction.findMany({
      where: { id: { gt: id }, undoneAt: null, kind: { not: "UNDO" } },
      select: { id: true, rows: true },
      orderBy: { id: "desc" },
    });
    const blocking = later.filter((c) => touchedKeys(c.rows as unknown as JournalRows).some((k) => mine.has(k)));
    if (blocking.length)
      throw new CorrectionError(
        "CONFLICT",
        `Correction ${id} changed what later corrections changed again; undo ${blocking.map((c) => c.id).join(", ")} first.`,
      );
    await tx.$executeRaw`savepoint revert_rows`;
    try {
      await revertJournal(tx, rows);
    } catch (error) {
      if (!isConstraintError(error)) throw error;
      // A recluster or ingest since renumbered what the correction touched: the rows cannot come back as they
      // were, but a move can still be reverted by its rule (back with the articles it left).
      await tx.$executeRaw`rollback to savepoint revert_rows`;
      if (!(await revertByRule(tx, target.kind, target.rule)))
        throw new CorrectionError(
          "CONFLICT",
          `Correction ${id} cannot be undone: the data changed since (${constraintOf(error)}).`,
        );
    }
    await settleCounts(tx);
    const undo = await tx.correction.create({
      data: {
        kind: "UNDO",
        targetIds: [id],
        oldValue: json(target.newValue),
        newValue: json(target.oldValue),
        note: note?.trim() || null,
      },
      select: { id: true, kind: true, targetIds: true },
    });
    await tx.correction.update({ where: { id }, data: { undoneAt: new Date(), undoneById: undo.id } });
    return { correction: undo, resultId: id };
  });
}

async function revertByRule(tx: Tx, kind: string, rule: unknown): Promise<boolean> {
  if (kind !== "MOVE_ARTICLE") return false;
  const { article, from } = rule as { article: number; from?: number[] };
  if (!from || !(await tx.article.findUnique({ where: { id: article }, select: { id: true } }))) return false;
  const [back] = from.length
    ? await tx.$queryRaw<{ eventId: number }[]>`
        select "eventId" from "Article" where id = any(${from}::int[]) and "eventId" is not null
        group by 1 order by count(*) desc, 1 limit 1`
    : [];
  await moveArticle(tx, Journal.none, article, back?.eventId ?? null);
  return true;
}

async function inCorrectionTransaction<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`select pg_advisory_xact_lock(${CORRECTION_LOCK_KEY})`;
      // Shared: corrections queue behind one another on the lock above, never refuse one another here.
      const [free] = await tx.$queryRaw<{ ok: boolean }[]>`select pg_try_advisory_xact_lock_shared(${INGEST_LOCK_KEY}) as ok`;
      if (!free?.ok)
        throw new CorrectionError("CONFLICT", "An ingest or recluster is running; correct again when it has finished.");
      return work(tx);
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
}

const json = (value: unknown) => (value === undefined || value === null ? Prisma.DbNull : (value as Prisma.InputJsonValue));
const isConstraintError = (error: unknown) => /23505|23503|unique|foreign key/i.test(String((error as Error)?.message ?? error));
const constraintOf = (error: unknown) =>
  /foreign key/i.test(String((error as Error)?.message)) ? "a row it refers to is gone" : "a row with the same key exists";

async function perform(tx: Tx, journal: Journal, input: CorrectionInput): Promise<Done> {
  switch (input.kind) {
    case "MERGE_ENTITIES":
      return mergeEntitiesCorrection(tx, journal, input.into, input.from);
    case "UPDATE_ENTITY":
      return updateEntity(tx, journal, input.id, input.name, input.entityKind);
    case "SET_QUOTE_SPEAKER":
      return setQuoteSpeaker(tx, journal, input.quote, input.speaker);
    case "REJECT_QUOTE":
      return rejectQuote(tx, journal, input.quote);
    case "MOVE_ARTICLE":
      return moveArticleCorrection(tx, journal, input.article, input.toEvent);
    case "MERGE_EVENTS":
      return mergeEventsCorrection(tx, journal, input.into, input.from);
    case "UPDATE_EVENT":
      return updateEvent(tx, journal, input.id, input.title, input.place);
    case "UPDATE_STORY":
      return updateStory(tx, journal, input.id, input.title);
    case "HIDE_ARTICLE":
      return hideArticle(tx, journal, input.article, input.hidden);
  }
}

// ---- entities

async function mergeEntitiesCorrection(tx: Tx, journal: Journal, into: number, from: number[]): Promise<Done> {
  const others = [...new Set(from)].filter((id) => id !== into);
  if (!others.length) throw invalid("Name at least one entity to merge other than `into`.");
  const rows = await tx.entity.findMany({ where: { id: { in: [into, ...others] } } });
  const survivor = rows.find((r) => r.id === into);
  if (!survivor) throw notFound("Entity", into);
  const missing = others.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw notFound("Entity", missing);
  const merged = rows.filter((r) => r.id !== into);
  const otherKind = merged.find((r) => r.kind !== survivor.kind);
  if (otherKind)
    throw invalid(
      `${otherKind.name} is ${otherKind.kind.toLowerCase()}, ${survivor.name} ${survivor.kind.toLowerCase()}: fix the kind first.`,
    );
  await mergeEntities(tx, journal, into, others);
  const after = await tx.entity.findUniqueOrThrow({ where: { id: into }, select: { aliases: true } });
  return {
    targetIds: [into, ...others],
    oldValue: { into: { id: into, name: survivor.name, aliases: survivor.aliases }, from: merged.map(entitySummary) },
    newValue: { into: { id: into, name: survivor.name, aliases: after.aliases } },
    rule: { into, from: merged.map((r) => ({ id: r.id, kind: r.kind, key: r.key })) },
    resultId: into,
  };
}

const entitySummary = (r: { id: number; kind: string; name: string; key: string; aliases: string[] }) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  key: r.key,
  aliases: r.aliases,
});

/** Moves everything of `from` onto `into` (mentions, quotes, roles, event roles and places, aliases), then drops `from`. */
export async function mergeEntities(tx: Tx, journal: Journal, into: number, from: number[]): Promise<void> {
  const all = [into, ...from];
  await journal.capture(tx, "Entity", Prisma.sql`t.id = any(${all}::int[])`);
  await journal.capture(tx, "Mention", Prisma.sql`t."entityId" = any(${all}::int[])`);
  await journal.capture(tx, "Quote", Prisma.sql`t."speakerId" = any(${from}::int[])`);
  await journal.capture(tx, "QuoteCluster", Prisma.sql`t."speakerId" = any(${from}::int[])`);
  await journal.capture(tx, "RoleHolding", Prisma.sql`t."entityId" = any(${all}::int[])`);
  await journal.capture(tx, "EventParticipant", Prisma.sql`t."entityId" = any(${all}::int[])`);
  await journal.capture(tx, "Event", Prisma.sql`t."placeId" = any(${from}::int[])`);
  for (const f of from) {
    await tx.$executeRaw`
      update "Mention" m set count = m.count + s.count, offsets = m.offsets || s.offsets,
        "asWritten" = (select array_agg(distinct w) from unnest(m."asWritten" || s."asWritten") as w)
      from "Mention" s where s."entityId" = ${f} and m."entityId" = ${into} and m."articleId" = s."articleId"`;
    await tx.$executeRaw`
      delete from "Mention" s using "Mention" m
      where s."entityId" = ${f} and m."entityId" = ${into} and m."articleId" = s."articleId"`;
    await tx.$executeRaw`update "Mention" set "entityId" = ${into} where "entityId" = ${f}`;
    await tx.$executeRaw`
      update "RoleHolding" r set "firstSeen" = least(r."firstSeen", s."firstSeen"), "lastSeen" = greatest(r."lastSeen", s."lastSeen"),
        "evidenceCount" = r."evidenceCount" + s."evidenceCount"
      from "RoleHolding" s where s."entityId" = ${f} and r."entityId" = ${into} and r.role = s.role`;
    await tx.$executeRaw`
      delete from "RoleHolding" s using "RoleHolding" r where s."entityId" = ${f} and r."entityId" = ${into} and r.role = s.role`;
    await tx.$executeRaw`update "RoleHolding" set "entityId" = ${into} where "entityId" = ${f}`;
    await tx.$executeRaw`
      update "EventParticipant" p set weight = p.weight + s.weight
      from "EventParticipant" s where s."entityId" = ${f} and p."entityId" = ${into} and p."eventId" = s."eventId"`;
    await tx.$executeRaw`
      delete from "EventParticipant" s using "EventParticipant" p
      where s."entityId" = ${f} and p."entityId" = ${into} and p."eventId" = s."eventId"`;
    await tx.$executeRaw`update "EventParticipant" set "entityId" = ${into} where "entityId" = ${f}`;
  }
  await tx.$executeRaw`update "Quote" set "speakerId" = ${into} where "speakerId" = any(${from}::int[])`;
  await tx.$executeRaw`update "QuoteCluster" set "speakerId" = ${into} where "speakerId" = any(${from}::int[])`;
  await tx.$executeRaw`update "Event" set "placeId" = ${into} where "placeId" = any(${from}::int[])`;
  await tx.$executeRaw`
    update "Entity" e set aliases = (
        select coalesce(array_agg(distinct a), '{}') from (
          select unnest(e.aliases) as a
          union select unnest(o.aliases) from "Entity" o where o.id = any(${from}::int[])
          union select o.name from "Entity" o where o.id = any(${from}::int[])) names
        where a <> e.name),
      gender = coalesce(e.gender, (select o.gender from "Entity" o where o.id = any(${from}::int[]) and o.gender is not null limit 1)),
      country = coalesce(e.country, (select o.country from "Entity" o where o.id = any(${from}::int[]) and o.country is not null limit 1))
    where e.id = ${into}`;
  await tx.$executeRaw`delete from "Entity" where id = any(${from}::int[])`;
}

async function updateEntity(
  tx: Tx,
  journal: Journal,
  id: number,
  name: string | null | undefined,
  kind: EntityKind | null | undefined,
): Promise<Done> {
  const entity = await tx.entity.findUnique({ where: { id } });
  if (!entity) throw notFound("Entity", id);
  const newName = name?.trim() ?? entity.name;
  if (!newName) throw invalid("A name cannot be empty.");
  if (name == null && kind == null) throw invalid("Give a new name or kind.");
  const newKind = kind ?? entity.kind;
  const newKey = entityKey(newName) || newName.toLowerCase();
  const clash = await tx.entity.findFirst({
    where: { kind: newKind, key: newKey, id: { not: id } },
    select: { id: true, name: true },
  });
  if (clash)
    throw new CorrectionError(
      "CONFLICT",
      `${clash.name} (${clash.id}) is already a ${newKind.toLowerCase()} by that name: merge the two instead.`,
    );
  await journal.capture(tx, "Entity", Prisma.sql`t.id = ${id}`);
  const aliases =
    newName !== entity.name ? [...new Set([...entity.aliases, entity.name])].filter((a) => a !== newName) : entity.aliases;
  await tx.entity.update({ where: { id }, data: { name: newName, kind: newKind, key: newKey, aliases } });
  const renamed = newKey !== entity.key || newKind !== entity.kind;
  return {
    targetIds: [id],
    oldValue: { name: entity.name, kind: entity.kind },
    newValue: { name: newName, kind: newKind },
    // Articles ingested later that name it the old way resolve to it.
    rule: renamed ? { into: id, from: [{ kind: entity.kind, key: entity.key }] } : null,
    resultId: id,
  };
}

// ---- quotes

async function setQuoteSpeaker(tx: Tx, journal: Journal, quoteId: number, speaker: number | null): Promise<Done> {
  const quote = await tx.quote.findUnique({ where: { id: quoteId } });
  if (!quote) throw notFound("Quote", quoteId);
  if (speaker !== null) {
    const entity = await tx.entity.findUnique({ where: { id: speaker }, select: { kind: true, name: true } });
    if (!entity) throw notFound("Entity", speaker);
    if (entity.kind === "PLACE") throw invalid(`${entity.name} is a place; a speaker is a person or an organisation.`);
  }
  if (quote.speakerId === speaker) throw invalid(`Quote ${quoteId} already has that speaker.`);
  await journal.capture(tx, "Quote", Prisma.sql`t.id = ${quoteId}`);
  await tx.quote.update({ where: { id: quoteId }, data: { speakerId: speaker } });
  return {
    targetIds: speaker === null ? [quoteId] : [quoteId, speaker],
    oldValue: { speaker: quote.speakerId },
    newValue: { speaker },
    rule: { quote: quoteId, articleId: quote.articleId, start: quote.start, end: quote.end, speaker },
    resultId: quoteId,
  };
}

async function rejectQuote(tx: Tx, journal: Journal, quoteId: number): Promise<Done> {
  const quote = await tx.quote.findUnique({ where: { id: quoteId } });
  if (!quote) throw notFound("Quote", quoteId);
  await dropQuotes(tx, journal, Prisma.sql`t.id = ${quoteId}`);
  return {
    targetIds: [quoteId],
    oldValue: { text: quote.text, speaker: quote.speakerId, articleId: quote.articleId },
    newValue: { rejected: true },
    rule: { articleId: quote.articleId, start: quote.start, end: quote.end },
    resultId: quote.articleId,
  };
}

/** Deletes quotes (a rejection), recounting or dropping their clusters. */
export async function dropQuotes(tx: Tx, journal: Journal, where: Prisma.Sql): Promise<number> {
  const doomed = await tx.$queryRaw<
    { id: number; clusterId: number | null }[]
  >`select t.id, t."clusterId" from "Quote" t where ${where}`;
  if (!doomed.length) return 0;
  const ids = doomed.map((q) => q.id);
  const clusters = [...new Set(doomed.flatMap((q) => (q.clusterId ? [q.clusterId] : [])))];
  await journal.capture(tx, "Quote", Prisma.sql`t.id = any(${ids}::int[])`);
  await journal.capture(tx, "QuoteCluster", Prisma.sql`t.id = any(${clusters}::int[])`);
  await tx.$executeRaw`delete from "Quote" where id = any(${ids}::int[])`;
  await tx.$executeRaw`
    delete from "QuoteCluster" c where c.id = any(${clusters}::int[]) and not exists (select 1 from "Quote" q where q."clusterId" = c.id)`;
  await tx.$executeRaw`
    update "QuoteCluster" c set "quoteCount" = x.quotes, "outletCount" = x.outlets
    from (select q."clusterId" as id, count(*)::int as quotes, count(distinct a."outletId")::int as outlets
          from "Quote" q join "Article" a on a.id = q."articleId" where q."clusterId" = any(${clusters}::int[]) group by 1) x
    where c.id = x.id`;
  return ids.length;
}

// ---- articles and events

async function moveArticleCorrection(tx: Tx, journal: Journal, articleId: number, toEvent: number | null): Promise<Done> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, eventId: true } });
  if (!article) throw notFound("Article", articleId);
  if (toEvent !== null) {
    if (!(await tx.event.findUnique({ where: { id: toEvent }, select: { id: true } }))) throw notFound("Event", toEvent);
    if (article.eventId === toEvent) throw invalid(`Article ${articleId} is already in event ${toEvent}.`);
  }
  const anchors = toEvent === null ? null : await eventAnchors(tx, toEvent, [articleId]);
  // Where it came from, for an undo after a recluster renumbered events.
  const from = article.eventId === null ? [] : await eventAnchors(tx, article.eventId, [articleId]);
  const eventId = await moveArticle(tx, journal, articleId, toEvent);
  return {
    targetIds: toEvent === null ? [articleId] : [articleId, toEvent],
    oldValue: { event: article.eventId },
    newValue: { event: eventId },
    rule: { article: articleId, anchors, from },
    resultId: eventId,
  };
}

/** Some articles of an event: a rule finds "that event" through them once a recluster renumbers events. */
export async function eventAnchors(tx: Tx, eventId: number, except: number[] = []): Promise<number[]> {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    select id from "Article" where "eventId" = ${eventId} and not (id = any(${except}::int[]))
    order by hidden, "duplicateOfId" nulls first, id limit ${ANCHORS}`;
  return rows.map((r) => r.id);
}

/** Moves an article and its near-duplicates in the same event to `toEvent`, or to a new event of their own. */
export async function moveArticle(tx: Tx, journal: Journal, articleId: number, toEvent: number | null): Promise<number> {
  const [article] = await tx.$queryRaw<
    { eventId: number | null; title: string | null; day: Date | null; publishedAt: Date | null }[]
  >`
    select "eventId", title, "publishedAt"::date as day, "publishedAt" from "Article" where id = ${articleId}`;
  if (!article) throw notFound("Article", articleId);
  const moving = Prisma.sql`t.id = ${articleId} or (t."duplicateOfId" = ${articleId} and t."eventId" is not distinct from ${article.eventId})`;
  await journal.capture(tx, "Article", moving);
  if (article.eventId !== null) await journal.capture(tx, "Event", Prisma.sql`t.id = ${article.eventId}`);
  let target = toEvent;
  if (target === null) {
    // Its own event stays in the story it was in (a wrong event rarely means a wrong story).
    const [created] = await tx.$queryRaw<{ id: number }[]>`
      insert into "Event" (title, date, "storyId", "articleCount", "firstSeenAt", "lastSeenAt", "updatedAt")
      values (${article.title ?? "Untitled event"}, ${article.day}::date,
        (select "storyId" from "Event" where id = ${article.eventId}), 0, ${article.publishedAt}, ${article.publishedAt}, now())
      returning id`;
    target = created!.id;
    journal.create("Event", { id: target });
  } else await journal.capture(tx, "Event", Prisma.sql`t.id = ${target}`);
  await tx.$executeRaw`
    update "Article" t set "eventId" = ${target}, "eventSimilarity" = null
    where t.id = ${articleId} or (t."duplicateOfId" = ${articleId} and t."eventId" is not distinct from ${article.eventId})`;
  await dropEmptyEvents(tx, journal, article.eventId === null ? [] : [article.eventId]);
  return target;
}

async function mergeEventsCorrection(tx: Tx, journal: Journal, into: number, from: number[]): Promise<Done> {
  const others = [...new Set(from)].filter((id) => id !== into);
  if (!others.length) throw invalid("Name at least one event to merge other than `into`.");
  const events = await tx.event.findMany({ where: { id: { in: [into, ...others] } }, select: { id: true, title: true } });
  for (const id of [into, ...others]) if (!events.some((e) => e.id === id)) throw notFound("Event", id);
  const anchors = await eventAnchors(tx, into);
  const members = (
    await tx.article.findMany({ where: { eventId: { in: others } }, select: { id: true }, orderBy: { id: "asc" } })
  ).map((a) => a.id);
  await mergeEvents(tx, journal, into, others);
  return {
    targetIds: [into, ...others],
    oldValue: { events: events.filter((e) => e.id !== into) },
    newValue: { into },
    rule: { anchors, members },
    resultId: into,
  };
}

/** Moves the articles, participants and mentions of `from` into `into`, then drops `from`. */
export async function mergeEvents(tx: Tx, journal: Journal, into: number, from: number[]): Promise<void> {
  const all = [into, ...from];
  await journal.capture(tx, "Event", Prisma.sql`t.id = any(${all}::int[])`);
  await journal.capture(tx, "Article", Prisma.sql`t."eventId" = any(${from}::int[])`);
  await journal.capture(tx, "EventParticipant", Prisma.sql`t."eventId" = any(${all}::int[])`);
  await journal.capture(tx, "EventMention", Prisma.sql`t."eventId" = any(${all}::int[])`);
  await tx.$executeRaw`update "Article" set "eventId" = ${into}, "eventSimilarity" = null where "eventId" = any(${from}::int[])`;
  await tx.$executeRaw`
    update "EventParticipant" p set weight = p.weight + s.w
    from (select "entityId", sum(weight) as w from "EventParticipant" where "eventId" = any(${from}::int[]) group by 1) s
    where p."eventId" = ${into} and p."entityId" = s."entityId"`;
  await tx.$executeRaw`
    insert into "EventParticipant" ("eventId", "entityId", weight)
    select ${into}, "entityId", sum(weight) from "EventParticipant" where "eventId" = any(${from}::int[]) group by 2
    on conflict do nothing`;
  await tx.$executeRaw`
    insert into "EventMention" ("articleId", "eventId", "asWritten")
    select distinct on ("articleId") "articleId", ${into}, "asWritten" from "EventMention" where "eventId" = any(${from}::int[])
    on conflict do nothing`;
  await tx.$executeRaw`
    update "Event" e set date = least(e.date, x.date), "dateEnd" = greatest(e."dateEnd", x."dateEnd"),
      "firstSeenAt" = least(e."firstSeenAt", x."firstSeenAt"), "lastSeenAt" = greatest(e."lastSeenAt", x."lastSeenAt"),
      "placeId" = coalesce(e."placeId", x."placeId"), "updatedAt" = now()
    from (select min(date) as date, max("dateEnd") as "dateEnd", min("firstSeenAt") as "firstSeenAt",
            max("lastSeenAt") as "lastSeenAt", min("placeId") as "placeId" from "Event" where id = any(${from}::int[])) x
    where e.id = ${into}`;
  const stories = await tx.$queryRaw<{ storyId: number }[]>`
    select distinct "storyId" from "Event" where id = any(${from}::int[]) and "storyId" is not null`;
  await journal.capture(tx, "Story", Prisma.sql`t.id = any(${stories.map((s) => s.storyId)}::int[])`);
  // Participants and mentions cascade with their event.
  await tx.$executeRaw`delete from "Event" where id = any(${from}::int[])`;
  await dropEmptyStories(
    tx,
    stories.map((s) => s.storyId),
  );
}

async function dropEmptyStories(tx: Tx, storyIds: number[]) {
  if (!storyIds.length) return;
  await tx.$executeRaw`
    delete from "Story" s where s.id = any(${storyIds}::int[]) and not exists (select 1 from "Event" e where e."storyId" = s.id)`;
}

/** Events left without articles go (with their stories, when those are left without events); undo brings them back. */
export async function dropEmptyEvents(tx: Tx, journal: Journal, eventIds: number[]): Promise<void> {
  if (!eventIds.length) return;
  const empty = await tx.$queryRaw<{ id: number; storyId: number | null }[]>`
    select e.id, e."storyId" from "Event" e
    where e.id = any(${eventIds}::int[]) and not exists (select 1 from "Article" a where a."eventId" = e.id)`;
  if (!empty.length) return;
  const ids = empty.map((e) => e.id);
  await journal.capture(tx, "Event", Prisma.sql`t.id = any(${ids}::int[])`);
  await journal.capture(tx, "EventParticipant", Prisma.sql`t."eventId" = any(${ids}::int[])`);
  await journal.capture(tx, "EventMention", Prisma.sql`t."eventId" = any(${ids}::int[])`);
  const stories = [...new Set(empty.flatMap((e) => (e.storyId ? [e.storyId] : [])))];
  await journal.capture(tx, "Story", Prisma.sql`t.id = any(${stories}::int[])`);
  await tx.$executeRaw`delete from "Event" where id = any(${ids}::int[])`;
  await dropEmptyStories(tx, stories);
}

async function updateEvent(
  tx: Tx,
  journal: Journal,
  id: number,
  title: string | null | undefined,
  place: string | null | undefined,
): Promise<Done> {
  const event = await tx.event.findUnique({
    where: { id },
    select: { title: true, placeId: true, place: { select: { name: true } } },
  });
  if (!event) throw notFound("Event", id);
  if (title == null && place == null) throw invalid("Give a new title or place.");
  const newTitle = title == null ? event.title : title.trim();
  if (!newTitle) throw invalid("A title cannot be empty.");
  await journal.capture(tx, "Event", Prisma.sql`t.id = ${id}`);
  let placeId = event.placeId;
  if (place != null) placeId = place.trim() ? await placeEntity(tx, journal, place.trim()) : null;
  await tx.event.update({ where: { id }, data: { title: newTitle, placeId } });
  return {
    targetIds: [id],
    oldValue: { title: event.title, place: event.place?.name ?? null },
    newValue: { title: newTitle, place: place == null ? (event.place?.name ?? null) : place.trim() || null },
    rule: { anchors: await eventAnchors(tx, id), title: newTitle, placeId },
    resultId: id,
  };
}

async function placeEntity(tx: Tx, journal: Journal, name: string): Promise<number> {
  const key = entityKey(name) || name.toLowerCase();
  const found = await tx.entity.findUnique({ where: { kind_key: { kind: "PLACE", key } }, select: { id: true } });
  if (found) return found.id;
  const created = await tx.entity.create({ data: { kind: "PLACE", key, name }, select: { id: true } });
  journal.create("Entity", { id: created.id });
  return created.id;
}

async function updateStory(tx: Tx, journal: Journal, id: number, title: string | null | undefined): Promise<Done> {
  const story = await tx.story.findUnique({ where: { id }, select: { title: true } });
  if (!story) throw notFound("Story", id);
  const newTitle = title?.trim();
  if (!newTitle) throw invalid("Give a title.");
  await journal.capture(tx, "Story", Prisma.sql`t.id = ${id}`);
  await tx.story.update({ where: { id }, data: { title: newTitle } });
  const anchors = await tx.$queryRaw<{ id: number }[]>`
    select a.id from "Article" a join "Event" e on e.id = a."eventId" where e."storyId" = ${id}
    order by a.hidden, a."duplicateOfId" nulls first, a.id limit ${ANCHORS}`;
  return {
    targetIds: [id],
    oldValue: { title: story.title },
    newValue: { title: newTitle },
    rule: { anchors: anchors.map((a) => a.id), title: newTitle },
    resultId: id,
  };
}

async function hideArticle(tx: Tx, journal: Journal, id: number, hidden: boolean): Promise<Done> {
  const article = await tx.article.findUnique({ where: { id }, select: { hidden: true } });
  if (!article) throw notFound("Article", id);
  if (article.hidden === hidden) throw invalid(`Article ${id} is already ${hidden ? "hidden" : "shown"}.`);
  await journal.capture(tx, "Article", Prisma.sql`t.id = ${id}`);
  await journal.capture(tx, "Quote", Prisma.sql`t."articleId" = ${id}`);
  await tx.article.update({ where: { id }, data: { hidden } });
  await tx.quote.updateMany({ where: { articleId: id }, data: { hidden } });
  return { targetIds: [id], oldValue: { hidden: !hidden }, newValue: { hidden }, rule: { article: id, hidden }, resultId: id };
}

/**
 * Makes every stored count agree with the tables again: event and story counts (hidden articles count for
 * nothing) and the coverage rollups, rebuilt in the caller's transaction.
 */
export async function settleCounts(tx: Tx): Promise<void> {
  await tx.$executeRaw`
    update "Event" e set "articleCount" = c.n, "updatedAt" = now()
    from (select e.id, count(a.id) filter (where not a.hidden)::int as n
          from "Event" e left join "Article" a on a."eventId" = e.id group by e.id) c
    where e.id = c.id and e."articleCount" <> c.n`;
  await tx.$executeRaw`
    update "Story" s set "eventCount" = c.events, "articleCount" = c.articles, "updatedAt" = now()
    from (select s.id, count(e.id)::int as events, coalesce(sum(e."articleCount"), 0)::int as articles
          from "Story" s left join "Event" e on e."storyId" = s.id group by s.id) c
    where s.id = c.id and (s."eventCount" <> c.events or s."articleCount" <> c.articles)`;
  await rebuildRollupsIn(tx);
}
