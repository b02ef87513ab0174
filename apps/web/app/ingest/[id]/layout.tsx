// Whether this ingest run exists, decided before anything streams (lib/found.ts says why).
import type { ReactNode } from "react";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { routeParam } from "../../../lib/routes";

export const dynamic = "force-dynamic";

// Just the type: the page's own query pages through the run's errors, which the check does not need.
const IngestRunExistsQuery = graphql(`
  query IngestRunExists($id: ID!) {
    node(id: $id) {
      __typename
    }
  }
`);

export default async function IngestRunLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const result = await load(IngestRunExistsQuery, { id: routeParam((await params).id) });
  notFoundUnlessFound(result, (data) => data.node?.__typename === "IngestRun");
  return children;
}
