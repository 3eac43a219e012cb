/**
 * The implied carbon price between two bids adjacent by CO2e: how many
 * kroner per tonne the criteria's weights and models put on the CO2e the
 * lower bid saves (docs/case-format.md, "Award points").
 *
 * L emits less than H. Its climate lead is the weighted climate points it
 * gets above H. ΔC is the least increase of L's price value (price or LCC,
 * whichever criterion scores it) at which L's weighted price points fall by
 * at least that lead, the other bids' values fixed and the best value
 * recomputed with L's new value: the price at which L would give back all it
 * gained for its lower CO2e. The implied price is ΔC per tonne saved:
 *
 *   nokPerTonne = ΔC / (savedKg / 1000)
 *
 * Linear model, L not the only cheapest bid (the best value stays): the
 * weighted points fall by M·w/100 / ((z − 1)·best) per krone, so
 *   ΔC = lead × 100/w × (z − 1)·best / M.
 * Example: M 10, price weight 70, z 2, best 1 000 000, lead 3 points →
 *   ΔC = 3 × 100/70 × 1 000 000 / 10 = 428 571.43 NOK; with 10 t saved, 42 857 NOK/t.
 * Otherwise (L the cheapest, proportional, intervals) ΔC is found by
 * bisection on whole øre: the least øre amount that suffices.
 */
import { Decimal, ZERO } from "../decimal.js";
import type { AwardModel, ImpliedCarbonPrice } from "../types.js";
import { bestOf, modelPoints } from "./points.js";

const HUNDRED = new Decimal(100);
const ORE = new Decimal("0.01");

export type PriceCriterion = { model: AwardModel; weight: Decimal; max: Decimal };

export type PairInput = {
  lower: { id: string; kg: Decimal; priceValue: Decimal; climateWeighted: Decimal };
  higher: { id: string; kg: Decimal; climateWeighted: Decimal };
  /** The price values of every bid but `lower` (the best value is recomputed from them and L's new value). */
  otherPriceValues: readonly Decimal[];
};

/** L's weighted price points when its price value is `value`. */
function weightedPointsAt(price: PriceCriterion, value: Decimal, others: readonly Decimal[]): Decimal {
  const best = bestOf([value, ...others]);
  return modelPoints(price.model, value, best, price.max).mul(price.weight).div(HUNDRED);
}

/**
 * An increase of L's value at which its points are surely at their lowest
 * reachable level, or null when the points can never fall to `floor`:
 * proportional points stay above 0 while the best value is positive.
 */
function upperBound(price: PriceCriterion, value: Decimal, others: readonly Decimal[], floor: Decimal): Decimal | null {
  const bestOther = others.length > 0 ? bestOf(others) : value;
  const model = price.model;
  let reach: Decimal;
  if (model.type === "intervals") reach = model.bands.at(-1)!.upTo;
  else if (!bestOther.greaterThan(ZERO)) reach = bestOther;
  else if (model.type === "linear") reach = model.zeroAt.mul(bestOther);
  else {
    // M·best/v ≤ floor·100/w ⇔ v ≥ M·best·w / (100·floor)
    if (!floor.greaterThan(ZERO)) return null;
    reach = Decimal.max(bestOther, price.max.mul(bestOther).mul(price.weight).div(HUNDRED.mul(floor)));
  }
  return Decimal.max(reach.minus(value), ZERO).plus(ORE);
}

/** The least whole-øre increase x ≤ bound with weighted points ≤ target, or null if even `bound` does not suffice. */
function bisectOre(price: PriceCriterion, value: Decimal, others: readonly Decimal[], target: Decimal, bound: Decimal): Decimal | null {
  const fallsBy = (ore: Decimal) => weightedPointsAt(price, value.plus(ore.mul(ORE)), others).lessThanOrEqualTo(target);
  let high = bound.div(ORE).ceil();
  if (!fallsBy(high)) return null;
  let low = ZERO; // at 0 the points are above the target (the lead is positive)
  while (high.minus(low).greaterThan(1)) {
    const middle = low.plus(high).div(2).floor();
    if (fallsBy(middle)) high = middle;
    else low = middle;
  }
  return high.mul(ORE);
}

/** ΔC in NOK, or null when no increase makes L's price points fall by `lead`. */
export function priceIncreaseFor(lead: Decimal, price: PriceCriterion, value: Decimal, others: readonly Decimal[]): Decimal | null {
  const now = weightedPointsAt(price, value, others);
  const target = now.minus(lead);
  if (target.isNegative() && !target.isZero()) return null;
  const bestOther = others.length > 0 ? bestOf(others) : null;
  const model = price.model;
  if (model.type === "linear" && bestOther !== null && bestOther.greaterThan(ZERO) && value.greaterThanOrEqualTo(bestOther)) {
    return lead.mul(HUNDRED).div(price.weight).mul(model.zeroAt.minus(1)).mul(bestOther).div(price.max);
  }
  const bound = upperBound(price, value, others, target);
  return bound === null ? null : bisectOre(price, value, others, target, bound);
}

export function impliedCarbonPrice(pair: PairInput, price: PriceCriterion): ImpliedCarbonPrice {
  const { lower, higher } = pair;
  const savedKg = higher.kg.minus(lower.kg);
  const base = { lower: lower.id, higher: higher.id, savedKg };
  if (savedKg.isZero()) return { ...base, nokPerTonne: null, reason: "same-emissions" };
  const lead = lower.climateWeighted.minus(higher.climateWeighted);
  if (!lead.greaterThan(ZERO)) return { ...base, nokPerTonne: ZERO, reason: "same-points" };
  const increase = priceIncreaseFor(lead, price, lower.priceValue, pair.otherPriceValues);
  if (increase === null) return { ...base, nokPerTonne: null, reason: "lead-exceeds-price-points" };
  return { ...base, nokPerTonne: increase.div(savedKg.div(1000)), reason: null };
}
