// Stories: threads of events an analyst follows.
import { getPrisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { NotFoundError } from "../errors.ts";
import { decodeNodeId } from "../ids.ts";
import { selectingSomething } from "../query.ts";

builder.prismaNode("Story", {
  id: { field: "id" },
  description: "A thread of events sharing participants and subject over a longer span.",
  fields: (t) => ({
    title: t.exposeString("title", { description: "Readable title." }),
    firstDate: t.expose("firstDate", { type: "Date", nullable: true, description: "Its earliest event." }),
    lastDate: t.expose("lastDate", { type: "Date", nullable: true, description: "Its latest event." }),
    eventCount: t.exposeInt("eventCount", { description: "Events in it." }),
    articleCount: t.exposeInt("articleCount", { description: "Articles reporting its events." }),
    // Its own paged query: Prisma pages a nested relation (t.relatedConnection) in memory.
    events: t.prismaConnection({
      type: "Event",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Its events in date order.",
      totalCount: (story) => getPrisma().event.count({ where: { storyId: story.id } }),
      resolve: (query, story) =>
        getPrisma().event.findMany({
          ...query,
          where: { storyId: story.id },
          orderBy: [{ date: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  stories: t.prismaConnection({
    type: "Story",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "Stories, most recently active first. Page size is capped at 100.",
    args: { search: t.arg.string({ required: false, description: "Words in the title." }) },
    totalCount: (_p, args) =>
      getPrisma().story.count({ where: args.search ? { title: { contains: args.search, mode: "insensitive" } } : {} }),
    resolve: (query, _p, args) =>
      getPrisma().story.findMany({
        ...query,
        where: args.search ? { title: { contains: args.search, mode: "insensitive" } } : {},
        orderBy: [{ lastDate: { sort: "desc", nulls: "last" } }, { id: "asc" }],
      }),
  }),
  story: t.prismaField({
    type: "Story",
    errors: { types: [NotFoundError] },
    description: "One story by id.",
    args: { id: t.arg.id({ required: true, description: "Story id." }) },
    resolve: async (query, _p, args) => {
      const found = await getPrisma().story.findUnique({
        ...selectingSomething(query),
        where: { id: decodeNodeId(args.id, "Story") },
      });
      if (!found) throw new NotFoundError("Story", String(args.id));
      return found;
    },
  }),
}));
