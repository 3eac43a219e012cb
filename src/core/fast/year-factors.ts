/**
 * The per-year figures of the fast evaluator, computed once per case in
 * doubles, by the exact core's definitions:
 * - discount factor of year t: 1 / Π (1 + r_i)^n_i over the schedule's
 *   segments (R-109/21 section 5; discount.ts);
 * - escalation factor: (1 + e)^t (ISO 15686-5; lcc.ts);
 * - annuity: Σ_{t=1..N} discount factor, which an equivalent annual cost
 *   divides the present value by; for a flat rate (1 − (1+r)^−N) / r;
 * - carbon price of year t: the path's price in startYear + t, linear
 *   between given years, flat outside them (carbon-price.ts).
 * Powers are taken as exp(n · log1p(r)), which keeps the error of a
 * 200-year factor near one rounding instead of n of them.
 *
 * Example: flat 4 % → discount factor of year 10 = 1 / 1.04^10 = 0.675 564…
 */
import type { Decimal } from "../decimal.js";
import type { DiscountSegment } from "../types.js";

/** (1 + rate)^years. Example: growthFactor(0.04, 10) = 1.480 244… */
export function growthFactor(rate: number, years: number): number {
  return years === 0 ? 1 : Math.exp(years * Math.log1p(rate));
}

/** Discount factors for t = 0..N under a schedule of rates by year. */
export function discountFactors(schedule: readonly DiscountSegment[], years: number): Float64Array {
  const rates = schedule.map((s) => s.rate.toNumber());
  const out = new Float64Array(years + 1);
  for (let t = 0; t <= years; t++) {
    let exponent = 0;
    schedule.forEach((segment, i) => {
      const span = Math.min(t, schedule[i + 1]?.fromYear ?? Infinity) - segment.fromYear;
      if (span > 0) exponent += span * Math.log1p(rates[i]!);
    });
    out[t] = Math.exp(-exponent);
  }
  return out;
}

/**
 * What the present value is divided by for the equivalent annual cost
 * (lcc.ts `equivalentAnnualCostUnder`): 1 for N = 0; N at a flat 0 %;
 * (1 − (1+r)^−N) / r at a flat rate r; else Σ_{t=1..N} discount factor.
 * Example: flat 4 % over 10 years → 8.110 895…
 */
export function annuityOf(schedule: readonly DiscountSegment[], years: number, discountFactor: Float64Array): number {
  if (years === 0) return 1;
  if (schedule.length === 1) {
    const rate = schedule[0]!.rate.toNumber();
    return rate === 0 ? years : -Math.expm1(-years * Math.log1p(rate)) / rate;
  }
  let total = 0;
  for (let t = 1; t <= years; t++) total += discountFactor[t]!;
  return total;
}

/**
 * NOK per tonne in years startYear .. startYear + N.
 * Example: { 2026: 1500, 2030: 2000 } from 2026 over 4 years → 1500, 1625, 1750, 1875, 2000.
 */
export function carbonPrices(path: ReadonlyMap<number, Decimal>, startYear: number, years: number): Float64Array {
  const given = [...path.keys()].sort((a, b) => a - b);
  const price = (year: number) => path.get(year)!.toNumber();
  const out = new Float64Array(years + 1);
  for (let t = 0; t <= years; t++) {
    const year = startYear + t;
    const upperIndex = given.findIndex((y) => y >= year);
    if (upperIndex === -1) out[t] = price(given[given.length - 1]!);
    else if (upperIndex === 0 || given[upperIndex] === year) out[t] = price(given[upperIndex]!);
    else {
      const lower = given[upperIndex - 1]!;
      const upper = given[upperIndex]!;
      out[t] = price(lower) + ((price(upper) - price(lower)) * (year - lower)) / (upper - lower);
    }
  }
  return out;
}
