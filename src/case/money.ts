/**
 * Amounts of money in a case: "180000 NOK", "180000 kr" or a plain number
 * of NOK. Costs are in NOK; Kalkyle converts currencies only where a
 * factor set gives the rate (spend factors).
 */
import { Decimal } from "../core/decimal.js";
import { MAX_MAGNITUDE } from "../core/units.js";

const AMOUNT = /^\s*(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z]{2,3})?\s*$/;

export type MoneyParse = { ok: true; nok: Decimal } | { ok: false; problem: "money-syntax" | "negative" | "too-large" };

export function parseNok(input: string | number): MoneyParse {
  const match = typeof input === "number" ? [String(input), String(input), undefined] : AMOUNT.exec(input);
  if (!match) return { ok: false, problem: "money-syntax" };
  const currency = match[2]?.toUpperCase();
  if (currency !== undefined && currency !== "NOK" && currency !== "KR") return { ok: false, problem: "money-syntax" };
  const nok = new Decimal(match[1]!);
  if (nok.isNegative() && !nok.isZero()) return { ok: false, problem: "negative" };
  if (nok.gt(MAX_MAGNITUDE)) return { ok: false, problem: "too-large" };
  return { ok: true, nok };
}
