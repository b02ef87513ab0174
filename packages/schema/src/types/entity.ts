// People, places and organisations named in articles. People get their own type (Person) with quote fields.
import { getPrisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { NotFoundError } from "../errors.ts";
import { decodeNodeId } from "../ids.ts";

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
    mentions: t.relatedConnection("mentions", {
      cursor: "id",
      totalCount: true,
      description: "Where it is mentioned, article by article.",
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
    quoteCount: t.relationCount("quotes", { description: "Quotes attributed to this person." }),
    mentionCount: t.relationCount("mentions", { description: "Articles that mention this person." }),
    quotes: t.relatedConnection("quotes", {
      cursor: "id",
      totalCount: true,
      description: "Their quotes, newest first.",
      query: () => ({ orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] }),
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
          where q."speakerId" = ${person.id} group by o.id, o.name order by count desc, o.name limit ${limit}`;
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
    description: "People, most quoted first. Page size is capped at 100.",
    args: { search: t.arg.string({ required: false, description: "Case-insensitive match on the name." }) },
    totalCount: (_p, args) => getPrisma().entity.count({ where: entityWhere({ search: args.search }, "PERSON") }),
    resolve: (query, _p, args) =>
      getPrisma().entity.findMany({
        ...query,
        where: entityWhere({ search: args.search }, "PERSON"),
        orderBy: [{ quotes: { _count: "desc" } }, { mentions: { _count: "desc" } }, { id: "asc" }],
      }),
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
        ? await prisma.entity.findFirst({ ...query, where: { id: decodeNodeId(args.id, "Person", "Entity"), kind: "PERSON" } })
        : args.name
          ? await prisma.entity.findFirst({
              ...query,
              where: {
                kind: "PERSON",
                OR: [
                  { name: { equals: args.name, mode: "insensitive" } },
                  { aliases: { has: args.name } },
                  { name: { endsWith: ` ${args.name}`, mode: "insensitive" } },
                ],
              },
              orderBy: { quotes: { _count: "desc" } },
            })
          : null;
      if (!found) throw new NotFoundError("Person", String(args.id ?? args.name ?? "nothing (give id or name)"));
      return found;
    },
  }),
}));
