// Links the same statement across articles ("without any pre-conditions" / "without any preconditions",
// a shorter excerpt of a longer quote) into one QuoteCluster with its first carrier. Set-based: one read of
// candidate clusters per batch, then a handful of writes.
import { createHash } from "node:crypto";
import type { Prisma } from "@storyline/db";
import { type Columns, insertRows } from "./bulk.ts";
import { nextIds } from "./sequences.ts";

const MIN_WORDS = 4;
/** Share of the shorter quote's words found in the longer one for the two to be the same statement. */
const CONTAINMENT = 0.8;
const WINDOW_DAYS = 60;
const DAY_MS = 86_400_000;

export const quoteWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[-‐‑–](?=\p{L})/gu, "")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

export const quoteFingerprint = (words: string[]) => createHash("sha1").update(words.join(" ")).digest("hex");

export interface NewQuote {
  id: number;
  text: string;
  speakerId: number | null;
  articleId: number;
  outletId: number | null;
  publishedAt: Date | null;
}

const countWords = (words: string[]) => {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
};

/** The share of the shorter side's words found in the longer one, over precomputed word counts. */
function overlap(a: Map<string, number>, aLength: number, b: Map<string, number>, bLength: number): number {
  const aShorter = aLength <= bLength;
  const shorter = aShorter ? a : b;
  const shorterLength = aShorter ? aLength : bLength;
  const longer = aShorter ? b : a;
  if (shorterLength === 0) return 0;
  let hit = 0;
  shorter.forEach((n, w) => {
    hit += Math.min(n, longer.get(w) ?? 0);
  });
  return hit / shorterLength;
}

const CLUSTER_COLUMNS: Columns<Cluster> = {
  id: "int",
  canonicalText: "text",
  fingerprint: "text",
  speakerId: "int",
  firstArticleId: "int",
  firstOutletId: "int",
  firstSeenAt: "timestamp",
  quoteCount: "int",
  outletCount: "int",
};

interface Cluster {
  id: number | null;
  canonicalText: string;
  words: string[];
  counts: Map<string, number>;
  fingerprint: string;
  speakerId: number | null;
  firstSeenAt: Date | null;
  firstArticleId: number | null;
  firstOutletId: number | null;
  quoteIds: number[];
  outlets: Set<number>;
  changed: boolean;
  /** Counts at insert, for a cluster this batch opens (all its quotes are in the batch). */
  quoteCount?: number;
  outletCount?: number;
}

/** Words carried by more clusters than this are too common to find candidates by (they still count in overlap). */
const MAX_POSTINGS = 64;

interface StoredCluster {
  id: number;
  canonicalText: string;
  fingerprint: string;
  speakerId: number | null;
  firstSeenAt: Date | null;
  firstArticleId: number | null;
  firstOutletId: number | null;
}

/**
 * Words of stored clusters' canonical texts, kept across batches: a prolific speaker's recent clusters come back
 * with every batch, and splitting their texts again was most of the cost of clustering. Keyed by id and
 * checked against the text, so a changed canonical text (or another database's cluster 7) is never mistaken.
 */
const storedWordsCache = new Map<number, { text: string; words: string[]; counts: Map<string, number> }>();
const STORED_WORDS_CACHE_SIZE = 6_000;

function storedWords(id: number, text: string) {
  const hit = storedWordsCache.get(id);
  if (hit && hit.text === text) return hit;
  const words = quoteWords(text);
  const entry = { text, words, counts: countWords(words) };
  if (storedWordsCache.size >= STORED_WORDS_CACHE_SIZE) {
    const oldest = storedWordsCache.keys().next().value;
    if (oldest !== undefined) storedWordsCache.delete(oldest);
  }
  storedWordsCache.set(id, entry);
  return entry;
}

/**
 * Finds or opens the cluster of each new quote, then calls `writeQuotes` with quote id -> cluster id so the
 * quotes are inserted with their cluster (updating them afterwards would rewrite every index of a fresh row,
 * the trigram index included), then brings the touched clusters' counts up to date.
 */
