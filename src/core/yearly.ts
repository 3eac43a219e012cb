/**
 * The year-by-year figures of one alternative, for the yearly sheet of an
 * export: for each year 0..N the nominal cost (escalated, not discounted),
 * the discounted cost, the cumulative discounted cost and the kg CO2e
 * emitted that year (stage D left out, as in every total). The discounted
 * and kg figures are the core's own byYear (LccResult, EmissionsResult);
 * only the nominal payments are summed here, from the same payments the
 * lifecycle cost sums, so Σ nominal = nominalTotal and the last cumulative
 * = presentValue, exactly.
 *
 * Example: 1000 NOK in year 0 and every year after, 0 % escalation, 4 %,
 * N = 2 → nominal [1000, 1000, 1000], discounted [1000, 961.54…, 924.56…],
 * cumulative [1000, 1961.54…, 2886.09…].
 */
import { zeros, type Decimal } from "./decimal.js";
import { cumulative, growthFactors, payments } from "./lcc.js";
import type { EmissionsResult, LccResult, ResolvedCostItem } from "./types.js";

export type YearFigures = {
  /** Year index 0..N (0 = the year of purchase). */
  year: number;
  /** The calendar year: startYear + year. */
  calendarYear: number;
  nominal: Decimal;
  discounted: Decimal;
  cumulativeDiscounted: Decimal;
  kg: Decimal;
};

/** Σ of each year's nominal payments (escalated, residual value negative), years 0..N. */
export function nominalByYear(items: readonly ResolvedCostItem[], years: number): Decimal[] {
  const byYear = zeros(years + 1);
  // (1+e)^t once per escalation and year, as the lifecycle cost takes it: the same digits, far fewer powers
  const growthOf = growthFactors();
  for (const p of items.flatMap((item) => payments(item, years))) byYear[p.year] = byYear[p.year]!.plus(p.amount.mul(growthOf(p.escalation, p.year)));
  return byYear;
}

export function yearlyFigures(costs: readonly ResolvedCostItem[], lcc: Pick<LccResult, "byYear">, emissions: Pick<EmissionsResult, "byYear">, startYear: number, years: number): YearFigures[] {
  const nominal = nominalByYear(costs, years);
  const running = cumulative(lcc.byYear);
  return nominal.map((n, year) => ({
    year,
    calendarYear: startYear + year,
    nominal: n,
    discounted: lcc.byYear[year]!,
    cumulativeDiscounted: running[year]!,
    kg: emissions.byYear[year]!,
  }));
}
