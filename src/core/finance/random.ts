/**
 * Seeded draws for the Monte Carlo analysis: pure-rand's xoroshiro128+
 * generator (docs/decisions.md, "Monte Carlo draws from pure-rand"), 53
 * random bits per uniform number, and the three distributions an input
 * range may state (types.ts `Distribution`), each over a multiplier of the
 * value the case uses:
 *
 * - uniform on [a, b]: a + u·(b − a);
 * - triangular (a, c, b) by its inverse CDF: with F(c) = (c − a)/(b − a),
 *   x = a + √(u·(b − a)·(c − a)) when u < F(c), else b − √((1 − u)·(b − a)·(b − c));
 * - log-normal with median 1 and geometric standard deviation g:
 *   x = exp(ln g · z), z standard normal by Box–Muller
 *   (z = √(−2 ln u₁) · cos 2πu₂, and its twin with sin kept for the next draw).
 *
 * A range of zero width draws its one value exactly (a = b gives a; g = 1
 * gives exp(0) = 1), which is what makes zero-width ranges reproduce the
 * deterministic figures.
 *
 * Example: triangular (0.9, 1, 1.1) at u = 0.5 → F(c) = 0.5, so
 * x = 1.1 − √(0.5 · 0.2 · 0.1) = 1.1 − 0.1 = 1.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { Distribution } from "./types.js";

/** The largest seed: seeds are whole numbers 0 … 2³² − 1. */
export const MAX_SEED = 0xffffffff;

/** A stream of draws; the same seed gives the same stream on every machine. */
export class Draws {
  private readonly rng;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    this.rng = xoroshiro128plus(seed >>> 0);
  }

  /** Uniform on [0, 1). */
  unit(): number {
    return uniformFloat64(this.rng);
  }

  /** Standard normal by Box–Muller: two uniforms give two normals; the second is kept for the next call. */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - this.unit())); // 1 − u is in (0, 1]: the log is finite
    const angle = 2 * Math.PI * this.unit();
    this.spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  /** One value of the distribution. */
  draw(d: Distribution): number {
    if (d.shape === "uniform") return uniformAt(d.low, d.high, this.unit());
    if (d.shape === "triangular") return triangularAt(d.low, d.mode, d.high, this.unit());
    return d.gsd === 1 ? 1 : Math.exp(Math.log(d.gsd) * this.normal());
  }
}

/** The uniform distribution's inverse CDF: a + u·(b − a). Example: (0.9, 1.1) at 0.25 → 0.95. */
export function uniformAt(low: number, high: number, u: number): number {
  return low === high ? low : low + u * (high - low);
}

/**
 * The triangular distribution's inverse CDF (low a, mode c, high b).
 * Example: (0, 0, 1) at u = 0.75 → 1 − √(0.25 · 1 · 1) = 0.5.
 */
export function triangularAt(low: number, mode: number, high: number, u: number): number {
  if (low === high) return low;
  const width = high - low;
  if (u < (mode - low) / width) return low + Math.sqrt(u * width * (mode - low));
  return high - Math.sqrt((1 - u) * width * (high - mode));
}
