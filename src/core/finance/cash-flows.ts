/**
 * Each alternative's cash flow year by year, exact: the undiscounted
 * payments (escalated, residual value negative), the discounted ones, and
 * both cumulated; the split between the investment budget (year 0) and
 * the operating budget (years 1..N); the equivalent annual cost; and the
 * year it pays back against the baseline (the comparison's own figure).
 * The discounted figures are the core's own byYear, so the last
 * cumulative discounted figure is the present value, to the last digit.
 *
 * Example: 1 000 NOK in year 0 and 100 NOK a year for 2 years, 0 %
 * escalation, 4 % → nominal 1 000, 100, 100; discounted 1 000, 96.15…,
 * 92.46…; investment budget 1 000, operating budget 200 (192.60… discounted).
 */
import { ZERO, sum } from "../decimal.js";
import { cumulative } from "../lcc.js";
import type { CoreResult, ResolvedCase } from "../types.js";
import { nominalByYear } from "../yearly.js";
import type { CashFlows } from "./types.js";

export function cashFlowsOf(resolved: ResolvedCase, core: CoreResult): CashFlows[] {
  const costsOf = new Map(resolved.alternatives.map((a) => [a.id, a.costs]));
  const paybackOf = new Map(core.comparison.map((row) => [row.id, row.paybackYear]));
  return core.alternatives.map((alt) => {
    const nominal = nominalByYear(costsOf.get(alt.id)!, resolved.years);
    const discounted = alt.lcc.byYear;
    const runningNominal = cumulative(nominal);
    const runningDiscounted = cumulative(discounted);
    return {
      id: alt.id,
      years: nominal.map((n, year) => ({
        year,
        calendarYear: resolved.startYear + year,
        nominal: n,
        discounted: discounted[year]!,
        cumulativeNominal: runningNominal[year]!,
        cumulativeDiscounted: runningDiscounted[year]!,
      })),
      budget: {
        investment: { nominal: nominal[0] ?? ZERO, discounted: discounted[0] ?? ZERO },
        operating: { nominal: sum(nominal.slice(1)), discounted: sum(discounted.slice(1)) },
      },
      equivalentAnnualCost: alt.lcc.equivalentAnnualCost,
      paybackYear: paybackOf.get(alt.id) ?? null,
    };
  });
}
