/**
 * Loads and validates every factor set under emission-factors/ at start.
 * A record without a source, unit or value does not load: the error names
 * the file and the record, and the process refuses to start rather than
 * compute with a factor nobody can trace.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { z } from "zod";
import { formatPath } from "../case/paths.js";
import type { FactorLibrary, FactorSet } from "./factor-set.js";
import { checkSetConsistency } from "./consistency.js";
import { economicsSchema, factorFileSchema, setChangesSchema, setManifestSchema, type FactorRecord } from "./schema.js";

export class FactorLoadError extends Error {
  constructor(readonly problems: string[]) {
    super(`The emission-factor library did not load:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

export const DEFAULT_FACTOR_DIR = new URL("../../emission-factors/", import.meta.url).pathname;

function readJson(file: string, problems: string[]): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: not readable JSON (${(error as Error).message})`);
    return undefined;
  }
}

function describe(file: string, data: unknown, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const [head, index] = issue.path;
    const records = (data as { records?: { id?: unknown }[] })?.records;
    const id = head === "records" && typeof index === "number" ? records?.[index]?.id : undefined;
    const where = typeof id === "string" ? ` record "${id}"` : "";
    return `${file}${where}: ${formatPath(issue.path)}: ${issue.message}`;
  });
}

function parseWith<T>(schema: z.ZodType<T>, file: string, problems: string[]): T | undefined {
  const data = readJson(file, problems);
  if (data === undefined) return undefined;
  const parsed = schema.safeParse(data);
  if (!parsed.success) problems.push(...describe(file, data, parsed.error));
  return parsed.success ? parsed.data : undefined;
}

/** Files of a set that hold no records; every other .json file holds records. */
const CHANGES_FILE = "changes.json";
const SET_FILES = ["set.json", "economics.json", CHANGES_FILE];

export function loadFactorSet(dir: string): FactorSet {
  const problems: string[] = [];
  const files = readdirSync(dir).filter((f) => f.endsWith(".json")).sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update("\0").update(readFileSync(join(dir, f))).update("\0");
  const manifest = parseWith(setManifestSchema, join(dir, "set.json"), problems);
  const economics = parseWith(economicsSchema, join(dir, "economics.json"), problems);
  const changes = files.includes(CHANGES_FILE) ? parseWith(setChangesSchema, join(dir, CHANGES_FILE), problems) : undefined;
  const records = new Map<string, FactorRecord>();
  for (const f of files.filter((name) => !SET_FILES.includes(name))) {
    const parsed = parseWith(factorFileSchema, join(dir, f), problems);
    for (const record of parsed?.records ?? []) {
      if (records.has(record.id)) problems.push(`${join(dir, f)} record "${record.id}": id already used by another record`);
      records.set(record.id, record);
    }
  }
  if (problems.length > 0 || !manifest || !economics) throw new FactorLoadError(problems);
  const set: FactorSet = { id: manifest.id, manifest, economics, records, changes, hash: `sha256:${hash.digest("hex")}` };
  const inconsistent = checkSetConsistency(set).map((p) => `${dir}: ${p}`);
  if (inconsistent.length > 0) throw new FactorLoadError(inconsistent);
  return set;
}

/**
 * Every set under `root`, one folder each that holds a set.json (other
 * folders, such as sources/ with the raw rows a set is built from, are not
 * sets); the newest is the last by release date, then id.
 */
export function loadFactorLibrary(root: string = DEFAULT_FACTOR_DIR): FactorLibrary {
  const dirs = readdirSync(root)
    .sort()
    .map((name) => join(root, name))
    .filter((path) => statSync(path).isDirectory() && existsSync(join(path, "set.json")));
  const sets = new Map(dirs.map((d) => loadFactorSet(d)).map((s) => [s.id, s] as const));
  if (sets.size === 0) throw new FactorLoadError([`${root}: no factor set found`]);
  const newest = [...sets.values()].sort((a, b) => a.manifest.released.localeCompare(b.manifest.released) || a.id.localeCompare(b.id)).at(-1)!;
  return { sets, newest: newest.id, root };
}
