// Runs one GraphQL query for a server component and says, in words for people, why it failed.
import type { AnyVariables, CombinedError } from "@urql/core";
import type { TadaDocumentNode } from "gql.tada";
import { cache } from "react";
import { apiUrl, getClient } from "./urql";

export interface ApiFailure {
  /** unreachable: no answer at all; rejected: the API answered with an error. */
  kind: "unreachable" | "rejected";
  message: string;
  /** The API refused or did not know the id asked for: the address is wrong, so the page is a 404. */
  unknownId?: boolean;
}

export type Loaded<T> = { data: T; failure: null } | { data: null; failure: ApiFailure };

export function describeFailure(error: CombinedError | undefined): ApiFailure {
  if (!error) return { kind: "rejected", message: "The API returned no data." };
  if (error.networkError) {
    return { kind: "unreachable", message: `No answer from the API at ${apiUrl()} (${error.networkError.message}).` };
  }
  const unknownId = error.graphQLErrors.some((e) => e.extensions?.code === "BAD_USER_INPUT" || UNKNOWN_ID.test(e.message));
  return { kind: "rejected", message: error.graphQLErrors.map((e) => e.message).join(" ") || error.message, unknownId };
}

// How the API says an id matches nothing, in its words today and after the lookups return null instead:
// "... is not a(n) Event id", "... is a Story id; expected Event" (BAD_USER_INPUT), Relay's "Invalid global ID"
// and "foo has not been implemented" for a type that does not exist, "No Event matches ...", "unknown id".
const UNKNOWN_ID =
  /invalid global id|has not been implemented|\bis not an? [\w ]+ id\b|\bis an? \w+ id; expected\b|\bno \w+ matches\b|\bunknown\b[^.]*\bid\b|\bnot found\b/i;

// generateMetadata and the page ask the same question in one request; React's cache makes that one call.
const loadOnce = cache(
  async (document: TadaDocumentNode<unknown, AnyVariables>, variablesKey: string): Promise<Loaded<unknown>> => {
    const result = await getClient().query(document, JSON.parse(variablesKey)).toPromise();
    if (result.error || !result.data) return { data: null, failure: describeFailure(result.error) };
    return { data: result.data, failure: null };
  },
);

export function load<Data, Variables extends AnyVariables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Loaded<Data>> {
  return loadOnce(document as TadaDocumentNode<unknown, AnyVariables>, JSON.stringify(variables ?? {})) as Promise<Loaded<Data>>;
}
