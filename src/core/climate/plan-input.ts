/**
 * The climate plan as the adviser sends it (form, API): the baseline by
 * purchase category, the target path, the climate-neutrality year and the
 * compensation price, read by one strict zod schema into a
 * ClimatePlanDocument, with every problem at once and its path
 * ("baseline.categories[2].directTonnes", "target.end.year").
 *
 * Rules (docs/climate.md, "The plan"):
 * - baseline year 1990–2100; at least one category, each known and given
 *   once; direct and indirect tonnes from 0 to 1 000 000 000;
 * - target "years": 1 to 111 targets, each year 1990–2100 and given once
 *   (in any order; they are kept in calendar order);
 * - target "shape": start year before end year, both 1990–2100; a
 *   constant-rate path starts and ends above 0 t;
 * - neutrality year 2000–2100 (2027 when left out), not before the
 *   baseline year and within the target path's years, so the gap to the
 *   target in that year is always defined;
 * - compensation null (or left out) or a price of 0 to 10 000 000 NOK per
 *   tonne with its source (1–500 characters).
 *
 * Example: parsePlan({ baseline: { year: 2019, categories: [{ category:
 * "food", directTonnes: 0, indirectTonnes: "1200.5" }] }, target: { kind:
 * "shape", shape: "linear", start: { year: 2019, tonnes: 1200.5 }, end: {
 * year: 2030, tonnes: 0 } } }) → ok, neutralityYear 2027, compensation null.
 */
import { z } from "zod";
import type { Problem } from "../../case/messages.js";
import { Decimal } from "../decimal.js";
import { PURCHASE_CATEGORY_IDS } from "./categories.js";
import { amountField, wholeNumberField } from "./input-fields.js";
import { inputProblems, raise } from "./input-problems.js";
import type { ClimatePlanDocument } from "./types.js";

/** The default climate-neutrality year: Klimanøytral 2027. */
export const DEFAULT_NEUTRALITY_YEAR = 2027;
export const PLAN_YEARS = { min: 1990, max: 2100 } as const;
export const NEUTRALITY_YEARS = { min: 2000, max: 2100 } as const;
/** More tonnes than any municipality emits (Norway's total is about 50 million). */
export const MAX_TONNES = 1_000_000_000;
export const MAX_NOK_PER_TONNE = 10_000_000;
export const MAX_SOURCE_LENGTH = 500;
/** A bound on the input only: more rows than categories always repeat one, which the duplicate check names row by row. */
const MAX_CATEGORY_ROWS = 100;

const planYear = wholeNumberField(PLAN_YEARS.min, PLAN_YEARS.max);
const tonnes = amountField(MAX_TONNES);
const point = z.strictObject({ year: planYear, tonnes });

const baseline = z
  .strictObject({
    year: planYear,
    categories: z
      .array(z.strictObject({ category: z.enum(PURCHASE_CATEGORY_IDS), directTonnes: tonnes, indirectTonnes: tonnes }))
      .min(1)
      .max(MAX_CATEGORY_ROWS),
  })
  .superRefine((b, ctx) => {
    const first = new Map<string, number>();
    b.categories.forEach((row, i) => {
      const seen = first.get(row.category);
      if (seen === undefined) first.set(row.category, i);
      else raise(ctx, "climate-duplicate-category", { first: String(seen + 1) }, ["categories", i, "category"]);
    });
  });

const yearsPath = z
  .strictObject({ kind: z.literal("years"), targets: z.array(point).min(1).max(PLAN_YEARS.max - PLAN_YEARS.min + 1) })
  .superRefine((path, ctx) => {
    const seen = new Set<number>();
    path.targets.forEach((t, i) => {
      if (!Number.isInteger(t.year)) return;
      if (seen.has(t.year)) raise(ctx, "climate-duplicate-year", { year: String(t.year) }, ["targets", i, "year"]);
      seen.add(t.year);
    });
  })
  .transform((path) => ({ ...path, targets: [...path.targets].sort((a, b) => a.year - b.year) }));

const shapePath = z
  .strictObject({ kind: z.literal("shape"), shape: z.enum(["linear", "constant-rate"]), start: point, end: point })
  .superRefine((path, ctx) => {
    const years = [path.start.year, path.end.year];
    if (years.every(Number.isInteger) && path.end.year <= path.start.year) raise(ctx, "climate-end-before-start", { start: String(path.start.year), end: String(path.end.year) }, ["end", "year"]);
    if (path.shape !== "constant-rate") return;
    for (const end of ["start", "end"] as const) if (typeof path[end].tonnes === "string" && new Decimal(path[end].tonnes).isZero()) raise(ctx, "climate-constant-rate-zero", {}, [end, "tonnes"]);
  });

/** The first and last year the path gives a target for. */
function pathYears(target: z.output<typeof yearsPath> | z.output<typeof shapePath>): { first: number; last: number } {
  if (target.kind === "shape") return { first: target.start.year, last: target.end.year };
  return { first: target.targets[0]!.year, last: target.targets.at(-1)!.year };
}

const planSchema = z
  .strictObject({
    baseline,
    target: z.discriminatedUnion("kind", [yearsPath, shapePath]),
    neutralityYear: wholeNumberField(NEUTRALITY_YEARS.min, NEUTRALITY_YEARS.max, { fallback: DEFAULT_NEUTRALITY_YEAR }),
    compensation: z
      .strictObject({ nokPerTonne: amountField(MAX_NOK_PER_TONNE), source: z.string().trim().min(1).max(MAX_SOURCE_LENGTH) })
      .nullable()
      .optional()
      .transform((c) => c ?? null),
  })
  .superRefine((plan, ctx) => {
    // Checked across fields only where the fields themselves are right: a wrong path has no years to speak of
    const wrong = (field: string) => ctx.issues.some((issue) => issue.path?.[0] === field);
    if (wrong("neutralityYear")) return;
    const year = String(plan.neutralityYear);
    if (!wrong("baseline") && plan.neutralityYear < plan.baseline.year) raise(ctx, "climate-neutrality-before-baseline", { year, baseline: String(plan.baseline.year) }, ["neutralityYear"]);
    if (wrong("target")) return;
    const { first, last } = pathYears(plan.target);
    if (plan.neutralityYear < first || plan.neutralityYear > last) raise(ctx, "climate-neutrality-outside-path", { year, first: String(first), last: String(last) }, ["neutralityYear"]);
  });

export type PlanParse = { ok: true; value: ClimatePlanDocument } | { ok: false; problems: Problem[] };

export function parsePlan(input: unknown): PlanParse {
  // reportInput: so that a value of the wrong type is told apart from a missing one
  const parsed = planSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: inputProblems(parsed.error, input) };
  return { ok: true, value: parsed.data };
}
