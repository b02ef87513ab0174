// Events (dated happenings) and the root fields that list them.
import { getPrisma, type Prisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { NotFoundError } from "../errors.ts";
import { decodeNodeId, decodeNodeIds } from "../ids.ts";
import { selectingSomething } from "../query.ts";
import { DateRangeInput, dayRangeFilter } from "./article.ts";

builder.prismaObject("EventParticipant", {
  description: "A person or organisation taking part in an event, with how central they are.",
  fields: (t) => ({
    entity: t.relation("entity", { description: "Who." }),
    weight: t.exposeFloat("weight", { description: "Share of the event's articles that name them." }),
  }),
});

builder.prismaObject("EventMention", {
  description: 'An article that refers to an event it does not report ("the Joint Declaration of October 19, 1956").',
  fields: (t) => ({
    article: t.relation("article", { description: "The referring article." }),
    event: t.relation("event", { description: "The event referred to." }),
    asWritten: t.exposeString("asWritten", { description: "The words that referred to it." }),
  }),
});

builder.prismaNode("Event", {
  id: { field: "id" },
  description: "A real-world happening on a date at a place with participants, reported by one or more articles.",
  fields: (t) => ({
    title: t.exposeString("title", { description: "Readable title taken from its articles." }),
    date: t.expose("date", { type: "Date", nullable: true, description: "Day of the happening (not of the latest article)." }),
    dateEnd: t.expose("dateEnd", { type: "Date", nullable: true, description: "Last day, for happenings over several days." }),
    place: t.relation("place", { nullable: true, description: "Where it happened." }),
    story: t.relation("story", { nullable: true, description: "The thread of events it belongs to." }),
    articleCount: t.exposeInt("articleCount", { description: "Articles reporting it." }),
    firstSeenAt: t.expose("firstSeenAt", { type: "LocalDateTime", nullable: true, description: "First report." }),
    lastSeenAt: t.expose("lastSeenAt", { type: "LocalDateTime", nullable: true, description: "Latest report." }),
    participants: t.relation("participants", {
      description: "Main participants, most central first.",
      args: { limit: t.arg.int({ required: false, defaultValue: 10 }) },
      query: (args) => ({ orderBy: { weight: "desc" }, take: Math.min(args.limit ?? 10, 50) }),
    }),
    // Connections over a parent's rows run their own paged query: Prisma pages a nested relation (what
    // t.relatedConnection builds) in memory, reading every row of a big event to return a page.
    articles: t.prismaConnection({
      type: "Article",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Articles reporting it, earliest first.",
      totalCount: (event) => getPrisma().article.count({ where: { eventId: event.id, hidden: false } }),
      resolve: (query, event) =>
        getPrisma().article.findMany({
          ...query,
          where: { eventId: event.id, hidden: false },
          orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        }),
    }),
    mentionedIn: t.prismaConnection({
      type: "EventMention",
      cursor: "articleId_eventId",
      maxSize: 100,
      defaultSize: 20,
      description: "Later articles that refer back to it.",
      totalCount: (event) => getPrisma().eventMention.count({ where: { eventId: event.id } }),
      resolve: (query, event) =>
        getPrisma().eventMention.findMany({
          ...query,
          where: { eventId: event.id },
          orderBy: [{ articleId: "asc" }, { eventId: "asc" }],
        }),
    }),
    quotes: t.prismaConnection({
      type: "Quote",
      cursor: "id",
      maxSize: 100,
      description: "Quotes from its articles, most carried first.",
      totalCount: (event) => getPrisma().quote.count({ where: { article: { eventId: event.id }, kind: "FULL" } }),
      resolve: (query, event) =>
        getPrisma().quote.findMany({
          ...query,
          where: { article: { eventId: event.id }, kind: "FULL" },
          orderBy: [{ cluster: { outletCount: "desc" } }, { id: "asc" }],
        }),
    }),
    neighbours: t.prismaField({
      type: ["Event"],
      description: "The events just before and after it in its story.",
      select: { storyId: true, date: true },
      resolve: async (query, event) => {
        if (!event.storyId || !event.date) return [];
        const prisma = getPrisma();
        const [before, after] = await Promise.all([
          prisma.event.findFirst({
            ...query,
            where: { storyId: event.storyId, date: { lt: event.date } },
            orderBy: { date: "desc" },
          }),
          prisma.event.findFirst({
            ...query,
            where: { storyId: event.storyId, date: { gt: event.date } },
            orderBy: { date: "asc" },
          }),
        ]);
        return [before, after].filter((e) => e !== null);
      },
    }),
  }),
});

const EventFilter = builder.inputType("EventFilter", {
  description: "Filters combine with AND.",
  fields: (t) => ({
    date: t.field({ type: DateRangeInput, required: false, description: "Day range of the happening." }),
    storyIds: t.idList({ required: false, description: "Only events of these stories." }),
    participantIds: t.idList({ required: false, description: "Only events these people or organisations took part in." }),
    search: t.string({ required: false, description: "Words in the title." }),
  }),
});

const EventOrder = builder.enumType("EventOrder", {
  description: "How to sort events.",
  values: {
    NEWEST: { description: "Latest happening first." },
    OLDEST: { description: "Earliest first." },
    MOST_COVERED: { description: "Most articles first." },
  } as const,
});

function eventWhere(filter: typeof EventFilter.$inferInput | null | undefined): Prisma.EventWhereInput {
  if (!filter) return {};
  const where: Prisma.EventWhereInput = {};
  const date = dayRangeFilter(filter.date);
  if (date) where.date = date;
  const stories = decodeNodeIds(filter.storyIds, "Story");
  if (stories) where.storyId = { in: stories };
  const participants = decodeNodeIds(filter.participantIds, "Person", "Entity");
  if (participants) where.participants = { some: { entityId: { in: participants } } };
  if (filter.search) where.title = { contains: filter.search, mode: "insensitive" };
  return where;
}

builder.queryFields((t) => ({
  events: t.prismaConnection({
    type: "Event",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "Events matching a filter. Page size is capped at 100.",
    args: {
      filter: t.arg({ type: EventFilter, required: false }),
      orderBy: t.arg({ type: EventOrder, required: false, defaultValue: "NEWEST" }),
    },
    totalCount: (_p, args) => getPrisma().event.count({ where: eventWhere(args.filter) }),
    resolve: (query, _p, args) => {
      const orderBy: Prisma.EventOrderByWithRelationInput[] =
        args.orderBy === "MOST_COVERED"
          ? [{ articleCount: "desc" }, { id: "asc" }]
          : [{ date: { sort: args.orderBy === "OLDEST" ? "asc" : "desc", nulls: "last" } }, { id: "asc" }];
      return getPrisma().event.findMany({ ...query, where: eventWhere(args.filter), orderBy });
    },
  }),
  event: t.prismaField({
    type: "Event",
    errors: { types: [NotFoundError] },
    description: "One event by id.",
    args: { id: t.arg.id({ required: true, description: "Event id." }) },
    resolve: async (query, _p, args) => {
      const found = await getPrisma().event.findUnique({
        ...selectingSomething(query),
        where: { id: decodeNodeId(args.id, "Event") },
      });
      if (!found) throw new NotFoundError("Event", String(args.id));
      return found;
    },
  }),
}));
