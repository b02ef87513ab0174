// Accepts either a Relay global id ("T3V0bGV0OjEy" = "Outlet:12") or the bare database id ("12") in filters,
// so GraphiQL users can paste whichever they have. A wrong type is an expected, typed error.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { GraphQLError } from "graphql";

/** A GraphQLError, so yoga's masking lets it through: the client sent a bad id and should be told. */
export class InvalidIdError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "BAD_USER_INPUT" } });
  }
}

export function decodeNodeId(id: string | number, ...typenames: string[]): number {
  if (typeof id === "number") return id;
  if (/^\d+$/.test(id)) return Number(id);
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw new InvalidIdError(`"${id}" is not a ${typenames.join(" or ")} id`);
  }
  if (!typenames.includes(decoded.typename) || !/^\d+$/.test(decoded.id)) {
    throw new InvalidIdError(`"${id}" is a ${decoded.typename} id; expected ${typenames.join(" or ")}`);
  }
  return Number(decoded.id);
}

export const decodeNodeIds = (ids: readonly (string | number)[] | null | undefined, ...typenames: string[]) =>
  ids?.length ? ids.map((id) => decodeNodeId(id, ...typenames)) : undefined;
