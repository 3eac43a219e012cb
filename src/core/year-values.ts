/**
 * A figure given per calendar year (a factor that changes as the grid gets
 * cleaner or the blend mandate rises) spread over a case's years: year
 * index t = 0..N takes the value of calendar year startYear + t, linear
 * between given years and the nearest given year's beyond the ends, the
 * same rule as a carbon price path (carbon-price.ts).
 *
 * Example: { 2026: 0.02, 2028: 0.01 }, start 2025, N = 4 →
 *          [0.02, 0.02, 0.015, 0.01, 0.01]
 */
import { carbonPriceIn } from "./carbon-price.js";
import type { Decimal } from "./decimal.js";

export function valuesByYearIndex(given: ReadonlyMap<number, Decimal>, startYear: number, years: number): Decimal[] {
  return Array.from({ length: years + 1 }, (_, t) => carbonPriceIn(given, startYear + t));
}
