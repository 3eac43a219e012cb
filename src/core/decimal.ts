/**
 * The one decimal type for money and emissions: a private decimal.js clone
 * with 34 significant digits (IEEE 754 decimal128), so that sums of many
 * items never pick up binary rounding.
 */
import { Decimal as DecimalJs } from "decimal.js";

export const Decimal = DecimalJs.clone({ precision: 34, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -30, toExpPos: 40 });
export type Decimal = DecimalJs;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const THOUSAND = new Decimal(1000);

/** Σ values; the empty sum is 0. */
export function sum(values: readonly Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.plus(v), ZERO);
}

/** Adds `value` to the bucket `key`, creating it at 0. */
export function addTo<K>(buckets: Map<K, Decimal>, key: K, value: Decimal): void {
  buckets.set(key, (buckets.get(key) ?? ZERO).plus(value));
}

/** A run of `length` zeros, one per year 0..N. */
export function zeros(length: number): Decimal[] {
  return Array.from({ length }, () => ZERO);
}
