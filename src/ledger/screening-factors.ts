/**
 * The factor set a screening needs, and no more: the newest bundled set's
 * manifest, economics and spend records, read and checked against the
 * same schemas as the full loader (src/factors/load.ts), with the same
 * hash over all the set's files, so a screening made from the command
 * line names the same set and hash as one made by the server.
 *
 * Why not the full loader: it checks every record's unit with the unit
 * engine (mathjs), which alone holds about 90 MB before a ledger line is
 * read. A spend record's unit is "kgCO2e/<its currency>", which is read
 * here without it; a spend record written any other way is left out and
 * its lines count as unmapped (screening.ts), never converted wrongly.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { FactorSet } from "../factors/factor-set.js";
import { economicsSchema, factorFileSchema, setManifestSchema, type FactorRecord } from "../factors/schema.js";

/** The same folder as src/factors/load.ts's DEFAULT_FACTOR_DIR (not imported: that module loads the unit engine). */
export const SCREENING_FACTOR_DIR = new URL("../../emission-factors/", import.meta.url).pathname;

const NOT_RECORDS = new Set(["set.json", "economics.json", "changes.json"]);

export class ScreeningFactorError extends Error {}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new ScreeningFactorError(`${file}: not readable JSON (${(error as Error).message})`);
  }
}

function parsed<T>(schema: { safeParse(data: unknown): { success: true; data: T } | { success: false; error: { message: string } } }, file: string): T {
  const result = schema.safeParse(readJson(file));
  if (!result.success) throw new ScreeningFactorError(`${file}: ${result.error.message}`);
  return result.data;
}

/** The set folder's hash exactly as loadFactorSet computes it: every .json file's name and bytes, in name order. */
function setHash(dir: string, files: string[]): string {
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
  return `sha256:${hash.digest("hex")}`;
}

/** One set's manifest, economics and spend records only. */
export function loadScreeningSet(dir: string): FactorSet {
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const manifest = parsed(setManifestSchema, join(dir, "set.json"));
  const economics = parsed(economicsSchema, join(dir, "economics.json"));
  const records = new Map<string, FactorRecord>();
  for (const f of files.filter((name) => !NOT_RECORDS.has(name))) {
    for (const record of parsed(factorFileSchema, join(dir, f)).records) if (record.group === "spend") records.set(record.id, record);
  }
  return { id: manifest.id, manifest, economics, records, hash: setHash(dir, files) };
}

/** The newest set under `root` (by release date, then id: the same choice as loadFactorLibrary), or the one named. */
export function loadScreeningFactors(root: string = SCREENING_FACTOR_DIR, id?: string): FactorSet {
  const sets = readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory() && existsSync(join(path, "set.json")))
    .map((dir) => ({ dir, manifest: parsed(setManifestSchema, join(dir, "set.json")) }));
  const chosen = id === undefined ? sets.sort((a, b) => a.manifest.released.localeCompare(b.manifest.released) || a.manifest.id.localeCompare(b.manifest.id)).at(-1) : sets.find((s) => s.manifest.id === id);
  if (!chosen) throw new ScreeningFactorError(`${root}: ${id === undefined ? "no factor set found" : `no factor set "${id}"`}`);
  return loadScreeningSet(chosen.dir);
}
