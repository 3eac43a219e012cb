/**
 * The measures NIST's BLCC reports (NIST Handbook 135, Fuller & Petersen,
 * "Life-Cycle Costing Manual for the Federal Energy Management Program",
 * chapter 7), of each alternative against the baseline, exact:
 *
 *   ΔI  = PV of investment-related costs, alternative − baseline
 *         (acquisition, installation, replacement, end of life, residual
 *         value, each bought once or with a service life, and one-off other
 *         costs; a purchase that recurs every year or every few years is an
 *         operating cost)
 *   ΔS  = PV of operating costs, baseline − alternative
 *         (energy, operation, maintenance, recurring purchases)
 *   net savings NS = PV baseline − PV alternative = ΔS − ΔI
 *   SIR  = ΔS / ΔI                          (null when ΔI ≤ 0: no added investment)
 *   AIRR = (SIR × D_N)^(1/N) − 1            (null when SIR is null or ≤ 0)
 *
 * where D_N is what one krone in year N is divided by: (1+r)^N at a flat
 * rate, so that AIRR = (1+r) × SIR^(1/N) − 1, the handbook's formula
 * (savings reinvested at the discount rate to year N, set against the
 * added investment); under R-109's declining schedule D_N is the
 * schedule's own factor, so the reinvestment follows the same rates.
 *
 * Simple payback: the first year from which the cumulative undiscounted
 * cost stays at or below the baseline's through year N (the discounted
 * payback's rule, comparison.ts, on undiscounted payments).
 *
 * Break-even carbon price: the constant real price P (NOK per tonne) at
 * which LCC_alt + P × T_alt = LCC_base + P × T_base, with T = Σ_t
 * tonnes_t / D_t the tonnes discounted like costs:
 *   P = (PV_alt − PV_base) / (T_base − T_alt)      (null when T_base − T_alt ≤ 0)
 * Negative when the alternative is cheaper already: it wins at any price.
 *
 * Example (flat 4 %, N = 10): baseline buys for 100 000 and pays 20 000 a
 * year for energy; the alternative buys for 150 000 and pays 12 000 a
 * year. ΔI = 50 000, ΔS = 8 000 × 8.110 896 = 64 887.17, NS = 14 887.17,
 * SIR = 1.297 743, AIRR = 1.04 × 1.297 743^(1/10) − 1 = 6.75 %.
 */
import { paybackYear } from "../comparison.js";
import { type Decimal, ONE, THOUSAND, ZERO, sum } from "../decimal.js";
import { discountDivisor } from "../discount.js";
import { discountScheduleOf } from "../evaluate.js";
import { payments } from "../lcc.js";
import type { CoreResult, CostKind, ResolvedCase, ResolvedCostItem } from "../types.js";
import type { FinanceMeasures } from "./types.js";

/** BLCC's investment-related kinds of cost; every other kind is an operating cost. */
export const INVESTMENT_KINDS: readonly CostKind[] = ["acquisition", "installation", "replacement", "endOfLife", "residual"];

/**
 * Whether a cost item is investment-related: a kind of INVESTMENT_KINDS
 * bought once or with a service life (replacements), a replacement at any
 * interval, or a one-off `other` cost (planning, training, the start of a
 * new scheme: what a finance officer books with the investment). A
 * purchase that recurs every year or every few years (`every`: the food,
 * the service contract, the yearly disposal fee) is an operating cost
 * whatever its kind, as a budget would book it.
 * Example: { kind: "acquisition", amount: 7 638 000, every: 1 } → operating;
 * { kind: "acquisition", amount: 150 000, life: 7 } → investment;
 * { kind: "other", amount: 140 000 } (recipes and training) → investment.
 */
export function isInvestmentRelated(item: Pick<ResolvedCostItem, "kind" | "every">): boolean {
  if (item.kind === "replacement") return true;
  if (!INVESTMENT_KINDS.includes(item.kind) && item.kind !== "other") return false;
  return item.every === undefined;
}

/** What one krone in year t is divided by, t = 0..N: computed once per case and shared by every sum below. */
export function divisorsOf(resolved: Pick<ResolvedCase, "years" | "discountRate" | "discountSchedule">): Decimal[] {
  const schedule = discountScheduleOf(resolved);
  return Array.from({ length: resolved.years + 1 }, (_, t) => discountDivisor(schedule, t));
}

/**
 * One pass over an alternative's payments (lcc.ts `payments`): the PV of
 * its investment-related and of its operating costs, and its undiscounted
 * payments by year. The amounts are first added up by kind of cost
 * (investment or operating), escalation and year, then each sum is
 * escalated once and discounted once: Σ_i A_i × (1+e)^t / D_t =
 * (Σ_i A_i) × (1+e)^t / D_t, so a case of a thousand yearly items over 200
 * years costs a few hundred multiplications here, not hundreds of
 * thousands (still decimals; only the order of the additions differs from
 * the lifecycle cost's, in the 34th digit).
 */
