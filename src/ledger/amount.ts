/**
 * Amounts in a ledger, read exactly into whole øre: built from the digits,
 * never through a float. A ledger is written by an ERP or by Norwegian
 * Excel, so this reads what they write, more widely than the parser for
 * what people type (src/i18n/parse-number.ts):
 *
 * - `1 234,50`, groups by space, U+00A0, U+202F or U+2009; `1.234,50`
 *   (groups by point); `-1234,5`; U+2212 minus; `+100`;
 * - a credit note as a trailing minus `1234,50-` or in parentheses
 *   `(1 234,50)`;
 * - `kr`, `kr.` or `NOK` before or after the number;
 * - a machine export's decimal point `1234.50` or `1,234.50`: where both
 *   a comma and a point are present, the last one is the decimal sign;
 * - a single point followed by exactly three digits and no comma
 *   (`1.234`) is a group separator (1 234 kr): an amount in kroner has at
 *   most two decimals, so three digits after a point are a group of
 *   thousands; any other count of digits after a single point is a
 *   decimal point (`1234.5`, `0.125`). Several points (`1.234.567`) are
 *   groups. A single comma is always the decimal sign (`1,234` is 1,234 kr).
 * - more than two decimals are rounded half away from zero to whole øre
 *   (`0,125` → 13 øre, `-0,125` → −13 øre), as a float export's noise
 *   (`1234.5000001`) is.
 *
 * Groups after the first must have exactly three digits (`12 34,50` is
 * refused). |amount| ≤ 10^13 øre (100 milliarder kroner).
 *
 * Example: parseAmountOre("1 234,50-") → { ok: true, ore: -123450 }
 */

/** The largest amount read, in øre: 10^13 (10^11 kr). */
export const MAX_AMOUNT_ORE = 10_000_000_000_000;

export type AmountParse = { ok: true; ore: number } | { ok: false; reason: "amount-missing" | "amount-unreadable" | "amount-too-large" };

const MISSING = { ok: false, reason: "amount-missing" } as const;
const UNREADABLE = { ok: false, reason: "amount-unreadable" } as const;
const TOO_LARGE = { ok: false, reason: "amount-too-large" } as const;

const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
const isMinus = (c: number) => c === 45 || c === 0x2212;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;

/** Reads a ledger's amount cell into whole øre (negative for a credit note). */
export function parseAmountOre(text: string): AmountParse {
  const read = amountOre(text);
  return typeof read === "number" ? { ok: true, ore: read } : read;
}

/** As parseAmountOre, the øre as a bare number (no object made for each of a million lines). */
export function amountOre(text: string): number | Extract<AmountParse, { ok: false }> {
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (s === e) return MISSING;
  let negative = false;
  if (text.charCodeAt(s) === 40 && text.charCodeAt(e - 1) === 41) {
    negative = true;
    s++;
    e--;
  }
  // sign and currency in either order, before and after the number
  for (let changed = true; changed && s < e; ) {
    changed = false;
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    const first = text.charCodeAt(s);
    const last = text.charCodeAt(e - 1);
    if (isMinus(first) || first === 43) {
      if (isMinus(first)) negative = !negative;
      s++;
      changed = true;
    } else if (isMinus(last) && e - 1 > s) {
      negative = !negative;
      e--;
      changed = true;
    } else {
      const currency = currencyAt(text, s, e);
      if (currency !== 0) {
        if (currency > 0) s += currency;
        else e += currency;
        changed = true;
      }
    }
  }
  if (s >= e) return UNREADABLE;
  const ore = readDigits(text, s, e, decimalSign(text, s, e));
  if (ore === null) return UNREADABLE;
  if (ore > MAX_AMOUNT_ORE) return TOO_LARGE;
  return negative && ore !== 0 ? -ore : ore;
}

