/**
 * Discounting after R-109/21 (Finansdepartementet, rundskriv R-109/2021,
 * section 5): a real rate of 4 % for the first 40 years, 3 % from year 40
 * to 75 and 2 % after. A rate given in a case is flat: one segment.
 *
 * Discount factor of year t: Π over the segments of (1 + r_i)^(years of t
 * that fall in segment i).
 *
 * Example: year 60 under the R-109 schedule → 1 / (1.04^40 × 1.03^20).
 */
import { Decimal, ONE, ZERO } from "./decimal.js";
import type { DiscountSegment } from "./types.js";

/** R-109's declining schedule. The rates are R-109's own, not factors. */
export const R109_SCHEDULE: readonly DiscountSegment[] = [
  { fromYear: 0, rate: new Decimal("0.04") },
  { fromYear: 40, rate: new Decimal("0.03") },
  { fromYear: 75, rate: new Decimal("0.02") },
];

export function flatSchedule(rate: Decimal): DiscountSegment[] {
  return [{ fromYear: 0, rate }];
}

/** (1+r_1)^n_1 × (1+r_2)^n_2 × … : what one krone in year t is divided by. */
export function discountDivisor(schedule: readonly DiscountSegment[], year: number): Decimal {
  let divisor = ONE;
  schedule.forEach((segment, i) => {
    const end = Math.min(year, schedule[i + 1]?.fromYear ?? Infinity);
    const span = end - segment.fromYear;
    if (span > 0) divisor = divisor.mul(ONE.plus(segment.rate).pow(span));
  });
  return divisor;
}

/**
 * Σ_{t=1..N} 1 / divisor(t): the present value of one krone a year over
 * years 1..N, which spreads a present value into an equivalent annual cost.
 */
export function annuityFactor(schedule: readonly DiscountSegment[], years: number): Decimal {
  let total = ZERO;
  for (let t = 1; t <= years; t++) total = total.plus(ONE.div(discountDivisor(schedule, t)));
  return total;
}

/** The segments that apply within years 0..N, for the result and the report. */
export function segmentsWithin(schedule: readonly DiscountSegment[], years: number): DiscountSegment[] {
  return schedule.filter((s) => s.fromYear === 0 || s.fromYear < years);
}
