/**
 * How a criterion's value becomes points (docs/case-format.md, "Award
 * points"). Lower values are better for price, LCC and CO2e; `best` is the
 * lowest value among the bids, `max` the points of the best bid (M).
 *
 * - linear {zeroAt z}: M × (z·best − v) / ((z − 1)·best), clipped to [0, M].
 *   Example: best 100, z 2, v 150 → 10 × 50 / 100 = 5 of 10.
 * - proportional: M × best / v. Example: best 100, v 125 → 8 of 10.
 * - intervals: the points of the first band with v ≤ upTo; above the last band 0.
 *   Example: bands ≤ 100 → 10, ≤ 200 → 6; v 150 → 6, v 201 → 0.
 * - best ≤ 0 under linear or proportional (a bid costing nothing): the
 *   formulas divide by it, so the limit applies: a bid at the best value
 *   gets M, every other bid 0.
 */
import { ONE, ZERO, type Decimal } from "../decimal.js";
import type { AwardModel } from "../types.js";

const clip = (points: Decimal, max: Decimal): Decimal => (points.isNegative() ? ZERO : points.greaterThan(max) ? max : points);

/** Whether the model divides by the best value, which then has no meaning at 0 or below. */
export const dividesByBest = (model: AwardModel): boolean => model.type !== "intervals";

export function modelPoints(model: AwardModel, value: Decimal, best: Decimal, max: Decimal): Decimal {
  if (model.type === "intervals") return model.bands.find((band) => value.lessThanOrEqualTo(band.upTo))?.points ?? ZERO;
  if (!best.greaterThan(ZERO)) return value.lessThanOrEqualTo(best) ? max : ZERO;
  if (model.type === "proportional") return clip(max.mul(best).div(value), max);
  return clip(max.mul(model.zeroAt.mul(best).minus(value)).div(model.zeroAt.minus(ONE).mul(best)), max);
}

/** The lowest value: the best bid's. */
export function bestOf(values: readonly Decimal[]): Decimal {
  return values.reduce((low, v) => (v.lessThan(low) ? v : low));
}
