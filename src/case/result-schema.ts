/**
 * The result document `kalkyle.result/1` (docs: CASE-FORMAT.md, "The
 * result") as a strict zod schema: every field result-json.ts writes, the
 * optional ones optional, every figure a finite number, every enumeration
 * as the core defines it. resultJson is typed by it, and the store reads
 * a kept result through it (src/store/stored-documents.ts), so a document
 * that is not exactly this format is never handed on as if it were.
 */
import { z } from "zod";
import { AWARD_CRITERION_KINDS, COST_KINDS, DATA_TIERS, EMISSION_KINDS, RANKING_METHODS, STAGES, WASTE_LEVELS } from "../core/types.js";
import { WARNING_MESSAGES, type WarningCode } from "./warnings.js";
import { UNDEFINED_REASONS } from "../core/finance/types.js";

/** The format version this build writes and reads: the document's `schema` field. */
export const RESULT_FORMAT = "kalkyle.result/1";

const figure = z.number().refine(Number.isFinite, { message: "must be a finite number" });
const count = z.number().int();
const year = z.number().int();
const message = z.strictObject({ nb: z.string(), en: z.string() });
const WARNING_CODES = Object.keys(WARNING_MESSAGES) as [WarningCode, ...WarningCode[]];

const spendBasis = z.strictObject({ priceYear: year, factorPriceYear: year, currency: z.string(), priceBasis: z.enum(["basic", "purchaser"]) });

const emissionLine = z.strictObject({
  label: z.string(),
  kind: z.enum(EMISSION_KINDS),
  stage: z.enum(STAGES),
  scope: z.enum(["direct", "indirect"]),
  kg: figure,
  /** A factor id in the set, or null for an inline factor. */
  factor: z.string().nullable(),
  source: z.string(),
  /** Written only when true. */
  existingStock: z.literal(true).optional(),
  spend: spendBasis.optional(),
  /** The data's quality tier (optional when read: results kept before tiers existed). */
  tier: z.enum(DATA_TIERS).optional(),
  epd: z.strictObject({ registration: z.string(), verifier: z.string().optional(), programme: z.string().optional() }).optional(),
  /** Written only when true: the factor changes by calendar year. */
  yearVarying: z.literal(true).optional(),
});

const byTier = z.record(z.enum(DATA_TIERS), figure);

const emissions = z.strictObject({
  totalKg: figure,
  directKg: figure,
  indirectKg: figure,
  /** Every stage, zero where nothing falls in it. */
  byStage: z.record(z.enum(STAGES), figure),
  byYear: z.array(figure),
  items: z.array(emissionLine),
  /** kg CO2e by data tier, all stages but D (optional when read). */
  byTier: byTier.optional(),
  /** Written when the case sets data-quality mark-ups. */
  markedUp: z.strictObject({ totalKg: figure, byTier }).optional(),
});

const lcc = z
  .strictObject({
    presentValue: figure,
    nominalTotal: figure,
    /** Only the kinds the alternative has. */
    byKind: z.partialRecord(z.enum(COST_KINDS), figure),
    byYear: z.array(figure),
    /** Both or neither: written when the case has a carbon price. */
    carbonCostPresentValue: figure.optional(),
    presentValueWithCarbon: figure.optional(),
    equivalentAnnualCost: figure,
  })
  .refine((l) => (l.carbonCostPresentValue === undefined) === (l.presentValueWithCarbon === undefined), {
    message: "carbonCostPresentValue and presentValueWithCarbon come together",
    path: ["presentValueWithCarbon"],
  });

const dominatedBy = z.strictObject({ by: z.string(), moreKg: figure, morePresentValue: figure });

const alternative = z.strictObject({
  id: z.string(),
  name: z.string(),
  wasteLevel: z.enum(WASTE_LEVELS).nullable(),
  wasteLevelSource: z.enum(["declared", "suggested"]).nullable(),
  emissions,
  lcc,
  rank: count.min(1),
  dominated: z.boolean(),
  dominatedBy: z.array(dominatedBy),
  rankNote: dominatedBy.extend({ message }).nullable(),
  wasteLevelSuggestion: z.strictObject({ level: z.enum(WASTE_LEVELS), share: figure, message }).nullable(),
});

const analysis = z.strictObject({
  startYear: year,
  years: count.min(1),
  discountRate: figure,
  discountRateSource: z.enum(["given", "r109-declining"]),
  discountSchedule: z.array(z.strictObject({ fromYear: count.min(0), rate: figure })),
  electricity: z.strictObject({ factor: z.string(), basis: z.enum(["location", "market"]), kgCO2ePerUnit: figure, unit: z.string() }),
  priceYear: year,
  /** NOK per tonne by calendar year, as the case gave it. */
  carbonPrice: z.record(z.string().regex(/^\d{4}$/, 'keys are calendar years, e.g. "2030"'), figure).optional(),
  /** The bundled path used, when the case named one. */
  carbonPricePath: z
    .strictObject({ id: z.enum(["non-ets", "ets", "as-published"]), priceLevelYear: year.nullable(), rebasedTo: year.nullable(), firstYear: year, lastYear: year })
    .optional(),
});

