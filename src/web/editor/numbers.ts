/**
 * Numbers in the editor's fields, written the way the user's language
 * writes them and read back with the one parser (src/i18n/parse-number.ts).
 * Written from decimal strings, never through a float: "0.8" → "0,8".
 *
 * Example: editableDecimal("1234.5") → "1 234,5";
 *          editableDecimal("1234.5", { lang: "en" }) → "1,234.5"
 */
import { Decimal } from "../../core/decimal.js";
import type { Lang } from "../../case/messages.js";

const NBSP = "\u00a0";
const SEPARATORS: Record<Lang, { group: string; decimal: string; minus: string }> = {
  nb: { group: NBSP, decimal: ",", minus: "\u2212" },
  en: { group: ",", decimal: ".", minus: "-" },
};

export type WriteOptions = { group?: boolean; lang?: Lang };

const isDigits = (s: string) => s.length > 0 && [...s].every((c) => c >= "0" && c <= "9");

/** "1234567" → "1 234 567": a separator before every third digit from the right. */
function grouped(int: string, separator: string): string {
  let out = "";
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) out += separator;
    out += int[i];
  }
  return out;
}

/** A plain decimal string ("1234.5", "-0.8") written for a form field ("1 234,5", "−0,8"; in English "1,234.5", "-0.8"). Other text is returned as it is. */
export function editableDecimal(decimal: string, options: WriteOptions = {}): string {
  const negative = decimal.startsWith("-");
  const [int, frac, extra] = (negative ? decimal.slice(1) : decimal).split(".");
  if (!isDigits(int!) || (frac !== undefined && !isDigits(frac)) || extra !== undefined) return decimal;
  const style = SEPARATORS[options.lang ?? "nb"];
  const whole = options.group === false ? int! : grouped(int!, style.group);
  return `${negative ? style.minus : ""}${whole}${frac === undefined ? "" : `${style.decimal}${frac}`}`;
}

/** A JSON number as an editable number. */
export function editableNumber(value: number, options: WriteOptions = {}): string {
  return editableDecimal(new Decimal(String(value)).toFixed(), options);
}

/** 0.035 → "3,5" (percent, exact). */
export function editablePercent(fraction: number, lang: Lang = "nb"): string {
  return editableDecimal(new Decimal(String(fraction)).mul(100).toFixed(), { group: false, lang });
}

/**
 * A limit of a percent field, kept as a fraction in the case ("1", "-0.5"),
 * written in the field's unit: "100 %", "−50 %" (U+00A0 before the sign).
 */
export function percentLimit(fraction: string, lang: Lang): string {
  return `${editableDecimal(new Decimal(fraction).mul(100).toFixed(), { lang })}\u00a0%`;
}

/**
 * What a percent field reads: "4 %", "4%" and "4,5 %" are "4", "4" and
 * "4,5" (the label already says %); other text is returned as it is.
 */
export function withoutPercentSign(raw: string): string {
  const t = raw.trim();
  return t.endsWith("%") ? t.slice(0, -1).trimEnd() : raw;
}

const NUMBER_CHARACTERS = new Set(["-", "\u2212", ".", ",", " ", "\u00a0", "\u202f"]);

/**
 * Splits "1 200 kg" into its number and its unit: the number is the
 * longest run of digits, separators, decimal signs and a leading minus
 * that ends in a digit; the unit is the rest. Null when the text does not
 * start with a digit (or a minus and a digit). One pass, no backtracking.
 */
export function splitNumberAndUnit(raw: string): { number: string; unit: string } | null {
  const t = raw.trim();
  const start = t[0] === "-" || t[0] === "\u2212" ? 1 : 0;
  if (!isDigits(t[start] ?? "")) return null;
  let end = start;
  for (let i = start; i < t.length; i++) {
    const c = t[i]!;
    if (c >= "0" && c <= "9") end = i + 1;
    else if (!NUMBER_CHARACTERS.has(c) || c === "-" || c === "\u2212") break;
  }
  return { number: t.slice(0, end), unit: t.slice(end).trim() };
}
