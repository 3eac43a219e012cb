/**
 * The comparison with the baseline in plain numbers, by the exact core's
 * definitions (comparison.ts): deltas, abatement cost per tonne avoided,
 * and the payback year, the first year from which the alternative's
 * cumulative discounted cost stays at or below the baseline's through
 * year N. Figures equal within 1e-12 count as equal (figures.ts).
 *
 * Example: cumulative alternative [100, 150, 170], baseline [80, 160, 200]
 * → payback year 1, "in-year".
 */
import { paybackKind } from "../comparison.js";
import { differenceOf } from "./figures.js";
import type { NumericAlternativeResult, NumericCoreResult } from "./types.js";

type ComparisonRow = NumericCoreResult["comparison"][number];

/** The first year from which Σ_{0..t} alternative ≤ Σ_{0..t} baseline holds through N; null if none. */
export function paybackYear(alternative: readonly number[], baseline: readonly number[]): number | null {
  const a = new Float64Array(alternative.length);
  const b = new Float64Array(baseline.length);
  let runningA = 0;
  let runningB = 0;
  for (let t = 0; t < a.length; t++) {
    a[t] = runningA += alternative[t]!;
    b[t] = runningB += baseline[t]!;
  }
  let year: number | null = null;
  for (let t = a.length - 1; t >= 0 && differenceOf(a[t]!, b[t]!) <= 0; t--) year = t;
  return year;
}

export function compareWithBaseline(results: readonly NumericAlternativeResult[], baselineId: string): ComparisonRow[] {
  const base = results.find((r) => r.id === baselineId)!;
  return results
    .filter((r) => r.id !== baselineId)
    .map((r) => {
      const deltaKg = differenceOf(r.emissions.totalKg, base.emissions.totalKg);
      const deltaPresentValue = differenceOf(r.lcc.presentValue, base.lcc.presentValue);
      const payback = paybackYear(r.lcc.byYear, base.lcc.byYear);
      return {
        id: r.id,
        baseline: baselineId,
        deltaKg,
        deltaPresentValue,
        abatementCostPerTonne: deltaKg < 0 ? deltaPresentValue / (-deltaKg / 1000) : null,
        paybackYear: payback,
        payback: paybackKind(payback),
      };
    });
}
