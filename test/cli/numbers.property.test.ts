/**
 * Numbers as the table (and the web pages) write them are read back by the
 * one number parser: parseNumber(formatNumber(x, lang, d), lang) gives x
 * back, rounded to d decimals, through U+00A0 group separators and the
 * U+2212 minus sign in bokmål and comma groups in English.
 * (src/i18n/numbers.ts and parse-number.ts; kept here beside the CLI table that prints them.)
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/case/messages.js";
import { formatNumber } from "../../src/i18n/numbers.js";
import { parseNumber } from "../../src/i18n/parse-number.js";

/** What the parser reads, as a double, or null when it refuses the text. */
function read(text: string, lang: Lang = "nb"): number | null {
  const parsed = parseNumber(text, lang, { allowNegative: true });
  return parsed.ok ? Number(parsed.decimal) : null;
}

const NBSP = "\u00a0";
const MINUS = "\u2212";
const RUNS = { numRuns: Math.max(1000, Number(process.env.KALKYLE_PROPERTY_RUNS ?? 0) || 0) };

describe("formatNumber / parseNumber", () => {
  it("worked examples", () => {
    expect(formatNumber(-1234.5, "nb", 1)).toBe(`${MINUS}1${NBSP}234,5`);
    expect(formatNumber(1234567.891, "nb", 2)).toBe(`1${NBSP}234${NBSP}567,89`);
    expect(formatNumber(1234567.891, "en", 2)).toBe("1,234,567.89");
    expect(read(`${MINUS}1${NBSP}234,5`)).toBe(-1234.5);
    expect(read("1 234,5")).toBe(1234.5);
    expect(read("1\u202f234,5")).toBe(1234.5);
    expect(read("1,234,567.89", "en")).toBe(1234567.89);
    expect(read("-7")).toBe(-7);
    expect(read(" 42 ")).toBe(42);
  });

  it("refuses the ambiguous and the malformed", () => {
    for (const text of ["1.234,5", "1234.5", "1.200", "1,2,3", "", "   ", "abc", "1,5 kg", "--1", "1e999", "1 1", `1${" ".repeat(1000)}1`]) expect(read(text), JSON.stringify(text)).toBeNull();
  });

  it("parse(format(x)) = x for decimals with d places (exact)", () => {
    const decimal = fc.tuple(fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }), fc.integer({ min: 0, max: 6 }));
    fc.assert(
      fc.property(decimal, ([n, d]) => {
        const x = n / 10 ** d;
        const text = formatNumber(x, "nb", d);
        expect(read(text), text).toBe(x === 0 ? 0 : x);
        expect(read(formatNumber(x, "en", d), "en"), text).toBe(x === 0 ? 0 : x);
        if (Math.abs(x) >= 1000) expect(text).toContain(NBSP);
        if (x < 0) expect(text.startsWith(MINUS), text).toBe(true);
        expect(text).not.toContain("-");
        expect(text).not.toContain(".");
      }),
      RUNS,
    );
  });

  it("parse(format(x, d)) is x rounded to d decimals for any double", () => {
    const value = fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), (x, d) => {
        const text = formatNumber(x, "nb", d);
        const back = read(text);
        expect(back, text).not.toBeNull();
        const step = 10 ** -d;
        // within half a step of x (plus double rounding) …
        expect(Math.abs(back! - x), `${text} vs ${x}`).toBeLessThanOrEqual(step / 2 + Math.abs(x) * 1e-15);
        // … and on the grid of d decimals
        expect(Number(back!.toFixed(d)) === back, `${text} is not on the grid of ${d} decimals`).toBe(true);
        expect(text.split(",")[1]?.length ?? 0, text).toBe(d);
        if (back !== 0 && back! < 0) expect(text.startsWith(MINUS)).toBe(true);
      }),
      RUNS,
    );
  });
});
