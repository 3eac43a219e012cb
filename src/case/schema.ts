/**
 * The case document `kalkyle.case/1` (docs: CASE-FORMAT.md), as strict zod
 * schemas: an unknown field is an error, because a typo must not silently
 * drop an input. Structural checks only; factor ids, units and years are
 * checked against the factor set in resolve.ts.
 */
import { z } from "zod";
import { AWARD_CRITERION_KINDS, COST_KINDS, DATA_TIERS, EMISSION_KINDS, RANKING_METHODS, STAGES, WASTE_LEVELS } from "../core/types.js";

const MAX_TEXT = 500;
const text = (max = MAX_TEXT) => z.string().trim().min(1).max(max);
const finite = z.number().refine(Number.isFinite, { message: "must be a finite number" });
const yearIndex = z.union([z.number().int().min(0).max(1000), z.literal("end")]);
const serviceLife = z.number().int().min(1).max(1000).optional();
// The messages are problem codes (messages.ts), so zod-problems.ts says them in the user's language.
const calendarYearKey = z.string().regex(/^\d{4}$/, "calendar-year-key");
const MAX_FACTOR_YEARS = 250;
const yearCount = (r: Record<string, number>): number => Object.keys(r).length;

/** Added by Kalkyle: an inline factor given per calendar year (docs/case-format.md, "Factors that change by year"). */
export const inlineYearFactorSchema = z.strictObject({
  byYear: z
    .record(calendarYearKey, finite.pipe(z.number().min(-1e9).max(1e9)))
    .refine((r) => yearCount(r) > 0, { message: "by-year-empty", params: { problem: "by-year-empty" } })
    .refine((r) => yearCount(r) <= MAX_FACTOR_YEARS, { message: "by-year-too-many", params: { problem: "by-year-too-many", problemParams: { max: String(MAX_FACTOR_YEARS) } } }),
  unit: text(60),
});

/** Added by Kalkyle: the EPD behind a product-specific value (docs/case-format.md, "Data quality"). */
export const epdSchema = z.strictObject({
  /** The EPD's registration number, e.g. "NEPD-1234-567-NO". */
  registration: text(80),
  /** Who verified it (third-party verification); needed for tier "epd-verified". */
  verifier: z.string().trim().min(1).max(200).optional(),
  /** The programme operator, e.g. "EPD-Norge". */
  programme: z.string().trim().min(1).max(200).optional(),
});

export const emissionItemSchema = z.strictObject({
  label: z.string().trim().max(200).optional(),
  kind: z.enum(EMISSION_KINDS),
  factor: z.union([z.string().trim().min(1).max(120), z.strictObject({ value: finite.pipe(z.number().min(-1e9).max(1e9)), unit: text(60) }), inlineYearFactorSchema]),
  quantity: z.union([z.string().trim().min(1).max(80), finite.pipe(z.number().min(0).max(1e15))]),
  count: finite.pipe(z.number().min(0).max(1e9)).optional(),
  at: yearIndex.optional(),
  every: z.number().int().min(1).max(1000).optional(),
  /** Added by Kalkyle: service life in years; the item occurs at `at` and again every `life` years before N. */
  life: serviceLife,
  /** Added by Kalkyle: a waste item that disposes of existing stock, not of the alternative's own product. */
  existingStock: z.boolean().optional(),
  stage: z.enum(STAGES).optional(),
  scope: z.enum(["direct", "indirect"]).optional(),
  /** Added by Kalkyle: the data's quality tier; default: "spend" for spend items, else "generic". */
  tier: z.enum(DATA_TIERS).optional(),
  /** Added by Kalkyle: the EPD of a tier "epd" or "epd-verified" item. */
  epd: epdSchema.optional(),
});
export type EmissionItemInput = z.infer<typeof emissionItemSchema>;

export const costItemSchema = z.strictObject({
  label: z.string().trim().max(200).optional(),
  kind: z.enum(COST_KINDS),
  amount: z.union([z.string().trim().min(1).max(80), finite.pipe(z.number().min(0).max(1e15))]),
  at: yearIndex.optional(),
  every: z.number().int().min(1).max(1000).optional(),
  /** Added by Kalkyle: service life in years; a residual value for the unused life at N. */
  life: serviceLife,
  escalation: finite.pipe(z.number().min(-0.5).max(1)).optional(),
});
export type CostItemInput = z.infer<typeof costItemSchema>;

export const alternativeSchema = z.strictObject({
  id: text(40),
  name: text(200),
  wasteLevel: z.enum(WASTE_LEVELS).optional(),
  emissions: z.array(emissionItemSchema).max(1000).default([]),
  costs: z.array(costItemSchema).max(1000).default([]),
});
export type AlternativeInput = z.infer<typeof alternativeSchema>;

