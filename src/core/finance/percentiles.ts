/**
 * P5, P50, P95 and the mean of a figure over the Monte Carlo draws.
 * Percentiles by linear interpolation between order statistics (Hyndman &
 * Fan's definition 7, the default of R, NumPy and Excel's PERCENTILE.INC):
 * with the n values sorted x₀ ≤ … ≤ xₙ₋₁ and h = (n − 1)·p,
 * P = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The mean is a compensated
 * (Neumaier) sum over n, so n equal values give that value back.
 *
 * Example: 1, 2, …, 101 → P5 = 6 (h = 5), P50 = 51, P95 = 96, mean 51.
 */
import type { Percentiles } from "./types.js";

/** The p-quantile of values already sorted ascending. Example: [1, 2, 3, 4] at 0.5 → h = 1.5 → 2.5. */
export function quantileOfSorted(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const below = Math.floor(h);
  const low = sorted[below]!;
  if (below + 1 >= sorted.length) return low;
  const high = sorted[below + 1]!;
  return low === high ? low : low + (h - below) * (high - low);
}

/** Neumaier's compensated Σ values / n. */
export function meanOf(values: Float64Array): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return (sum + compensation) / values.length;
}

/** The summary of one figure's draws (the array is not changed). */
export function percentilesOf(values: Float64Array): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return { p5: quantileOfSorted(sorted, 0.05), p50: quantileOfSorted(sorted, 0.5), p95: quantileOfSorted(sorted, 0.95), mean: meanOf(values) };
}
