// The yoga instance, apart from any listener, so tests drive it in process with yoga.fetch.

import { createHash, timingSafeEqual } from "node:crypto";
import { costLimitPlugin } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesPlugin } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthPlugin } from "@escape.tech/graphql-armor-max-depth";
import { maxTokensPlugin } from "@escape.tech/graphql-armor-max-tokens";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { env } from "@storyline/db/env";
import { schema } from "@storyline/schema";
import { createYoga } from "graphql-yoga";
import { defaultQuery, exampleOperations } from "./graphiql-examples.ts";
import { corsFor, mediaTypePlugin } from "./http-rules.ts";

/** Limits that refuse oversized operations before they reach a resolver; documented in the README. */
export const LIMITS = {
  maxBodyBytes: 64 * 1024,
  maxTokens: 3000,
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 20_000,
  maxNodeIds: 100,
} as const;

/** The browser origins the dashboard runs on, unless STORYLINE_CORS_ORIGINS names others. */
export const allowedOrigins = (): string[] =>
  env.STORYLINE_CORS_ORIGINS?.split(",")
    .map((o) => o.trim())
    .filter(Boolean) ?? [`http://localhost:${env.STORYLINE_WEB_PORT}`, `http://127.0.0.1:${env.STORYLINE_WEB_PORT}`];

/** `Bearer <token>` compared in constant time (digests of equal length), so timing tells nothing of the token. */
export function carriesToken(authorization: string | null, token: string | undefined): boolean {
  if (!token || !authorization) return false;
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(authorization), digest(`Bearer ${token}`));
}

export function createStorylineYoga() {
  const writeToken = env.STORYLINE_WRITE_TOKEN;
  return createYoga({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    maskedErrors: true,
    // Yoga counts body bytes as they arrive (Content-Length or not) and answers 413 past the limit: a chunked
    // body cannot grow past it in memory.
    maxRequestBodySize: LIMITS.maxBodyBytes,
    // One operation per request: a batched array would multiply every other limit by its length.
    batching: false,
    // No uploads: corrections take ids and short strings.
    multipart: false,
    cors: corsFor(allowedOrigins()),
    // Self-contained GraphiQL (no CDN), opening one tab per named example operation.
    graphiql: {
      title: "Storyline GraphiQL",
      defaultQuery,
      defaultEditorToolsVisibility: true,
      defaultTabs: exampleOperations.map((op) => ({ query: op.query })),
    },
    renderGraphiQL,
    plugins: [
      mediaTypePlugin,
      maxTokensPlugin({ n: LIMITS.maxTokens }),
      maxDepthPlugin({ n: LIMITS.maxDepth, ignoreIntrospection: true, flattenFragments: true }),
      maxAliasesPlugin({ n: LIMITS.maxAliases, allowList: [] }),
      costLimitPlugin({ maxCost: LIMITS.maxCost, ignoreIntrospection: true }),
    ],
    context: ({ request }) => ({ canWrite: carriesToken(request.headers.get("authorization"), writeToken) }),
  });
}

export const yoga = createStorylineYoga();
