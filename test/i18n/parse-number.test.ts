/**
 * The one number parser (src/i18n/parse-number.ts) against what people
 * paste: numbers as Intl.NumberFormat writes them in each language must
 * read back to exactly the decimal written, and numbers that mean two
 * things, or nothing, are refused with what they could have meant.
 *
 * The inputs are generated once for the file, from a fixed seed, so every
 * run reads the same 2 000 numbers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/decimal.js";
import { parseNumber, type NumberParse } from "../../src/i18n/parse-number.js";

const SEED = 20_260_511;

/** A decimal as text, exactly: an integer part up to 10^15 and 0–6 fraction digits, negative or not. */
const decimalText = fc
  .record({
    negative: fc.boolean(),
    integer: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 0n, max: 9999n })),
    fraction: fc.oneof(fc.constant(""), fc.stringMatching(/^\d{1,6}$/)),
  })
  .map(({ negative, integer, fraction }) => `${negative ? "-" : ""}${integer}${fraction === "" ? "" : `.${fraction}`}`);

const DECIMALS: readonly string[] = fc.sample(decimalText, { seed: SEED, numRuns: 2000 });

/** The value as the parser writes it: "1.50" → "1.5", "-0" → "0". */
const canonical = (text: string) => {
  const value = new Decimal(text);
  return value.isZero() ? "0" : value.toFixed();
};

const formatters = (locale: string) => [
  new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }),
  new Intl.NumberFormat(locale, { maximumFractionDigits: 6, useGrouping: false }),
];

const readsAs = (parsed: NumberParse) => (parsed.ok ? parsed.decimal : `refused: ${JSON.stringify(parsed.problem)}`);

describe("what Intl.NumberFormat writes reads back to the same decimal", () => {
  it("the sample holds large, small, negative and fractional numbers", () => {
    expect(DECIMALS.some((d) => d.startsWith("-"))).toBe(true);
    expect(DECIMALS.some((d) => d.includes("."))).toBe(true);
    expect(DECIMALS.some((d) => new Decimal(d).abs().gte(1e12))).toBe(true);
    expect(DECIMALS.some((d) => new Decimal(d).abs().lt(1000))).toBe(true);
  });

  it.each([["nb-NO", "nb"] as const])("%s, grouped and not, in bokmål", (locale, lang) => {
    for (const format of formatters(locale)) {
      for (const decimal of DECIMALS) {
        // strings are formatted exactly (Intl.NumberFormat v3): "−1 234,5" with U+00A0 and U+2212
        const written = format.format(decimal as `${number}`);
        expect(readsAs(parseNumber(written, lang, { allowNegative: true })), `${decimal} written ${JSON.stringify(written)}`).toBe(canonical(decimal));
      }
    }
  });

  it.each([["en-GB", "en"] as const, ["en-US", "en"] as const])("%s, grouped and not, in English", (locale, lang) => {
    for (const format of formatters(locale)) {
      for (const decimal of DECIMALS) {
        const written = format.format(decimal as `${number}`);
        expect(readsAs(parseNumber(written, lang, { allowNegative: true })), `${decimal} written ${JSON.stringify(written)}`).toBe(canonical(decimal));
      }
    }
  });

  it("a negative number is refused where negatives are not allowed, in both languages", () => {
    const negatives = DECIMALS.filter((d) => d.startsWith("-") && !new Decimal(d).isZero());
    expect(negatives.length).toBeGreaterThan(100);
    for (const decimal of negatives) {
      expect(parseNumber(formatters("nb-NO")[0]!.format(decimal as `${number}`), "nb")).toEqual({ ok: false, problem: { code: "negative" } });
      expect(parseNumber(formatters("en-GB")[0]!.format(decimal as `${number}`), "en")).toEqual({ ok: false, problem: { code: "negative" } });
    }
  });
});

describe("numbers that mean two things, or nothing", () => {
  it("«1.200» is refused in bokmål: the point is at 2, and it could mean 1200 or 1.2", () => {
    expect(parseNumber("1.200", "nb")).toEqual({ ok: false, problem: { code: "point", at: 2, readings: ["1200", "1.2"] } });
  });

  it("«1,200» is 1200 in English, and «1,200.5» is 1200.5", () => {
    expect(parseNumber("1,200", "en")).toEqual({ ok: true, decimal: "1200" });
    expect(parseNumber("1,200.5", "en")).toEqual({ ok: true, decimal: "1200.5" });
  });

  it("«3,5» is refused in English (a comma before fewer than three digits), reading 3.5", () => {
    expect(parseNumber("3,5", "en")).toEqual({ ok: false, problem: { code: "comma", at: 2, readings: ["3.5"] } });
  });

  it("English also reads groups of three split by spaces, as SI writes them: «1 200 000.5» = 1200000.5", () => {
    expect(parseNumber("1 200 000.5", "en")).toEqual({ ok: true, decimal: "1200000.5" });
  });

  it.each(["nb", "en"] as const)("«1 1» is refused in %s, never read as 11", (lang) => {
    expect(parseNumber("1 1", lang)).toEqual({ ok: false, problem: { code: "group", at: 2 } });
  });

  it.each(["nb", "en"] as const)("«1», 100 000 spaces, «1» is refused in %s (too long), never read as 11", (lang) => {
    expect(parseNumber(`1${" ".repeat(100_000)}1`, lang)).toEqual({ ok: false, problem: { code: "too-long", limit: 100 } });
  });

  it.each(["nb", "en"] as const)("«1», 98 spaces, «1» (within the length) is refused in %s as a group problem at 2", (lang) => {
    expect(parseNumber(`1${" ".repeat(98)}1`, lang)).toEqual({ ok: false, problem: { code: "group", at: 2 } });
  });

  it("bokmål groups may be split by U+00A0 (no-break space) or U+202F (narrow no-break space), mixed", () => {
    expect(parseNumber("1\u00a0234\u00a0567,5", "nb")).toEqual({ ok: true, decimal: "1234567.5" });
    expect(parseNumber("1\u202f234\u202f567,5", "nb")).toEqual({ ok: true, decimal: "1234567.5" });
    expect(parseNumber("1\u202f234\u00a0567 890", "nb")).toEqual({ ok: true, decimal: "1234567890" });
  });

  it("U+2212 (minus sign) is a minus in both languages, where negatives are allowed", () => {
    expect(parseNumber("\u22121\u00a0234,5", "nb", { allowNegative: true })).toEqual({ ok: true, decimal: "-1234.5" });
    expect(parseNumber("\u22121,234.5", "en", { allowNegative: true })).toEqual({ ok: true, decimal: "-1234.5" });
    expect(parseNumber("\u22123,5", "nb")).toEqual({ ok: false, problem: { code: "negative" } });
  });
});
