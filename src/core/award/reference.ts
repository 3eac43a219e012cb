/**
 * The carbon price the implied prices are set beside: the reference path's
 * price in the case's start year, and its lowest and highest price over the
 * analysis period (startYear … startYear + N), as core/carbon-price.ts
 * reads a path (linear between given years, flat beyond the ends).
 *
 * Example: path { 2026: 2 000, 2030: 2 400 }, start 2026, N 2 → 2 000 NOK/t
 * in 2026, min 2 000, max 2 200 (2028).
 */
import { carbonPriceIn } from "../carbon-price.js";
import type { AwardResult, ResolvedAward } from "../types.js";

export function referenceFigures(reference: ResolvedAward["reference"], startYear: number, years: number): AwardResult["reference"] {
  const prices = Array.from({ length: years + 1 }, (_, t) => carbonPriceIn(reference.prices, startYear + t));
  const first = prices[0]!;
  return {
    source: reference.source,
    year: startYear,
    nokPerTonne: first,
    min: prices.reduce((low, p) => (p.lessThan(low) ? p : low)),
    max: prices.reduce((high, p) => (p.greaterThan(high) ? p : high)),
  };
}
