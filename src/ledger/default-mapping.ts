/**
 * The default mapping for the KOSTRA artskontoplan, as shipped in
 * emission-factors/mappings/kostra-artskontoplan.json: each art (three
 * digits) either to an EXIOBASE spend factor in a purchase category or
 * out of scope, with the reason in both languages, so that a first
 * import gives an answer before the adviser has mapped anything.
 *
 * The file is read and checked once; a file that does not hold (an
 * unknown category, an account twice, a name without its source) stops
 * the caller with the file and the place named, rather than screen a
 * ledger with a mapping nobody can trace. Sources, method and what was
 * left out: emission-factors/mappings/README.md.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { formatPath } from "../case/paths.js";
import { PURCHASE_CATEGORY_IDS, type PurchaseCategory } from "../core/climate/categories.js";
import type { FactorSet } from "../factors/factor-set.js";
import type { DefaultMapping } from "./types.js";

export const DEFAULT_MAPPING_DIR = new URL("../../emission-factors/mappings/", import.meta.url).pathname;
export const KOSTRA_MAPPING_FILE = join(DEFAULT_MAPPING_DIR, "kostra-artskontoplan.json");

const localized = z.strictObject({ nb: z.string().min(1), en: z.string().min(1) });
const account = z.string().regex(/^\d{3}$/, "a KOSTRA art is three digits, e.g. \"115\"");
const category = z.enum(PURCHASE_CATEGORY_IDS as [PurchaseCategory, ...PurchaseCategory[]]);

const targetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("factor"), factor: z.string().regex(/^spend\./, "the default maps to spend factors (ids \"spend.…\")"), category }),
  z.strictObject({ kind: z.literal("out-of-scope") }),
]);

const sourceSchema = z.strictObject({
  id: z.string().min(1),
  publisher: z.string().min(1),
  title: z.string().min(1),
  year: z.number().int().min(1990).max(2100).nullable(),
  url: z.url(),
  usedFor: z.string().min(1),
  licence: z.string().min(1).optional(),
});

const ruleSchema = z.strictObject({
  account,
  name: localized,
  target: targetSchema,
  reason: localized,
  /** The `sources[].id` the name (or, for nameKind "series", the series' description) was taken from. */
  nameSource: z.string().min(1),
  /**
   * "art": the art's own name as a source prints it. "series": the art's own name was not found, so the
   * name says only the code and what its series holds ("Art 370 – …"), and the rule is made for the series.
   */
  nameKind: z.enum(["art", "series"]),
  /** False for an art that has left the KOSTRA chart but lives on in many internal charts (290, 790). */
  inCurrentKostraPlan: z.boolean(),
});

const fileSchema = z
  .strictObject({
    id: z.string().min(1),
    title: localized,
    source: z.string().min(1),
    /** The factor set whose spend factors the rules name. */
    factorSet: z.string().min(1),
    sources: z.array(sourceSchema).min(1),
    rules: z.array(ruleSchema).min(1),
    /** Arts whose code is known but whose name or content could not be verified: listed, not mapped. */
    unverified: z.array(z.strictObject({ account, note: localized })),
  })
  .superRefine((file, ctx) => {
    const sourceIds = new Set(file.sources.map((s) => s.id));
    const seen = new Set<string>();
    file.rules.forEach((rule, i) => {
      if (seen.has(rule.account)) ctx.addIssue({ code: "custom", path: ["rules", i, "account"], message: `account ${rule.account} is mapped twice` });
      seen.add(rule.account);
      if (!sourceIds.has(rule.nameSource)) ctx.addIssue({ code: "custom", path: ["rules", i, "nameSource"], message: `no source with id "${rule.nameSource}"` });
    });
    file.unverified.forEach((entry, i) => {
      if (seen.has(entry.account)) ctx.addIssue({ code: "custom", path: ["unverified", i, "account"], message: `account ${entry.account} is both mapped and listed as unverified` });
    });
  });

export type KostraMappingFile = z.infer<typeof fileSchema>;
export type KostraMappingRule = KostraMappingFile["rules"][number];

export class DefaultMappingError extends Error {
  constructor(readonly problems: string[]) {
    super(`The default account mapping did not load:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

/** Checks the file's content; throws DefaultMappingError naming the file and each place that is wrong. */
export function parseKostraMappingFile(data: unknown, file: string): KostraMappingFile {
  const parsed = fileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new DefaultMappingError(parsed.error.issues.map((issue) => `${file}: ${formatPath(issue.path)}: ${issue.message}`));
}

export function loadKostraMappingFile(file: string = KOSTRA_MAPPING_FILE): KostraMappingFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new DefaultMappingError([`${file}: not readable JSON (${(error as Error).message})`]);
  }
  return parseKostraMappingFile(data, file);
}

/** The shipped mapping in the shape the screening uses (id, title, one-line source, rules). */
export function toDefaultMapping(file: KostraMappingFile): DefaultMapping {
  return {
    id: file.id,
    title: file.title,
    source: file.source,
    rules: file.rules.map((rule) => ({ account: rule.account, name: rule.name, target: rule.target, reason: rule.reason })),
  };
}

let cachedFile: KostraMappingFile | undefined;
let cachedMapping: DefaultMapping | undefined;

/** The whole shipped file, with its sources and the arts left unverified; read once. */
export function kostraMappingFile(): KostraMappingFile {
  cachedFile ??= loadKostraMappingFile();
  return cachedFile;
}

/** The default mapping for the KOSTRA artskontoplan; read and checked once. */
export function defaultMapping(): DefaultMapping {
  cachedMapping ??= toDefaultMapping(kostraMappingFile());
  return cachedMapping;
}

export type MappingCoverage = {
  /** Accounts the mapping names. */
  accounts: number;
  /** Of those, sent to a spend factor. */
  mapped: number;
  /** Of those, out of scope with the reason. */
  outOfScope: number;
  /** Mapped accounts per purchase category (every category, 0 where none). */
  byCategory: Record<PurchaseCategory, number>;
};

export function mappingCoverage(mapping: DefaultMapping): MappingCoverage {
  const byCategory = Object.fromEntries(PURCHASE_CATEGORY_IDS.map((id) => [id, 0])) as Record<PurchaseCategory, number>;
  let mapped = 0;
  let outOfScope = 0;
  for (const rule of mapping.rules) {
    if (rule.target.kind === "factor") {
      mapped += 1;
      byCategory[rule.target.category] += 1;
    } else {
      outOfScope += 1;
    }
  }
  return { accounts: mapping.rules.length, mapped, outOfScope, byCategory };
}

/** What is wrong with the mapping against a factor set: each rule whose factor the set does not hold as a spend factor. */
export function mappingFactorProblems(mapping: DefaultMapping, set: FactorSet): string[] {
  const problems: string[] = [];
  for (const rule of mapping.rules) {
    if (rule.target.kind !== "factor") continue;
    const record = set.records.get(rule.target.factor);
    if (!record) problems.push(`account ${rule.account}: factor "${rule.target.factor}" is not in factor set ${set.id}`);
    else if (record.group !== "spend") problems.push(`account ${rule.account}: factor "${rule.target.factor}" is a ${record.group} factor, not a spend factor`);
  }
  return problems;
}
