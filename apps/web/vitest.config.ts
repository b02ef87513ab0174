import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["../../prisma/test-global-setup.ts"],
    // One browser suite drives real servers; running suites side by side would only fight over 2 cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    env: { NODE_ENV: "test" },
  },
});
