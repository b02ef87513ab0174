// People, places and organisations named in articles. People get their own type (Person) with quote fields.
import { getPrisma, Prisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { NotFoundError } from "../errors.ts";
import { decodeNodeId } from "../ids.ts";
import { selectingSomething } from "../query.ts";

export const EntityKindEnum = builder.enumType("EntityKind", {
  description: "What an entity is.",
  values: ["PERSON", "PLACE", "ORGANIZATION"] as const,
});

builder.prismaNode("Entity", {
  id: { field: "id" },
  description: 'A person, place or organisation, merged across articles ("Putin", "Vladimir Putin" are one).',
  fields: (t) => ({
    kind: t.expose("kind", { type: EntityKindEnum, description: "Person, place or organisation." }),
    name: t.exposeString("name", { description: "The fullest name seen." }),
    aliases: t.exposeStringList("aliases", { description: "Other names it appears under." }),
    mentionCount: t.relationCount("mentions", { description: "Articles that mention it." }),
    // Its own paged query: Prisma pages a nested relation (t.relatedConnection) in memory, which read every
    // mention of a much-named place to return a page.
    mentions: t.prismaConnection({
      type: "Mention",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Where it is mentioned, article by article.",
      totalCount: (entity) => getPrisma().mention.count({ where: { entityId: entity.id } }),
      resolve: (query, entity) =>
        getPrisma().mention.findMany({ ...query, where: { entityId: entity.id }, orderBy: { id: "asc" } }),
    }),
    asPerson: t.prismaField({
      type: PersonRef,
      nullable: true,
      description: "The same entity as a Person, when it is one (for quote fields).",
      select: { kind: true },
      resolve: (query, entity) =>
        entity.kind === "PERSON" ? getPrisma().entity.findUnique({ ...query, where: { id: entity.id } }) : null,
    }),
  }),
});

export const PersonRef = builder.prismaNode("Entity", {
  variant: "Person",
  id: { field: "id" },
  description: "A person: who they are, what they said and who quoted them.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Full name, e.g. Vladimir Putin." }),
    aliases: t.exposeStringList("aliases", { description: "Other names: surname, with honorifics." }),
    gender: t.exposeString("gender", { nullable: true, description: "male | female, as inferred for pronoun resolution." }),
    quoteCount: t.relationCount("quotes", { where: { hidden: false }, description: "Quotes attributed to this person." }),
    mentionCount: t.relationCount("mentions", { description: "Articles that mention this person." }),
    quotes: t.prismaConnection({
      type: "Quote",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Their quotes, newest first.",
      totalCount: (person) => getPrisma().quote.count({ where: { speakerId: person.id, hidden: false } }),
      resolve: (query, person) =>
        getPrisma().quote.findMany({
          ...query,
          where: { speakerId: person.id, hidden: false },
          orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
        }),
    }),
    roles: t.relation("roles", {
      description: 'Roles articles gave them ("russian president"), with the dates seen.',
      query: { orderBy: { evidenceCount: "desc" } },
    }),
    quotedBy: t.field({
      type: [OutletCount],
      description: "Outlets that quoted this person, most quotes first.",
      args: { limit: t.arg.int({ required: false, defaultValue: 10, description: "At most 50." }) },
      resolve: async (person, args) => {
        const limit = Math.min(args.limit ?? 10, 50);
        const rows = await getPrisma().$queryRaw<{ id: number; name: string; count: bigint }[]>`
          select o.id, o.name, count(*) as count from "Quote" q
          join "Article" a on a.id = q."articleId" join "Outlet" o on o.id = a."outletId"
          where q."speakerId" = ${person.id} and not q.hidden group by o.id, o.name order by count desc, o.name limit ${limit}`;
        return rows.map((r) => ({ outletId: r.id, name: r.name, count: Number(r.count) }));
      },
    }),
  }),
});

