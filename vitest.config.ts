import { configDefaults, defineConfig } from "vitest/config";

/**
 * The one test that times the server (a health check answered within
 * 100 ms while the heaviest allowed case is evaluated) runs alone, after
 * the rest: beside another test file on a 2-core machine it would measure
 * that file's load, not whether evaluation blocks the server's thread.
 */
const ALONE = ["test/web/hostile-load.db.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    coverage: {
      provider: "v8",
      include: ["src/core/**"],
      reporter: ["text-summary"],
      thresholds: { lines: 90 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: "suite",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...ALONE],
          // builds dist/ once, so the command-line tests run the built CLI as users do
          globalSetup: ["test/build-once.ts"],
          // Two files at a time: by default vitest keeps one core free, which on a
          // 2-core CI machine runs the files one after another while most of them
          // wait on a browser, a server or PostgreSQL. Each file makes its own
          // databases, servers and data directories, so two can run side by side.
          maxWorkers: 2,
        },
      },
      { extends: true, test: { name: "alone", include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
