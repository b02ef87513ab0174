// Dated references to other events ("the summit on November 14", "the Joint Declaration of October 19,
// 1956"): an article that names a stored event's day, with words of that event's title nearby, is linked to
// it as a mention, not as a member. One read of the events on the days a batch names, one write.
import type { Prisma } from "@storyline/db";
import { type EventMentionHit, findEventMentions, type KnownEvent, mentionedDates } from "../link/mentions.ts";
import { insertRows } from "./bulk.ts";

export interface MentioningArticle {
  id: number;
  body: string;
  /** The article's own day, which dates written without a year are read against. */
  publishedAt: Date | null;
  eventId: number | null;
}

/** Multi-day events are matched on any of their first 31 days (see findEventMentions). */
const MAX_SPAN_DAYS = 31;
const MS_PER_DAY = 86_400_000;

export async function storeEventMentions(tx: Prisma.TransactionClient, articles: readonly MentioningArticle[]): Promise<number> {
  const dated = articles
    .map((a) => {
      const publishedAt = a.publishedAt ? a.publishedAt.toISOString().slice(0, 10) : null;
      return { a, publishedAt, dates: mentionedDates(a.body, publishedAt) };
    })
    .filter((x) => x.dates.length > 0);
  if (!dated.length) return 0;
  const days = [...new Set(dated.flatMap((x) => x.dates.map((d) => d.day)))];
  const isoDays = days.map((d) => new Date(d * MS_PER_DAY).toISOString().slice(0, 10));
  const earliest = new Date((Math.min(...days) - MAX_SPAN_DAYS) * MS_PER_DAY).toISOString().slice(0, 10);
  const rows = await tx.$queryRaw<{ id: number; date: Date; dateEnd: Date | null; title: string }[]>`
    select id, date, "dateEnd", title from "Event"
    where date between ${earliest}::date and ${isoDays.reduce((a, b) => (a > b ? a : b))}::date
      and exists (select 1 from unnest(${isoDays}::date[]) as d(day) where d.day between date and coalesce("dateEnd", date))`;
  if (!rows.length) return 0;
  const events: KnownEvent[] = rows.map((r) => ({
    id: String(r.id),
    date: r.date.toISOString().slice(0, 10),
    dateEnd: r.dateEnd ? r.dateEnd.toISOString().slice(0, 10) : null,
    title: r.title,
  }));
  const mentions: { articleId: number; eventId: number; asWritten: string }[] = [];
  for (const { a, publishedAt } of dated) {
    const hits: EventMentionHit[] = findEventMentions(a.body, events, {
      publishedAt,
      excludeEventId: a.eventId === null ? null : String(a.eventId),
    });
    for (const hit of hits) mentions.push({ articleId: a.id, eventId: Number(hit.eventId), asWritten: hit.asWritten });
  }
  return insertRows(
    tx,
    "EventMention",
    { articleId: "int", eventId: "int", asWritten: "text" },
    mentions,
    "on conflict do nothing",
  );
}