export const OutletCount = builder.objectRef<{ outletId: number; name: string; count: number }>("OutletCount").implement({
  description: "An outlet with a count (quotes carried, citations made, ...).",
  fields: (t) => ({
    outlet: t.prismaField({
      type: "Outlet",
      description: "The outlet.",
      resolve: (query, row) => getPrisma().outlet.findUniqueOrThrow({ ...query, where: { id: row.outletId } }),
    }),
    name: t.exposeString("name", { description: "The outlet's name." }),
    count: t.exposeInt("count", { description: "How many." }),
  }),
});

builder.prismaObject("RoleHolding", {
  description: "A role an article attached to a person, and when it was seen held.",
  fields: (t) => ({
    role: t.exposeString("role", { description: 'Normalised role, e.g. "russian president".' }),
    firstSeen: t.expose("firstSeen", { type: "LocalDateTime", description: "First article day that said so." }),
    lastSeen: t.expose("lastSeen", { type: "LocalDateTime", description: "Last article day that said so." }),
    evidenceCount: t.exposeInt("evidenceCount", { description: "Articles that said so." }),
  }),
});

builder.prismaObject("Mention", {
  description: "An entity named in an article: how often, and where (offsets into the body).",
  fields: (t) => ({
    article: t.relation("article", { description: "The article." }),
    entity: t.relation("entity", { description: "What was mentioned." }),
    count: t.exposeInt("count", { description: "Times mentioned." }),
    offsets: t.exposeIntList("offsets", { description: "Flat [start, end, start, end, ...] offsets into Article.body." }),
    asWritten: t.exposeStringList("asWritten", { description: "The forms used in this article." }),
  }),
});

const EntityFilter = builder.inputType("EntityFilter", {
  description: "Filters combine with AND.",
  fields: (t) => ({
    kind: t.field({ type: EntityKindEnum, required: false, description: "Only this kind." }),
    search: t.string({ required: false, description: "Case-insensitive match on the name or an alias." }),
  }),
});

const entityWhere = (filter: typeof EntityFilter.$inferInput | null | undefined, kind?: "PERSON") => ({
  ...(kind || filter?.kind ? { kind: kind ?? filter?.kind ?? undefined } : {}),
  ...(filter?.search
    ? { OR: [{ name: { contains: filter.search, mode: "insensitive" as const } }, { aliases: { has: filter.search } }] }
    : {}),
});

