/**
 * Occurrences of an item over the analysis period (years 0..N).
 *
 * - With `every` = k the item occurs in years s, s+k, s+2k, … ≤ N, where s
 *   is `at` if given, else k.
 * - With a service life `life` = L (EN 15978 replacements) it occurs at
 *   `at` (default 0) and again every L years strictly before N: a copy
 *   bought in year N would give no service within the period.
 * - Otherwise it occurs once, in year `at` (default given by the item's
 *   kind). "end" means year N.
 *
 * Examples: occurrenceYears({ every: 3 }, 10, 0) → [3, 6, 9];
 *           occurrenceYears({ life: 7 }, 20, 0) → [0, 7, 14]
 */
import type { At, Timing } from "./types.js";

export function yearOf(at: At, years: number): number {
  return at === "end" ? years : at;
}

export function occurrenceYears(timing: Timing, years: number, defaultAt: At): number[] {
  if (timing.life !== undefined) return lifeYears(yearOf(timing.at ?? 0, years), timing.life, years);
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

/** The first copy at `first`, then one each `life` years while the year is before N. */
function lifeYears(first: number, life: number, years: number): number[] {
  if (first > years) return [];
  const result = [first];
  for (let year = first + life; year < years; year += life) result.push(year);
  return result;
}

/**
 * The share of the last copy's service life left unused at the end of the
 * period: (last + L − N) / L, or 0 when it is used up.
 * Example: life 7 over 20 years: last copy in year 14 → (14 + 7 − 20) / 7 = 1/7.
 */
export function unusedLifeYears(timing: Timing, years: number): number {
  if (timing.life === undefined) return 0;
  const occurrences = occurrenceYears(timing, years, 0);
  if (occurrences.length === 0) return 0;
  return Math.max(0, occurrences[occurrences.length - 1]! + timing.life - years);
}
