// Quotes with their speakers, and quote clusters: the same statement as it travelled across outlets.
import { getPrisma, type Prisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { decodeNodeIds } from "../ids.ts";
import { DateRangeInput, dayRangeFilter } from "./article.ts";
import { CappedCountRef, COUNT_LIMIT_DEFAULT, cappedCount } from "./count.ts";

const AttributionEnum = builder.enumType("Attribution", {
  description: "How a quote's speaker was found.",
  values: {
    CUE_AFTER: { description: '"...," Putin said' },
    CUE_BEFORE: { description: 'Putin said: "..."' },
    COLON: { description: 'Putin: "..."' },
    DASH: { description: '"..." - Putin' },
    ACCORDING_TO: { description: "according to Putin" },
    OUTLET_REPORT: { description: '"...," Reuters reports (the speaker is the outlet)' },
    CARRY_OVER: { description: "An uncued quote following a cued one in the same passage" },
    PRONOUN: { description: '"...," he said, resolved inside the article' },
    ROLE_NOUN: { description: "the Russian President said, resolved inside the article" },
    ALIAS_TABLE: { description: "A role noun resolved through the cross-article role table (lower confidence)" },
    UNRESOLVED: { description: "A cue was found but the speaker could not be named" },
    NONE: { description: "No speaker found" },
  } as const,
});

const QuoteKindEnum = builder.enumType("QuoteKind", {
  description: "A full quote, or a fragment quoted inside paraphrase.",
  values: {
    FULL: { description: "A quoted statement." },
    FRAGMENT: { description: 'A few quoted words inside paraphrase: called it "a big problem".' },
  } as const,
});

const QuotePart = builder.objectRef<{ start: number; end: number }>("QuotePart").implement({
  description: "One part of a split quote, as offsets into the article body.",
  fields: (t) => ({
    start: t.exposeInt("start", { description: "Offset of the first character." }),
    end: t.exposeInt("end", { description: "Offset after the last character." }),
  }),
});

builder.prismaNode("Quote", {
  id: { field: "id" },
  description: "Words quoted in an article, with who said them and how Storyline knows.",
  fields: (t) => ({
    text: t.exposeString("text", { description: "The words between the quote marks." }),
    kind: t.expose("kind", { type: QuoteKindEnum, description: "Full quote or fragment." }),
    start: t.exposeInt("start", { description: "Offset into Article.body where the quote starts." }),
    end: t.exposeInt("end", { description: "Offset into Article.body where the quote ends." }),
    parts: t.field({
      type: [QuotePart],
      nullable: true,
      description: 'Split quotes ("A," he said, "B."): each part\'s offsets.',
      select: { parts: true },
      resolve: (q) => (Array.isArray(q.parts) ? (q.parts as { start: number; end: number }[]) : null),
    }),
    speaker: t.relation("speaker", { nullable: true, description: "The resolved speaker; null when unknown (never guessed)." }),
    speakerAsWritten: t.exposeString("speakerAsWritten", {
      nullable: true,
      description: 'How the article named the speaker: "he", "the Russian President".',
    }),
    attribution: t.expose("attribution", { type: AttributionEnum, description: "How the speaker was found." }),
    confidence: t.exposeFloat("confidence", { description: "0..1: how sure the attribution is." }),
    publishedAt: t.expose("publishedAt", {
      type: "LocalDateTime",
      nullable: true,
      description: "The article's publication time.",
    }),
    article: t.relation("article", { description: "Where it was quoted." }),
    cluster: t.relation("cluster", { nullable: true, description: "The same statement in other articles." }),
  }),
});

builder.prismaNode("QuoteCluster", {
  id: { field: "id" },
  description: "One statement as it travelled: every article and outlet that carried it, first carrier first.",
  fields: (t) => ({
    canonicalText: t.exposeString("canonicalText", { description: "The fullest wording seen." }),
    speaker: t.relation("speaker", { nullable: true, description: "Who said it." }),
    firstSeenAt: t.expose("firstSeenAt", { type: "LocalDateTime", nullable: true, description: "When it first appeared." }),
    firstOutlet: t.relation("firstOutlet", { nullable: true, description: "The first outlet that carried it." }),
    firstArticle: t.relation("firstArticle", { nullable: true, description: "The first article that carried it." }),
    quoteCount: t.exposeInt("quoteCount", { description: "Articles that carried it." }),
    outletCount: t.exposeInt("outletCount", { description: "Distinct outlets that carried it." }),
    // Its own paged query: Prisma pages a nested relation (t.relatedConnection) in memory.
    quotes: t.prismaConnection({
      type: "Quote",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Every carrying, first carrier first.",
      totalCount: (cluster) => getPrisma().quote.count({ where: { clusterId: cluster.id, hidden: false } }),
      resolve: (query, cluster) =>
        getPrisma().quote.findMany({
          ...query,
          where: { clusterId: cluster.id, hidden: false },
          orderBy: [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        }),
    }),
  }),
});

const QuoteFilter = builder.inputType("QuoteFilter", {
  description: "Filters combine with AND.",
  fields: (t) => ({
    published: t.field({ type: DateRangeInput, required: false, description: "Publication day range." }),
    speakerIds: t.idList({ required: false, description: "Only these speakers (Person or Entity ids)." }),
    speakerName: t.string({ required: false, description: 'Speaker name or surname, e.g. "Abe".' }),
    outletIds: t.idList({ required: false, description: "Only quotes carried by these outlets." }),
    eventIds: t.idList({ required: false, description: "Only quotes from articles of these events." }),
    search: t.string({ required: false, description: "Words that must appear in the quote." }),
    kind: t.field({ type: QuoteKindEnum, required: false, description: "Full quotes or fragments." }),
    minConfidence: t.float({ required: false, description: "Only attributions at least this sure (0..1)." }),
  }),
});

export function quoteWhere(filter: typeof QuoteFilter.$inferInput | null | undefined): Prisma.QuoteWhereInput {
  // Quotes of hidden articles (hideArticle) are in no list.
  if (!filter) return { hidden: false };
  const where: Prisma.QuoteWhereInput = { hidden: false };
  const published = dayRangeFilter(filter.published);
  if (published) where.publishedAt = published;
  const speakers = decodeNodeIds(filter.speakerIds, "Person", "Entity");
  if (speakers) where.speakerId = { in: speakers };
  if (filter.speakerName) {
    where.speaker = {
      OR: [
        { name: { equals: filter.speakerName, mode: "insensitive" } },
        { name: { endsWith: ` ${filter.speakerName}`, mode: "insensitive" } },
        { aliases: { has: filter.speakerName } },
      ],
    };
  }
  const outlets = decodeNodeIds(filter.outletIds, "Outlet");
  const events = decodeNodeIds(filter.eventIds, "Event");
  if (outlets || events) {
    where.article = { ...(outlets ? { outletId: { in: outlets } } : {}), ...(events ? { eventId: { in: events } } : {}) };
  }
  if (filter.search) where.text = { contains: filter.search, mode: "insensitive" };
  if (filter.kind) where.kind = filter.kind;
  if (filter.minConfidence != null) where.confidence = { gte: filter.minConfidence };
  return where;
}

const QuoteOrder = builder.enumType("QuoteOrder", {
  description: "How to sort quotes.",
  values: {
    NEWEST: { description: "Latest first." },
    OLDEST: { description: "Earliest first." },
    MOST_CARRIED: { description: "Quotes carried by the most outlets first." },
  } as const,
});

builder.queryFields((t) => ({
  quotes: t.prismaConnection({
    type: "Quote",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "Search quotes by speaker, outlet, event, date and words. Page size is capped at 100.",
    args: {
      filter: t.arg({ type: QuoteFilter, required: false }),
      orderBy: t.arg({ type: QuoteOrder, required: false, defaultValue: "NEWEST" }),
    },
    totalCount: (_p, args) => getPrisma().quote.count({ where: quoteWhere(args.filter) }),
    resolve: (query, _p, args) => {
      const orderBy: Prisma.QuoteOrderByWithRelationInput[] =
        args.orderBy === "MOST_CARRIED"
          ? [{ cluster: { outletCount: "desc" } }, { id: "desc" }]
          : args.orderBy === "OLDEST"
            ? [{ publishedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }]
            : [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }];
      return getPrisma().quote.findMany({ ...query, where: quoteWhere(args.filter), orderBy });
    },
  }),
  quoteCount: t.field({
    type: CappedCountRef,
    description:
      "How many quotes match a filter, counted up to `limit`: the same filter as `quotes`, at a cost bounded by " +
      "`limit` on any corpus. `quotes { totalCount }` stays exact and counts every match, which takes longer as " +
      "the corpus grows (200k quotes per 1M articles).",
    args: {
      filter: t.arg({ type: QuoteFilter, required: false }),
      limit: t.arg.int({
        required: false,
        defaultValue: COUNT_LIMIT_DEFAULT,
        description: "Stop counting after this many (1 to 10,000).",
      }),
    },
    resolve: (_p, args) => cappedCount(args.limit, (take) => getPrisma().quote.count({ where: quoteWhere(args.filter), take })),
  }),
  quoteClusters: t.prismaConnection({
    type: "QuoteCluster",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "Statements that travelled, most outlets first. Page size is capped at 100.",
    args: {
      search: t.arg.string({ required: false, description: "Words that must appear in the statement." }),
      speakerIds: t.arg.idList({ required: false, description: "Only these speakers." }),
      minOutlets: t.arg.int({ required: false, description: "Only statements carried by at least this many outlets." }),
    },
    totalCount: (_p, args) => getPrisma().quoteCluster.count({ where: clusterWhere(args) }),
    resolve: (query, _p, args) =>
      getPrisma().quoteCluster.findMany({
        ...query,
        where: clusterWhere(args),
        orderBy: [{ outletCount: "desc" }, { id: "asc" }],
      }),
  }),
}));

function clusterWhere(args: {
  search?: string | null;
  speakerIds?: readonly (string | number)[] | null;
  minOutlets?: number | null;
}) {
  const speakers = decodeNodeIds(args.speakerIds, "Person", "Entity");
  return {
    ...(args.search ? { canonicalText: { contains: args.search, mode: "insensitive" as const } } : {}),
    ...(speakers ? { speakerId: { in: speakers } } : {}),
    ...(args.minOutlets ? { outletCount: { gte: args.minOutlets } } : {}),
  };
}
