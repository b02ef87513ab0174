// Writes extracted documents. Each batch is one transaction: an interrupted ingest leaves no half article,
// and the next run stores what is missing (the content hash makes reruns idempotent).
import type { Prisma, PrismaClient } from "@storyline/db";
import type { ExtractedDocument } from "../extract/types.ts";
import {
  contentHash,
  hammingDistance,
  NEAR_DUPLICATE_BITS,
  similarityFromDistance,
  simhash,
  simhashBands,
} from "./fingerprint.ts";
import { assignQuoteClusters, type NewQuote } from "./quote-clusters.ts";
import { entityKey, type ReferenceCache } from "./reference.ts";
import { RollupDeltas } from "./rollups.ts";

export type StoreStatus = "stored" | "near-duplicate" | "unchanged";

export interface StoreOutcome {
  doc: ExtractedDocument;
  status: StoreStatus;
  articleId: number | null;
}

/** What event linking needs of a stored article; implemented by the link stage. */
export interface ArticleLinker {
  link(
    tx: Prisma.TransactionClient,
    article: { id: number; doc: ExtractedDocument; publishedAt: Date | null; duplicateOfId: number | null },
  ): Promise<{ eventId: number | null; storyId: number | null }>;
  /** Persists what the batch changed, inside the batch's transaction. */
  flush(tx: Prisma.TransactionClient): Promise<void>;
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
  const date = new Date(Date.UTC(+m[1]!, m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0));
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

interface Prepared {
  doc: ExtractedDocument;
  hash: string;
  simhash: bigint;
  bands: number[];
}

export async function storeBatch(ctx: StoreContext, docs: ExtractedDocument[]): Promise<StoreOutcome[]> {
  const outcomes = new Map<ExtractedDocument, StoreOutcome>();
  const seenInBatch = new Set<string>();
  const fresh: Prepared[] = [];
  for (const doc of docs) {
    const hash = contentHash(doc.body, doc.outlet?.name ?? null);
    if (seenInBatch.has(hash)) {
      outcomes.set(doc, { doc, status: "unchanged", articleId: null });
      continue;
    }
    seenInBatch.add(hash);
    const sim = simhash(doc.body);
    fresh.push({ doc, hash, simhash: sim, bands: simhashBands(sim) });
  }

  const existing = await ctx.prisma.article.findMany({
    where: { contentHash: { in: fresh.map((p) => p.hash) } },
    select: { contentHash: true, id: true },
  });
  const stored = new Map(existing.map((a) => [a.contentHash, a.id]));
  const toWrite = fresh.filter((p) => {
    const id = stored.get(p.hash);
    if (id !== undefined) outcomes.set(p.doc, { doc: p.doc, status: "unchanged", articleId: id });
    return id === undefined;
  });

  // Reference data first, outside the transaction.
  const outletIds = new Map<ExtractedDocument, number | null>();
  const entityIds = new Map<ExtractedDocument, Map<string, number>>();
  const citationOutletIds = new Map<ExtractedDocument, number[]>();
  for (const { doc } of toWrite) {
    outletIds.set(doc, doc.outlet ? await ctx.reference.outletId(doc.outlet.name, doc.outlet.domain) : null);
    const ids = new Map<string, number>();
    for (const entity of doc.entities) ids.set(`${entity.kind}:${entity.name}`, await ctx.reference.entityId(entity));
    entityIds.set(doc, ids);
    const cited: number[] = [];
    for (const c of doc.citations) cited.push(await ctx.reference.outletId(c.outlet, c.domain));
    citationOutletIds.set(doc, cited);
  }

  const candidates = toWrite.length
    ? await ctx.prisma.article.findMany({
        where: { simhashBands: { hasSome: [...new Set(toWrite.flatMap((p) => p.bands))] } },
        select: { id: true, simhash: true, duplicateOfId: true },
        take: 5000,
      })
    : [];
  const knownCopies = candidates.map((c) => ({ id: c.id, simhash: c.simhash ?? 0n, original: c.duplicateOfId ?? c.id }));

  await ctx.prisma.$transaction(
    async (tx) => {
      const rollups = new RollupDeltas();
      const roleRows: { role: string; entityId: number; day: Date }[] = [];
      for (const prepared of toWrite) {
        const { doc } = prepared;
        let duplicateOfId: number | null = null;
        let duplicateSimilarity: number | null = null;
        for (const other of knownCopies) {
          const distance = hammingDistance(prepared.simhash, other.simhash);
          if (distance <= NEAR_DUPLICATE_BITS && (duplicateSimilarity === null || similarityFromDistance(distance) > duplicateSimilarity)) {
            duplicateOfId = other.original;
            duplicateSimilarity = similarityFromDistance(distance);
          }
        }
        const publishedAt = chartableDate(doc.published);
        const outletId = outletIds.get(doc) ?? null;
        const ids = entityIds.get(doc) ?? new Map();
        const personId = (name: string | null) => (name ? (ids.get(`PERSON:${name}`) ?? null) : null);
        const cited = citationOutletIds.get(doc) ?? [];
        const citationRows = new Map<string, Prisma.CitationCreateManyArticleInput>();
        doc.citations.forEach((c, i) => {
          const outlet = cited[i];
          if (outlet !== undefined) citationRows.set(`${outlet}:${c.kind}`, { outletId: outlet, kind: c.kind, asWritten: c.asWritten, start: c.start, end: c.end });
        });

        const article = await tx.article.create({
          data: {
            outletId,
            outletSource: doc.outlet?.source ?? "NONE",
            outletEvidence: doc.outlet?.evidence ?? null,
            externalId: doc.id,
            url: doc.url,
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
            mentions: {
              createMany: {
                data: doc.entities.flatMap((e) => {
                  const entityId = ids.get(`${e.kind}:${e.name}`);
                  return entityId ? [{ entityId, count: e.count, offsets: e.offsets, asWritten: e.aliases }] : [];
                }),
                skipDuplicates: true,
              },
            },
            citations: { createMany: { data: [...citationRows.values()], skipDuplicates: true } },
          },
          select: { id: true },
        });
        knownCopies.push({ id: article.id, simhash: prepared.simhash, original: duplicateOfId ?? article.id });

        const quotes = doc.quotes.length
          ? await tx.quote.createManyAndReturn({
              data: doc.quotes.map((q) => ({
                articleId: article.id,
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
              })),
              select: { id: true, text: true, speakerId: true, kind: true },
            })
          : [];
        const clusterable: NewQuote[] = quotes
          .filter((q) => q.kind === "FULL")
          .map((q) => ({ id: q.id, text: q.text, speakerId: q.speakerId, articleId: article.id, outletId, publishedAt }));
        await assignQuoteClusters(tx, clusterable);

        const linked = ctx.linker
          ? await ctx.linker.link(tx, { id: article.id, doc, publishedAt, duplicateOfId })
          : { eventId: null, storyId: null };

        const day = dayOf(publishedAt);
        const unique = duplicateOfId === null;
        rollups.add("ALL", 0, day, unique);
        rollups.add("OUTLET", outletId, day, unique);
        rollups.add("EVENT", linked.eventId, day, unique);
        for (const q of quotes) rollups.add("SPEAKER", q.speakerId, day, unique);

        for (const e of doc.entities) {
          const id = ids.get(`${e.kind}:${e.name}`);
          if (e.kind === "PERSON" && id && publishedAt) for (const role of e.roles) roleRows.push({ role: entityKey(role), entityId: id, day: publishedAt });
        }
        outcomes.set(doc, { doc, status: duplicateOfId ? "near-duplicate" : "stored", articleId: article.id });
      }
      await rollups.apply(tx);
      // Story rollups are recomputed by the linker: events can move between stories as they grow.
      await ctx.linker?.flush(tx);
      for (const r of roleRows) {
        await tx.$executeRaw`
          insert into "RoleHolding" (role, "entityId", "firstSeen", "lastSeen", "evidenceCount")
          values (${r.role}, ${r.entityId}, ${r.day}, ${r.day}, 1)
          on conflict (role, "entityId") do update set
            "firstSeen" = least("RoleHolding"."firstSeen", excluded."firstSeen"),
            "lastSeen" = greatest("RoleHolding"."lastSeen", excluded."lastSeen"),
            "evidenceCount" = "RoleHolding"."evidenceCount" + 1`;
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );

  return docs.map((doc) => outcomes.get(doc) ?? { doc, status: "unchanged", articleId: null });
}
