import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // builds dist/ once, so the command-line tests run the built CLI as users do
    globalSetup: ["test/build-once.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["src/core/**"],
      reporter: ["text-summary"],
      thresholds: { lines: 90 },
    },
  },
});
