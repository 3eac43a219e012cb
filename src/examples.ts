/** The example cases under examples/, seeded into a new database on first start. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const EXAMPLES_DIR = new URL("../examples/", import.meta.url).pathname;

export function loadExampleCases(dir: string = EXAMPLES_DIR): Record<string, unknown>[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), "utf8")) as Record<string, unknown>);
}
