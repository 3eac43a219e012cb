import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // builds dist/ once, so the command-line tests run the built CLI as users do
    globalSetup: ["test/build-once.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two files at a time: by default vitest keeps one core free, which on a
    // 2-core CI machine runs the files one after another while most of them
    // wait on a browser, a server or PostgreSQL. Each file makes its own
    // databases, servers and data directories, so two can run side by side.
    maxWorkers: 2,
    coverage: {
      provider: "v8",
      include: ["src/core/**"],
      reporter: ["text-summary"],
      thresholds: { lines: 90 },
    },
  },
});
