/**
 * The inputs a sensitivity analysis varies one at a time, each with the
 * range it is varied over and the domain a switching value is looked for
 * in (docs/case-format.md, "Sensitivity and switching values"):
 *
 * | input                   | low … high                                  | domain searched   |
 * |-------------------------|---------------------------------------------|-------------------|
 * | discount rate           | base ± 2 percentage points, not below 0 %   | 0 % … 30 %        |
 * | analysis period         | base ± 25 %, rounded, ≥ 1 year each way      | 1 … 200 years     |
 * | a cost's escalation     | base ± 2 percentage points                  | −10 % … +20 %     |
 * | a cost's amount         | base ± percent, not below 0                 | ≥ 0 (linear)      |
 * | an emission factor      | its range's 2.5 % … 97.5 %, else ± percent  | ≥ 0 × (linear)    |
 *
 * A factor that changes by year is one input: its multiplier scales the
 * value of every year alike.
 *
 * Only A's and B's inputs: another alternative's items cannot move B − A.
 * A factor id used by several items of A and B is one input ("factor:<id>")
 * that moves them together; an inline factor is an input of its own item.
 * Items are named by their index among the alternative's costs or
 * emissions, from 0: "cost:<alt>/<index>".
 *
 * Example: a cost of 100 000 NOK with ±10 % → low 90 000, high 110 000.
 */
import { discountScheduleOf } from "../evaluate.js";
import type { CompiledCase } from "../fast/types.js";
import type { ResolvedEmissionItem } from "../types.js";
import { multiplierEnds } from "./range-ends.js";
import { type Difference, type ItemRef, type PairModel, costAmountDifference, differenceIn, discountRateVariant, escalationDifference, factorDifference, yearsVariant } from "./sensitivity-model.js";
import type { InputRange, RangeBasis, SensitivityInput } from "./types.js";

/** The fixed ranges of the inputs that have no ± percent: rates in fractions, years as a share of N. */
export type Spreads = { discountRatePoints: number; yearsShare: number; escalationPoints: number };
export const DEFAULT_SPREADS: Spreads = { discountRatePoints: 0.02, yearsShare: 0.25, escalationPoints: 0.02 };

/** The longest analysis period a case may have (the case format's limit). */
export const MAX_YEARS = 200;
export const DISCOUNT_RATE_DOMAIN = { min: 0, max: 0.3 };
export const ESCALATION_DOMAIN = { min: -0.1, max: 0.2 };

export type FactorRange = (item: ResolvedEmissionItem, alternativeId: string) => InputRange | null;

/** One input, how to evaluate B − A with it at a value (its own unit), and where to look for a swap. */
export type Probe = {
  input: SensitivityInput;
  at: (value: number) => Difference;
  /** B − A is linear in the value: a switching value is solved for, not searched. */
  linear: boolean;
  domain: { min: number; max: number; integer: boolean };
};

export type ProbeOptions = { percent: number; factorRange?: FactorRange; spreads: Spreads };

/** Evaluations by value, each done once; the base value gives the base difference exactly. */
function probe(input: SensitivityInput, base: Difference, evaluate: (value: number) => Difference, rest: Omit<Probe, "input" | "at">): Probe {
  const seen = new Map<number, Difference>([[input.base, base]]);
  const at = (value: number) => {
    let d = seen.get(value);
    if (d === undefined) seen.set(value, (d = evaluate(value)));
    return d;
  };
  return { input, at, ...rest };
}

/** B − A of the pair changed by `variant`. */
const evaluated = (model: PairModel, variant: (value: number) => CompiledCase) => (value: number) => differenceIn(variant(value), model.lccIncludesCarbon);

const input = (key: string, kind: SensitivityInput["kind"], label: string, base: number, low: number, high: number, basis: RangeBasis): SensitivityInput => ({ key, kind, label, base, low, high, basis });

