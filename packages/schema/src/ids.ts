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

/** "an Event", "a Story": messages people read are grammatical. */
export const withArticle = (noun: string) => `${/^[AEIOU]/i.test(noun) ? "an" : "a"} ${noun}`;
const kinds = (typenames: string[]) => withArticle(typenames.join(" or "));

/** Ids are Postgres int4: a larger number names nothing (and would make Prisma fail with an overflow). */
const MAX_ID = 2_147_483_647;
const isDatabaseId = (digits: string) => /^\d{1,10}$/.test(digits) && Number(digits) <= MAX_ID;

/** A Relay global id's type and numeric id, or null when it is not one. */
export function parseGlobalId(id: string): { typename: string; id: number } | null {
  try {
    const decoded = decodeGlobalID(id);
    return isDatabaseId(decoded.id) && /^[A-Z]\w*$/.test(decoded.typename)
      ? { typename: decoded.typename, id: Number(decoded.id) }
      : null;
  } catch {
    return null;
  }
}

export function decodeNodeId(id: string | number, ...typenames: string[]): number {
  if (typeof id === "number") {
    if (!Number.isInteger(id) || id < 0 || id > MAX_ID) throw new InvalidIdError(`${id} is not ${kinds(typenames)} id.`);
    return id;
  }
  if (/^\d+$/.test(id)) {
    if (!isDatabaseId(id)) throw new InvalidIdError(`"${id}" is not ${kinds(typenames)} id.`);
    return Number(id);
  }
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(id);
  } catch {
    throw new InvalidIdError(`"${id}" is not ${kinds(typenames)} id.`);
  }
  if (!typenames.includes(decoded.typename) || !/^\d+$/.test(decoded.id)) {
    if (!/^[A-Z]\w*$/.test(decoded.typename) || !/^\d+$/.test(decoded.id))
      throw new InvalidIdError(`"${id}" is not ${kinds(typenames)} id.`);
    // The dashboard recognises "is a(n) X id; expected" as an unknown id (apps/web/lib/load.ts).
    throw new InvalidIdError(`"${id}" is ${withArticle(decoded.typename)} id; expected ${kinds(typenames)} id.`);
  }
  if (!isDatabaseId(decoded.id)) throw new InvalidIdError(`"${id}" is not ${kinds(typenames)} id.`);
  return Number(decoded.id);
}

export const decodeNodeIds = (ids: readonly (string | number)[] | null | undefined, ...typenames: string[]) =>
  ids?.length ? ids.map((id) => decodeNodeId(id, ...typenames)) : undefined;
