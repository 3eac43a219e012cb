/**
 * The fast evaluator's two types: the model compiled once per resolved case
 * (what does not change between evaluations, as typed arrays), and the
 * result in plain numbers, which is the exact core's CoreResult with every
 * Decimal replaced by a JS number. The result type is derived from
 * CoreResult, so the two shapes cannot drift apart.
 */
import type { Decimal } from "../decimal.js";
import type { AlternativeResult, CoreResult, CostKind, EmissionsResult, LccResult, RankingMethod, WasteLevel } from "../types.js";

/** `T` with every Decimal in it replaced by a number: the same fields, optional fields, arrays and nesting. */
export type InNumbers<T> = T extends Decimal ? number : T extends readonly (infer U)[] ? InNumbers<U>[] : T extends object ? { [K in keyof T]: InNumbers<T[K]> } : T;

export type NumericCoreResult = InNumbers<CoreResult>;
export type NumericAlternativeResult = InNumbers<AlternativeResult>;
export type NumericEmissionsResult = InNumbers<EmissionsResult>;
export type NumericLccResult = InNumbers<LccResult>;
export type NumericEmissionRow = NumericEmissionsResult["items"][number];

/**
 * One alternative's emission items. Item i occurs in the years
 * `occurrenceYear[occurrenceStart[i] .. occurrenceStart[i+1])`, each
 * occurrence k weighing `occurrenceKg[k]`.
 */
export type CompiledEmissions = {
  /** kg CO2e of one occurrence: quantity × factor × count, rounded once from the exact product (year 0's for a factor that changes by year). */
  onceKg: Float64Array;
  /** 1 when the item's factor changes by calendar year: its occurrences weigh what `occurrenceKg` says, each its own. */
  yearVarying: Uint8Array;
  /** kg CO2e of occurrence k: quantity × the factor of its year × count, rounded once from the exact product. */
  occurrenceKg: Float64Array;
  /** Index into STAGES. */
  stage: Uint8Array;
  /** 1 when the item is in the direct scope. */
  direct: Uint8Array;
  occurrenceStart: Int32Array;
  occurrenceYear: Int32Array;
  /** What the result's item rows repeat unchanged. */
  rows: Omit<NumericEmissionRow, "kg">[];
};

/** One alternative's cost payments, flattened in the order the exact core lists them (lcc.ts `payments`). */
export type CompiledCosts = {
  /** NOK, signed (a residual value negative), the residual of unused service life included as its own payment. */
  amount: Float64Array;
  /** (1 + e)^t of the item the payment belongs to. */
  escalationFactor: Float64Array;
  year: Int32Array;
  /** Index into `kinds`. */
  kind: Uint8Array;
  /** The cost item each payment comes from. */
  item: Int32Array;
  /** The kinds that have a payment, in the order the exact core first meets them. */
  kinds: CostKind[];
};

/** The alternative's own waste (existing stock left out), for the suggested waste-pyramid level. */
export type CompiledWaste = {
  /** Index into WASTE_LEVELS. */
  level: Uint8Array;
  /** Waste mass × count of one occurrence, in kg. */
  onceKg: Float64Array;
  occurrences: Int32Array;
};

export type CompiledAlternative = {
  id: string;
  name: string;
  wasteLevel: WasteLevel | null;
  emissions: CompiledEmissions;
  costs: CompiledCosts;
  waste: CompiledWaste;
};

export type CompiledCase = {
  years: number;
  ranking: RankingMethod;
  baseline: string;
  /** 1 / Π (1 + r_i)^n_i for t = 0..N, from the case's schedule (R-109's segments or a flat rate). */
  discountFactor: Float64Array;
  /** What the equivalent annual cost divides the present value by: Σ_{t=1..N} discount factor (1 when N = 0). */
  annuity: number;
  /** NOK per tonne CO2e in year t = 0..N, or null when the case has no carbon price. */
  carbonPrice: Float64Array | null;
  alternatives: CompiledAlternative[];
};