/**
 * A number from a spreadsheet cell as øre: its shortest decimal text read
 * with a decimal point (the float is the value Excel holds).
 *
 * Example: amountFromNumber(1234.5) → { ok: true, ore: 123450 }
 */
export function amountFromNumber(value: number): AmountParse {
  if (!Number.isFinite(value)) return UNREADABLE;
  if (Math.abs(value) >= 1e14) return TOO_LARGE;
  if (Math.abs(value) < 1e-6) return { ok: true, ore: 0 };
  const text = String(Math.abs(value));
  const ore = readDigits(text, 0, text.length, text.indexOf("."));
  if (ore === null) return UNREADABLE;
  if (ore > MAX_AMOUNT_ORE) return TOO_LARGE;
  return { ok: true, ore: value < 0 && ore !== 0 ? -ore : ore };
}

/** Length of "kr", "kr." or "NOK" at the start (positive) or the end (negative) of text[s, e), or 0. */
function currencyAt(text: string, s: number, e: number): number {
  if (!isLetter(text.charCodeAt(s)) && !isLetter(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 46) return 0;
  const head = text.slice(s, s + 3).toLowerCase();
  if (head === "nok") return 3;
  if (head === "kr.") return 3;
  if (head.startsWith("kr")) return 2;
  const tail = text.slice(Math.max(s, e - 3), e).toLowerCase();
  if (tail === "nok") return -3;
  if (tail === "kr.") return -3;
  if (tail.endsWith("kr")) return -2;
  return 0;
}

/** Index of the decimal sign in text[s, e), or -1 (the rules in the header comment). */
function decimalSign(text: string, s: number, e: number): number {
  const comma = text.lastIndexOf(",", e - 1);
  const point = text.lastIndexOf(".", e - 1);
  const lastComma = comma >= s ? comma : -1;
  const lastPoint = point >= s ? point : -1;
  if (lastComma >= 0 && lastPoint >= 0) return Math.max(lastComma, lastPoint);
  if (lastComma >= 0) return text.indexOf(",", s) === lastComma ? lastComma : -1;
  if (lastPoint >= 0) {
    if (text.indexOf(".", s) !== lastPoint) return -1;
    return e - lastPoint - 1 === 3 ? -1 : lastPoint;
  }
  return -1;
}

/**
 * Whole øre from text[s, e) with the decimal sign at `decimal` (or none):
 * the integer part in groups (space or the other sign), the fraction
 * rounded half away from zero to two digits; null when unreadable.
 */
function readDigits(text: string, s: number, e: number, decimal: number): number | null {
  const intEnd = decimal >= 0 ? decimal : e;
  let kroner = 0;
  let digits = 0;
  let group = 0;
  let grouped = false;
  let separator = -1; // char code of the group separator used
  for (let i = s; i < intEnd; i++) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      if (digits > 0 || c !== 48) digits++;
      if (digits > 13) return Number.MAX_SAFE_INTEGER;
      kroner = kroner * 10 + (c - 48);
      group++;
    } else if (isSpace(c) || c === 46 || c === 44) {
      const kind = isSpace(c) ? 32 : c;
      if (separator !== -1 && separator !== kind) return null;
      if (group === 0 || group > 3 || (grouped && group !== 3)) return null;
      separator = kind;
      grouped = true;
      group = 0;
    } else return null;
  }
  if (grouped && group !== 3) return null;
  if (decimal < 0 && intEnd === s) return null;
  let ore = kroner * 100;
  if (decimal >= 0) {
    if (decimal === e - 1) return null;
    let cents = 0;
    let place = 0;
    let roundUp = false;
    for (let i = decimal + 1; i < e; i++) {
      const c = text.charCodeAt(i);
      if (!isDigit(c)) return null;
      if (place < 2) cents = cents * 10 + (c - 48);
      else if (place === 2) roundUp = c >= 53;
      place++;
    }
    if (place === 1) cents *= 10;
    ore += cents + (roundUp ? 1 : 0);
  }
  return ore;
}
