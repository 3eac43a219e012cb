/**
 * Evaluates a resolved case: emissions, lifecycle cost, carbon cost,
 * waste-pyramid level, ranking, dominance and the comparison with the
 * baseline. Pure: the same case always gives the same result.
 */
import { carbonPriceIn } from "./carbon-price.js";
import { compareWithBaseline } from "./comparison.js";
import { Decimal, THOUSAND, sum } from "./decimal.js";
import { dominatedIds } from "./dominance.js";
import { alternativeEmissions } from "./emissions.js";
import { lifecycleCost, presentValue } from "./lcc.js";
import { rankAlternatives } from "./ranking.js";
import type { AlternativeResult, CoreResult, LccResult, ResolvedAlternative, ResolvedCase } from "./types.js";
import { wasteLevelOf } from "./waste-level.js";

/**
 * Present value of the carbon cost: Σ_t kg_t / 1000 × price(startYear + t) / (1+r)^t.
 * Example: 2 t in year 0 at 1 500 NOK/t → 3 000 NOK.
 */
export function carbonCostPresentValue(byYearKg: readonly Decimal[], c: Pick<ResolvedCase, "startYear" | "discountRate" | "carbonPrice">): Decimal {
  const path = c.carbonPrice!;
  return sum(byYearKg.map((kg, t) => presentValue(kg.div(THOUSAND).mul(carbonPriceIn(path, c.startYear + t)), t, c.discountRate)));
}

function evaluateAlternative(alt: ResolvedAlternative, c: ResolvedCase): Omit<AlternativeResult, "rank" | "dominated"> {
  const emissions = alternativeEmissions(alt.emissions, c.years);
  const lcc: LccResult = lifecycleCost(alt.costs, c.years, c.discountRate);
  if (c.carbonPrice !== null) {
    lcc.carbonCostPresentValue = carbonCostPresentValue(emissions.byYear, c);
    lcc.presentValueWithCarbon = lcc.presentValue.plus(lcc.carbonCostPresentValue);
  }
  const level = wasteLevelOf(alt, c.years);
  return { id: alt.id, name: alt.name, wasteLevel: level.level, wasteLevelSource: level.source, emissions, lcc };
}

export function evaluateCase(c: ResolvedCase): CoreResult {
  const evaluated = c.alternatives.map((alt) => evaluateAlternative(alt, c));
  const order = rankAlternatives(evaluated, c.ranking);
  const dominated = dominatedIds(evaluated);
  const alternatives = evaluated.map((r) => ({ ...r, rank: order.indexOf(r.id) + 1, dominated: dominated.has(r.id) }));
  return {
    alternatives,
    ranking: { method: c.ranking, order },
    comparison: compareWithBaseline(alternatives, c.baseline),
  };
}
