// Runs one GraphQL query for a server component and says, in words for people, why it failed.
import type { AnyVariables, CombinedError } from "@urql/core";
import type { TadaDocumentNode } from "gql.tada";
import { apiUrl, getClient } from "./urql";

export interface ApiFailure {
  /** unreachable: no answer at all; rejected: the API answered with an error. */
  kind: "unreachable" | "rejected";
  message: string;
}

export type Loaded<T> = { data: T; failure: null } | { data: null; failure: ApiFailure };

export function describeFailure(error: CombinedError | undefined): ApiFailure {
  if (!error) return { kind: "rejected", message: "The API returned no data." };
  if (error.networkError) {
    return { kind: "unreachable", message: `No answer from the API at ${apiUrl()} (${error.networkError.message}).` };
  }
  return { kind: "rejected", message: error.graphQLErrors.map((e) => e.message).join(" ") || error.message };
}

export async function load<Data, Variables extends AnyVariables>(
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Loaded<Data>> {
  const result = await getClient().query(document, variables).toPromise();
  if (result.error || !result.data) return { data: null, failure: describeFailure(result.error) };
  return { data: result.data, failure: null };
}
