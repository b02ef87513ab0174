// Pothos configuration only: plugins (errors before prisma, then relay), scalars, context. No types here.
import SchemaBuilder from "@pothos/core";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import { getPrisma } from "@storyline/db";
import type PrismaTypes from "@storyline/db/pothos-types";
import { getDatamodel } from "@storyline/db/pothos-types";

export interface Context {
  /** True when the request carried the configured write token. */
  canWrite: boolean;
}

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    LocalDateTime: { Input: Date; Output: Date };
    Date: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  plugins: [ErrorsPlugin, PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: { defaultTypes: [] },
  prisma: {
    client: () => getPrisma(),
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "test" ? "error" : null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodeTypeOptions: { description: "An object with a global id: fetch any of them again with `node(id:)`." },
    // Our own node(id) and nodes(ids) (types/node.ts): capped, batched per type, null for a missing id.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    pageInfoTypeOptions: { description: "Where a page sits in a connection." },
  },
});