builder.queryFields((t) => ({
  entities: t.prismaConnection({
    type: "Entity",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "People, places and organisations, most mentioned first. Page size is capped at 100.",
    args: { filter: t.arg({ type: EntityFilter, required: false }) },
    totalCount: (_p, args) => getPrisma().entity.count({ where: entityWhere(args.filter) }),
    resolve: (query, _p, args) =>
      getPrisma().entity.findMany({
        ...query,
        where: entityWhere(args.filter),
        orderBy: [{ mentions: { _count: "desc" } }, { id: "asc" }],
      }),
  }),
  people: t.prismaConnection({
    type: PersonRef,
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description:
      "People, most quoted first (ties by id): quote counts come from the SPEAKER day rollups plus any undated " +
      "quotes, so the order agrees with Person.quoteCount. Page size is capped at 100.",
    args: { search: t.arg.string({ required: false, description: "Case-insensitive match on the name." }) },
    totalCount: (_p, args) => getPrisma().entity.count({ where: entityWhere({ search: args.search }, "PERSON") }),
    resolve: async (query, _p, args) => {
      const { take, skip, cursor, ...shape } = query as typeof query & PageQuery;
      const ids = await mostQuotedPage(args.search, { take, skip, cursor });
      if (!ids.length) return [];
      const rows = await getPrisma().entity.findMany({ ...shape, where: { id: { in: ids } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },
  }),
  person: t.prismaField({
    type: PersonRef,
    errors: { types: [NotFoundError] },
    description: 'One person, by id or by name ("Putin" finds Vladimir Putin).',
    args: {
      id: t.arg.id({ required: false, description: "Person id." }),
      name: t.arg.string({ required: false, description: "Full name, surname or alias." }),
    },
    resolve: async (query, _p, args) => {
      const prisma = getPrisma();
      const found = args.id
        ? await prisma.entity.findFirst({
            ...selectingSomething(query),
            where: { id: decodeNodeId(args.id, "Person", "Entity"), kind: "PERSON" },
          })
        : args.name
          ? await personByName(selectingSomething(query), args.name)
          : null;
      if (!found) throw new NotFoundError("Person", String(args.id ?? args.name ?? "nothing (give id or name)"));
      return found;
    },
  }),
}));

/** Prisma's paging arguments, as Pothos hands them to a connection's resolver. */
interface PageQuery {
  take?: number;
  skip?: number;
  cursor?: { id: number };
}

/**
 * One page of person ids, most quoted first (ties by id), following Prisma's cursor semantics (take < 0 pages
 * backwards from the cursor). Quote counts per speaker come from the SPEAKER rows of CoverageDay, which ingest
 * maintains per day, plus the undated quotes those rows cannot hold (few; found through the NULLS LAST end of
 * Quote_publishedAt_id_idx). Ordering by a relation count in Prisma aggregated every quote (and every mention,
 * for its tie-break) on each request.
 */
async function mostQuotedPage(search: string | null | undefined, page: PageQuery): Promise<number[]> {
  const take = page.take ?? 20;
  const skip = page.skip ?? 0;
  const like = search ? `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const searchFilter = search ? Prisma.sql`and (e.name ilike ${like} or ${search} = any(e.aliases))` : Prisma.empty;
  const anchor = page.cursor
    ? Prisma.sql`(select pos from ranked where id = ${page.cursor.id})`
    : take >= 0
      ? Prisma.sql`1`
      : Prisma.sql`(select count(*) from ranked)`;
  // Forward: rows anchor+skip .. +take-1. Backward: rows ending at anchor-skip, |take| of them.
  const window =
    take >= 0
      ? Prisma.sql`pos >= a + ${skip} and pos < a + ${skip} + ${take}`
      : Prisma.sql`pos <= a - ${skip} and pos > a - ${skip} + ${take}`;
  const rows = await getPrisma().$queryRaw<{ id: number }[]>`
    with quoted as (
      select key as id, sum(total)::bigint as n from "CoverageDay" where dimension = 'SPEAKER' group by key
      union all
      select "speakerId", count(*) from "Quote" where "publishedAt" is null and "speakerId" is not null and not hidden group by 1
    ), ranked as (
      select e.id, row_number() over (order by coalesce(sum(q.n), 0) desc, e.id) as pos
      from "Entity" e left join quoted q on q.id = e.id
      where e.kind = 'PERSON' ${searchFilter}
      group by e.id
    )
    select id from ranked, (select ${anchor}::bigint as a) anchor where ${window} order by pos`;
  return rows.map((r) => r.id);
}

/** The person a name means: an exact name or alias, else a surname; the most quoted when several match. */
async function personByName<Q extends object>(query: Q, name: string) {
  const prisma = getPrisma();
  const candidates = await prisma.entity.findMany({
    where: {
      kind: "PERSON",
      OR: [
        { name: { equals: name, mode: "insensitive" } },
        { aliases: { has: name } },
        { name: { endsWith: ` ${name}`, mode: "insensitive" } },
      ],
    },
    select: { id: true },
    orderBy: { id: "asc" },
    take: 100,
  });
  if (!candidates.length) return null;
  let id = candidates[0]!.id;
  if (candidates.length > 1) {
    // Counted for the candidates only (an index range each), not by aggregating every quote.
    const counts = await prisma.quote.groupBy({
      by: ["speakerId"],
      where: { speakerId: { in: candidates.map((c) => c.id) } },
      _count: { _all: true },
    });
    const quotes = new Map(counts.map((c) => [c.speakerId, c._count._all]));
    id = candidates.reduce((best, c) => ((quotes.get(c.id) ?? 0) > (quotes.get(best) ?? 0) ? c.id : best), id);
  }
  return prisma.entity.findUnique({ ...query, where: { id } });
}
