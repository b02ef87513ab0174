// The yoga instance, apart from any listener, so tests drive it in process with yoga.fetch.

import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { env } from "@storyline/db/env";
import { schema } from "@storyline/schema";
import { createYoga, type Plugin } from "graphql-yoga";
import { defaultQuery, exampleOperations } from "./graphiql-examples.ts";

/** Limits that refuse oversized operations before they reach a resolver; documented in the README. */
export const LIMITS = { maxBodyBytes: 64 * 1024, maxTokens: 3000, maxDepth: 12, maxAliases: 20, maxCost: 20_000 } as const;

/** Refuses huge bodies before yoga parses them, so one client cannot tie up the event loop. */
const bodySizePlugin: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > LIMITS.maxBodyBytes) {
      endResponse(
        fetchAPI.Response.json(
          {
            errors: [
              {
                message: `Request body is ${length} bytes; the limit is ${LIMITS.maxBodyBytes}.`,
                extensions: { code: "PAYLOAD_TOO_LARGE" },
              },
            ],
          },
          { status: 413 },
        ),
      );
    }
  },
};

export function createStorylineYoga() {
  const writeToken = env.STORYLINE_WRITE_TOKEN;
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    maskedErrors: true,
    cors: {
      origin: env.STORYLINE_CORS_ORIGINS?.split(",").map((o) => o.trim()) ?? [
        `http://localhost:${env.STORYLINE_WEB_PORT}`,
        `http://127.0.0.1:${env.STORYLINE_WEB_PORT}`,
      ],
      credentials: false,
      methods: ["GET", "POST"],
    },
    // Self-contained GraphiQL (no CDN), opening one tab per named example operation.
    graphiql: {
      title: "Storyline GraphiQL",
      defaultQuery,
      defaultEditorToolsVisibility: true,
      defaultTabs: exampleOperations.map((op) => ({ query: op.query })),
    },
    renderGraphiQL,
    plugins: [
      bodySizePlugin,
      maxTokensPlugin({ n: LIMITS.maxTokens }),
      maxDepthPlugin({ n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
      maxAliasesPlugin({ n: LIMITS.maxAliases, allowList: [] }),
      costLimitPlugin({ maxCost: LIMITS.maxCost, ignoreIntrospection: true }),
    ],
    context: ({ request }) => ({
      canWrite: Boolean(writeToken) && request.headers.get("authorization") === `Bearer ${writeToken}`,
    }),
  });
}

export const yoga = createStorylineYoga();
