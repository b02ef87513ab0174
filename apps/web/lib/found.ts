// "Nothing has this id" must reach the browser as an HTTP 404, not a 200 page saying so: links checkers,
// crawlers and scripts read the status. Next can only send 404 before the response starts streaming, so the
// detail routes run this check in their segment's layout, above the loading skeleton (loading.tsx wraps only
// the page below it).
import { notFound } from "next/navigation";
import type { Loaded } from "./load";

/**
 * Ends the render with the not-found page when the API answered that nothing has this id: a lookup result that
 * is null or not the success type, or an error refusing the id (malformed, wrong type, unknown). An API that is
 * down or failing otherwise is not a 404: the page renders and shows its error card.
 */
export function notFoundUnlessFound<Data>(result: Loaded<Data>, found: (data: Data) => boolean): void {
  if (result.failure ? result.failure.unknownId : !found(result.data)) notFound();
}
