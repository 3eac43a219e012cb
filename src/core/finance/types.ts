/**
 * The finance view's figures (issue: cash flows, BLCC measures, break-even
 * carbon price, sensitivity, Monte Carlo). Three kinds live here:
 *
 * - exact measures against the baseline (measures.ts), in decimals like
 *   every figure that is filed: NIST Handbook 135's net savings, simple
 *   payback, SIR and AIRR, and the break-even carbon price;
 * - the ranges an input may take (`InputRange`), a distribution over a
 *   multiplier of the value the case uses, with where the range comes from;
 * - sensitivity and Monte Carlo results in plain numbers, from the fast
 *   evaluator: they evaluate the case hundreds or thousands of times.
 */
import type { Decimal } from "../decimal.js";

/**
 * Why a measure has no value: said in words wherever it is shown, never as
 * NaN or Infinity.
 * - no-added-investment (SIR, AIRR): the alternative costs no more to
 *   invest in than the baseline (ΔI ≤ 0);
 * - sir-not-positive (AIRR): the savings cover none of the added investment (SIR ≤ 0);
 * - avoids-nothing (break-even carbon price): no discounted tonnes avoided;
 * - never-pays-back (simple payback): the cumulative undiscounted cost
 *   never stays at or below the baseline's through year N.
 */
export const UNDEFINED_REASONS = ["no-added-investment", "sir-not-positive", "avoids-nothing", "never-pays-back"] as const;
export type UndefinedReason = (typeof UNDEFINED_REASONS)[number];

/** The measures of one alternative against the baseline, exact. */
export type FinanceMeasures = {
  id: string;
  baseline: string;
  /** PV of investment-related costs (acquisition, installation, replacement, end of life, residual value) less the baseline's. */
  addedInvestment: Decimal;
  /** PV of the baseline's operating costs (energy, operation, maintenance, other) less the alternative's. */
  operatingSavings: Decimal;
  /** PV baseline − PV alternative (= operatingSavings − addedInvestment). */
  netSavings: Decimal;
  /** First year from which the cumulative undiscounted cost stays ≤ the baseline's through N; null with a reason. */
  simplePaybackYear: number | null;
  /** operatingSavings / addedInvestment; null when addedInvestment ≤ 0. */
  sir: Decimal | null;
  /** (SIR × D_N)^(1/N) − 1, D_N = what one krone in year N is divided by; (1+r)·SIR^(1/N) − 1 at a flat rate. */
  airr: Decimal | null;
  /** NOK per tonne, constant real price, tonnes discounted like costs; null when nothing is avoided. */
  breakEvenCarbonPrice: Decimal | null;
  /** Σ_t tonnes_t / D_t, the alternative's and the baseline's: what a constant carbon price is multiplied by. */
  discountedTonnes: { alternative: Decimal; baseline: Decimal };
  /** The reason for each measure that is null. */
  reasons: Partial<Record<"simplePaybackYear" | "sir" | "airr" | "breakEvenCarbonPrice", UndefinedReason>>;
};

/** One year of an alternative's cash flow, exact. */
export type CashFlowYear = {
  year: number;
  calendarYear: number;
  /** Undiscounted (escalated, real) payments of the year, residual value negative. */
  nominal: Decimal;
  discounted: Decimal;
  cumulativeNominal: Decimal;
  cumulativeDiscounted: Decimal;
};

export type CashFlows = {
  id: string;
  years: CashFlowYear[];
  /** The budgets the payments fall on: investment = year 0, operating = years 1..N, nominal and discounted. */
  budget: { investment: { nominal: Decimal; discounted: Decimal }; operating: { nominal: Decimal; discounted: Decimal } };
  equivalentAnnualCost: Decimal;
  /** The year the alternative pays back against the baseline (discounted), null when never or when it is the baseline. */
  paybackYear: number | null;
};