export function paymentSums(items: readonly ResolvedCostItem[], years: number, divisors: readonly Decimal[]): { investment: Decimal; operating: Decimal; nominalByYear: Decimal[] } {
  const amounts = new Map<string, { invest: boolean; escalation: Decimal; year: number; amount: Decimal }>();
  for (const item of items) {
    const invest = isInvestmentRelated(item);
    for (const p of payments(item, years)) {
      const key = `${invest ? "i" : "o"}${p.escalation.toString()}@${p.year}`;
      const entry = amounts.get(key);
      if (entry === undefined) amounts.set(key, { invest, escalation: p.escalation, year: p.year, amount: p.amount });
      else entry.amount = entry.amount.plus(p.amount);
    }
  }
  const nominalByYear = Array.from({ length: years + 1 }, () => ZERO);
  let investment = ZERO;
  let operating = ZERO;
  for (const { invest, escalation, year, amount } of amounts.values()) {
    const nominal = amount.mul(ONE.plus(escalation).pow(year));
    nominalByYear[year] = nominalByYear[year]!.plus(nominal);
    const pv = nominal.div(divisors[year]!);
    if (invest) investment = investment.plus(pv);
    else operating = operating.plus(pv);
  }
  return { investment, operating, nominalByYear };
}

/** PV of the investment-related and of the operating costs, each payment discounted as the core does (lcc.ts). */
export function investmentAndOperating(items: readonly ResolvedCostItem[], resolved: Pick<ResolvedCase, "years" | "discountRate" | "discountSchedule">): { investment: Decimal; operating: Decimal } {
  const { investment, operating } = paymentSums(items, resolved.years, divisorsOf(resolved));
  return { investment, operating };
}

/** Σ_t kg_t / 1000 / D_t: the tonnes a constant carbon price is multiplied by to give its present value. */
export function discountedTonnes(byYearKg: readonly Decimal[], resolved: Pick<ResolvedCase, "years" | "discountRate" | "discountSchedule">, divisors: readonly Decimal[] = divisorsOf(resolved)): Decimal {
  return sum(byYearKg.map((kg, t) => (kg.isZero() ? ZERO : kg.div(THOUSAND).div(divisors[t]!))));
}

/** AIRR from SIR over N years: (SIR × D_N)^(1/N) − 1. */
export function airrOf(sir: Decimal, resolved: Pick<ResolvedCase, "years" | "discountRate" | "discountSchedule">): Decimal {
  const dN = discountDivisor(discountScheduleOf(resolved), resolved.years);
  return sir.mul(dN).pow(ONE.div(resolved.years)).minus(ONE);
}

/** The break-even carbon price, or null when the alternative avoids no discounted tonnes. */
export function breakEvenCarbonPrice(deltaPresentValue: Decimal, baselineTonnes: Decimal, alternativeTonnes: Decimal): Decimal | null {
  const avoided = baselineTonnes.minus(alternativeTonnes);
  return avoided.gt(ZERO) ? deltaPresentValue.div(avoided) : null;
}

export function measuresAgainstBaseline(resolved: ResolvedCase, core: CoreResult): FinanceMeasures[] {
  const byId = new Map(core.alternatives.map((a) => [a.id, a]));
  const costsOf = new Map(resolved.alternatives.map((a) => [a.id, a.costs]));
  const base = byId.get(resolved.baseline)!;
  const divisors = divisorsOf(resolved);
  const baseSums = paymentSums(costsOf.get(base.id)!, resolved.years, divisors);
  const baseTonnes = discountedTonnes(base.emissions.byYear, resolved, divisors);
  return core.alternatives
    .filter((a) => a.id !== base.id)
    .map((alt) => {
      const sums = paymentSums(costsOf.get(alt.id)!, resolved.years, divisors);
      const addedInvestment = sums.investment.minus(baseSums.investment);
      const operatingSavings = baseSums.operating.minus(sums.operating);
      const reasons: FinanceMeasures["reasons"] = {};
      const sir = addedInvestment.gt(ZERO) ? operatingSavings.div(addedInvestment) : null;
      if (sir === null) Object.assign(reasons, { sir: "no-added-investment", airr: "no-added-investment" });
      else if (!sir.gt(ZERO)) reasons.airr = "sir-not-positive";
      const airr = sir !== null && sir.gt(ZERO) ? airrOf(sir, resolved) : null;
      const simple = paybackYear(sums.nominalByYear, baseSums.nominalByYear);
      if (simple === null) reasons.simplePaybackYear = "never-pays-back";
      const tonnes = discountedTonnes(alt.emissions.byYear, resolved, divisors);
      const breakEven = breakEvenCarbonPrice(alt.lcc.presentValue.minus(base.lcc.presentValue), baseTonnes, tonnes);
      if (breakEven === null) reasons.breakEvenCarbonPrice = "avoids-nothing";
      return {
        id: alt.id,
        baseline: base.id,
        addedInvestment,
        operatingSavings,
        netSavings: base.lcc.presentValue.minus(alt.lcc.presentValue),
        simplePaybackYear: simple,
        sir,
        airr,
        breakEvenCarbonPrice: breakEven,
        discountedTonnes: { alternative: tonnes, baseline: baseTonnes },
        reasons,
      };
    });
}
