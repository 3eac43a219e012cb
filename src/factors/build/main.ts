/**
 * Builds a factor set from raw source rows and writes it deterministically
 * (records sorted by id, two-space JSON, one newline at the end):
 *
 *   npm run factors:build -- 2025-2            writes emission-factors/2025-2/
 *   npm run factors:build -- 2025-2 <out dir>  writes elsewhere (a reviewer's check)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_FACTOR_DIR } from "../load.js";
import { diffSets } from "./changes.js";
import { readSetFiles } from "./carried-records.js";
import { OTHER_CHANGES_2025_2, reasonFor20252 } from "./reasons-2025-2.js";
import { economics20252, MANIFEST_2025_2, records20252 } from "./set-2025-2.js";

export const BUILDABLE_SETS = ["2025-2"] as const;

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** File name → file text of set `id`, built from the rows under `root`. */
export function buildSet(id: string, root: string = DEFAULT_FACTOR_DIR): Map<string, string> {
  if (id !== "2025-2") throw new Error(`no generator for set "${id}" (buildable: ${BUILDABLE_SETS.join(", ")})`);
  const files = records20252(root);
  const previous = [...readSetFiles(join(root, "2025-1")).values()].flatMap((f) => f.records);
  const changes = diffSets({ id: "2025-1", records: previous }, { id, records: [...files.values()].flatMap((f) => f.records) }, reasonFor20252, OTHER_CHANGES_2025_2);
  const out = new Map<string, string>([
    ["set.json", json(MANIFEST_2025_2)],
    ["economics.json", json(economics20252(root))],
    ["changes.json", json(changes)],
  ]);
  for (const [name, file] of files) out.set(name, json(file));
  return new Map([...out].sort(([a], [b]) => a.localeCompare(b)));
}

/** Replaces the .json files of `dir` with the built set. */
export function writeSet(files: Map<string, string>, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir).filter((name) => name.endsWith(".json"))) rmSync(join(dir, f));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [id, out] = process.argv.slice(2);
  if (!id) throw new Error("usage: npm run factors:build -- <set id> [out dir]");
  const dir = out ?? join(DEFAULT_FACTOR_DIR, id);
  writeSet(buildSet(id), dir);
  console.log(`wrote ${dir}`);
}