/**
 * A distribution over a multiplier of the value the case uses (1 = as
 * entered). Triangular and uniform by their bounds; log-normal by its
 * median (1) and geometric standard deviation, as the pedigree approach
 * states uncertainty (GSD, with the 95 % interval median ÷ GSD² … × GSD²).
 */
export type Distribution =
  | { shape: "triangular"; low: number; mode: number; high: number }
  | { shape: "uniform"; low: number; high: number }
  | { shape: "lognormal"; gsd: number };

/**
 * Where a range comes from: the factor's source publishes it; a default by
 * kind of data from a cited method (marked as a default wherever shown);
 * or the user set it (± % on the page, a range in the case, a CLI option).
 */
export type RangeBasis = "published" | "default" | "user";

/** Kind of data, for the default uncertainty of a factor without a published one. */
export type DataKind = "spend-based" | "generic-activity" | "product-specific";

export type InputRange = {
  distribution: Distribution;
  basis: RangeBasis;
  /** For a default: the kind of data it is the default for. */
  dataKind?: DataKind;
  /** The citation of the range (publisher, title, year, table), for users. */
  citation?: string;
};

/** P5, P50 and P95 of a figure over the draws, and their mean. */
export type Percentiles = { p5: number; p50: number; p95: number; mean: number };

/** What one Monte Carlo input draws from, stated in the result. */
export type UncertainInput = {
  /** "factor:<factor id>" (drawn once per draw and shared by every item that uses it), "inline:<alt>/<item>" or "cost:<alt>/<item>". */
  key: string;
  kind: "factor" | "cost";
  /** The factor's name or the item's label. */
  label: string;
  range: InputRange;
};

/** The `uncertainty` block of a result: `kalkyle evaluate CASE --samples N --seed S`. */
export type UncertaintyResult = {
  samples: number;
  seed: number;
  alternatives: {
    id: string;
    kg: Percentiles;
    lcc: Percentiles;
    /** When the case prices carbon. */
    lccWithCarbon?: Percentiles;
  }[];
  /** Share of draws in which the alternative has strictly less CO2e / a strictly lower LCC than the baseline (same draw). */
  beatsBaseline: { id: string; kg: number; lcc: number }[];
  inputs: UncertainInput[];
};

/** One input varied one at a time in the sensitivity analysis. */
export type SensitivityInput = {
  /** "discount-rate", "years", "escalation:<alt>/<item>", "cost:<alt>/<item>", "factor:<factor id>" or "inline:<alt>/<item>". */
  key: string;
  kind: "discount-rate" | "years" | "escalation" | "cost" | "factor";
  label: string;
  /** The value the case uses, and the low and high ends of the range tried, in the input's own unit (rate as a fraction, years, NOK, kg CO2e per unit). */
  base: number;
  low: number;
  high: number;
  basis: RangeBasis;
};

/** The difference B − A at the low and at the high end of one input. */
export type TornadoBar = {
  input: SensitivityInput;
  lcc: { low: number; high: number };
  kg: { low: number; high: number };
};

/** Where A and B swap places on one measure as one input moves; null value with a reason when they do not. */
export type SwitchingValue = {
  input: SensitivityInput;
  measure: "lcc" | "kg";
  value: number | null;
  /** exact: solved from the linear model; bracketed: found by bisection to a tolerance. */
  method: "exact" | "bracketed" | null;
  reason?: "no-effect" | "no-swap-in-domain";
};

export type SensitivityResult = {
  a: string;
  b: string;
  /** The ± % used for inputs without a range of their own. */
  percent: number;
  /** The LCC difference includes the carbon cost (the case ranks by lcc-with-carbon), else it is the present value of the costs alone. */
  lccIncludesCarbon: boolean;
  /** Inputs that move a difference but were left out beyond the cap on bars (the narrowest ones). */
  omitted: number;
  /** B − A as the case stands. */
  base: { lcc: number; kg: number };
  /** Widest swing first (LCC, then CO2e). */
  bars: TornadoBar[];
  switching: SwitchingValue[];
};
