// Whether this outlet exists, decided before anything streams (lib/found.ts says why), and the tab title.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { outletLookup as lookup, routeParam } from "../../../lib/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ ref: string }> };

// The title only, for the tab and the existence check: Next renders this layout and the metadata when it
// prefetches a link here, so the full page query would run for every visible link (twenty on the overview).
const OutletTitleQuery = graphql(`
  query OutletTitle($id: ID, $slug: String) {
    outlet(id: $id, slug: $slug) {
      __typename
      ... on QueryOutletSuccess {
        data {
          id
          name
        }
      }
    }
  }
`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await load(OutletTitleQuery, lookup(routeParam((await params).ref)));
  return { title: result.data?.outlet.__typename === "QueryOutletSuccess" ? result.data.outlet.data.name : "Outlet" };
}

export default async function OutletLayout({ children, params }: Props & { children: ReactNode }) {
  const result = await load(OutletTitleQuery, lookup(routeParam((await params).ref)));
  // A lookup that answers null (rather than a NotFoundError) for a missing id is handled alike.
  notFoundUnlessFound(result, (data) => data.outlet?.__typename === "QueryOutletSuccess");
  return children;
}
