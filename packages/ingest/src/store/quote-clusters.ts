// Links the same statement across articles ("without any pre-conditions" / "without any preconditions",
// a shorter excerpt of a longer quote) into one QuoteCluster with its first carrier.
import { createHash } from "node:crypto";
import type { Prisma } from "@storyline/db";

const MIN_WORDS = 4;
/** Share of the shorter quote's words found in the longer one for the two to be the same statement. */
const CONTAINMENT = 0.8;
const WINDOW_DAYS = 60;

export const quoteWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[-‐‑–](?=\p{L})/gu, "")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

export const quoteFingerprint = (text: string) => createHash("sha1").update(quoteWords(text).join(" ")).digest("hex");

export function containment(a: string[], b: string[]): number {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  if (shorter.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const w of longer) counts.set(w, (counts.get(w) ?? 0) + 1);
  let hit = 0;
  for (const w of shorter) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      hit++;
      counts.set(w, c - 1);
    }
  }
  return hit / shorter.length;
}

export interface NewQuote {
  id: number;
  text: string;
  speakerId: number | null;
  articleId: number;
  outletId: number | null;
  publishedAt: Date | null;
}

export async function assignQuoteClusters(tx: Prisma.TransactionClient, quotes: NewQuote[]) {
  for (const quote of quotes) {
    const words = quoteWords(quote.text);
    if (words.length < MIN_WORDS) continue;
    const fingerprint = quoteFingerprint(quote.text);
    const around = quote.publishedAt ?? new Date();
    const window = {
      gte: new Date(around.getTime() - WINDOW_DAYS * 86_400_000),
      lte: new Date(around.getTime() + WINDOW_DAYS * 86_400_000),
    };
    const candidates = await tx.quoteCluster.findMany({
      where: {
        OR: [
          { fingerprint },
          ...(quote.speakerId ? [{ speakerId: quote.speakerId, OR: [{ firstSeenAt: window }, { firstSeenAt: null }] }] : []),
        ],
      },
      select: { id: true, canonicalText: true, firstSeenAt: true, fingerprint: true },
      orderBy: { id: "desc" },
      take: 500,
    });
    let best: { id: number; score: number; canonicalText: string; firstSeenAt: Date | null } | null = null;
    for (const c of candidates) {
      const score = c.fingerprint === fingerprint ? 1 : containment(words, quoteWords(c.canonicalText));
      if (score >= CONTAINMENT && (!best || score > best.score)) best = { ...c, score };
    }
    const isEarlier = (d: Date | null | undefined) => quote.publishedAt && (!d || quote.publishedAt < d);
    if (!best) {
      const created = await tx.quoteCluster.create({
        data: {
          canonicalText: quote.text,
          fingerprint,
          speakerId: quote.speakerId,
          firstArticleId: quote.articleId,
          firstOutletId: quote.outletId,
          firstSeenAt: quote.publishedAt,
          quoteCount: 1,
          outletCount: quote.outletId ? 1 : 0,
        },
        select: { id: true },
      });
      await tx.quote.update({ where: { id: quote.id }, data: { clusterId: created.id } });
      continue;
    }
    await tx.quote.update({ where: { id: quote.id }, data: { clusterId: best.id } });
    const outlets = await tx.quote.findMany({
      where: { clusterId: best.id, article: { outletId: { not: null } } },
      select: { article: { select: { outletId: true } } },
      distinct: ["articleId"],
    });
    await tx.quoteCluster.update({
      where: { id: best.id },
      data: {
        quoteCount: { increment: 1 },
        outletCount: new Set(outlets.map((o) => o.article.outletId)).size,
        // The longer wording is the better canonical text; the earliest carrier is "first".
        ...(quote.text.length > best.canonicalText.length ? { canonicalText: quote.text } : {}),
        ...(isEarlier(best.firstSeenAt)
          ? { firstSeenAt: quote.publishedAt, firstArticleId: quote.articleId, firstOutletId: quote.outletId }
          : {}),
        ...(quote.speakerId ? { speakerId: quote.speakerId } : {}),
      },
    });
  }
}
