// Outlet: a publisher, broadcaster or wire agency, and the root fields that list them.
import { getPrisma } from "@storyline/db";
import { builder } from "../builder.ts";

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
    articles: t.relatedConnection("articles", {
      description: "Articles this outlet published, newest first.",
      cursor: "id",
      totalCount: true,
      query: () => ({ orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] }),
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
