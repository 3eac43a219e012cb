/**
 * Comparison against the baseline alternative: deltas, abatement cost per
 * tonne CO2e avoided and the payback year (the first year index at which
 * the alternative's cumulative discounted cost is at most the baseline's).
 *
 * Example: 3 t less CO2e for 15 000 NOK more → 5 000 NOK per tonne.
 */
import { Decimal, THOUSAND } from "./decimal.js";
import { cumulative } from "./lcc.js";
import type { AlternativeResult, ComparisonRow } from "./types.js";

/** NOK per tonne avoided, or null when the alternative avoids none. */
export function abatementCostPerTonne(deltaKg: Decimal, deltaPresentValue: Decimal): Decimal | null {
  if (!deltaKg.isNegative() || deltaKg.isZero()) return null;
  return deltaPresentValue.div(deltaKg.neg().div(THOUSAND));
}

export function paybackYear(alternative: readonly Decimal[], baseline: readonly Decimal[]): number | null {
  const a = cumulative(alternative);
  const b = cumulative(baseline);
  const year = a.findIndex((value, t) => value.lte(b[t]!));
  return year === -1 ? null : year;
}

export function compareWithBaseline(results: readonly AlternativeResult[], baselineId: string): ComparisonRow[] {
  const base = results.find((r) => r.id === baselineId)!;
  return results
    .filter((r) => r.id !== baselineId)
    .map((r) => {
      const deltaKg = r.emissions.totalKg.minus(base.emissions.totalKg);
      const deltaPresentValue = r.lcc.presentValue.minus(base.lcc.presentValue);
      return {
        id: r.id,
        baseline: baselineId,
        deltaKg,
        deltaPresentValue,
        abatementCostPerTonne: abatementCostPerTonne(deltaKg, deltaPresentValue),
        paybackYear: paybackYear(r.lcc.byYear, base.lcc.byYear),
      };
    });
}
