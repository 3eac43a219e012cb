// Lint: typescript-eslint's recommended rules, and the one architectural
// rule that matters most: the calculation core does no I/O.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "data/", "public/vendor/"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [
          { group: ["node:*", "fs", "path", "http", "express", "better-sqlite3", "pg", "../web/*", "../store/*", "../cli/*"], message: "The calculation core is pure: no I/O, no web, no database." },
        ],
      }],
      "no-restricted-globals": ["error", "process", "Date", "fetch"],
    },
  },
);
