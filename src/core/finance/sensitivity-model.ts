/**
 * The model a sensitivity analysis evaluates again and again: the two
 * alternatives it compares (A and B, nothing else moves their difference),
 * compiled once for the fast evaluator, and B − A with one input changed:
 * - a cost item's amount and an emission factor: B − A is linear in them,
 *   so it moves by a slope taken from the compiled model's own terms;
 * - a cost item's escalation: by the change in the item's own present
 *   value, Σ_p A_p × (1 + e)^t × discount factor(t);
 * - the discount rate: a copy of the compiled model with every segment of
 *   the schedule shifted by the same amount (floored at 0 %), evaluated;
 * - the analysis period: the pair over the other N (period-model.ts), evaluated.
 * Each uses the same terms the fast evaluator sums, so each agrees with
 * evaluating the changed case to about 1e-12.
 *
 * The difference is B − A in the LCC (present value; with the carbon cost
 * when the case ranks by LCC with carbon) and in kg CO2e, as the fast
 * evaluator gives them (equal to the exact core to 1e-12).
 *
 * Example: A 1 000 000 NOK now, B 600 000 now + 50 000 a year over 10 years
 * at 4 %: B − A = 600 000 + 50 000 × 8.110 9 − 1 000 000 = 5 544.79 NOK.
 */
import { Decimal, ONE, ZERO } from "../decimal.js";
import { discountScheduleOf } from "../evaluate.js";
import { evaluateAlternative } from "../fast/alternative.js";
import { compileCase, compileCosts } from "../fast/compile.js";
import type { CompiledAlternative, CompiledCase } from "../fast/types.js";
import { annuityOf, discountFactors, growthFactor } from "../fast/year-factors.js";
import { STAGES, type ResolvedCase } from "../types.js";
import { periodVariant } from "./period-model.js";

/** B − A on the two measures. */
export type Difference = { lcc: number; kg: number };
export type Measure = keyof Difference;
export const MEASURES: readonly Measure[] = ["lcc", "kg"];

/** An item of A (side 0) or B (side 1) by its index in that alternative's costs or emissions. */
export type ItemRef = { side: 0 | 1; index: number };

export type PairModel = {
  /** The case with A and B only, A first and the baseline. */
  resolved: ResolvedCase;
  compiled: CompiledCase;
  lccIncludesCarbon: boolean;
  /**
   * Differences closer than this are the same: 1e-9 × (|A| + |B|) of each
   * measure as the case stands (at least 1e-9), well above the fast
   * evaluator's 1e-12 and well below anything a reader would see.
   */
  tolerance: Difference;
};

const RELATIVE_TOLERANCE = 1e-9;

/** The two-alternative model of `resolved`; a or b not in the case is a caller's error. */
export function pairModel(resolved: ResolvedCase, a: string, b: string): PairModel {
  const pick = (id: string) => {
    const alt = resolved.alternatives.find((x) => x.id === id);
    if (alt === undefined) throw new Error(`no alternative "${id}" in the case`);
    return alt;
  };
  if (a === b) throw new Error("a sensitivity analysis compares two different alternatives");
  const pair: ResolvedCase = { ...resolved, alternatives: [pick(a), pick(b)], baseline: a };
  const compiled = compileCase(pair);
  const lccIncludesCarbon = resolved.ranking === "lcc-with-carbon" && resolved.carbonPrice !== null;
  const [ra, rb] = compiled.alternatives.map((alt) => evaluateAlternative(alt, compiled));
  const lccOf = (r: typeof ra) => (lccIncludesCarbon ? r!.lcc.presentValueWithCarbon! : r!.lcc.presentValue);
  const scale = (x: number, y: number) => RELATIVE_TOLERANCE * Math.max(1, Math.abs(x) + Math.abs(y));
  const tolerance = { lcc: scale(lccOf(ra), lccOf(rb)), kg: scale(ra!.emissions.totalKg, rb!.emissions.totalKg) };
  return { resolved: pair, compiled, lccIncludesCarbon, tolerance };
}

/** B − A of a (changed) compiled pair. */
export function differenceIn(compiled: CompiledCase, lccIncludesCarbon: boolean): Difference {
  const [ra, rb] = compiled.alternatives.map((alt) => evaluateAlternative(alt, compiled));
  const lccOf = (r: typeof ra) => (lccIncludesCarbon ? r!.lcc.presentValueWithCarbon! : r!.lcc.presentValue);
  return { lcc: lccOf(rb) - lccOf(ra), kg: rb!.emissions.totalKg - ra!.emissions.totalKg };
}

const STAGE_D = STAGES.indexOf("D");

/** The payments of one cost item: their indices in the compiled payments, in the order payments() lists them. */
function paymentsOf(alt: CompiledAlternative, index: number): number[] {
  const out: number[] = [];
  alt.costs.item.forEach((item, p) => item === index && out.push(p));
  return out;
}

