// Article: one stored news article with its provenance, and the root field that searches them.
import { getPrisma, type Prisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { NotFoundError } from "../errors.ts";
import { decodeNodeId, decodeNodeIds } from "../ids.ts";
import { selectingSomething } from "../query.ts";

export const ProvenanceEnum = builder.enumType("Provenance", {
  description: "Where a value came from, strongest first.",
  values: {
    INPUT: { description: "A field the input carried (a record's outlet or date)." },
    FEED: { description: "An RSS/Atom item's metadata." },
    METADATA: { description: "Structured data in the page: meta tags, JSON-LD, <time>." },
    URL: { description: "The article's URL, e.g. /2018/12/02/." },
    TEXT: { description: "Stated in the text: a dateline, a source line." },
    INFERRED: { description: "Reasoned from the text, e.g. 'on Friday' anchored on a known date." },
    LINKED: {
      description:
        "Reasoned from other articles: the dated members of its event, or their dates for its 'last month' or 'in September'.",
    },
    NONE: { description: "Nothing said; the value is unknown." },
  } as const,
});

const DatePrecisionEnum = builder.enumType("DatePrecision", {
  description: "How precise a publication date is: publishedAt is the start of that minute, day, week, month or year.",
  values: ["MINUTE", "DAY", "WEEK", "MONTH", "YEAR"] as const,
});

builder.prismaNode("Article", {
  id: { field: "id" },
  description: "A news article as Storyline stored it: clean text plus metadata with its provenance.",
  fields: (t) => ({
    externalId: t.exposeString("externalId", { nullable: true, description: "The id the input gave it." }),
    url: t.exposeString("url", { nullable: true, description: "Where the article was published." }),
    canonicalUrl: t.exposeString("canonicalUrl", {
      nullable: true,
      description: "The page's own canonical link: the original when a portal carried the article.",
    }),
    title: t.exposeString("title", { nullable: true, description: "Headline." }),
    authors: t.exposeStringList("authors", { description: "Bylined authors." }),
    body: t.exposeString("body", { description: "Main text without boilerplate; paragraphs separated by blank lines." }),
    language: t.exposeString("language", { nullable: true, description: "ISO 639-1 language code." }),
    wordCount: t.exposeInt("wordCount", { description: "Words in the body." }),
    publishedAt: t.expose("publishedAt", {
      type: "LocalDateTime",
      nullable: true,
      description: "Publication time as written (not shifted to UTC). Null when nothing says and nothing could be inferred.",
    }),
    publishedAtOffset: t.exposeString("publishedAtOffset", {
      nullable: true,
      description: "UTC offset the source stated, e.g. +03:00; never applied to publishedAt.",
    }),
    publishedAtPrecision: t.expose("publishedAtPrecision", {
      type: DatePrecisionEnum,
      nullable: true,
      description: "Minute, day, week, month or year: publishedAt is the start of that period.",
    }),
    publishedAtEstimated: t.boolean({
      description: "True when the date was reasoned (from the text or from other articles) rather than stated.",
      select: { publishedAtSource: true },
      resolve: (a) => a.publishedAtSource === "INFERRED" || a.publishedAtSource === "LINKED",
    }),
    publishedAtSource: t.expose("publishedAtSource", { type: ProvenanceEnum, description: "Where the date came from." }),
    publishedAtConfidence: t.exposeFloat("publishedAtConfidence", { description: "0..1: how sure the date is." }),
    publishedAtEvidence: t.exposeString("publishedAtEvidence", {
      nullable: true,
      description: "The words or field that gave the date.",
    }),
    publishedAtEarliest: t.expose("publishedAtEarliest", {
      type: "LocalDateTime",
      nullable: true,
      description: "For inferred dates: the earliest plausible day.",
    }),
    publishedAtLatest: t.expose("publishedAtLatest", {
      type: "LocalDateTime",
      nullable: true,
      description: "For inferred dates: the latest plausible day.",
    }),
    modifiedAt: t.expose("modifiedAt", {
      type: "LocalDateTime",
      nullable: true,
      description: "Last modification as written, kept apart from publication.",
    }),
    outlet: t.relation("outlet", { nullable: true, description: "Who published it; null when nothing says." }),
    outletSource: t.expose("outletSource", { type: ProvenanceEnum, description: "Where the outlet came from." }),
    outletEvidence: t.exposeString("outletEvidence", {
      nullable: true,
      description: "The words or field that named the outlet.",
    }),
    duplicateOf: t.relation("duplicateOf", {
      nullable: true,
      description: "The original this article is a near-copy of (syndicated wire copy).",
    }),
    duplicateSimilarity: t.exposeFloat("duplicateSimilarity", {
      nullable: true,
      description: "Similarity to the original, 0..1.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When Storyline stored it." }),
    event: t.relation("event", { nullable: true, description: "The event this article reports." }),
    eventMentions: t.relation("eventMentions", { description: "Earlier events the article refers to without reporting them." }),
    quotes: t.relation("quotes", {
      description: "Quotes in the article, in reading order (offsets into body).",
      query: { orderBy: { start: "asc" } },
    }),
    mentions: t.relation("mentions", {
      description: "People, places and organisations named, most mentioned first.",
      query: { orderBy: { count: "desc" } },
    }),
    citations: t.relation("citations", { description: "Outlets the article cites or relies on." }),
  }),
});

export const DateRangeInput = builder.inputType("DateRange", {
  description: "A closed range of days; either end may be left open.",
  fields: (t) => ({
    from: t.field({ type: "Date", required: false, description: "First day included." }),
    to: t.field({ type: "Date", required: false, description: "Last day included." }),
  }),
});

export function dayRangeFilter(range: { from?: Date | null; to?: Date | null } | null | undefined) {
  if (!range || (!range.from && !range.to)) return undefined;
  const filter: { gte?: Date; lt?: Date } = {};
  if (range.from) filter.gte = range.from;
  if (range.to) filter.lt = new Date(range.to.getTime() + 86_400_000);
  return filter;
}

const ArticleFilter = builder.inputType("ArticleFilter", {
  description: "Filters combine with AND.",
  fields: (t) => ({
    published: t.field({ type: DateRangeInput, required: false, description: "Publication day range." }),
    outletIds: t.idList({ required: false, description: "Only these outlets (Outlet ids)." }),
    language: t.string({ required: false, description: "ISO 639-1 code." }),
    search: t.string({ required: false, description: "Words that must appear in the title or body." }),
    includeDuplicates: t.boolean({ required: false, description: "Include syndicated copies (default true)." }),
    eventIds: t.idList({ required: false, description: "Only articles reporting these events." }),
    storyIds: t.idList({ required: false, description: "Only articles of these stories." }),
    entityIds: t.idList({ required: false, description: "Only articles naming these people, places or organisations." }),
    dated: t.boolean({
      required: false,
      description: "true: only articles with a date (estimated ones included); false: only undated ones.",
    }),
  }),
});

export function articleWhere(filter: typeof ArticleFilter.$inferInput | null | undefined): Prisma.ArticleWhereInput {
  // Hidden articles (hideArticle) are in no list; an editor still reads one by id.
  if (!filter) return { hidden: false };
  const where: Prisma.ArticleWhereInput = { hidden: false };
  const published = dayRangeFilter(filter.published);
  if (published) where.publishedAt = published;
  else if (filter.dated != null) where.publishedAt = filter.dated ? { not: null } : null;
  if (published && filter.dated === false) where.id = { in: [] };
  if (filter.outletIds?.length) where.outletId = { in: decodeNodeIds(filter.outletIds, "Outlet") };
  if (filter.language) where.language = filter.language;
  if (filter.includeDuplicates === false) where.duplicateOfId = null;
  const events = decodeNodeIds(filter.eventIds, "Event");
  if (events) where.eventId = { in: events };
  const stories = decodeNodeIds(filter.storyIds, "Story");
  if (stories) where.event = { storyId: { in: stories } };
  const entities = decodeNodeIds(filter.entityIds, "Entity", "Person");
  if (entities) where.mentions = { some: { entityId: { in: entities } } };
  if (filter.search) {
    where.OR = [
      { title: { contains: filter.search, mode: "insensitive" } },
      { body: { contains: filter.search, mode: "insensitive" } },
    ];
  }
  return where;
}

const ArticleOrder = builder.enumType("ArticleOrder", {
  description: "How to sort articles.",
  values: { NEWEST: { description: "Latest publication first." }, OLDEST: { description: "Earliest first." } } as const,
});

builder.queryField("article", (t) =>
  t.prismaField({
    type: "Article",
    errors: { types: [NotFoundError] },
    description: "One article by id.",
    args: { id: t.arg.id({ required: true, description: "Article id." }) },
    resolve: async (query, _p, args) => {
      const found = await getPrisma().article.findUnique({
        ...selectingSomething(query),
        where: { id: decodeNodeId(args.id, "Article") },
      });
      if (!found) throw new NotFoundError("Article", String(args.id));
      return found;
    },
  }),
);

builder.queryField("articles", (t) =>
  t.prismaConnection({
    type: "Article",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "Articles matching a filter. Page size is capped at 100.",
    args: {
      filter: t.arg({ type: ArticleFilter, required: false }),
      orderBy: t.arg({ type: ArticleOrder, required: false, defaultValue: "NEWEST" }),
    },
    totalCount: (_p, args) => getPrisma().article.count({ where: articleWhere(args.filter) }),
    resolve: (query, _p, args) => {
      const dir = args.orderBy === "OLDEST" ? "asc" : "desc";
      return getPrisma().article.findMany({
        ...query,
        where: articleWhere(args.filter),
        orderBy: [{ publishedAt: { sort: dir, nulls: "last" } }, { id: dir }],
      });
    },
  }),
);
