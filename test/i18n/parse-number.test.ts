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

  it("«1 000,000» (a bokmål 1000) is refused in English: commas and spaces do not mix, and the readings are 1000000 and 1000", () => {
    expect(parseNumber("1\u00a0000,000", "en")).toEqual({ ok: false, problem: { code: "comma", at: 6, readings: ["1000000", "1000"] } });
    expect(parseNumber("1,000 000", "en")).toMatchObject({ ok: false, problem: { code: "comma", at: 2 } });
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

/** A decimal as fast-check draws it: integer part up to 10^15, 0–6 fraction digits, a sign. */
const anyDecimal = fc
  .record({ negative: fc.boolean(), integer: fc.bigInt({ min: 0n, max: 10n ** 15n }), fraction: fc.stringMatching(/^\d{0,6}$/) })
  .map(({ negative, integer, fraction }) => `${negative ? "-" : ""}${integer}${fraction === "" ? "" : `.${fraction}`}`);

const write = (locale: string, decimal: string, options: Intl.NumberFormatOptions = {}) => new Intl.NumberFormat(locale, { maximumFractionDigits: 6, ...options }).format(decimal as `${number}`);

describe("properties against Intl.NumberFormat (fast-check)", () => {
  const runs = { seed: SEED, numRuns: 500 };

  it("bokmål: what nb-NO writes reads back with its groups split by U+00A0, a plain space or U+202F, and its minus as U+2212 or '-'", () => {
    fc.assert(
      fc.property(anyDecimal, fc.constantFrom("\u00a0", " ", "\u202f"), fc.constantFrom("\u2212", "-"), (decimal, space, minus) => {
        const written = write("nb-NO", decimal).replace(/\u00a0/g, space).replace(/\u2212/g, minus);
        expect(readsAs(parseNumber(written, "nb", { allowNegative: true })), JSON.stringify(written)).toBe(canonical(decimal));
      }),
      runs,
    );
  });

  it("English: what en-GB writes reads back, with comma groups or with the groups split by spaces as SI writes them", () => {
    fc.assert(
      fc.property(anyDecimal, fc.constantFrom(",", " ", "\u00a0", "\u202f"), (decimal, group) => {
        const written = write("en-GB", decimal).replace(/,/g, group);
        expect(readsAs(parseNumber(written, "en", { allowNegative: true })), JSON.stringify(written)).toBe(canonical(decimal));
      }),
      runs,
    );
  });

  it("bokmål never reads a number grouped with points (as de-DE writes 1.234.567): it is refused, and 1 234 567 is among the readings", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1000n, max: 10n ** 15n }), (integer) => {
        const written = write("de-DE", String(integer));
        const parsed = parseNumber(written, "nb");
        expect(parsed.ok, written).toBe(false);
        if (!parsed.ok && parsed.problem.code === "point") expect(parsed.problem.readings).toContain(String(integer));
        else expect.fail(`${written}: ${JSON.stringify(parsed)}`);
      }),
      runs,
    );
  });

  it("English never reads a number with a decimal comma (as nb-NO or de-DE write 3,5, 1 000,000 or 1.234,5) as another number: it is refused", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.stringMatching(/^\d{1,6}$/), fc.constantFrom("nb-NO", "de-DE"), (integer, fraction, locale) => {
        // "5,000" is 5000 in English, as the page says: only where a comma could start a group is it read
        fc.pre(fraction.length !== 3 || integer >= 1000n);
        const written = write(locale, `${integer}.${fraction}`, { minimumFractionDigits: fraction.length });
        expect(parseNumber(written, "en").ok, written).toBe(false);
      }),
      runs,
    );
  });

  it("in both languages a number read is never longer than what was typed: a refused text is never cut to a prefix", () => {
    fc.assert(
      fc.property(anyDecimal, fc.constantFrom("kg", "x", ".", ",", "%", "1,2", "e5"), fc.constantFrom("nb", "en") as fc.Arbitrary<"nb" | "en">, (decimal, tail, lang) => {
        const written = `${write(lang === "nb" ? "nb-NO" : "en-GB", decimal)}${tail}`;
        const parsed = parseNumber(written, lang, { allowNegative: true });
        if (parsed.ok) expect(new Decimal(parsed.decimal).eq(new Decimal(canonical(decimal))), written).toBe(false);
      }),
      runs,
    );
  });
});
