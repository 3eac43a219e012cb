/**
 * The uncertainty data beside the factor sets (emission-factors/uncertainty/):
 * the default range of a factor by kind of data, from the pedigree approach
 * (defaults.json), and the ranges sources publish for their own figures
 * (published.json). Not part of any set, so adding a range changes no
 * released set's files or hash. The loader refuses a default whose stored
 * variance or GSD is not what the pedigree formula gives from its scores
 * and the published variances, so the file cannot drift from its method.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { DataKind, Distribution } from "../core/finance/types.js";
import { formatPath } from "../case/paths.js";
import { FactorLoadError } from "./load.js";
import { geometricStandardDeviation, PEDIGREE_INDICATORS, pedigreeVariance, type PedigreeIndicator } from "./pedigree.js";
import { sourceSchema, type Source } from "./schema.js";

export const DEFAULT_UNCERTAINTY_DIR = new URL("../../emission-factors/uncertainty/", import.meta.url).pathname;

const DATA_KINDS = ["spend-based", "generic-activity", "product-specific"] as const satisfies readonly DataKind[];
const perIndicator = <T extends z.ZodType>(value: T) =>
  z.strictObject(Object.fromEntries(PEDIGREE_INDICATORS.map((i) => [i, value])) as Record<PedigreeIndicator, T>);
const score = z.number().int().min(1).max(5);
const positive = z.number().positive();

const distributionSchema = z.discriminatedUnion("shape", [
  z.strictObject({ shape: z.literal("triangular"), low: positive, mode: positive, high: positive }).refine((d) => d.low <= d.mode && d.mode <= d.high, "low ≤ mode ≤ high"),
  z.strictObject({ shape: z.literal("uniform"), low: positive, high: positive }).refine((d) => d.low <= d.high, "low ≤ high"),
  z.strictObject({ shape: z.literal("lognormal"), gsd: z.number().min(1) }),
]);

export const uncertaintyDefaultsSchema = z.strictObject({
  description: z.string().min(1),
  method: z.strictObject({
    source: sourceSchema,
    /** Variance of the log-transformed data added at scores 1 … 5. */
    pedigreeVariances: perIndicator(z.array(z.number().min(0)).length(5)),
    basicVariance: z.strictObject({ value: z.number().min(0), appliesTo: z.string().min(1) }),
  }),
  defaults: z
    .array(z.strictObject({ dataKind: z.enum(DATA_KINDS), scores: perIndicator(score), why: perIndicator(z.string().min(1)), variance: positive, gsd: z.number().min(1) }))
    .refine((ds) => DATA_KINDS.every((k) => ds.filter((d) => d.dataKind === k).length === 1), "one default per kind of data: " + DATA_KINDS.join(", ")),
});
export type UncertaintyDefaults = z.infer<typeof uncertaintyDefaultsSchema>;

export const publishedRangesSchema = z.strictObject({
  description: z.string().min(1),
  ranges: z.array(
    z.strictObject({
      /** The record ids the range is for (the same id in every set that has it). */
      records: z.array(z.string().min(1)).min(1),
      /** A distribution over the multiplier of the record's value. */
      distribution: distributionSchema,
      source: sourceSchema,
      /** The source's figures as printed, for the reader of the file. */
      published: z.string().min(1),
      /** How the multipliers follow from them. */
      derivation: z.string().min(1),
    }),
  ),
});
export type PublishedRanges = z.infer<typeof publishedRangesSchema>;

export type UncertaintyData = {
  method: UncertaintyDefaults["method"];
  defaults: ReadonlyMap<DataKind, UncertaintyDefaults["defaults"][number]>;
  /** By record id. */
  published: ReadonlyMap<string, { distribution: Distribution; source: Source }>;
};

function parseFile<T>(schema: z.ZodType<T>, file: string, problems: string[]): T | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    problems.push(`${file}: not readable JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${file}: ${formatPath(i.path)}: ${i.message}`));
  return parsed.success ? parsed.data : undefined;
}

/** A stored figure agrees with the formula when they are equal to the digits it is written with (at most 4 decimals kept). */
const agrees = (stored: number, computed: number) => Math.abs(stored - computed) <= 0.5e-4 + 1e-12;

export function loadUncertaintyData(dir: string = DEFAULT_UNCERTAINTY_DIR): UncertaintyData {
  const problems: string[] = [];
  const defaults = parseFile(uncertaintyDefaultsSchema, join(dir, "defaults.json"), problems);
  const published = parseFile(publishedRangesSchema, join(dir, "published.json"), problems);
  for (const d of defaults?.defaults ?? []) {
    const variance = pedigreeVariance(d.scores, defaults!.method.pedigreeVariances, defaults!.method.basicVariance.value);
    if (Math.abs(variance - d.variance) > 1e-12) problems.push(`${join(dir, "defaults.json")}: ${d.dataKind}: variance ${d.variance} is not the pedigree sum ${variance}`);
    if (!agrees(d.gsd, geometricStandardDeviation(d.variance))) problems.push(`${join(dir, "defaults.json")}: ${d.dataKind}: gsd ${d.gsd} is not exp(√${d.variance}) = ${geometricStandardDeviation(d.variance)}`);
  }
  const byRecord = new Map<string, { distribution: Distribution; source: Source }>();
  for (const r of published?.ranges ?? []) {
    for (const id of r.records) {
      if (byRecord.has(id)) problems.push(`${join(dir, "published.json")}: record "${id}" has two published ranges`);
      byRecord.set(id, { distribution: r.distribution, source: r.source });
    }
  }
  if (problems.length > 0 || !defaults || !published) throw new FactorLoadError(problems);
  return { method: defaults.method, defaults: new Map(defaults.defaults.map((d) => [d.dataKind, d])), published: byRecord };
}
