/**
 * The validated, resolved case the core computes on, and the result it
 * returns. Everything here is already checked: factor ids resolved, units
 * converted to the factor's unit, years within the analysis period.
 */
import type { Decimal } from "./decimal.js";

export const STAGES = ["A1-A3", "A4", "A5", "B", "C", "D"] as const;
export type Stage = (typeof STAGES)[number];
export type Scope = "direct" | "indirect";
export const WASTE_LEVELS = ["prevent", "reuse", "recycle", "recover", "dispose"] as const;
export type WasteLevel = (typeof WASTE_LEVELS)[number];
export const EMISSION_KINDS = ["material", "spend", "delivery", "freight", "machinery", "energy", "waste", "fixed"] as const;
export type EmissionKind = (typeof EMISSION_KINDS)[number];
export const COST_KINDS = ["acquisition", "installation", "energy", "operation", "maintenance", "replacement", "endOfLife", "residual", "other"] as const;
export type CostKind = (typeof COST_KINDS)[number];
export const RANKING_METHODS = ["waste-pyramid", "emissions", "lcc", "lcc-with-carbon"] as const;
export type RankingMethod = (typeof RANKING_METHODS)[number];
/** Data-quality tiers, lowest first: spend-based, generic activity data, product-specific (EPD), third-party verified EPD. */
export const DATA_TIERS = ["spend", "generic", "epd", "epd-verified"] as const;
export type DataTier = (typeof DATA_TIERS)[number];
/** Award criteria: the bid's price (acquisition costs) or its LCC, its CO2e, and quality points the buyer enters. */
export const AWARD_CRITERION_KINDS = ["price", "lcc", "climate", "quality"] as const;
export type AwardCriterionKind = (typeof AWARD_CRITERION_KINDS)[number];

/** Year index 0..N, or the last year of the analysis period. */
export type At = number | "end";
/**
 * When an item occurs: once in year `at`; every `every` years; or, with a
 * service life, at `at` and again every `life` years strictly before N.
 */
export type Timing = { at?: At; every?: number; life?: number };

export type ResolvedEmissionItem = Timing & {
  label: string;
  kind: EmissionKind;
  stage: Stage;
  scope: Scope;
  /** Factor id in the set, or null for an inline factor. */
  factor: string | null;
  source: string;
  /** The quantity in the factor's denominator unit. */
  quantity: Decimal;
  kgPerUnit: Decimal;
  /**
   * A factor that changes by calendar year: kg CO2e per unit in year index
   * t = 0..N (calendar year startYear + t), already filled to every year of
   * the period (nearest given year beyond the ends). `kgPerUnit` is then the
   * value of year 0. Absent: the factor is the same every year.
   */
  kgPerUnitByYear?: readonly Decimal[];
  /**
   * With `kgPerUnitByYear`: the values as given, kg CO2e per unit by
   * calendar year, so that the same item can be spread over another
   * analysis period (the sensitivity analysis varies N).
   */
  kgPerUnitGiven?: ReadonlyMap<number, Decimal>;
  count: Decimal;
  /** The data's quality tier; absent: "spend" for spend items, else "generic" (tierOf in emissions.ts). */
  tier?: DataTier;
  /** The EPD behind a product-specific value. */
  epd?: { registration: string; verifier?: string; programme?: string };
  /** Waste items: the route's pyramid level and the waste mass per occurrence. */
  waste?: { level: WasteLevel; massKg: Decimal };
  /** The disposal of existing stock (the old furniture, the old fittings): not the alternative's own product. */
  existingStock?: boolean;
  /** Spend items: the price years and basis the NOK amount was put on. */
  spend?: SpendBasisUsed;
};

export type SpendBasisUsed = { priceYear: number; factorPriceYear: number; currency: string; priceBasis: "basic" | "purchaser" };

/** A discount rate that applies from `fromYear` on (until the next segment). */
export type DiscountSegment = { fromYear: number; rate: Decimal };

export type ResolvedCostItem = Timing & {
  label: string;
  kind: CostKind;
  /** NOK, entered positive (a residual value too: the core gives it its sign). */
  amount: Decimal;
  escalation: Decimal;
};

export type ResolvedAlternative = {
  id: string;
  name: string;
  wasteLevel: WasteLevel | null;
  emissions: ResolvedEmissionItem[];
  costs: ResolvedCostItem[];
};

export type ResolvedCase = {
  title: string;
  startYear: number;
  years: number;
  /** The rate of year 0; with the R-109 schedule, the first segment's 4 %. */
  discountRate: Decimal;
  /**
   * The rates by year: one segment for a flat rate, R-109's declining
   * schedule (4 % from 0, 3 % from 40, 2 % from 75) when none is given.
   * Absent means flat at `discountRate`.
   */
  discountSchedule?: readonly DiscountSegment[];
  /** NOK per tonne by calendar year, as given (interpolated by the core), or null. */
  carbonPrice: ReadonlyMap<number, Decimal> | null;
  /** Mark-ups on the CO2e of lower tiers (fractions); absent when the case sets none. */
  dataQuality?: DataQualityMarkup;
  /** Award criteria; absent when the case has none. */
  award?: ResolvedAward;
  baseline: string;
  ranking: RankingMethod;
  alternatives: ResolvedAlternative[];
};

export type DataQualityMarkup = Partial<Record<Exclude<DataTier, "epd-verified">, Decimal>>;

export type AwardModel =
  | { type: "linear"; zeroAt: Decimal }
  | { type: "proportional" }
  | { type: "intervals"; bands: readonly { upTo: Decimal; points: Decimal }[] };

