/**
 * Builds a factor set from raw source rows and writes it deterministically
 * (records sorted by id, two-space JSON, one newline at the end):
 *
 *   npm run factors:build -- 2026-1            writes emission-factors/2026-1/
 *   npm run factors:build -- 2025-2 <out dir>  writes elsewhere (a reviewer's check)
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_FACTOR_DIR } from "../load.js";
import type { Economics, SetChanges, SetManifest } from "../schema.js";
import { diffSets, type ReasonOf } from "./changes.js";
import { readSetFiles, type FactorFile } from "./carried-records.js";
import { OTHER_CHANGES_2025_2, reasonFor20252 } from "./reasons-2025-2.js";
import { OTHER_CHANGES_2026_1, reasonFor20261 } from "./reasons-2026-1.js";
import { economics20252, MANIFEST_2025_2, records20252 } from "./set-2025-2.js";
import { economics20261, MANIFEST_2026_1, PREVIOUS_2026_1, records20261 } from "./set-2026-1.js";

/** How one set is built: its manifest, records, economics, the set it follows and why each record changed. */
type Recipe = { manifest: SetManifest; previous: string; records: (root: string) => Map<string, FactorFile>; economics: (root: string) => Economics; reasonOf: ReasonOf; other: SetChanges["other"] };

const RECIPES: Record<string, Recipe> = {
  "2025-2": { manifest: MANIFEST_2025_2, previous: "2025-1", records: records20252, economics: economics20252, reasonOf: reasonFor20252, other: OTHER_CHANGES_2025_2 },
  "2026-1": { manifest: MANIFEST_2026_1, previous: PREVIOUS_2026_1, records: records20261, economics: economics20261, reasonOf: reasonFor20261, other: OTHER_CHANGES_2026_1 },
};

export const BUILDABLE_SETS = Object.keys(RECIPES);

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** File name → file text of set `id`, built from the rows under `root`. */
export function buildSet(id: string, root: string = DEFAULT_FACTOR_DIR): Map<string, string> {
  const recipe = RECIPES[id];
  if (!recipe) throw new Error(`no generator for set "${id}" (buildable: ${BUILDABLE_SETS.join(", ")})`);
  const files = recipe.records(root);
  const previous = [...readSetFiles(join(root, recipe.previous)).values()].flatMap((f) => f.records);
  const changes = diffSets({ id: recipe.previous, records: previous }, { id, records: [...files.values()].flatMap((f) => f.records) }, recipe.reasonOf, recipe.other);
  const out = new Map<string, string>([
    ["set.json", json(recipe.manifest)],
    ["economics.json", json(recipe.economics(root))],
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
