// urql for server components: one client per request, pointed at the Storyline API.
import { cacheExchange, createClient, fetchExchange } from "@urql/core";
import { registerUrql } from "@urql/next/rsc";

export const apiUrl = () => process.env.STORYLINE_API_URL ?? `http://localhost:${process.env.STORYLINE_API_PORT ?? 4000}/graphql`;

const makeClient = () =>
  createClient({
    url: apiUrl(),
    exchanges: [cacheExchange, fetchExchange],
    requestPolicy: "network-only",
  });

export const { getClient } = registerUrql(makeClient);
