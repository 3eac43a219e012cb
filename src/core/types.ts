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

/** Year index 0..N, or the last year of the analysis period. */
export type At = number | "end";
export type Timing = { at?: At; every?: number };

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
  count: Decimal;
  /** Waste items: the route's pyramid level and the waste mass per occurrence. */
  waste?: { level: WasteLevel; massKg: Decimal };
};

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
  discountRate: Decimal;
  /** NOK per tonne by calendar year, as given (interpolated by the core), or null. */
  carbonPrice: ReadonlyMap<number, Decimal> | null;
  baseline: string;
  ranking: RankingMethod;
  alternatives: ResolvedAlternative[];
};

export type EmissionsResult = {
  totalKg: Decimal;
  directKg: Decimal;
  indirectKg: Decimal;
  byStage: Record<Stage, Decimal>;
  byYear: Decimal[];
  items: { label: string; kind: EmissionKind; stage: Stage; scope: Scope; kg: Decimal; factor: string | null; source: string }[];
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
  emissions: EmissionsResult;
  lcc: LccResult;
  rank: number;
  dominated: boolean;
};

export type ComparisonRow = {
  id: string;
  baseline: string;
  deltaKg: Decimal;
  deltaPresentValue: Decimal;
  abatementCostPerTonne: Decimal | null;
  paybackYear: number | null;
};

export type CoreResult = {
  alternatives: AlternativeResult[];
  ranking: { method: RankingMethod; order: string[] };
  comparison: ComparisonRow[];
};
