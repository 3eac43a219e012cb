/**
 * Switching values (the term of HM Treasury's Green Book: how far an input
 * must move before the preferred option changes): for one input and one
 * measure, the value at which B − A = 0, so that A and B swap places,
 * every other input as the case stands. In the input's own unit (a rate
 * as a fraction, years, NOK, kg CO2e per unit).
 *
 * - Linear inputs (a cost's amount, an emission factor): B − A = d₀ + c·v,
 *   with d₀ its value at v = 0 and c the slope through the case's value
 *   (sensitivity-model.ts), so v* = −d₀ / c, exact ("exact"). Outside the
 *   input's domain (a negative cost, a factor of the other sign) there is
 *   no swap.
 * - The others (the discount rate over 0 … 30 %, an escalation over
 *   −10 … +20 %): the domain is sampled at 31 evenly spaced points and the
 *   base; the sign change nearest the base is bisected until the bracket
 *   is narrower than SWITCHING_TOLERANCE ("bracketed"). A swap that
 *   reverses between two neighbouring samples (1 percentage point apart)
 *   is not seen.
 * - The analysis period, whole years over 1 … 200: every year within 10
 *   of the base, then every fifth year, outward from the base; between the
 *   last year in the case's order and the first in the other, bisection to
 *   neighbouring years. The value is the first N at which the order differs
 *   from the case's (nearest the base; the shorter one on a tie). A swap
 *   that reverses within five years, more than ten from the base, is not
 *   seen.
 * - "no-effect": the measure does not move over the domain; "no-swap-in-domain":
 *   it moves, but B − A keeps its sign.
 * A difference within the model's tolerance of 0 is a tie, and a tie is
 * already a change of order; tied at the base, the base is the value.
 *
 * Example: A 1 000 000 NOK now; B 600 000 now + 50 000 a year for 10
 * years: B − A = 50 000 × a(r) − 400 000, zero where the annuity factor
 * a(r) = (1 − (1+r)^−10) / r = 8, r = 4.277 5 %: at 4 % B costs 5 544.79
 * more, above 4.277 5 % it is the cheaper one.
 */
import { type Difference, MEASURES, type Measure } from "./sensitivity-model.js";
import type { Probe } from "./sensitivity-inputs.js";
import type { SwitchingValue } from "./types.js";

/** Bisection stops when the bracket is narrower than this, in the input's unit: 1e-9 (a rate: 1e-7 percentage points). */
export const SWITCHING_TOLERANCE = 1e-9;
/** Intervals the domain of a continuous input is sampled at. */
const SAMPLES = 30;
/** Whole-number inputs (years): every value within NEAR of the base, then every STRIDE. */
const NEAR = 10;
const STRIDE = 5;

type Found = Pick<SwitchingValue, "value" | "method" | "reason">;

function signOf(d: number, tolerance: number): number {
  return Math.abs(d) <= tolerance ? 0 : Math.sign(d);
}

/** v* = −d₀ / c for each measure; no effect when the input moves the difference by less than the tolerance. */
function solved(probe: Probe, base: Difference, tolerance: Difference, measure: Measure): Found {
  const v0 = probe.input.base;
  const zero = probe.at(0);
  const step = v0 === 0 ? 1 : v0;
  const other = v0 === 0 ? probe.at(1) : base;
  const rise = other[measure] - zero[measure];
  if (Math.abs(rise) <= tolerance[measure]) return { value: null, method: null, reason: "no-effect" };
  if (signOf(base[measure], tolerance[measure]) === 0) return { value: v0, method: "exact" };
  const value = -zero[measure] / (rise / step);
  if (!Number.isFinite(value) || value < probe.domain.min || value > probe.domain.max) return { value: null, method: null, reason: "no-swap-in-domain" };
  return { value, method: "exact" };
}

