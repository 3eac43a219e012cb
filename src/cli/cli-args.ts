/**
 * The command line's arguments and language, read the same way by the
 * process entry (run-cli.ts), which picks the command's module before
 * loading it, and by run() in main.ts. Loads nothing but node:util.
 */
import { parseArgs } from "node:util";
import type { Lang } from "../case/messages.js";

const OPTIONS = {
  format: { type: "string", default: "json" },
  lang: { type: "string" },
  group: { type: "string" },
  unit: { type: "string" },
  source: { type: "string" },
  set: { type: "string" },
  force: { type: "boolean" },
  email: { type: "string" },
  organisation: { type: "string" },
  name: { type: "string" },
  samples: { type: "string" },
  seed: { type: "string" },
  "cost-range": { type: "string" },
  mapping: { type: "string" },
  columns: { type: "string" },
  output: { type: "string", short: "o" },
  replace: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export type CliArgs = ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;

/** The parsed arguments; throws (node:util's message) on an unknown option. */
export function parseCliArgs(argv: string[]): CliArgs {
  return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
}

export function defaultLang(env: NodeJS.ProcessEnv): Lang {
  return /^(nb|no|nn)/i.test(env.LANG ?? "") ? "nb" : "en";
}

export function chosenLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  return value === "nb" || value === "en" ? value : defaultLang(env);
}

/** The command a process runs, or null when the arguments do not parse (run() then says why). */
export function commandOf(argv: string[]): string | null {
  try {
    return parseCliArgs(argv).positionals[0] ?? null;
  } catch {
    return null;
  }
}
