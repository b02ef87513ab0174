// `storyline export`: every stored row, streamed page by page (keyset on id), as JSONL or CSV.
import { createWriteStream } from "node:fs";
import type { PrismaClient } from "@storyline/db";
import { couldNotRun, openCliDatabase } from "./database.ts";
import { EXIT } from "./exit-codes.ts";
import { csvCell, lineWriter, OutputClosed } from "./output.ts";

type Row = Record<string, string | number | boolean | null | string[]>;
const PAGE = 1000;

/** Minutes are a day for readers of the export: DAY, WEEK, MONTH or YEAR. */
const exportPrecision = (d: Date | null, p: string | null) => (d ? (p === "MINUTE" || !p ? "DAY" : p) : null);

function datePrecise(d: Date | null, p: string | null): string | null {
  if (!d) return null;
  if (p === "YEAR") return d.toISOString().slice(0, 4);
  if (p === "MONTH") return d.toISOString().slice(0, 7);
  if (p === "DAY" || p === "WEEK") return d.toISOString().slice(0, 10);
  return iso(d);
}

const iso = (d: Date | null) =>
  d
    ? d
        .toISOString()
        .replace(/\.000Z$/, "")
        .replace(/T00:00:00$/, "")
    : null;

/** Every row of a table in id order, one page at a time, so memory stays flat however big the export. */
async function* keyset<T extends { id: number }>(fetchPage: (after: number) => Promise<T[]>): AsyncGenerator<T> {
  for (let after = 0; ; ) {
    const page = await fetchPage(after);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

async function* articleRows(prisma: PrismaClient): AsyncGenerator<Row> {
  for await (const a of keyset((after) =>
    prisma.article.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        externalId: true,
        url: true,
        title: true,
        authors: true,
        language: true,
        wordCount: true,
        publishedAt: true,
        publishedAtPrecision: true,
        publishedAtSource: true,
        publishedAtConfidence: true,
        publishedAtEarliest: true,
        publishedAtLatest: true,
        publishedAtEvidence: true,
        duplicateOfId: true,
        eventId: true,
        outlet: { select: { name: true } },
        event: { select: { storyId: true } },
      },
    }),
  )) {
    yield {
      id: a.externalId ?? String(a.id),
      articleId: a.id,
      eventId: a.eventId,
      storyId: a.event?.storyId ?? null,
      title: a.title,
      outlet: a.outlet?.name ?? null,
      // The best date, estimated or not, written no finer than it is known ("2013", "2018-09").
      publishedAt: datePrecise(a.publishedAt, a.publishedAtPrecision),
      publishedAtPrecision: exportPrecision(a.publishedAt, a.publishedAtPrecision),
      publishedAtSource: a.publishedAtSource,
      publishedAtConfidence: a.publishedAtConfidence,
      publishedAtEarliest: iso(a.publishedAtEarliest),
      publishedAtLatest: iso(a.publishedAtLatest),
      publishedAtEvidence: a.publishedAtEvidence,
      url: a.url,
      authors: a.authors,
      language: a.language,
      wordCount: a.wordCount,
      duplicateOf: a.duplicateOfId,
    };
  }
}

async function* quoteRows(prisma: PrismaClient): AsyncGenerator<Row> {
  for await (const q of keyset((after) =>
    prisma.quote.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        articleId: true,
        text: true,
        kind: true,
        speakerAsWritten: true,
        attribution: true,
        confidence: true,
        clusterId: true,
        publishedAt: true,
        start: true,
        end: true,
        speaker: { select: { name: true } },
        article: { select: { externalId: true, outlet: { select: { name: true } } } },
      },
    }),
  )) {
    yield {
      quoteId: q.id,
      articleId: q.articleId,
      articleExternalId: q.article.externalId,
      text: q.text,
      kind: q.kind,
      speaker: q.speaker?.name ?? null,
      speakerAsWritten: q.speakerAsWritten,
      attribution: q.attribution,
      confidence: q.confidence,
      clusterId: q.clusterId,
      outlet: q.article.outlet?.name ?? null,
      publishedAt: iso(q.publishedAt),
      start: q.start,
      end: q.end,
    };
  }
}

async function* eventRows(prisma: PrismaClient): AsyncGenerator<Row> {
  for await (const e of keyset((after) =>
    prisma.event.findMany({
      where: { id: { gt: after } },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        title: true,
        date: true,
        storyId: true,
        articleCount: true,
        place: { select: { name: true } },
        story: { select: { title: true } },
        participants: { select: { entity: { select: { name: true } } }, orderBy: { weight: "desc" }, take: 5 },
      },
    }),
  )) {
    yield {
      eventId: e.id,
      title: e.title,
      date: iso(e.date),
      place: e.place?.name ?? null,
      storyId: e.storyId,
      story: e.story?.title ?? null,
      articleCount: e.articleCount,
      participants: e.participants.map((p) => p.entity.name),
    };
  }
}

export async function exportCommand(what: "articles" | "quotes" | "events", flags: { format: "jsonl" | "csv"; output?: string }) {
  let db: Awaited<ReturnType<typeof openCliDatabase>>;
  try {
    db = await openCliDatabase();
  } catch (error) {
    return couldNotRun(error);
  }
  const out: NodeJS.WritableStream = flags.output ? createWriteStream(flags.output) : process.stdout;
  const { write } = lineWriter(out);
  try {
    const rows = what === "articles" ? articleRows(db.prisma) : what === "quotes" ? quoteRows(db.prisma) : eventRows(db.prisma);
    let header: string[] | null = null;
    for await (const row of rows) {
      if (flags.format === "jsonl") {
        await write(`${JSON.stringify(row)}\n`);
        continue;
      }
      if (!header) {
        header = Object.keys(row);
        await write(`${header.join(",")}\n`);
      }
      await write(`${header.map((k) => csvCell(row[k] ?? null)).join(",")}\n`);
    }
    if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
    return EXIT.OK;
  } catch (error) {
    // The reader stopped reading (`| head`): what it wanted was written.
    if (error instanceof OutputClosed) return EXIT.OK;
    return couldNotRun(error);
  } finally {
    await db.close();
  }
}
