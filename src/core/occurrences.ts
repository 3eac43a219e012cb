/**
 * Occurrences of a recurring item over the analysis period (years 0..N).
 *
 * With `every` = k the item occurs in years s, s+k, s+2k, … ≤ N, where s is
 * `at` if given, else k; without `every` it occurs once, in year `at`
 * (default given by the item's kind). "end" means year N.
 *
 * Example: occurrenceYears({ every: 3 }, 10, 0) → [3, 6, 9]
 */
import type { At, Timing } from "./types.js";

export function yearOf(at: At, years: number): number {
  return at === "end" ? years : at;
}

export function occurrenceYears(timing: Timing, years: number, defaultAt: At): number[] {
  if (timing.every === undefined) {
    const year = yearOf(timing.at ?? defaultAt, years);
    return year <= years ? [year] : [];
  }
  const step = timing.every;
  const first = timing.at === undefined ? step : yearOf(timing.at, years);
  const result: number[] = [];
  for (let year = first; year <= years; year += step) result.push(year);
  return result;
}