export async function assignQuoteClusters(
  tx: Prisma.TransactionClient,
  quotes: NewQuote[],
  writeQuotes: (clusterOf: Map<number, number>) => Promise<void>,
) {
  const usable = quotes.map((q) => ({ q, words: quoteWords(q.text) })).filter((x) => x.words.length >= MIN_WORDS);
  if (!usable.length) {
    await writeQuotes(new Map());
    return;
  }
  const fingerprints = usable.map((x) => quoteFingerprint(x.words));
  const speakers = [...new Set(usable.flatMap((x) => (x.q.speakerId ? [x.q.speakerId] : [])))];
  const times = usable.flatMap((x) => (x.q.publishedAt ? [x.q.publishedAt.getTime()] : []));
  const from = new Date((times.length ? Math.min(...times) : Date.now()) - WINDOW_DAYS * DAY_MS);
  const to = new Date((times.length ? Math.max(...times) : Date.now()) + WINDOW_DAYS * DAY_MS);
  const stored = await tx.$queryRaw<StoredCluster[]>`
    select id, "canonicalText", fingerprint, "speakerId", "firstSeenAt", "firstArticleId", "firstOutletId"
    from "QuoteCluster"
    where fingerprint = any(${fingerprints}::text[])
       or ("speakerId" = any(${speakers}::int[])
           and ("firstSeenAt" between ${from.toISOString()}::timestamp and ${to.toISOString()}::timestamp or "firstSeenAt" is null))
    order by id desc limit 5000`;
  const clusters: Cluster[] = [];
  const byFingerprint = new Map<string, Cluster>();
  // Candidates come from the words a quote shares with a cluster; only an attributed quote may join a
  // cluster without a speaker, and an unattributed one only clusters with a speaker.
  const postings = new Map<string, Cluster[]>();
  const index = (c: Cluster) => {
    clusters.push(c);
    if (!byFingerprint.has(c.fingerprint)) byFingerprint.set(c.fingerprint, c);
    for (const w of c.counts.keys()) {
      const list = postings.get(w);
      if (!list) postings.set(w, [c]);
      else if (list.length <= MAX_POSTINGS) list.push(c);
    }
  };
  for (const c of stored) {
    const { words, counts } = storedWords(c.id, c.canonicalText);
    index({ ...c, words, counts, quoteIds: [], outlets: new Set(), changed: false });
  }
  const candidatesOf = (q: NewQuote, counts: Map<string, number>) => {
    const found = new Set<Cluster>();
    for (const w of counts.keys()) {
      const list = postings.get(w);
      if (!list || list.length > MAX_POSTINGS) continue;
      for (const c of list) {
        if (q.speakerId ? c.speakerId === q.speakerId || c.speakerId === null : c.speakerId !== null) found.add(c);
      }
    }
    return found;
  };

  usable.forEach(({ q, words }, i) => {
    const fingerprint = fingerprints[i]!;
    const counts = countWords(words);
    let best: Cluster | null = byFingerprint.get(fingerprint) ?? null;
    if (!best) {
      let bestScore = 0;
      for (const c of candidatesOf(q, counts)) {
        if (q.publishedAt && c.firstSeenAt && Math.abs(q.publishedAt.getTime() - c.firstSeenAt.getTime()) > WINDOW_DAYS * DAY_MS)
          continue;
        const score = overlap(counts, words.length, c.counts, c.words.length);
        if (score >= CONTAINMENT && score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
    }
    if (!best) {
      best = {
        id: null,
        canonicalText: q.text,
        words,
        counts,
        fingerprint,
        speakerId: q.speakerId,
        firstSeenAt: null,
        firstArticleId: null,
        firstOutletId: null,
        quoteIds: [],
        outlets: new Set(),
        changed: true,
      };
      index(best);
    }
    best.quoteIds.push(q.id);
    if (q.outletId) best.outlets.add(q.outletId);
    // The longer wording is the better canonical text; the earliest carrier is "first".
    if (q.text.length > best.canonicalText.length) {
      best.canonicalText = q.text;
      best.words = words;
      best.counts = counts;
      for (const w of counts.keys()) {
        const list = postings.get(w);
        if (!list) postings.set(w, [best]);
        else if (list.length <= MAX_POSTINGS && !list.includes(best)) list.push(best);
      }
    }
    if (q.publishedAt && (!best.firstSeenAt || q.publishedAt < best.firstSeenAt)) {
      best.firstSeenAt = q.publishedAt;
      best.firstArticleId = q.articleId;
      best.firstOutletId = q.outletId;
    } else if (!best.firstArticleId) {
      best.firstArticleId = q.articleId;
      best.firstOutletId = q.outletId;
    }
    best.speakerId ??= q.speakerId;
    best.changed = true;
  });

  // A cluster this batch opens holds only this batch's quotes: it is inserted with its counts. Stored clusters
  // that gained quotes are recounted from the Quote table below.
  const fresh = clusters.filter((c) => c.id === null);
  if (fresh.length) {
    const ids = await nextIds(tx, "QuoteCluster", fresh.length);
    fresh.forEach((c, i) => {
      c.id = ids[i]!;
      c.quoteCount = c.quoteIds.length;
      c.outletCount = c.outlets.size;
    });
    await insertRows(tx, "QuoteCluster", CLUSTER_COLUMNS, fresh);
  }
  const freshSet = new Set(fresh);
  const touched = clusters.filter((c) => c.changed && c.quoteIds.length);
  const clusterOf = new Map<number, number>();
  for (const c of touched) for (const quoteId of c.quoteIds) clusterOf.set(quoteId, c.id!);
  await writeQuotes(clusterOf);
  const grown = touched.filter((c) => !freshSet.has(c));
  if (grown.length === 0) return;
  const rows = grown.map((c) => ({
    id: c.id!,
    canonicalText: c.canonicalText,
    speakerId: c.speakerId,
    firstSeenAt: c.firstSeenAt,
    firstArticleId: c.firstArticleId,
    firstOutletId: c.firstOutletId,
  }));
  // Counts are recomputed from the quotes, so they stay right whatever order batches arrive in.
  await tx.$executeRaw`
    update "QuoteCluster" c set "canonicalText" = x."canonicalText", "speakerId" = x."speakerId",
      "firstSeenAt" = x."firstSeenAt", "firstArticleId" = x."firstArticleId", "firstOutletId" = x."firstOutletId",
      "quoteCount" = s.quotes, "outletCount" = s.outlets
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as x(id int, "canonicalText" text, "speakerId" int, "firstSeenAt" timestamp, "firstArticleId" int, "firstOutletId" int),
      lateral (select count(*)::int as quotes, count(distinct a."outletId")::int as outlets
               from "Quote" q join "Article" a on a.id = q."articleId" where q."clusterId" = x.id) s
    where c.id = x.id`;
}