/**
 * B − A with one cost item's amount (NOK, entered positive) at `amount`:
 * linear, d(v) = base + c × (v − v₀), c = ± Σ_p u_p × (1+e)^t_p × discount
 * factor(t_p) with u_p the item's payment per NOK of amount (1, or
 * −unused/L for the residual value of unused life); + for B, − for A.
 * Example: B's 50 000 a year over 10 years at 4 % → c = 8.110 9 NOK per NOK.
 */
export function costAmountDifference(model: PairModel, base: Difference, ref: ItemRef): (amount: number) => Difference {
  const costs = model.compiled.alternatives[ref.side]!.costs;
  const item = model.resolved.alternatives[ref.side]!.costs[ref.index]!;
  const where = paymentsOf(model.compiled.alternatives[ref.side]!, ref.index);
  const entered = item.amount.toNumber();
  // per NOK of amount: the compiled payments over the amount, or (amount 0) the payments of 1 NOK
  const unit = entered === 0 ? compileCosts([{ ...item, amount: ONE }], model.resolved.years).amount : Float64Array.from(where, (p) => costs.amount[p]! / entered);
  let slope = 0;
  where.forEach((p, k) => (slope += unit[k]! * costs.escalationFactor[p]! * model.compiled.discountFactor[costs.year[p]!]!));
  if (ref.side === 0) slope = -slope;
  return (amount) => ({ lcc: base.lcc + slope * (amount - entered), kg: base.kg });
}

/**
 * B − A with one cost item's real escalation (a fraction) at `escalation`:
 * the base difference with the item's present value Σ_p A_p × (1+e)^t_p ×
 * discount factor(t_p) taken out at its own escalation and put back at
 * `escalation`, the same terms the fast evaluator sums, without evaluating
 * the other items again. An escalation moves no emissions and no carbon cost.
 */
export function escalationDifference(model: PairModel, base: Difference, ref: ItemRef): (escalation: number) => Difference {
  const costs = model.compiled.alternatives[ref.side]!.costs;
  const where = paymentsOf(model.compiled.alternatives[ref.side]!, ref.index);
  const discount = model.compiled.discountFactor;
  const presentValue = (growth: (p: number) => number) => where.reduce((pv, p) => pv + costs.amount[p]! * growth(p) * discount[costs.year[p]!]!, 0);
  const asEntered = presentValue((p) => costs.escalationFactor[p]!);
  const sign = ref.side === 1 ? 1 : -1;
  return (escalation) => ({ lcc: base.lcc + sign * (presentValue((p) => growthFactor(escalation, costs.year[p]!)) - asEntered), kg: base.kg });
}

/**
 * B − A with the emission items `members` (one factor, in A and B) at
 * `multiplier` × their factor: linear, d(m) = base + (m − 1) × c, c in kg
 * = ± Σ over occurrences of the kg of each (stage D not counted, as in the
 * total; a factor that changes by year is scaled in every year alike), and
 * in the LCC with carbon ± Σ_t kg_t / 1000 × price_t × discount factor(t);
 * + for B, − for A.
 * Example: 10 000 kg steel in A and 6 000 in B at 2 kg/kg → c = 12 000 − 20 000 = −8 000 kg.
 */
export function factorDifference(model: PairModel, base: Difference, members: readonly ItemRef[]): (multiplier: number) => Difference {
  const { discountFactor, carbonPrice } = model.compiled;
  let kg = 0;
  let lcc = 0;
  for (const { side, index } of members) {
    const e = model.compiled.alternatives[side]!.emissions;
    if (e.stage[index] === STAGE_D) continue;
    const sign = side === 1 ? 1 : -1;
    for (let k = e.occurrenceStart[index]!; k < e.occurrenceStart[index + 1]!; k++) {
      const once = e.occurrenceKg[k]!;
      kg += sign * once;
      if (model.lccIncludesCarbon) lcc += sign * (((once / 1000) * carbonPrice![e.occurrenceYear[k]!]!) * discountFactor[e.occurrenceYear[k]!]!);
    }
  }
  return (multiplier) => ({ lcc: base.lcc + (multiplier - 1) * lcc, kg: base.kg + (multiplier - 1) * kg });
}

/**
 * The pair with the rate of year 0 at `rate` and every later segment moved
 * by as much, none below 0 %. Example: R-109's 4 / 3 / 2 % at 5 % → 5 / 4 / 3 %;
 * at 1 % → 1 / 0 / 0 %.
 */
export function discountRateVariant(model: PairModel): (rate: number) => CompiledCase {
  const schedule = discountScheduleOf(model.resolved);
  const base = schedule[0]!.rate.toNumber();
  return (rate) => {
    const shift = new Decimal(rate - base);
    const moved = schedule.map((s) => ({ fromYear: s.fromYear, rate: Decimal.max(ZERO, s.rate.plus(shift)) }));
    const discountFactor = discountFactors(moved, model.compiled.years);
    return { ...model.compiled, discountFactor, annuity: annuityOf(moved, model.compiled.years, discountFactor) };
  };
}

/** The pair over `years` years, up to `longest` (period-model.ts). */
export function yearsVariant(model: PairModel, longest: number): (years: number) => CompiledCase {
  return periodVariant(model.resolved, model.compiled, longest);
}