export type ResolvedAwardCriterion =
  | { kind: "price" | "lcc" | "climate"; weight: Decimal; model: AwardModel }
  | { kind: "quality"; weight: Decimal; points: ReadonlyMap<string, Decimal> };

export type ResolvedAward = {
  maxPoints: Decimal;
  criteria: readonly ResolvedAwardCriterion[];
  useMarkedUp: boolean;
  /**
   * NOK per tonne by calendar year that the implied carbon prices are set
   * beside and the LCC-with-carbon ranking uses: the case's own path, else
   * the set's R-109 path rebased to the price year.
   */
  reference: { source: "case" | "r109"; prices: ReadonlyMap<number, Decimal> };
};

export type EmissionsResult = {
  totalKg: Decimal;
  directKg: Decimal;
  indirectKg: Decimal;
  byStage: Record<Stage, Decimal>;
  byYear: Decimal[];
  items: { label: string; kind: EmissionKind; stage: Stage; scope: Scope; kg: Decimal; factor: string | null; source: string; existingStock: boolean; spend?: SpendBasisUsed; tier?: DataTier; epd?: ResolvedEmissionItem["epd"]; yearVarying?: true }[];
  /** kg CO2e (all stages but D) by data tier; adds up to totalKg. Written by the exact core (the plain-number evaluator leaves it out). */
  byTier?: Record<DataTier, Decimal>;
  /** With the case's mark-ups, when it sets any: the marked-up total and tiers. */
  markedUp?: { totalKg: Decimal; byTier: Record<DataTier, Decimal> };
};

export type LccResult = {
  presentValue: Decimal;
  nominalTotal: Decimal;
  byKind: Partial<Record<CostKind, Decimal>>;
  byYear: Decimal[];
  carbonCostPresentValue?: Decimal;
  presentValueWithCarbon?: Decimal;
  equivalentAnnualCost: Decimal;
};

export type AlternativeResult = {
  id: string;
  name: string;
  wasteLevel: WasteLevel | null;
  wasteLevelSource: "declared" | "suggested" | null;
  /** The level the alternative's own end-of-life data point to, as a hint: never ranked. */
  wasteLevelSuggestion: WasteLevelSuggestion | null;
  emissions: EmissionsResult;
  lcc: LccResult;
  rank: number;
  dominated: boolean;
  /** The alternatives that dominate this one, with how much worse this one is. */
  dominatedBy: DominatedBy[];
  /** Why a better pyramid level ranks below a worse one: the dominating alternative ranked first. */
  rankNote: DominatedBy | null;
};

/** `share` of the alternative's own waste mass goes to a route at `level`. */
export type WasteLevelSuggestion = { level: WasteLevel; share: Decimal };

/** Dominated by `by`: `moreKg` more CO2e and `morePresentValue` more NOK (each ≥ 0, one > 0). */
export type DominatedBy = { by: string; moreKg: Decimal; morePresentValue: Decimal };

export type ComparisonRow = {
  id: string;
  baseline: string;
  deltaKg: Decimal;
  deltaPresentValue: Decimal;
  abatementCostPerTonne: Decimal | null;
  /** The first year from which the cumulative discounted cost stays ≤ the baseline's through N; null if none. */
  paybackYear: number | null;
  /** from-start: cheaper in every year; in-year: pays back in paybackYear; never: not within the period. */
  payback: "from-start" | "in-year" | "never";
};

export type AwardBid = {
  id: string;
  /** The value each criterion scored: NOK for price and lcc, kg CO2e for climate (marked up when useMarkedUp). */
  values: Partial<Record<Exclude<AwardCriterionKind, "quality">, Decimal>>;
  /** Points per criterion, 0..maxPoints. */
  points: Partial<Record<AwardCriterionKind, Decimal>>;
  /** Points × weight / 100 per criterion. */
  weighted: Partial<Record<AwardCriterionKind, Decimal>>;
  total: Decimal;
  /** 1 = most points; equal totals share a rank. */
  rank: number;
};

/**
 * Between two bids adjacent by CO2e (`lower` emits less): the extra price
 * (or LCC) at which `lower`'s weighted price points fall by exactly its
 * weighted climate-point lead over `higher`, with the other bids fixed,
 * per tonne `lower` saves. null with a reason where no such price exists.
 */
export type ImpliedCarbonPrice = {
  lower: string;
  higher: string;
  savedKg: Decimal;
  nokPerTonne: Decimal | null;
  /** same-emissions: equal CO2e (nothing to price); same-points: equal climate points (0 NOK/t); lead-exceeds-price-points: no price makes up the lead (null). */
  reason: "same-emissions" | "same-points" | "lead-exceeds-price-points" | null;
};

export type AwardNote = { code: "carbon-price-far-above" | "carbon-price-far-below" | "carbon-price-none" | "ranking-differs" | "climate-weight-below-30"; params: Record<string, string> };

export type AwardResult = {
  maxPoints: Decimal;
  useMarkedUp: boolean;
  bids: AwardBid[];
  rankings: { points: string[]; emissions: string[]; lcc: string[]; lccWithCarbon: string[] };
  impliedCarbonPrices: ImpliedCarbonPrice[];
  /** The reference price the implied prices are set beside: the path's price in the start year, and its range over the period. */
  reference: { source: "case" | "r109"; year: number; nokPerTonne: Decimal; min: Decimal; max: Decimal };
  notes: AwardNote[];
};

export type CoreResult = {
  alternatives: AlternativeResult[];
  ranking: { method: RankingMethod; order: string[] };
  comparison: ComparisonRow[];
  /** Present when the case has award criteria. */
  award?: AwardResult;
};
