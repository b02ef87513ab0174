// node(id) and nodes(ids), replacing the relay plugin's: those failed the whole list on one missing id, took any
// number of ids, and read each id with its own query (2,000 ids: 2,000 queries and 0.7 s). Here a list is capped,
// read with one query per type, and anything that does not resolve to a row (missing, unknown type, malformed)
// is null in its place.
import { brandWithType } from "@pothos/core";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { getPrisma } from "@storyline/db";
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { builder, type Context } from "../builder.ts";
import { parseGlobalId } from "../ids.ts";
import { selectingSomething } from "../query.ts";

export const MAX_NODE_IDS = 100;

/** Each node type's Prisma model, and which of its rows the type covers. */
const NODE_MODELS: Record<string, { model: string; where?: Record<string, unknown> }> = {
  Article: { model: "article" },
  Entity: { model: "entity" },
  Person: { model: "entity", where: { kind: "PERSON" } },
  Event: { model: "event" },
  IngestRun: { model: "ingestRun" },
  Outlet: { model: "outlet" },
  Quote: { model: "quote" },
  QuoteCluster: { model: "quoteCluster" },
  Story: { model: "story" },
};

type Delegate = { findMany(args: object): Promise<{ id: number }[]> };

async function loadNodes(ids: readonly string[], context: Context, info: GraphQLResolveInfo): Promise<(object | null)[]> {
  const results: ({ id: number } | null)[] = ids.map(() => null);
  // typename -> row id -> the positions asking for it
  const wanted = new Map<string, Map<number, number[]>>();
  ids.forEach((raw, index) => {
    const parsed = parseGlobalId(raw);
    if (!parsed || !NODE_MODELS[parsed.typename]) return;
    const byId = wanted.get(parsed.typename) ?? new Map<number, number[]>();
    byId.set(parsed.id, [...(byId.get(parsed.id) ?? []), index]);
    wanted.set(parsed.typename, byId);
  });
  await Promise.all(
    [...wanted].map(async ([typename, byId]) => {
      const { model, where } = NODE_MODELS[typename]!;
      // The selection this operation makes on the type (fragments included), relations joined in the same query.
      const query = selectingSomething(
        (await queryFromInfo({ context, info, typeName: typename, awaitSelections: true })) as { select?: object },
      );
      const select = (query as { select?: Record<string, unknown> }).select;
      if (select) select.id = true;
      const delegate = (getPrisma() as unknown as Record<string, Delegate>)[model]!;
      const rows = await delegate.findMany({ ...query, where: { ...where, id: { in: [...byId.keys()] } } });
      for (const row of rows) {
        // The Node interface resolves a row to its type by this brand.
        brandWithType(row, typename as never);
        for (const index of byId.get(row.id) ?? []) results[index] = row;
      }
    }),
  );
  return results;
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: "Fetch any object by its global id; null when nothing has that id.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, context, info) => (await loadNodes([String(args.id)], context, info))[0] ?? null,
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description: `Fetch several objects by their global ids (at most ${MAX_NODE_IDS}), in the order given; null in the place of an id nothing has.`,
    args: { ids: t.arg.idList({ required: true }) },
    resolve: (_root, args, context, info) => {
      if (args.ids.length > MAX_NODE_IDS) {
        throw new GraphQLError(`nodes(ids:) takes at most ${MAX_NODE_IDS} ids; ${args.ids.length} were given.`, {
          extensions: { code: "BAD_USER_INPUT" },
        });
      }
      return loadNodes(args.ids.map(String), context, info);
    },
  }),
}));
