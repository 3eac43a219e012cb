/**
 * The plain warnings beside the award points (docs/case-format.md, "Award
 * points"), as codes with parameters; the words are made at the edge.
 *
 * - climate-weight-below-30: no climate criterion, or its weight below 30 %:
 *   anskaffelsesforskriften § 7-9 asks climate and environment to weigh at
 *   least 30 % unless they are set as requirements instead.
 * - carbon-price-far-above / -below: an implied carbon price more than twice,
 *   or less than half, the reference price in the start year (one per pair).
 * - carbon-price-none: a pair whose bids get equal climate points, so the
 *   weighting puts no price at all on the CO2e between them (not "far below").
 * - ranking-differs: the order by points is not the order by LCC with carbon cost.
 */
import { Decimal } from "../decimal.js";
import type { AwardNote, AwardResult, ImpliedCarbonPrice, ResolvedAward } from "../types.js";

const MIN_CLIMATE_WEIGHT = new Decimal(30);
const TWO = new Decimal(2);

export function climateWeightNote(award: ResolvedAward): AwardNote[] {
  const climate = award.criteria.find((c) => c.kind === "climate");
  if (climate && climate.weight.greaterThanOrEqualTo(MIN_CLIMATE_WEIGHT)) return [];
  return [{ code: "climate-weight-below-30", params: { weight: climate ? climate.weight.toString() : "0" } }];
}

export function carbonPriceNotes(prices: readonly ImpliedCarbonPrice[], reference: AwardResult["reference"]): AwardNote[] {
  return prices.flatMap((p): AwardNote[] => {
    if (p.nokPerTonne === null) return [];
    if (p.reason === "same-points") return [{ code: "carbon-price-none", params: { lower: p.lower, higher: p.higher } }];
    const code = p.nokPerTonne.greaterThan(reference.nokPerTonne.mul(TWO)) ? "carbon-price-far-above" : p.nokPerTonne.lessThan(reference.nokPerTonne.div(TWO)) ? "carbon-price-far-below" : null;
    if (code === null) return [];
    return [{ code, params: { lower: p.lower, higher: p.higher, implied: p.nokPerTonne.toString(), reference: reference.nokPerTonne.toString(), year: String(reference.year), source: reference.source } }];
  });
}

export function rankingNote(rankings: AwardResult["rankings"]): AwardNote[] {
  const same = rankings.points.every((id, i) => rankings.lccWithCarbon[i] === id);
  return same ? [] : [{ code: "ranking-differs", params: { points: rankings.points.join(", "), lccWithCarbon: rankings.lccWithCarbon.join(", ") } }];
}
