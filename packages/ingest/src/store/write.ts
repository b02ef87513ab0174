// Writes extracted documents. Each batch is one transaction: an interrupted ingest leaves no half article,
// and the next run stores what is missing (the content hash makes reruns idempotent).
import { setImmediate as yieldToOtherWork } from "node:timers/promises";
import type { Prisma, PrismaClient } from "@storyline/db";
import type { ExtractedDocument } from "../extract/types.ts";
import { type Columns, insertRows } from "./bulk.ts";
import { storeEventMentions } from "./event-mentions.ts";
import {
  articleHash,
  halves,
  hammingDistance,
  NEAR_DUPLICATE_BITS,
  simhash,
  simhashBands,
  similarityFromDistance,
} from "./fingerprint.ts";
import { assignQuoteClusters, type NewQuote } from "./quote-clusters.ts";
import { entityKey, type ReferenceCache } from "./reference.ts";
import { RollupDeltas } from "./rollups.ts";
import { nextIds } from "./sequences.ts";

type ArticleRow = Prisma.ArticleCreateManyInput;
type QuoteRow = Prisma.QuoteCreateManyInput & { outletId: number | null; publishedAt: Date | null };

const ARTICLE_COLUMNS: Columns<ArticleRow> = {
  id: "int",
  outletId: "int",
  outletSource: "enum:ProvenanceSource",
  outletEvidence: "text",
  externalId: "text",
  url: "text",
  canonicalUrl: "text",
  title: "text",
  authors: "text[]",
  body: "text",
  language: "text",
  wordCount: "int",
  publishedAt: "timestamp",
  publishedAtOffset: "text",
  publishedAtPrecision: "enum:DatePrecision",
  publishedAtSource: "enum:ProvenanceSource",
  publishedAtConfidence: "float8",
  publishedAtEarliest: "timestamp",
  publishedAtLatest: "timestamp",
  publishedAtEvidence: "text",
  modifiedAt: "timestamp",
  contentHash: "text",
  simhash: "int8",
  simhashBands: "int[]",
  duplicateOfId: "int",
  duplicateSimilarity: "float8",
  inputKind: "enum:InputKind",
  rawRef: "text",
  ingestRunId: "int",
  eventId: "int",
  eventSimilarity: "float8",
};
const MENTION_COLUMNS: Columns<Prisma.MentionCreateManyInput> = {
  articleId: "int",
  entityId: "int",
  count: "int",
  offsets: "int[]",
  asWritten: "text[]",
};
const CITATION_COLUMNS: Columns<Prisma.CitationCreateManyInput> = {
  articleId: "int",
  outletId: "int",
  kind: "enum:CitationKind",
  asWritten: "text",
  start: "int",
  end: "int",
};
// The quote's outlet rides along for clustering; it is not a Quote column.
const QUOTE_COLUMNS: Columns<QuoteRow> = {
  id: "int",
  articleId: "int",
  text: "text",
  start: "int",
  end: "int",
  parts: "jsonb",
  kind: "enum:QuoteKind",
  speakerId: "int",
  speakerAsWritten: "text",
  attribution: "enum:AttributionMethod",
  confidence: "float8",
  publishedAt: "timestamp",
  clusterId: "int",
};

export type StoreStatus = "stored" | "near-duplicate" | "unchanged";

export interface StoreOutcome {
  doc: ExtractedDocument;
  status: StoreStatus;
  articleId: number | null;
}

/** A batch's event and story changes, taken when its plan ends; the linker writes them at commit. */
export interface LinkBatch {
  /** Events merged away (`from`) into surviving ones (`into`) by the end of this batch. */
  mergedEvents: readonly { from: number; into: number }[];
}

