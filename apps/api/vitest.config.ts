import { defineConfig } from "vitest/config";

export default defineConfig({
  // One graphql instance: Pothos loads the CommonJS build, so ESM imports must resolve to it too.
  resolve: { alias: { graphql: "graphql/index.js" } },
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    globalSetup: ["../../prisma/test-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { NODE_ENV: "test" },
  },
});
