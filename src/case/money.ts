/**
 * Amounts of money in a case: "180000 NOK", "180000 kr" or a plain number
 * of NOK. Costs are in NOK; Kalkyle converts currencies only where a
 * factor set gives the rate (spend factors). The text's length is checked
 * first and the number read in one pass, as for quantities (core/units.ts);
 * "180 000 NOK" and "12,5 kr" are told apart as numbers written the way a
 * case file does not write them.
 */
import { Decimal } from "../core/decimal.js";
import { leadingNumberEnd, MAX_MAGNITUDE, MAX_QUANTITY_LENGTH, writtenNumber, type WrittenNumber } from "../core/units.js";

export type MoneyParse = { ok: true; nok: Decimal } | { ok: false; problem: "money-syntax" | "too-long" | "number-format" | "negative" | "too-large"; written?: WrittenNumber };

/** The amount in NOK; a currency after the number is NOK or kr (any case), or none. */
export function parseNok(input: string | number): MoneyParse {
  if (typeof input === "string" && input.length > MAX_QUANTITY_LENGTH) return { ok: false, problem: "too-long" };
  const t = typeof input === "number" ? String(input) : input.trim();
  const end = leadingNumberEnd(t);
  if (end < 0) return { ok: false, problem: "money-syntax" };
  const written = writtenNumber(t, end);
  if (written) return { ok: false, problem: "number-format", written };
  const currency = t.slice(end).trim();
  if (currency !== "" && currency.toUpperCase() !== "NOK" && currency.toUpperCase() !== "KR") return { ok: false, problem: "money-syntax" };
  const nok = new Decimal(t.slice(0, end));
  if (nok.isNegative() && !nok.isZero()) return { ok: false, problem: "negative" };
  if (nok.gt(MAX_MAGNITUDE)) return { ok: false, problem: "too-large" };
  return { ok: true, nok };
}
