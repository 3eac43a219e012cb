/**
 * A climate figure that comes as decimal text ("1234.567891") shown or
 * written out: rounded half away from zero to the places a page or a file
 * keeps (never "−0"), then written the way the language writes numbers
 * (numbers.ts). The figures themselves are worked out in the application
 * layer; this only rounds for display.
 *
 * Example: shownDecimal("-1234.56", "nb", 1) → "−1 234,6"; roundedDecimal("0.0004", 3) → 0
 */
import type { Lang } from "../../case/messages.js";
import type { DecimalText } from "../../core/climate/types.js";
import { Decimal } from "../../core/decimal.js";
import { formatNumber } from "../../i18n/numbers.js";

/** Tonnes CO2e on a page: one decimal (a tenth of a tonne). */
export const TONNES_SHOWN = 1;
/** Tonnes CO2e in a file: three decimals (whole kilograms). */
export const TONNES_KEPT = 3;

/** The figure rounded to `places`, as a number for a spreadsheet cell; null stays null. */
export function roundedDecimal(text: DecimalText | null, places: number): number | null {
  if (text === null) return null;
  const rounded = new Decimal(text).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
  return rounded.isZero() ? 0 : rounded.toNumber();
}

/** The figure as the page writes it; "–" where there is none. */
export function shownDecimal(text: DecimalText | null, lang: Lang, places: number): string {
  const rounded = roundedDecimal(text, places);
  return rounded === null ? "–" : formatNumber(rounded, lang, places);
}

/** The figure without its sign, as a sentence says it ("12,5 tonn under målet"). */
export function shownMagnitude(text: DecimalText, lang: Lang, places: number): string {
  return shownDecimal(new Decimal(text).abs().toFixed(), lang, places);
}

/** −1, 0 or 1: whether the figure is below, at or above zero. */
export function signOf(text: DecimalText): -1 | 0 | 1 {
  const d = new Decimal(text);
  return d.isZero() ? 0 : d.isNegative() ? -1 : 1;
}