/** The sampled values of a continuous domain (and the base), ascending. */
function samples(probe: Probe): number[] {
  const min = Math.min(probe.domain.min, probe.input.base);
  const max = Math.max(probe.domain.max, probe.input.base);
  const out = Array.from({ length: SAMPLES + 1 }, (_, i) => min + ((max - min) * i) / SAMPLES);
  out.push(probe.input.base);
  return [...new Set(out)].sort((x, y) => x - y);
}

/** The whole numbers tried: each within NEAR of the base, then every STRIDE to the domain's ends, ascending. */
function wholeSamples(probe: Probe): number[] {
  const { min, max } = probe.domain;
  const base = probe.input.base;
  const out = new Set<number>([min, max]);
  for (let v = Math.max(min, base - NEAR); v <= Math.min(max, base + NEAR); v++) out.add(v);
  for (let v = base + NEAR; v < max; v += STRIDE) out.add(v);
  for (let v = base - NEAR; v > min; v -= STRIDE) out.add(v);
  return [...out].sort((x, y) => x - y);
}

/** Bisects between `kept` (the base's sign) and `changed` (another sign): to SWITCHING_TOLERANCE, or to neighbouring whole numbers, giving the first changed one. */
function bisect(probe: Probe, measure: Measure, sign: number, tolerance: number, kept: number, changed: number): number {
  const whole = probe.domain.integer;
  while (Math.abs(changed - kept) > (whole ? 1 : SWITCHING_TOLERANCE)) {
    const mid = whole ? kept + Math.trunc((changed - kept) / 2) : (kept + changed) / 2;
    if (signOf(probe.at(mid)[measure], tolerance) === sign) kept = mid;
    else changed = mid;
  }
  return whole ? changed : (kept + changed) / 2;
}

function nearest(base: number, found: (number | null)[]): number | null {
  const candidates = found.filter((v): v is number => v !== null).sort((x, y) => Math.abs(x - base) - Math.abs(y - base) || x - y);
  return candidates[0] ?? null;
}

/** Walks outward from the base over `points` (ascending, the base among them) to the first value whose sign differs: [last kept, first changed]. */
function firstChange(probe: Probe, measure: Measure, sign: number, tolerance: number, points: readonly number[], direction: 1 | -1): [number, number] | null {
  let previous = probe.input.base;
  const start = points.indexOf(previous);
  for (let i = start + direction; i >= 0 && i < points.length; i += direction) {
    if (signOf(probe.at(points[i]!)[measure], tolerance) !== sign) return [previous, points[i]!];
    previous = points[i]!;
  }
  return null;
}

function searched(probe: Probe, base: Difference, tolerance: Difference, measure: Measure): Found {
  const points = probe.domain.integer ? wholeSamples(probe) : samples(probe);
  const sign = signOf(base[measure], tolerance[measure]);
  if (sign !== 0) {
    const roots = ([1, -1] as const).map((direction) => {
      const bracket = firstChange(probe, measure, sign, tolerance[measure], points, direction);
      if (bracket === null) return null;
      return bisect(probe, measure, sign, tolerance[measure], bracket[0], bracket[1]);
    });
    const value = nearest(probe.input.base, roots);
    if (value !== null) return { value, method: "bracketed" };
  }
  // no swap found: every point has been evaluated (once each), and they tell whether the measure moves at all
  const moves = points.some((v) => Math.abs(probe.at(v)[measure] - base[measure]) > tolerance[measure]);
  if (!moves) return { value: null, method: null, reason: "no-effect" };
  return sign === 0 ? { value: probe.input.base, method: "bracketed" } : { value: null, method: null, reason: "no-swap-in-domain" };
}

/**
 * The switching values of one input on LCC and on CO2e, with `base` the
 * difference B − A as the case stands and `tolerance` what counts as zero.
 */
export function switchingValues(probe: Probe, base: Difference, tolerance: Difference): SwitchingValue[] {
  return MEASURES.map((measure) => ({ input: probe.input, measure, ...(probe.linear ? solved : searched)(probe, base, tolerance, measure) }));
}
