/**
 * Numbers in the editor's fields: read with parseNorwegianNumber ("1 200",
 * "3,5", "1.5") and written back the Norwegian way without losing digits
 * (decimal strings, never a float round trip: "0.8" → "0,8").
 *
 * Example: numberText("1 234,5") → "1234.5"; editableDecimal("1234.5") → "1 234,5"
 */
import { Decimal } from "../../core/decimal.js";
import { parseNorwegianNumber } from "../../i18n/numbers.js";

const GROUPS = /[\s\u00a0\u202f]/g;
const NBSP = "\u00a0";
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** The number written, as a plain decimal string ("1234.5"), or null when it is not a number. */
export function numberText(raw: string): string | null {
  if (parseNorwegianNumber(raw) === null) return null;
  const t = raw.trim().replace(/\u2212/g, "-").replace(GROUPS, "").replace(",", ".");
  return new Decimal(t).toFixed();
}

/** A decimal string ("1234.5", "-0.8") written for a Norwegian form field ("1 234,5", "−0,8"). */
export function editableDecimal(decimal: string, options: { group?: boolean } = {}): string {
  if (!PLAIN_DECIMAL.test(decimal)) return decimal;
  const negative = decimal.startsWith("-");
  const [int, frac] = (negative ? decimal.slice(1) : decimal).split(".") as [string, string | undefined];
  const grouped = options.group === false ? int : int.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  return `${negative ? "\u2212" : ""}${grouped}${frac === undefined ? "" : `,${frac}`}`;
}

/** A JSON number as an editable Norwegian number. */
export function editableNumber(value: number, options: { group?: boolean } = {}): string {
  return editableDecimal(new Decimal(String(value)).toFixed(), options);
}

/** 0.035 → "3,5" (percent, exact). */
export function editablePercent(fraction: number): string {
  return editableDecimal(new Decimal(String(fraction)).mul(100).toFixed(), { group: false });
}

/** "3,5" → 0.035, or null. */
export function percentFraction(raw: string): number | null {
  const t = numberText(raw);
  return t === null ? null : new Decimal(t).div(100).toNumber();
}

/**
 * Splits "1 200 kg" into its number and its unit, the number in the
 * Norwegian way (spaces between groups, a decimal comma). Null when the
 * text does not start with a digit (or a minus and a digit).
 */
export function splitNumberAndUnit(raw: string): { number: string; unit: string } | null {
  const m = /^\s*([-\u2212]?\d(?:[\d.,\s\u00a0\u202f]*\d)?)(.*)$/s.exec(raw);
  if (!m) return null;
  return { number: m[1]!, unit: m[2]!.trim() };
}
