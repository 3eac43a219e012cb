/**
 * Comparison against the baseline alternative: deltas, abatement cost per
 * tonne CO2e avoided and the payback year (the first year from which the
 * alternative's cumulative discounted cost stays at most the baseline's).
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

/**
 * The payback year: the first year t from which the alternative's
 * cumulative discounted cost stays ≤ the baseline's through year N. An
 * alternative that is cheaper to buy but dearer over the period, or that
 * crosses back, has none (null). Year 0 means cheaper from the start.
 *
 * Example: cumulative alternative [100, 150, 170], baseline [80, 160, 200]
 * → 1 (dearer in year 0, cheaper from year 1 on).
 */
export function paybackYear(alternative: readonly Decimal[], baseline: readonly Decimal[]): number | null {
  const a = cumulative(alternative);
  const b = cumulative(baseline);
  let year: number | null = null;
  for (let t = a.length - 1; t >= 0 && a[t]!.lte(b[t]!); t--) year = t;
  return year;
}

export function paybackKind(year: number | null): ComparisonRow["payback"] {
  return year === null ? "never" : year === 0 ? "from-start" : "in-year";
}

export function compareWithBaseline(results: readonly AlternativeResult[], baselineId: string): ComparisonRow[] {
  const base = results.find((r) => r.id === baselineId)!;
  return results
    .filter((r) => r.id !== baselineId)
    .map((r) => {
      const deltaKg = r.emissions.totalKg.minus(base.emissions.totalKg);
      const deltaPresentValue = r.lcc.presentValue.minus(base.lcc.presentValue);
      const payback = paybackYear(r.lcc.byYear, base.lcc.byYear);
      return {
        id: r.id,
        baseline: baselineId,
        deltaKg,
        deltaPresentValue,
        abatementCostPerTonne: abatementCostPerTonne(deltaKg, deltaPresentValue),
        paybackYear: payback,
        payback: paybackKind(payback),
      };
    });
}
