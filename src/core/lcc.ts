/**
 * Lifecycle cost after ISO 15686-5 / NS 3454: present value of all costs
 * over the analysis period with a real discount rate (R-109: 4 %).
 */
import { type Decimal, ONE, ZERO, addTo, sum, zeros } from "./decimal.js";
import { occurrenceYears } from "./occurrences.js";
import type { At, CostKind, LccResult, ResolvedCostItem } from "./types.js";

/**
 * Present value of one payment: A × (1+e)^t / (1+r)^t (ISO 15686-5).
 * Example: 1000 NOK in year 10 at 4 % → 1000 / 1.04^10 = 675.56…
 */
export function presentValue(amount: Decimal, year: number, rate: Decimal, escalation: Decimal = ZERO): Decimal {
  return amount.mul(ONE.plus(escalation).pow(year)).div(ONE.plus(rate).pow(year));
}

/** The payment in year t with escalation applied, undiscounted: A × (1+e)^t. */
export function escalated(amount: Decimal, year: number, escalation: Decimal): Decimal {
  return amount.mul(ONE.plus(escalation).pow(year));
}

/**
 * Equivalent annual cost: the level annual payment over years 1..N with the
 * same present value, PV × r / (1 − (1+r)^−N); PV / N at a 0 % rate.
 * With N = 0 there is no year to spread over and the EAC is the PV itself.
 * Example: PV 10 000 over 10 years at 4 % → 1 232.91…
 */
export function equivalentAnnualCost(pv: Decimal, rate: Decimal, years: number): Decimal {
  if (years === 0) return pv;
  if (rate.isZero()) return pv.div(years);
  return pv.mul(rate).div(ONE.minus(ONE.plus(rate).pow(-years)));
}

const DEFAULT_AT: Partial<Record<CostKind, At>> = { endOfLife: "end", residual: "end" };

/** A residual value is entered positive and counts against the cost. */
export function signedAmount(item: ResolvedCostItem): Decimal {
  return item.kind === "residual" ? item.amount.neg() : item.amount;
}

/** LCC of one alternative's cost items, without carbon cost. */
export function lifecycleCost(items: readonly ResolvedCostItem[], years: number, rate: Decimal): Omit<LccResult, "carbonCostPresentValue" | "presentValueWithCarbon"> {
  const byYear = zeros(years + 1);
  const byKind = new Map<CostKind, Decimal>();
  const nominal: Decimal[] = [];
  for (const item of items) {
    const amount = signedAmount(item);
    for (const year of occurrenceYears(item, years, DEFAULT_AT[item.kind] ?? 0)) {
      const pv = presentValue(amount, year, rate, item.escalation);
      byYear[year] = byYear[year]!.plus(pv);
      addTo(byKind, item.kind, pv);
      nominal.push(escalated(amount, year, item.escalation));
    }
  }
  const pv = sum(byYear);
  return {
    presentValue: pv,
    nominalTotal: sum(nominal),
    byKind: Object.fromEntries(byKind) as Partial<Record<CostKind, Decimal>>,
    byYear,
    equivalentAnnualCost: equivalentAnnualCost(pv, rate, years),
  };
}

/** Running totals: cumulative[t] = Σ byYear[0..t]. */
export function cumulative(byYear: readonly Decimal[]): Decimal[] {
  let running = ZERO;
  return byYear.map((v) => (running = running.plus(v)));
}

