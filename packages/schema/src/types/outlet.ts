// Outlet: a publisher, broadcaster or wire agency, and the root fields that list them.
import { getPrisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { NotFoundError } from "../errors.ts";
import { decodeNodeId } from "../ids.ts";
import { selectingSomething } from "../query.ts";
import { OutletCount, PersonRef } from "./entity.ts";

const PersonCount = builder.objectRef<{ personId: number; name: string; count: number }>("PersonCount").implement({
  description: "A person with a count.",
  fields: (t) => ({
    person: t.prismaField({
      type: PersonRef,
      description: "The person.",
      resolve: (query, row) => getPrisma().entity.findUniqueOrThrow({ ...query, where: { id: row.personId } }),
    }),
    name: t.exposeString("name", { description: "Their name." }),
    count: t.exposeInt("count", { description: "How many." }),
  }),
});

export const OutletKindEnum = builder.enumType("OutletKind", {
  description: "What sort of outlet this is.",
  values: ["WIRE_AGENCY", "PUBLISHER", "BROADCASTER", "STATE_MEDIA", "BLOG", "AGGREGATOR", "UNKNOWN"] as const,
});

builder.prismaNode("Outlet", {
  id: { field: "id" },
  description: "A publisher, broadcaster or wire agency whose articles Storyline has seen or that articles cite.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "Display name, e.g. Reuters." }),
    slug: t.exposeString("slug", { description: "URL-safe identifier, stable across runs." }),
    domain: t.exposeString("domain", { nullable: true, description: "Registrable domain, e.g. rt.com." }),
    country: t.exposeString("country", { nullable: true, description: "ISO 3166 country code of the outlet." }),
    language: t.exposeString("language", { nullable: true, description: "Main language, ISO 639-1." }),
    kind: t.expose("kind", { type: OutletKindEnum, description: "Wire agency, publisher, broadcaster, ..." }),
    aliases: t.exposeStringList("aliases", { description: "Other names the outlet goes by." }),
    articleCount: t.relationCount("articles", { description: "Articles stored from this outlet." }),
    firstCarrierCount: t.relationCount("firstOf", { description: "Quotes this outlet carried before any other outlet." }),
    citedByCount: t.relationCount("citations", { description: "Articles (of any outlet) that cite this outlet." }),
    cites: t.field({
      type: [OutletCount],
      description: "Outlets and agencies this outlet's articles cite, most cited first.",
      resolve: async (outlet) => {
        const rows = await getPrisma().$queryRaw<{ id: number; name: string; count: bigint }[]>`
          select o.id, o.name, count(*) as count from "Citation" c
          join "Article" a on a.id = c."articleId" join "Outlet" o on o.id = c."outletId"
          where a."outletId" = ${outlet.id} and c."outletId" <> ${outlet.id} and not a.hidden
          group by o.id, o.name order by count desc, o.name limit 20`;
        return rows.map((r) => ({ outletId: r.id, name: r.name, count: Number(r.count) }));
      },
    }),
    speakers: t.field({
      type: [PersonCount],
      description: "People this outlet quoted, most quotes first.",
      resolve: async (outlet) => {
        const rows = await getPrisma().$queryRaw<{ id: number; name: string; count: bigint }[]>`
          select e.id, e.name, count(*) as count from "Quote" q
          join "Article" a on a.id = q."articleId" join "Entity" e on e.id = q."speakerId"
          where a."outletId" = ${outlet.id} and not q.hidden group by e.id, e.name order by count desc, e.name limit 20`;
        return rows.map((r) => ({ personId: r.id, name: r.name, count: Number(r.count) }));
      },
    }),
    // Own queries rather than t.relatedConnection: Prisma pages a nested relation in memory, so a related
    // connection read every article of the outlet (170k at 1M articles) to return ten.
    articles: t.prismaConnection({
      type: "Article",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Articles this outlet published, newest first.",
      totalCount: (outlet) => getPrisma().article.count({ where: { outletId: outlet.id, hidden: false } }),
      resolve: (query, outlet) =>
        getPrisma().article.findMany({
          ...query,
          where: { outletId: outlet.id, hidden: false },
          orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
        }),
    }),
  }),
});

builder.queryField("outlets", (t) =>
  t.prismaConnection({
    type: "Outlet",
    cursor: "id",
    description: "Every outlet, by name. Page size is capped at 100.",
    maxSize: 100,
    defaultSize: 20,
    args: { search: t.arg.string({ required: false, description: "Case-insensitive match on the name or domain." }) },
    totalCount: (_parent, args) => getPrisma().outlet.count({ where: outletWhere(args.search) }),
    resolve: (query, _parent, args) =>
      getPrisma().outlet.findMany({ ...query, where: outletWhere(args.search), orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);

function outletWhere(search: string | null | undefined) {
  if (!search) return {};
  return {
    OR: [
      { name: { contains: search, mode: "insensitive" as const } },
      { domain: { contains: search, mode: "insensitive" as const } },
    ],
  };
}

builder.queryField("outlet", (t) =>
  t.prismaField({
    type: "Outlet",
    errors: { types: [NotFoundError] },
    description: "One outlet by id, slug or domain.",
    args: {
      id: t.arg.id({ required: false, description: "Outlet id." }),
      slug: t.arg.string({ required: false, description: "e.g. reuters" }),
      domain: t.arg.string({ required: false, description: "e.g. rt.com" }),
    },
    resolve: async (query, _p, args) => {
      const where = args.id
        ? { id: decodeNodeId(args.id, "Outlet") }
        : args.slug
          ? { slug: args.slug }
          : args.domain
            ? { domain: args.domain }
            : null;
      const found = where ? await getPrisma().outlet.findFirst({ ...selectingSomething(query), where }) : null;
      if (!found)
        throw new NotFoundError("Outlet", String(args.id ?? args.slug ?? args.domain ?? "nothing (give id, slug or domain)"));
      return found;
    },
  }),
);
