/**
 * The low and high ends of an input's range for the sensitivity analysis:
 * the 2.5 % and 97.5 % quantiles of its distribution over the multiplier
 * (the central 95 % interval), by each shape's inverse distribution
 * function:
 * - uniform(a, b): a + p (b − a);
 * - triangular(a, c, b): a + √(p (b − a)(c − a)) while p ≤ (c − a)/(b − a),
 *   else b − √((1 − p)(b − a)(b − c));
 * - log-normal with median 1 and geometric standard deviation g:
 *   g^z_p, z_0.975 = 1.959 963 984 540 054 (the standard normal quantile),
 *   which is the pedigree approach's "median ÷ g² … × g²" with 1.96 for 2.
 *
 * The core computes these itself rather than import the factor library's
 * helper (src/factors/uncertainty.ts), since the core imports nothing
 * outside it; both are the same quantiles.
 *
 * Example: uniform 0.8…1.2 → 0.81 and 1.19; log-normal g = 1.5 →
 * 1.5^−1.96 = 0.451 7… and 1.5^1.96 = 2.213 7….
 */
import type { Distribution } from "./types.js";

/** The share of the distribution below the low end, and above the high end. */
export const TAIL = 0.025;
/** The standard normal quantile at 97.5 %. */
const Z_975 = 1.959963984540054;

/** The multiplier below which a share `p` (≤ ½) or above which a share 1 − p (> ½) lies, for the bounded shapes. */
function boundedQuantile(d: Exclude<Distribution, { shape: "lognormal" }>, p: number): number {
  if (d.shape === "uniform") return d.low + p * (d.high - d.low);
  const width = d.high - d.low;
  if (width === 0) return d.mode;
  const modeShare = (d.mode - d.low) / width;
  return p <= modeShare ? d.low + Math.sqrt(p * width * (d.mode - d.low)) : d.high - Math.sqrt((1 - p) * width * (d.high - d.mode));
}

/** The multipliers at 2.5 % and 97.5 %. Example: triangular 0.5, 1, 2 → 0.636 93… and 1.806 35…. */
export function multiplierEnds(d: Distribution): { low: number; high: number } {
  if (d.shape === "lognormal") return { low: Math.exp(-Z_975 * Math.log(d.gsd)), high: Math.exp(Z_975 * Math.log(d.gsd)) };
  return { low: boundedQuantile(d, TAIL), high: boundedQuantile(d, 1 - TAIL) };
}
