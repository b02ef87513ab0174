// The yoga instance, apart from any listener, so tests drive it in process with yoga.fetch.
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { env } from "@storyline/db/env";
import { schema } from "@storyline/schema";
import { createYoga } from "graphql-yoga";
import { defaultQuery, exampleOperations } from "./graphiql-examples.ts";

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
      defaultTabs: exampleOperations.map((op) => ({ query: op.query, variables: op.variables })),
    },
    renderGraphiQL,
    context: ({ request }) => ({
      canWrite: Boolean(writeToken) && request.headers.get("authorization") === `Bearer ${writeToken}`,
    }),
  });
}

export const yoga = createStorylineYoga();
