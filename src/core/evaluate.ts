/**
 * Evaluates a resolved case: emissions, lifecycle cost, carbon cost,
 * waste-pyramid level, ranking, dominance and the comparison with the
 * baseline. Pure: the same case always gives the same result.
 */
import { evaluateAward } from "./award/award.js";
import { awardFigures } from "./award/figures.js";
import { carbonPriceIn } from "./carbon-price.js";
import { compareWithBaseline } from "./comparison.js";
import { Decimal, THOUSAND, sum } from "./decimal.js";
import { flatSchedule } from "./discount.js";
import { dominatorsOf } from "./dominance.js";
import { markedUpEmissions } from "./data-quality.js";
import { alternativeEmissions } from "./emissions.js";
import { lifecycleCost, presentValueUnder } from "./lcc.js";
import { declaredIndex, rankAlternatives } from "./ranking.js";
import type { AlternativeResult, CoreResult, DiscountSegment, DominatedBy, LccResult, ResolvedAlternative, ResolvedCase } from "./types.js";
import { wasteLevelOf } from "./waste-level.js";

/** The case's discount rates by year: its schedule, or its flat rate. */
export function discountScheduleOf(c: Pick<ResolvedCase, "discountRate" | "discountSchedule">): readonly DiscountSegment[] {
  return c.discountSchedule ?? flatSchedule(c.discountRate);
}

/**
 * Present value of the carbon cost: Σ_t kg_t / 1000 × price(startYear + t) / (1+r)^t.
 * Example: 2 t in year 0 at 1 500 NOK/t → 3 000 NOK.
 */
export function carbonCostPresentValue(byYearKg: readonly Decimal[], c: Pick<ResolvedCase, "startYear" | "discountRate" | "discountSchedule" | "carbonPrice">): Decimal {
  const path = c.carbonPrice!;
  const schedule = discountScheduleOf(c);
  return sum(byYearKg.map((kg, t) => presentValueUnder(kg.div(THOUSAND).mul(carbonPriceIn(path, c.startYear + t)), t, schedule)));
}

type Evaluated = Omit<AlternativeResult, "rank" | "dominated" | "dominatedBy" | "rankNote">;

function evaluateAlternative(alt: ResolvedAlternative, c: ResolvedCase): Evaluated {
  const emissions = alternativeEmissions(alt.emissions, c.years);
  // the buyer's data-quality mark-ups, beside the plain figures (data-quality.ts)
  if (c.dataQuality && emissions.byTier) emissions.markedUp = markedUpEmissions(emissions.byTier, c.dataQuality);
  const lcc: LccResult = lifecycleCost(alt.costs, c.years, discountScheduleOf(c));
  if (c.carbonPrice !== null) {
    lcc.carbonCostPresentValue = carbonCostPresentValue(emissions.byYear, c);
    lcc.presentValueWithCarbon = lcc.presentValue.plus(lcc.carbonCostPresentValue);
  }
  const level = wasteLevelOf(alt, c.years);
  return { id: alt.id, name: alt.name, wasteLevel: level.level, wasteLevelSource: level.source, wasteLevelSuggestion: level.suggestion, emissions, lcc };
}

/**
 * Under the waste-pyramid ranking, an alternative whose level is better
 * than that of one ranked above it was put down by dominance: the note
 * names the best-ranked alternative that dominates it.
 */
function rankNote(r: Evaluated, dominators: DominatedBy[], order: readonly string[], all: readonly Evaluated[], c: ResolvedCase): DominatedBy | null {
  if (c.ranking !== "waste-pyramid" || dominators.length === 0) return null;
  const position = order.indexOf(r.id);
  const above = all.filter((other) => order.indexOf(other.id) < position);
  if (!above.some((other) => declaredIndex(other) > declaredIndex(r))) return null;
  return [...dominators].sort((a, b) => order.indexOf(a.by) - order.indexOf(b.by))[0]!;
}

export function evaluateCase(c: ResolvedCase): CoreResult {
  const evaluated = c.alternatives.map((alt) => evaluateAlternative(alt, c));
  const order = rankAlternatives(evaluated, c.ranking);
  const alternatives = evaluated.map((r) => {
    const dominatedBy = dominatorsOf(r, evaluated);
    return { ...r, rank: order.indexOf(r.id) + 1, dominated: dominatedBy.length > 0, dominatedBy, rankNote: rankNote(r, dominatedBy, order, evaluated, c) };
  });
  return {
    alternatives,
    ranking: { method: c.ranking, order },
    comparison: compareWithBaseline(alternatives, c.baseline),
    ...(c.award && { award: evaluateAward(c.award, alternatives.map((a) => awardFigures(a, carbonCostPresentValue(a.emissions.byYear, { ...c, carbonPrice: c.award!.reference.prices }))), c) }),
  };
}
