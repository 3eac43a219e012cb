/**
 * Pareto dominance on (total CO2e, LCC present value): an alternative is
 * dominated when another is no worse in both and strictly better in one.
 */
import type { AlternativeResult } from "./types.js";

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
