/**
 * Pareto dominance on (total CO2e, LCC present value): an alternative is
 * dominated when another is no worse in both and strictly better in one.
 *
 * Example: A 3 t / 80 000 NOK is dominated by B 1 t / 60 000 NOK: A has
 * 2 t more CO2e and NOK 20 000 more.
 */
import type { AlternativeResult, DominatedBy } from "./types.js";

type Point = Pick<AlternativeResult, "id" | "emissions" | "lcc">;

export function dominates(a: Point, b: Point): boolean {
  const kg = a.emissions.totalKg.comparedTo(b.emissions.totalKg);
  const pv = a.lcc.presentValue.comparedTo(b.lcc.presentValue);
  return kg <= 0 && pv <= 0 && (kg < 0 || pv < 0);
}

/** The ids of the dominated alternatives. */
export function dominatedIds(points: readonly Point[]): Set<string> {
  return new Set(points.filter((b) => points.some((a) => a !== b && dominates(a, b))).map((p) => p.id));
}

/** Every alternative that dominates `b`, with how much more CO2e and cost `b` has. */
export function dominatorsOf(b: Point, points: readonly Point[]): DominatedBy[] {
  return points
    .filter((a) => a !== b && dominates(a, b))
    .map((a) => ({ by: a.id, moreKg: b.emissions.totalKg.minus(a.emissions.totalKg), morePresentValue: b.lcc.presentValue.minus(a.lcc.presentValue) }));
}