const comparisonRow = z.strictObject({
  id: z.string(),
  baseline: z.string(),
  deltaKg: figure,
  deltaPresentValue: figure,
  abatementCostPerTonne: figure.nullable(),
  paybackYear: count.min(0).nullable(),
  payback: z.enum(["from-start", "in-year", "never"]),
  /**
   * NIST Handbook 135 (BLCC) measures and the break-even carbon price
   * (docs/case-format.md, "Finance measures"). Always written by this
   * build; optional when read, so results kept before they existed still
   * read. A measure that is not defined is null, with its reason in `why`.
   */
  netSavings: figure.optional(),
  addedInvestment: figure.optional(),
  operatingSavings: figure.optional(),
  simplePaybackYear: count.min(0).nullable().optional(),
  sir: figure.nullable().optional(),
  airr: figure.nullable().optional(),
  breakEvenCarbonPrice: figure.nullable().optional(),
  why: z.partialRecord(z.enum(["simplePaybackYear", "sir", "airr", "breakEvenCarbonPrice"]), z.strictObject({ code: z.enum(UNDEFINED_REASONS), message })).optional(),
});

const percentiles = z.strictObject({ p5: figure, p50: figure, p95: figure, mean: figure });
const distribution = z.discriminatedUnion("shape", [
  z.strictObject({ shape: z.literal("triangular"), low: figure, mode: figure, high: figure }),
  z.strictObject({ shape: z.literal("uniform"), low: figure, high: figure }),
  z.strictObject({ shape: z.literal("lognormal"), gsd: figure }),
]);

/** Monte Carlo over factor and cost ranges: written only when asked for (`--samples`, `?samples=`). */
const uncertainty = z.strictObject({
  samples: count.min(1),
  seed: count.min(0),
  alternatives: z.array(z.strictObject({ id: z.string(), kg: percentiles, lcc: percentiles, lccWithCarbon: percentiles.optional() })),
  beatsBaseline: z.array(z.strictObject({ id: z.string(), kg: figure, lcc: figure })),
  inputs: z.array(
    z.strictObject({
      key: z.string(),
      kind: z.enum(["factor", "cost"]),
      label: z.string(),
      range: z.strictObject({ distribution, basis: z.enum(["published", "default", "user"]), dataKind: z.enum(["spend-based", "generic-activity", "product-specific"]).optional(), citation: z.string().optional() }),
    }),
  ),
});

const criterionKind = z.enum(AWARD_CRITERION_KINDS);
const awardModel = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("linear"), zeroAt: figure }),
  z.strictObject({ type: z.literal("proportional") }),
  z.strictObject({ type: z.literal("intervals"), bands: z.array(z.strictObject({ upTo: figure, points: figure })) }),
]);

/** Award points, rankings and implied carbon prices: written when the case has award criteria. */
const award = z.strictObject({
  maxPoints: figure,
  useMarkedUp: z.boolean(),
  criteria: z.array(z.strictObject({ kind: criterionKind, weight: figure, model: awardModel.optional() })),
  bids: z.array(
    z.strictObject({
      id: z.string(),
      /** NOK (price, lcc) and kg CO2e (climate) as scored. */
      values: z.strictObject({ price: figure.optional(), lcc: figure.optional(), climateKg: figure.optional() }),
      points: z.partialRecord(criterionKind, figure),
      weighted: z.partialRecord(criterionKind, figure),
      total: figure,
      rank: count.min(1),
    }),
  ),
  rankings: z.strictObject({ points: z.array(z.string()), emissions: z.array(z.string()), lcc: z.array(z.string()), lccWithCarbon: z.array(z.string()) }),
  impliedCarbonPrices: z.array(
    z.strictObject({
      lower: z.string(),
      higher: z.string(),
      savedKg: figure,
      nokPerTonne: figure.nullable(),
      reason: z.enum(["same-emissions", "same-points", "lead-exceeds-price-points"]).nullable(),
      message: message.optional(),
    }),
  ),
  reference: z.strictObject({ source: z.enum(["case", "r109"]), year, nokPerTonne: figure, min: figure, max: figure }),
  notes: z.array(z.strictObject({ code: z.enum(["carbon-price-far-above", "carbon-price-far-below", "carbon-price-none", "ranking-differs", "climate-weight-below-30"]), message })),
});

export const resultSchema = z.strictObject({
  schema: z.literal(RESULT_FORMAT),
  title: z.string(),
  factorSet: z.string(),
  factorSetHash: z.string(),
  analysis,
  alternatives: z.array(alternative),
  ranking: z.strictObject({ method: z.enum(RANKING_METHODS), order: z.array(z.string()) }),
  comparison: z.array(comparisonRow),
  warnings: z.array(z.strictObject({ path: z.string(), code: z.enum(WARNING_CODES), message })),
  notes: z.array(z.strictObject({ code: z.enum(["spend-basic-prices"]), message })),
  uncertainty: uncertainty.optional(),
  award: award.optional(),
});

/** A `kalkyle.result/1` document, as resultJson writes it and the store returns it. */
export type ResultDocument = z.infer<typeof resultSchema>;