/** What event linking needs of a batch: ids up front, decisions in memory, then one write of the changes. */
export interface ArticleLinker {
  /** Reserves ids for up to `count` new events and stories (the only I/O before assignment). */
  prepare(prisma: PrismaClient, count: number): Promise<void>;
  assign(article: {
    id: number;
    doc: ExtractedDocument;
    publishedAt: Date | null;
    duplicateOfId: number | null;
    duplicateOfEventId: number | null;
  }): { eventId: number | null; storyId: number | null; similarity: number };
  /** Ends the batch: what its assignments changed, to be written by persist() and afterArticles(). */
  takeBatch(options?: { consolidate?: boolean }): LinkBatch;
  /** The event an earlier assignment's event id stands for now (events merge). */
  currentEventId(eventId: number): number;
  /**
   * Writes the events and stories the batch changed (they must exist before the articles that point at them)
   * and moves older articles of events merged away.
   */
  persist(tx: Prisma.TransactionClient, reference: ReferenceCache, batch: LinkBatch): Promise<void>;
  /** Runs after the batch's articles are written: rollups that depend on event and story membership. */
  afterArticles(tx: Prisma.TransactionClient, batch: LinkBatch, articleEventIds: readonly number[]): Promise<void>;
  /** Forgets the decisions of a batch that rolled back, so memory matches the database again. */
  reload(): Promise<void>;
  /** Saves whatever state the linker keeps between runs, at the end of a run. */
  finish(prisma: PrismaClient, reference: ReferenceCache): Promise<void>;
}

export interface StoreContext {
  prisma: PrismaClient;
  reference: ReferenceCache;
  runId: number | null;
  linker?: ArticleLinker;
}

