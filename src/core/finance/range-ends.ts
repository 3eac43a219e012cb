/**
 * The low and high ends of a factor's own range for the sensitivity
 * analysis, as multipliers of the factor as used:
 * - log-normal with median 1 and geometric standard deviation g: its 2.5 %
 *   and 97.5 % points, g^−1.96 and g^1.96 (the pedigree approach's 95 %
 *   interval, "median ÷ g^1.96 … × g^1.96", 1.96 as the method rounds it);
 * - triangular and uniform: their bounds, the low and high the source
 *   publishes (a published low–high is already the range the source
 *   stands behind; the quantiles of a triangle over it would narrow it for
 *   no reason the source gives).
 *
 * The factor library's `rangeEnds` (src/factors/uncertainty.ts) gives
 * these same ends: it calls this, since the core imports nothing from
 * outside it.
 *
 * Example: log-normal g = 1.1029 → 1.1029^−1.96 = 0.825 3 and 1.1029^1.96 = 1.211 6;
 * triangular 0.9, 1, 1.2 → 0.9 and 1.2.
 */
import type { Distribution } from "./types.js";

/** The standard normal quantile of 97.5 %, to the two decimals the pedigree approach uses. */
const Z_97_5 = 1.96;

/** The low and high multipliers of a range. */
export function multiplierEnds(d: Distribution): { low: number; high: number } {
  if (d.shape === "lognormal") return { low: d.gsd ** -Z_97_5, high: d.gsd ** Z_97_5 };
  return { low: d.low, high: d.high };
}
