/**
 * Decimal text for the climate figures: tonnes and kroner are kept and
 * handed on as plain decimal strings ("1234.5"), never as binary floats.
 * A figure that is a quotient (a straight line between two years, a
 * month's twelfth of a year, a power) has no finite decimal in general, so
 * every such figure is rounded once, half to even, to 9 decimals (a
 * milligram of CO2e, a billionth of a krone) when it is written out; sums
 * are taken of the unrounded figures. Trailing zeros are dropped and −0 is
 * written 0. Rounding for display (e.g. one decimal of a tonne) is the
 * page's job.
 *
 * Example: decimalText(new Decimal(2).div(3)) → "0.666666667";
 *          decimalText(new Decimal("12.50")) → "12.5"
 */
import { Decimal } from "../decimal.js";

/** Decimals kept in a climate figure. */
export const CLIMATE_DECIMALS = 9;

export function decimalText(value: Decimal): string {
  const rounded = value.toDecimalPlaces(CLIMATE_DECIMALS, Decimal.ROUND_HALF_EVEN);
  return rounded.isZero() ? "0" : rounded.toFixed();
}

