/**
 * The fields a climate plan and a decision share: an amount (tonnes CO2e,
 * NOK per tonne) given as a JSON number or as plain decimal text
 * ("1234.5": a point, no spaces; Norwegian text such as "1 234,5" is read
 * by the web form, src/i18n/parse-number.ts, before it gets here), and a
 * whole number (a year, a count of months) given as a number or as digits.
 * Each raises a problem that names the value, and each amount comes out as
 * decimal text exactly as given (trailing zeros dropped), never through a
 * binary float: a JSON number is read as the shortest text that is that
 * number (0.1 is "0.1").
 */
import { z } from "zod";
import { Decimal } from "../decimal.js";
import { raise } from "./input-problems.js";
import type { DecimalText } from "./types.js";

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const DIGITS = /^\d+$/;

/** Longest text read as an amount. */
const MAX_AMOUNT_TEXT = 100;

type Ctx = Parameters<typeof raise>[0];

/** `value` (as the user wrote it: `text`) when it lies in 0..max, else the problem. */
function amountInRange(ctx: Ctx, value: Decimal, text: string, max: number): DecimalText {
  if (value.isNegative() && !value.isZero()) raise(ctx, "negative", { value: text });
  else if (value.gt(max)) raise(ctx, "too-big", { max: String(max) });
  else return value.isZero() ? "0" : value.toFixed();
  return z.NEVER;
}

/** An amount from 0 to `max`, as decimal text. */
export function amountField(max: number) {
  return z.unknown().optional().transform((raw, ctx): DecimalText => {
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) raise(ctx, "required");
    else if (typeof raw === "number" && Number.isFinite(raw)) return amountInRange(ctx, new Decimal(raw), String(raw), max);
    else if (typeof raw !== "string") raise(ctx, "type", { expected: "number" });
    else if (raw.trim().length > MAX_AMOUNT_TEXT || !PLAIN_DECIMAL.test(raw.trim())) raise(ctx, "climate-decimal", { value: raw.trim().slice(0, MAX_AMOUNT_TEXT) });
    else return amountInRange(ctx, new Decimal(raw.trim()), raw.trim(), max);
    return z.NEVER;
  });
}

/** A number, digits read as a number, other decimal text as NaN (not whole), anything else null. */
function wholeNumberOf(raw: unknown): number | null {
  if (typeof raw === "number") return raw;
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  return DIGITS.test(text) ? Number(text) : PLAIN_DECIMAL.test(text) ? Number.NaN : null;
}

/** A whole number from `min` to `max`; `fallback` when the field is left out. */
export function wholeNumberField(min: number, max: number, options: { fallback?: number } = {}) {
  return z.unknown().optional().transform((raw, ctx): number => {
    const blank = raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
    if (blank && options.fallback !== undefined) return options.fallback;
    if (blank) {
      raise(ctx, "required");
      return z.NEVER;
    }
    const value = wholeNumberOf(raw);
    if (value === null) raise(ctx, "type", { expected: "number" });
    else if (!Number.isInteger(value)) raise(ctx, "integer");
    else if (value < min) raise(ctx, "too-small", { min: String(min) });
    else if (value > max) raise(ctx, "too-big", { max: String(max) });
    else return value;
    return z.NEVER;
  });
}
