/**
 * Ranking, Pareto dominance and rank notes in plain numbers, by the exact
 * core's rules (ranking.ts, dominance.ts, evaluate.ts): dominance on
 * (total CO2e, LCC present value); the waste-pyramid ranking puts the
 * undominated first, each tier by declared level, then CO2e, then present
 * value; the other methods sort by their keys; remaining ties keep the
 * order of entry. Figures equal within 1e-12 tie (figures.ts).
 *
 * Example: A reuse 3 t / 80 000 NOK, B dispose 1 t / 60 000 NOK → B, A;
 * A is dominated by B with 2 000 kg and NOK 20 000 more.
 */
import type { RankingMethod } from "../types.js";
import { pyramidIndex } from "../waste-level.js";
import type { EvaluatedAlternative } from "./alternative.js";
import { differenceOf } from "./figures.js";
import type { NumericAlternativeResult } from "./types.js";

type Point = Pick<EvaluatedAlternative, "id" | "emissions" | "lcc">;
type DominatedBy = NumericAlternativeResult["dominatedBy"][number];
type Key = (r: EvaluatedAlternative) => number;

export function dominates(a: Point, b: Point): boolean {
  const kg = differenceOf(a.emissions.totalKg, b.emissions.totalKg);
  const pv = differenceOf(a.lcc.presentValue, b.lcc.presentValue);
  return kg <= 0 && pv <= 0 && (kg < 0 || pv < 0);
}

/** Every alternative that dominates `b`, with how much more CO2e and cost `b` has. */
export function dominatorsOf(b: Point, points: readonly Point[]): DominatedBy[] {
  return points
    .filter((a) => a !== b && dominates(a, b))
    .map((a) => ({ by: a.id, moreKg: differenceOf(b.emissions.totalKg, a.emissions.totalKg), morePresentValue: differenceOf(b.lcc.presentValue, a.lcc.presentValue) }));
}

/** The declared level's place in the pyramid; a suggested or missing level after every declared one. */
const declaredIndex: Key = (r) => pyramidIndex(r.wasteLevelSource === "suggested" ? null : r.wasteLevel);
const kg: Key = (r) => r.emissions.totalKg;
const pv: Key = (r) => r.lcc.presentValue;
const pvWithCarbon: Key = (r) => r.lcc.presentValueWithCarbon ?? r.lcc.presentValue;

const KEYS: Record<RankingMethod, Key[]> = {
  "waste-pyramid": [declaredIndex, kg, pv],
  emissions: [kg, pv],
  lcc: [pv, kg],
  "lcc-with-carbon": [pvWithCarbon, kg],
};

/** Alternative ids, best first. */
export function rankAlternatives(alternatives: readonly EvaluatedAlternative[], method: RankingMethod): string[] {
  const dominated = new Set<string>();
  if (method === "waste-pyramid") for (const b of alternatives) if (alternatives.some((a) => a !== b && dominates(a, b))) dominated.add(b.id);
  const tier: Key = (r) => (dominated.has(r.id) ? 1 : 0);
  const keys = [tier, ...KEYS[method]];
  return alternatives
    .map((alt, index) => ({ alt, index }))
    .sort((x, y) => {
      for (const key of keys) {
        const c = differenceOf(key(x.alt), key(y.alt));
        if (c !== 0) return c;
      }
      return x.index - y.index;
    })
    .map(({ alt }) => alt.id);
}

/**
 * Under the waste-pyramid ranking, the note on an alternative put below a
 * worse pyramid level by dominance: its best-ranked dominator.
 */
export function rankNoteOf(r: EvaluatedAlternative, dominators: DominatedBy[], order: readonly string[], all: readonly EvaluatedAlternative[], method: RankingMethod): DominatedBy | null {
  if (method !== "waste-pyramid" || dominators.length === 0) return null;
  const position = order.indexOf(r.id);
  const above = all.filter((other) => order.indexOf(other.id) < position);
  if (!above.some((other) => declaredIndex(other) > declaredIndex(r))) return null;
  return [...dominators].sort((a, b) => order.indexOf(a.by) - order.indexOf(b.by))[0]!;
}
