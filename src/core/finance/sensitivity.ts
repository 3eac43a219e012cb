/**
 * One-at-a-time sensitivity analysis of the difference between two
 * alternatives (the sensitivity analysis of ISO 15686-5:2017 and of NIST
 * Handbook 135, Fuller and Petersen 1995), shown as a tornado chart: each input in
 * turn at the low and the high end of its range (sensitivity-inputs.ts),
 * every other input as the case stands, and B − A in the LCC and in kg
 * CO2e at each end. With each input its switching values (switching.ts).
 *
 * The LCC is the present value of the costs, with the carbon cost when the
 * case ranks by LCC with carbon (`lccIncludesCarbon` says which). Inputs
 * that move neither difference anywhere in their range or domain are left
 * out; of the others, the MAX_BARS with the widest LCC swing (then CO2e)
 * are kept and `omitted` counts the rest, which bounds the work: each kept
 * input costs a few dozen evaluations of the two alternatives for its
 * switching values.
 *
 * Figures come from the fast evaluator in plain numbers (equal to the
 * exact core to 1e-12); none of them is filed as an exact figure.
 *
 * Example: A 1 000 000 NOK now, B 600 000 now + 50 000 a year for 10
 * years, 4 %, ±10 %: base B − A = 5 544.79; B's yearly cost at 45 000 and
 * 55 000 → −35 009.69 and 46 099.27 (each ±5 000 × 8.110 9 from the base).
 */
import type { ResolvedCase } from "../types.js";
import { DEFAULT_SPREADS, type FactorRange, type Probe, type Spreads, probesOf } from "./sensitivity-inputs.js";
import { type Difference, MEASURES, differenceIn, pairModel } from "./sensitivity-model.js";
import { switchingValues } from "./switching.js";
import type { SensitivityResult, TornadoBar } from "./types.js";

/** At most this many bars, the widest. */
export const MAX_BARS = 40;

export type SensitivityOptions = {
  a: string;
  b: string;
  /** ± % for cost amounts, and for factors without a range of their own. */
  percent: number;
  /** A factor's own range, where it has one. */
  factorRange?: FactorRange;
  /** The ranges of the discount rate, the analysis period and escalations; by default ±2 points, ±25 %, ±2 points. */
  spreads?: Partial<Spreads>;
  maxBars?: number;
};

/** Whether the input moves a difference anywhere in its range or at its domain's ends (linear: at all). */
function moves(probe: Probe, base: Difference, tolerance: Difference): boolean {
  const { input, domain } = probe;
  const values = probe.linear ? [0, ...(input.base === 0 ? [1] : [])] : [input.low, input.high, domain.min, domain.max];
  const reference = probe.linear && input.base === 0 ? probe.at(0) : base;
  return values.some((v) => MEASURES.some((m) => Math.abs(probe.at(v)[m] - reference[m]) > tolerance[m]));
}

function barOf(probe: Probe): TornadoBar {
  const low = probe.at(probe.input.low);
  const high = probe.at(probe.input.high);
  return { input: probe.input, lcc: { low: low.lcc, high: high.lcc }, kg: { low: low.kg, high: high.kg } };
}

/** Widest LCC swing first, then CO2e, then by key so that the order is the same every time. */
function byWidth(x: TornadoBar, y: TornadoBar): number {
  const swing = (bar: TornadoBar, m: "lcc" | "kg") => Math.abs(bar[m].high - bar[m].low);
  return swing(y, "lcc") - swing(x, "lcc") || swing(y, "kg") - swing(x, "kg") || (x.input.key < y.input.key ? -1 : x.input.key > y.input.key ? 1 : 0);
}

/**
 * The tornado bars and switching values of B − A. Pure; `a` and `b` must
 * be two different alternatives of the case.
 */
export function sensitivity(resolved: ResolvedCase, options: SensitivityOptions): SensitivityResult {
  const model = pairModel(resolved, options.a, options.b);
  const base = differenceIn(model.compiled, model.lccIncludesCarbon);
  const probes = probesOf(model, base, { percent: options.percent, factorRange: options.factorRange, spreads: { ...DEFAULT_SPREADS, ...options.spreads } });
  const measured = probes
    .filter((probe) => moves(probe, base, model.tolerance))
    .map((probe) => ({ probe, bar: barOf(probe) }))
    .sort((x, y) => byWidth(x.bar, y.bar));
  const kept = measured.slice(0, options.maxBars ?? MAX_BARS);
  return {
    a: options.a,
    b: options.b,
    percent: options.percent,
    lccIncludesCarbon: model.lccIncludesCarbon,
    omitted: measured.length - kept.length,
    base,
    bars: kept.map((k) => k.bar),
    switching: kept.flatMap((k) => switchingValues(k.probe, base, model.tolerance)),
  };
}
