// urql for server components: one client per request, pointed at the Storyline API.
import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";

export const apiUrl = () => process.env.STORYLINE_API_URL ?? `http://localhost:${process.env.STORYLINE_API_PORT ?? 4000}/graphql`;

export const makeClient = () =>
  createClient({
    url: apiUrl(),
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "network-only",
    // Next's fetch cache would serve yesterday's counts; every page is a live view.
    fetchOptions: { cache: "no-store" },
  });

export const { getClient } = registerUrql(makeClient);