const calendarYear = z.number().int().min(1900).max(2200);
/** "default" is the set's default path (R-109's non-ETS path from set 2025-2); "non-ets" and "ets" name a path. */
export const CARBON_PATH_NAMES = ["default", "non-ets", "ets"] as const;
export const carbonPriceSchema = z.union([
  z.enum(CARBON_PATH_NAMES),
  z.record(calendarYearKey, finite.pipe(z.number().min(0).max(1e7))).refine((r) => yearCount(r) > 0, { message: "by-year-empty", params: { problem: "by-year-empty" } }),
]);

export const analysisSchema = z.strictObject({
  startYear: calendarYear,
  years: z.number().int().min(1).max(200),
  /** A flat real rate; absent: R-109's declining schedule (4 % to year 40, 3 % to 75, 2 % after). */
  discountRate: finite.pipe(z.number().min(0).max(1)).optional(),
  carbonPrice: carbonPriceSchema.optional(),
  /** Added by Kalkyle: the electricity factor every electric item uses; default: the set's. */
  electricity: z.string().trim().min(1).max(120).optional(),
  /** Added by Kalkyle: the price year of NOK amounts used with spend factors; default: startYear, within the set's index. */
  priceYear: calendarYear.optional(),
});

/** Added by Kalkyle: conservative mark-ups on the CO2e of lower data tiers, as fractions (0.25 = +25 %). Verified EPDs are never marked up. */
const markup = finite.pipe(z.number().min(0).max(10)).optional();
export const dataQualitySchema = z.strictObject({
  markup: z.strictObject({ spend: markup, generic: markup, epd: markup }),
});

const awardAmount = finite.pipe(z.number().min(0).max(1e15));
/** How a criterion's values become points (docs/case-format.md, "Award points"). */
export const awardModelSchema = z.discriminatedUnion("type", [
  /** Best bid: full points; a bid at `zeroAt` × the best value: 0; straight line between, 0 beyond. */
  z.strictObject({ type: z.literal("linear"), zeroAt: finite.pipe(z.number().gt(1).max(100)) }),
  /** Points = full points × best value / the bid's value. */
  z.strictObject({ type: z.literal("proportional") }),
  /** The first band whose `upTo` the value does not exceed gives the points; above the last band: 0. `upTo` in NOK (price, lcc) or tonnes CO2e (climate). */
  z.strictObject({ type: z.literal("intervals"), bands: z.array(z.strictObject({ upTo: awardAmount, points: finite.pipe(z.number().min(0).max(1000)) })).min(1).max(50) }),
]);
export type AwardModel = z.infer<typeof awardModelSchema>;

export const awardCriterionSchema = z.strictObject({
  kind: z.enum(AWARD_CRITERION_KINDS),
  /** Percent; the criteria's weights add up to 100. */
  weight: finite.pipe(z.number().gt(0).max(100)),
  /** Required for price, lcc and climate; quality has none (its points are entered). */
  model: awardModelSchema.optional(),
  /** Quality only: the points the buyer gave each bid, by alternative id (0 to maxPoints). */
  points: z.record(z.string().trim().min(1).max(40), finite.pipe(z.number().min(0).max(1000))).optional(),
});
export type AwardCriterionInput = z.infer<typeof awardCriterionSchema>;

export const awardSchema = z.strictObject({
  /** The points of the best bid under each criterion; default 10. */
  maxPoints: finite.pipe(z.number().gt(0).max(1000)).optional(),
  criteria: z.array(awardCriterionSchema).min(1).max(4),
  /** Score climate on the CO2e with the data-quality mark-ups (default false: as declared). */
  useMarkedUp: z.boolean().optional(),
});
export type AwardInput = z.infer<typeof awardSchema>;

/** The format version this build writes and reads: the document's `schema` field. */
export const CASE_FORMAT = "kalkyle.case/1";

export const caseSchema = z.strictObject({
  schema: z.literal(CASE_FORMAT),
  title: text(200),
  category: z.enum(["goods", "services", "construction"]).optional(),
  functionalUnit: z.string().trim().max(MAX_TEXT).optional(),
  analysis: analysisSchema,
  factorSet: z.string().trim().min(1).max(40).optional(),
  baseline: z.string().trim().min(1).max(40).optional(),
  ranking: z.enum(RANKING_METHODS).default("waste-pyramid"),
  alternatives: z.array(alternativeSchema).min(1).max(50),
  /** Added by Kalkyle: mark-ups on lower data tiers. */
  dataQuality: dataQualitySchema.optional(),
  /** Added by Kalkyle: award criteria when the alternatives are bids. */
  award: awardSchema.optional(),
});
export type CaseInput = z.input<typeof caseSchema>;
export type CaseDocument = z.infer<typeof caseSchema>;
