// Whether this person exists, decided before anything streams (lib/found.ts says why), and the tab title.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { load } from "../../../lib/load";
import { routeParam } from "../../../lib/routes";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// The title only, for the tab and the existence check: Next renders this layout and the metadata when it
// prefetches a link here, so the full page query would run for every visible link (twenty on the overview).
const PersonTitleQuery = graphql(`
  query PersonTitle($id: ID!) {
    person(id: $id) {
      __typename
      ... on QueryPersonSuccess {
        data {
          id
          name
        }
      }
    }
  }
`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await load(PersonTitleQuery, { id: routeParam((await params).id) });
  return { title: result.data?.person.__typename === "QueryPersonSuccess" ? result.data.person.data.name : "Person" };
}

export default async function PersonLayout({ children, params }: Props & { children: ReactNode }) {
  const result = await load(PersonTitleQuery, { id: routeParam((await params).id) });
  // A lookup that answers null (rather than a NotFoundError) for a missing id is handled alike.
  notFoundUnlessFound(result, (data) => data.person?.__typename === "QueryPersonSuccess");
  return children;
}