/** "2018-12-02T01:05:00" -> a Date holding that wall-clock time in UTC fields (the DB column has no zone). */
export function wallClock(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = value.match(/^(\d{4})(?:-(\d\d)(?:-(\d\d))?(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?)?/);
  if (!m) return null;
  const date = new Date(
    Date.UTC(+m[1]!, m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0),
  );
  return Number.isNaN(date.getTime()) ? null : date;
}

const dayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** Below this, an inferred date is only a bound ("after 2016"): kept as a range, never charted as a day. */
const MIN_INFERRED_CONFIDENCE = 0.3;

function chartableDate(published: ExtractedDocument["published"]): Date | null {
  if (!published) return null;
  if (published.source === "INFERRED" && published.confidence < MIN_INFERRED_CONFIDENCE) return null;
  return wallClock(published.value);
}

interface KnownCopy {
  id: number;
  simhash: [number, number];
  /** The first copy of the text: what a new copy links to. */
  original: number;
  eventId: number | null;
}

interface Prepared {
  doc: ExtractedDocument;
  hash: string;
  simhash: bigint;
  bands: number[];
}

/** Documents planned between two yields to the event loop (see planBatch). */
const PLAN_YIELD_EVERY = 16;

/** Everything a batch will write, decided in memory; commitBatch() writes it in one transaction. */
export interface BatchPlan {
  docs: ExtractedDocument[];
  outcomes: Map<ExtractedDocument, StoreOutcome>;
  articles: ArticleRow[];
  mentions: Prisma.MentionCreateManyInput[];
  citations: Prisma.CitationCreateManyInput[];
  quotes: QuoteRow[];
  rollups: RollupDeltas;
  roleRows: { role: string; entityId: number; first: Date; last: Date; count: number }[];
  aliases: Map<number, Set<string>>;
  link: LinkBatch | null;
  /** What the next plan must treat as stored although this one may not be committed yet. */
  inFlight: InFlightWrites;
}

/** Articles planned but perhaps not yet committed: their hashes and SimHashes, for the next batch's checks. */
export interface InFlightWrites {
  hashes: Map<string, number>;
  copies: { copy: KnownCopy; bands: number[] }[];
}

export const NOTHING_IN_FLIGHT: InFlightWrites = { hashes: new Map(), copies: [] };

/** Plans and commits one batch (the pipeline overlaps the two across batches; see pipeline.ts). */
export async function storeBatch(ctx: StoreContext, docs: ExtractedDocument[]): Promise<StoreOutcome[]> {
  return commitBatch(ctx, await planBatch(ctx, docs));
}

/**
 * Decides a batch in memory: duplicates, near-duplicates, reference ids, event assignment, rows. Reads the
 * database and reserves ids but writes no article data, so it can run while the previous batch commits;
 * `inFlight` is that previous batch, which the database may not show yet.
 */
export async function planBatch(
  ctx: StoreContext,
  docs: ExtractedDocument[],
  inFlight: InFlightWrites = NOTHING_IN_FLIGHT,
  options: { consolidate?: boolean } = {},
): Promise<BatchPlan> {
  const { prisma, reference } = ctx;
  const outcomes = new Map<ExtractedDocument, StoreOutcome>();
  const seenInBatch = new Set<string>();
  const fresh: Prepared[] = [];
  for (const doc of docs) {
    const hash = doc.contentHash ?? articleHash(doc);
    if (seenInBatch.has(hash)) {
      outcomes.set(doc, { doc, status: "unchanged", articleId: null });
      continue;
    }
    seenInBatch.add(hash);
    const sim = doc.simhash ?? simhash(doc.body);
    fresh.push({ doc, hash, simhash: sim, bands: simhashBands(sim) });
  }

  const existing = fresh.length
    ? await prisma.$queryRaw<{ contentHash: string; id: number }[]>`
        select "contentHash", id from "Article" where "contentHash" = any(${fresh.map((p) => p.hash)}::text[])`
    : [];
  const stored = new Map(existing.map((a) => [a.contentHash, a.id]));
  for (const p of fresh) {
    const id = inFlight.hashes.get(p.hash);
    if (id !== undefined) stored.set(p.hash, id);
  }
  const toWrite = fresh.filter((p) => {
    const id = stored.get(p.hash);
    if (id !== undefined) outcomes.set(p.doc, { doc: p.doc, status: "unchanged", articleId: id });
    return id === undefined;
  });
  const plan: BatchPlan = {
    docs,
    outcomes,
    articles: [],
    mentions: [],
    citations: [],
    quotes: [],
    rollups: new RollupDeltas(),
    roleRows: [],
    aliases: new Map(),
    link: null,
    inFlight: { hashes: new Map(), copies: [] },
  };
  if (toWrite.length === 0) return plan;

  // Reference data first, outside the transaction, in bulk.
  const entityIds = await reference.entityIds(toWrite.flatMap((p) => p.doc.entities));
  const outletIds = new Map<ExtractedDocument, number | null>();
  const citationRows = new Map<ExtractedDocument, Prisma.CitationCreateManyInput[]>();
  for (const { doc } of toWrite) {
    outletIds.set(doc, doc.outlet ? await reference.outletId(doc.outlet.name, doc.outlet.domain) : null);
    const rows = new Map<string, Omit<Prisma.CitationCreateManyInput, "articleId">>();
    for (const c of doc.citations) {
      const outletId = await reference.outletId(c.outlet, c.domain);
      rows.set(`${outletId}:${c.kind}`, { outletId, kind: c.kind, asWritten: c.asWritten, start: c.start, end: c.end });
    }
    citationRows.set(doc, [...rows.values()] as Prisma.CitationCreateManyInput[]);
  }

  const candidates = await prisma.$queryRaw<
    { id: number; simhash: bigint | null; duplicateOfId: number | null; eventId: number | null }[]
  >`
    select id, simhash, "duplicateOfId", "eventId" from "Article"
    where "simhashBands" && ${[...new Set(toWrite.flatMap((p) => p.bands))]}::int[] limit 5000`;
  // Known copies filed under each of their four bands: a body is compared only with those sharing one.
  const copiesByBand = new Map<number, KnownCopy[]>();
  const fileCopy = (copy: KnownCopy, bands: number[]) => {
    for (const band of bands) {
      const list = copiesByBand.get(band);
      if (list) list.push(copy);
      else copiesByBand.set(band, [copy]);
    }
  };
  for (const c of candidates) {
    const hash = BigInt(c.simhash ?? 0n);
    fileCopy({ id: c.id, simhash: halves(hash), original: c.duplicateOfId ?? c.id, eventId: c.eventId }, simhashBands(hash));
  }
  for (const { copy, bands } of inFlight.copies) fileCopy(copy, bands);

  // Article ids up front, so event assignment can run in memory before anything is written.
  const articleIds = await nextIds(prisma, "Article", toWrite.length);
  await ctx.linker?.prepare(prisma, toWrite.length);

  const { articles, mentions, citations, quotes, rollups } = plan;
  const roleRows = new Map<string, { role: string; entityId: number; first: Date; last: Date; count: number }>();
  for (let i = 0; i < toWrite.length; i++) {
    // The previous batch commits meanwhile on this thread: a plan that never yields would hold each of its
    // statements back until the whole batch is assigned.
    if (i % PLAN_YIELD_EVERY === PLAN_YIELD_EVERY - 1) await yieldToOtherWork();
    const prepared = toWrite[i]!;
    const { doc } = prepared;
    const id = articleIds[i]!;
    let duplicateOf: KnownCopy | null = null;
    let duplicateSimilarity: number | null = null;
    const ownHalves = halves(prepared.simhash);
    const others = new Set(prepared.bands.flatMap((band) => copiesByBand.get(band) ?? []));
    for (const other of others) {
      const distance = hammingDistance(ownHalves, other.simhash);
      const similarity = similarityFromDistance(distance);
      if (distance <= NEAR_DUPLICATE_BITS && (duplicateSimilarity === null || similarity > duplicateSimilarity)) {
        duplicateOf = other;
        duplicateSimilarity = similarity;
      }
    }
    const duplicateOfId = duplicateOf?.original ?? null;
    const publishedAt = chartableDate(doc.published);
    const outletId = outletIds.get(doc) ?? null;
    const personId = (name: string | null) => (name ? (entityIds.get(`PERSON:${name}`) ?? null) : null);
    const linked = ctx.linker
      ? ctx.linker.assign({ id, doc, publishedAt, duplicateOfId, duplicateOfEventId: duplicateOf?.eventId ?? null })
      : { eventId: null, storyId: null, similarity: 0 };
    const copy = { id, simhash: ownHalves, original: duplicateOfId ?? id, eventId: linked.eventId };
    fileCopy(copy, prepared.bands);
    plan.inFlight.copies.push({ copy, bands: prepared.bands });
    plan.inFlight.hashes.set(prepared.hash, id);

    articles.push({
      id,
      outletId,
      outletSource: doc.outlet?.source ?? "NONE",
      outletEvidence: doc.outlet?.evidence ?? null,
      externalId: doc.id,
      url: doc.url,
      canonicalUrl: doc.canonicalUrl ?? null,
      title: doc.title,
      authors: doc.authors,
      body: doc.body,
      language: doc.language,
      wordCount: doc.wordCount,
      publishedAt,
      publishedAtOffset: doc.published?.offset ?? null,
      publishedAtPrecision: doc.published?.precision ?? null,
      publishedAtSource: doc.published?.source ?? "NONE",
      publishedAtConfidence: doc.published?.confidence ?? 0,
      publishedAtEarliest: wallClock(doc.published?.earliest ?? (publishedAt ? null : doc.published?.value)),
      publishedAtLatest: wallClock(doc.published?.latest),
      publishedAtEvidence: doc.published?.evidence ?? null,
      modifiedAt: wallClock(doc.modifiedAt),
      contentHash: prepared.hash,
      simhash: prepared.simhash,
      simhashBands: prepared.bands,
      duplicateOfId,
      duplicateSimilarity,
      inputKind: doc.inputKind,
      rawRef: doc.origin,
      ingestRunId: ctx.runId,
      eventId: linked.eventId,
      eventSimilarity: linked.eventId ? linked.similarity : null,
    });
    // Two names can resolve to one entity (a name an analyst merged into another): one mention holds both.
    const seenEntities = new Map<number, { count: number; offsets: number[]; asWritten: string[] }>();
    for (const e of doc.entities) {
      const entityId = entityIds.get(`${e.kind}:${e.name}`);
      if (!entityId) continue;
      const seen = seenEntities.get(entityId);
      if (seen) {
        seen.count += e.count;
        seen.offsets = [...seen.offsets, ...e.offsets];
        seen.asWritten = [...new Set([...seen.asWritten, ...e.aliases])];
        continue;
      }
      const mention = { articleId: id, entityId, count: e.count, offsets: e.offsets, asWritten: e.aliases };
      seenEntities.set(entityId, mention);
      mentions.push(mention);
      if (e.kind === "PERSON" && publishedAt) {
        for (const role of e.roles) {
          const key = `${entityKey(role)}|${entityId}`;
          const row = roleRows.get(key) ?? { role: entityKey(role), entityId, first: publishedAt, last: publishedAt, count: 0 };
          if (publishedAt < row.first) row.first = publishedAt;
          if (publishedAt > row.last) row.last = publishedAt;
          row.count++;
          roleRows.set(key, row);
        }
      }
    }
    for (const c of citationRows.get(doc) ?? []) citations.push({ ...c, articleId: id });
    for (const q of doc.quotes) {
      quotes.push({
        articleId: id,
        text: q.text,
        start: q.start,
        end: q.end,
        parts: q.parts ?? undefined,
        kind: q.kind,
        speakerId: personId(q.speaker),
        speakerAsWritten: q.speakerAsWritten,
        attribution: q.attribution,
        confidence: q.confidence,
        publishedAt,
        outletId,
      });
    }
    const day = dayOf(publishedAt);
    const unique = duplicateOfId === null;
    rollups.add("ALL", 0, day, unique);
    rollups.add("OUTLET", outletId, day, unique);
    rollups.add("EVENT", linked.eventId, day, unique);
    for (const q of doc.quotes) rollups.add("SPEAKER", personId(q.speaker), day, unique);
    outcomes.set(doc, { doc, status: duplicateOfId ? "near-duplicate" : "stored", articleId: id });
  }

  const quoteIds = quotes.length ? await nextIds(prisma, "Quote", quotes.length) : [];
  quotes.forEach((q, i) => {
    q.id = quoteIds[i]!;
  });

  plan.roleRows = [...roleRows.values()];
  // The batch ends here for the linker and the alias list: the next plan may start before this one commits.
  plan.link = ctx.linker?.takeBatch({ consolidate: options.consolidate }) ?? null;
  if (plan.link?.mergedEvents.length && ctx.linker) {
    // The batch's own rows carry the surviving event; persist() moves older articles and rollups.
    const linker = ctx.linker;
    const current = (id: number | null | undefined) => (id == null ? null : linker.currentEventId(id));
    for (const a of articles) a.eventId = current(a.eventId);
    for (const { copy } of plan.inFlight.copies) copy.eventId = current(copy.eventId);
    rollups.remapKeys("EVENT", (key) => linker.currentEventId(key));
  }
  plan.aliases = reference.takeAliases();
  return plan;
}

/** Writes a plan in one transaction: an interrupted ingest leaves no half article. */
export async function commitBatch(ctx: StoreContext, plan: BatchPlan): Promise<StoreOutcome[]> {
  const { prisma, reference } = ctx;
  const { docs, outcomes, articles, mentions, citations, quotes, rollups, roleRows } = plan;
  if (articles.length === 0) return docs.map((doc) => outcomes.get(doc) ?? { doc, status: "unchanged", articleId: null });
  await prisma.$transaction(
    async (tx) => {
      if (plan.link) await ctx.linker?.persist(tx, reference, plan.link);
      await insertRows(tx, "Article", ARTICLE_COLUMNS, articles);
      await insertRows(tx, "Mention", MENTION_COLUMNS, mentions, "on conflict do nothing");
      await insertRows(tx, "Citation", CITATION_COLUMNS, citations, "on conflict do nothing");
      if (quotes.length) {
        const clusterable: NewQuote[] = quotes
          .filter((q) => q.kind === "FULL")
          .map((q) => ({
            id: q.id!,
            text: q.text,
            speakerId: q.speakerId ?? null,
            articleId: q.articleId,
            outletId: q.outletId,
            publishedAt: q.publishedAt ?? null,
          }));
        await assignQuoteClusters(tx, clusterable, async (clusterOf) => {
          for (const q of quotes) q.clusterId = clusterOf.get(q.id!) ?? null;
          await insertRows(tx, "Quote", QUOTE_COLUMNS, quotes);
        });
      }
      await storeEventMentions(
        tx,
        articles.map((a) => ({
          id: a.id!,
          body: a.body,
          publishedAt: (a.publishedAt as Date | null) ?? null,
          eventId: a.eventId ?? null,
        })),
      );
      await rollups.apply(tx);
      if (plan.link) {
        const eventIds = new Set<number>();
        for (const a of articles) if (a.eventId != null) eventIds.add(a.eventId);
        await ctx.linker?.afterArticles(tx, plan.link, [...eventIds]);
      }
      await reference.flushAliases(tx, plan.aliases);
      if (roleRows.length) {
        const rows = roleRows;
        await tx.$executeRaw`
          insert into "RoleHolding" (role, "entityId", "firstSeen", "lastSeen", "evidenceCount")
          select * from unnest(${rows.map((r) => r.role)}::text[], ${rows.map((r) => r.entityId)}::int[],
                               ${rows.map((r) => r.first)}::timestamp[], ${rows.map((r) => r.last)}::timestamp[],
                               ${rows.map((r) => r.count)}::int[])
          on conflict (role, "entityId") do update set
            "firstSeen" = least("RoleHolding"."firstSeen", excluded."firstSeen"),
            "lastSeen" = greatest("RoleHolding"."lastSeen", excluded."lastSeen"),
            "evidenceCount" = "RoleHolding"."evidenceCount" + excluded."evidenceCount"`;
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  return docs.map((doc) => outcomes.get(doc) ?? { doc, status: "unchanged", articleId: null });
}
