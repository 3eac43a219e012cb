/**
 * Lifecycle cost after ISO 15686-5 / NS 3454: present value of all costs
 * over the analysis period with a real discount rate (R-109: 4 %).
 */
import { type Decimal, ONE, ZERO, addTo, sum, zeros } from "./decimal.js";
import { annuityFactor, discountDivisor, flatSchedule } from "./discount.js";
import { occurrenceYears, unusedLifeYears } from "./occurrences.js";
import type { At, CostKind, DiscountSegment, LccResult, ResolvedCostItem } from "./types.js";

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

/** A flat rate or a schedule of rates by year (R-109's declining schedule). */
export type Discounting = Decimal | readonly DiscountSegment[];

export function scheduleOf(discounting: Discounting): readonly DiscountSegment[] {
  return Array.isArray(discounting) ? discounting : flatSchedule(discounting as Decimal);
}

/**
 * Present value under a schedule: A × (1+e)^t / Π (1+r_i)^n_i. With one
 * segment this is presentValue(A, t, r, e), the same operations in the
 * same order, so flat-rate figures are unchanged to the last digit.
 */
export function presentValueUnder(amount: Decimal, year: number, schedule: readonly DiscountSegment[], escalation: Decimal = ZERO): Decimal {
  return amount.mul(ONE.plus(escalation).pow(year)).div(discountDivisor(schedule, year));
}

/** EAC under a schedule: the flat formula for one segment, else PV / Σ_{t=1..N} discount factor. */
export function equivalentAnnualCostUnder(pv: Decimal, schedule: readonly DiscountSegment[], years: number): Decimal {
  if (schedule.length === 1) return equivalentAnnualCost(pv, schedule[0]!.rate, years);
  return years === 0 ? pv : pv.div(annuityFactor(schedule, years));
}

type Payment = { kind: CostKind; year: number; amount: Decimal; escalation: Decimal };

/**
 * (1 + e)^t, each escalation and year computed once: many items share both
 * (every yearly item at 0 % over the same years). Same digits as escalated().
 */
export function growthFactors(): (escalation: Decimal, year: number) => Decimal {
  const growths = new Map<string, Decimal>();
  return (escalation, year) => {
    const key = `${escalation.toString()}@${year}`;
    let growth = growths.get(key);
    if (growth === undefined) growths.set(key, (growth = ONE.plus(escalation).pow(year)));
    return growth;
  };
}

/**
 * The payments of one cost item: its occurrences, and for an item with a
 * service life the residual value of the last copy's unused life at N,
 * linear: −A × unused / life, escalated to N (× (1+e)^N)
 * like the item. Example: 7 000 NOK, life 7, N = 20 → years 0, 7, 14 and
 * −1 000 NOK in year 20.
 */
export function payments(item: ResolvedCostItem, years: number): Payment[] {
  const amount = signedAmount(item);
  const out: Payment[] = occurrenceYears(item, years, DEFAULT_AT[item.kind] ?? 0).map((year) => ({ kind: item.kind, year, amount, escalation: item.escalation }));
  const unused = unusedLifeYears(item, years);
  if (unused > 0) out.push({ kind: "residual", year: years, amount: amount.mul(unused).div(item.life!).neg(), escalation: item.escalation });
  return out;
}

/** LCC of one alternative's cost items, without carbon cost. */
export function lifecycleCost(items: readonly ResolvedCostItem[], years: number, discounting: Discounting): Omit<LccResult, "carbonCostPresentValue" | "presentValueWithCarbon"> {
  const schedule = scheduleOf(discounting);
  const byYear = zeros(years + 1);
  const byKind = new Map<CostKind, Decimal>();
  const nominal: Decimal[] = [];
  // Powers repeat across items (the same year, the same escalation): computed once each,
  // the figures are the same operations on the same digits as presentValueUnder and escalated.
  const divisors = new Map<number, Decimal>();
  const growthOf = growthFactors();
  for (const payment of items.flatMap((item) => payments(item, years))) {
    const growth = growthOf(payment.escalation, payment.year);
    let divisor = divisors.get(payment.year);
    if (divisor === undefined) divisors.set(payment.year, (divisor = discountDivisor(schedule, payment.year)));
    const nominalAmount = payment.amount.mul(growth);
    const pv = nominalAmount.div(divisor);
    byYear[payment.year] = byYear[payment.year]!.plus(pv);
    addTo(byKind, payment.kind, pv);
    nominal.push(nominalAmount);
  }
  const pv = sum(byYear);
  return {
    presentValue: pv,
    nominalTotal: sum(nominal),
    byKind: Object.fromEntries(byKind) as Partial<Record<CostKind, Decimal>>,
    byYear,
    equivalentAnnualCost: equivalentAnnualCostUnder(pv, schedule, years),
  };
}

/** Running totals: cumulative[t] = Σ byYear[0..t]. */
export function cumulative(byYear: readonly Decimal[]): Decimal[] {
  let running = ZERO;
  return byYear.map((v) => (running = running.plus(v)));
}
