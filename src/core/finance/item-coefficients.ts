/**
 * What each item of a case adds to its alternative's totals, computed once
 * in exact decimals by the core's own formulas and then rounded once to a
 * plain number, so that a Monte Carlo draw is a sum of products
 * coefficient × multiplier (docs/case-format.md, "Uncertainty (Monte Carlo)"):
 *
 * - an emission item's kg CO2e over the period: kg of one occurrence
 *   (quantity × factor × count) × its occurrences (emissions.ts), or for a
 *   factor that changes by year Σ over its occurrences t of quantity ×
 *   factor(startYear + t) × count; 0 in stage D, which no total counts;
 *   a multiplier on the item scales every year's value alike;
 * - its carbon cost, when the case prices carbon:
 *   Σ over its occurrences t of kg_t/1000 × price(startYear + t) / D_t
 *   (evaluate.ts `carbonCostPresentValue`, item by item);
 * - a cost item's present value: Σ over its payments (lcc.ts `payments`,
 *   the residual of unused service life included) of A × (1+e)^t / D_t,
 *   where D_t is what one krone in year t is divided by (discount.ts).
 *
 * The totals are linear in every item, so Σ coefficient = the exact
 * core's total to within the rounding of each coefficient and of the sum.
 *
 * Example: 1 000 NOK in years 0 and 10 at a flat 4 % →
 * 1 000 + 1 000 / 1.04^10 = 1 675.56… as one coefficient.
 */
import { carbonPriceIn } from "../carbon-price.js";
import { type Decimal, ONE, THOUSAND, ZERO, sum } from "../decimal.js";
import { discountDivisor } from "../discount.js";
import { itemYears, occurrenceKg, occurrenceKgIn } from "../emissions.js";
import { discountScheduleOf } from "../evaluate.js";
import { payments } from "../lcc.js";
import type { ResolvedCase } from "../types.js";

/** Per alternative (the case's order), per item (the alternative's order). */
export type ItemCoefficients = {
  /** kg CO2e of each emission item over the period (0 in stage D). */
  kg: Float64Array[];
  /** NOK: present value of each emission item's carbon cost; null when the case has no carbon price. */
  carbon: Float64Array[] | null;
  /** NOK: present value of each cost item's payments. */
  cost: Float64Array[];
};

/** Memoises f(key): the powers and prices of a year repeat across items. */
function memo<K, V>(f: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) kept.set(key, (value = f(key)));
    return value;
  };
}

/** The coefficients of every item of the case. */
export function itemCoefficients(c: ResolvedCase): ItemCoefficients {
  const schedule = discountScheduleOf(c);
  const divisor = memo((year: number) => discountDivisor(schedule, year));
  const path = c.carbonPrice;
  // price(startYear + t) / 1000 / D_t: NOK of one kg in year t, discounted
  const carbonWeight = memo((year: number): Decimal => carbonPriceIn(path!, c.startYear + year).div(THOUSAND).div(divisor(year)));
  const growth = memo((key: string) => {
    const [rate, year] = key.split("@");
    return ONE.plus(rate!).pow(Number(year));
  });
  const kg: Float64Array[] = [];
  const carbon: Float64Array[] = [];
  const cost: Float64Array[] = [];
  for (const alt of c.alternatives) {
    const kgOf = new Float64Array(alt.emissions.length);
    const carbonOf = new Float64Array(alt.emissions.length);
    alt.emissions.forEach((item, i) => {
      if (item.stage === "D") return;
      const when = itemYears(item, c.years);
      if (item.kgPerUnitByYear === undefined) {
        const once = occurrenceKg(item);
        kgOf[i] = once.mul(when.length).toNumber();
        if (path !== null) carbonOf[i] = once.mul(when.reduce((acc, year) => acc.plus(carbonWeight(year)), ZERO)).toNumber();
        return;
      }
      // a factor that changes by year: each occurrence at its own year's value
      const each = when.map((year) => occurrenceKgIn(item, year));
      kgOf[i] = sum(each).toNumber();
      if (path !== null) carbonOf[i] = each.reduce((acc, kgIn, k) => acc.plus(kgIn.mul(carbonWeight(when[k]!))), ZERO).toNumber();
    });
    const costOf = Float64Array.from(alt.costs, (item) =>
      payments(item, c.years)
        .reduce((acc, p) => acc.plus(p.amount.mul(growth(`${p.escalation.toString()}@${p.year}`)).div(divisor(p.year))), ZERO)
        .toNumber(),
    );
    kg.push(kgOf);
    carbon.push(carbonOf);
    cost.push(costOf);
  }
  return { kg, carbon: path === null ? null : carbon, cost };
}