function caseWideProbes(model: PairModel, base: Difference, spreads: Spreads): Probe[] {
  const rate = discountScheduleOf(model.resolved)[0]!.rate.toNumber();
  const years = model.resolved.years;
  const shortest = spreads.yearsShare === 0 ? years : Math.max(1, Math.min(years - 1, Math.round(years * (1 - spreads.yearsShare))));
  const longest = spreads.yearsShare === 0 ? years : Math.min(MAX_YEARS, Math.max(years + 1, Math.round(years * (1 + spreads.yearsShare))));
  return [
    probe(input("discount-rate", "discount-rate", "discount-rate", rate, Math.max(0, rate - spreads.discountRatePoints), rate + spreads.discountRatePoints, "default"), base, evaluated(model, discountRateVariant(model)), {
      linear: false,
      domain: { ...DISCOUNT_RATE_DOMAIN, integer: false },
    }),
    probe(input("years", "years", "years", years, shortest, longest, "default"), base, evaluated(model, yearsVariant(model, MAX_YEARS)), { linear: false, domain: { min: 1, max: MAX_YEARS, integer: true } }),
  ];
}

function costProbes(model: PairModel, base: Difference, options: ProbeOptions): Probe[] {
  const out: Probe[] = [];
  const points = options.spreads.escalationPoints;
  model.resolved.alternatives.forEach((alt, side) =>
    alt.costs.forEach((item, index) => {
      const ref: ItemRef = { side: side as 0 | 1, index };
      const where = `${alt.id}/${index}`;
      const amount = item.amount.toNumber();
      const escalation = item.escalation.toNumber();
      out.push(
        probe(input(`cost:${where}`, "cost", item.label, amount, Math.max(0, (amount * (100 - options.percent)) / 100), (amount * (100 + options.percent)) / 100, "user"), base, costAmountDifference(model, base, ref), {
          linear: true,
          domain: { min: 0, max: Infinity, integer: false },
        }),
        probe(input(`escalation:${where}`, "escalation", item.label, escalation, escalation - points, escalation + points, "default"), base, escalationDifference(model, base, ref), {
          linear: false,
          domain: { ...ESCALATION_DOMAIN, integer: false },
        }),
      );
    }),
  );
  return out;
}

type FactorGroup = { key: string; label: string; first: ResolvedEmissionItem; firstAlt: string; members: ItemRef[] };

/** The factor inputs: one per factor id over A and B, one per inline item. */
function factorGroups(model: PairModel): FactorGroup[] {
  const groups = new Map<string, FactorGroup>();
  model.resolved.alternatives.forEach((alt, side) =>
    alt.emissions.forEach((item, index) => {
      const ref: ItemRef = { side: side as 0 | 1, index };
      const key = item.factor === null ? `inline:${alt.id}/${index}` : `factor:${item.factor}`;
      const group = groups.get(key);
      if (group) group.members.push(ref);
      else groups.set(key, { key, label: item.factor ?? item.label, first: item, firstAlt: alt.id, members: [ref] });
    }),
  );
  return [...groups.values()];
}

/**
 * The value a factor input is varied around: the factor, or for one that
 * changes by year, its value in the first year of the period (or the first
 * year it is not zero); a multiplier on it scales every year's value alike.
 * Example: 0.02 in 2026 falling to 0.01 in 2028 → 0.02, and at +10 % every year is 10 % higher.
 */
function factorValueOf(item: ResolvedEmissionItem): number {
  const byYear = item.kgPerUnitByYear ?? [item.kgPerUnit];
  return (byYear.find((v) => !v.isZero()) ?? item.kgPerUnit).toNumber();
}

function factorProbes(model: PairModel, base: Difference, options: ProbeOptions): Probe[] {
  const out: Probe[] = [];
  for (const group of factorGroups(model)) {
    const value = factorValueOf(group.first);
    if (value === 0) continue; // a zero factor stays zero at every multiplier
    const range = options.factorRange?.(group.first, group.firstAlt) ?? null;
    const ends = range === null ? { low: Math.max(0, (100 - options.percent) / 100), high: (100 + options.percent) / 100 } : multiplierEnds(range.distribution);
    const vary = factorDifference(model, base, group.members);
    out.push(
      probe(input(group.key, "factor", group.label, value, value * ends.low, value * ends.high, range?.basis ?? "user"), base, (v) => vary(v / value), {
        linear: true,
        domain: value > 0 ? { min: 0, max: Infinity, integer: false } : { min: -Infinity, max: 0, integer: false },
      }),
    );
  }
  return out;
}

/** Every input of A and B that could move B − A, with its range; the caller drops those that do not. */
export function probesOf(model: PairModel, base: Difference, options: ProbeOptions): Probe[] {
  return [...caseWideProbes(model, base, options.spreads), ...costProbes(model, base, options), ...factorProbes(model, base, options)];
}
