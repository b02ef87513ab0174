// Typed GraphQL documents: gql.tada reads the API's SDL (packages/schema/schema.graphql), so a query that
// asks for a field the API lacks fails typechecking instead of failing in front of an analyst.
import { initGraphQLTada } from "gql.tada";
import type { introspection } from "../generated/graphql-env.d.ts";

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; LocalDateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf } from "gql.tada";
export { readFragment } from "gql.tada";
