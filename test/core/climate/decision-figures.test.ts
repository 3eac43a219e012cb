import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { baselineAlternative, decisionFigures } from "../../../src/core/climate/decision-figures.js";
import { decimalText } from "../../../src/core/climate/decimal-text.js";
import { resultDocument } from "./result-document.js";

/** Diesel buses as the baseline, electric chosen: 12 t a year avoided over years 0 and 1 (N = 1). */
const buses = resultDocument(
  [
    { id: "diesel", name: "Dieselbusser", kgByYear: [20_000, 20_000], directKg: 30_000, indirectKg: 10_000, presentValue: 100_000 },
    { id: "electric", name: "Elbusser", kgByYear: [8_000, 8_000], directKg: 6_000, indirectKg: 10_000, presentValue: 130_000 },
  ],
  { factorSet: "2025-2", factorSetHash: "sha256:feed" },
);

describe("decisionFigures: avoided tonnes spread over the contract's calendar years", () => {
  it("a contract from July 2026 for 24 months: 6 t in 2026, 12 t in 2027, 6 t in 2028", () => {
    // year 0 (Jul 2026–Jun 2027): (20 − 8) t = 12 t, 1 t a month: 6 months in 2026, 6 in 2027
    // year 1 (Jul 2027–Jun 2028): 12 t: 6 months in 2027, 6 in 2028
    const figures = decisionFigures(buses, "electric", "2026-07", 24);
    expect(figures.avoidedByYear).toEqual([
      { year: 2026, tonnes: "6" },
      { year: 2027, tonnes: "12" },
      { year: 2028, tonnes: "6" },
    ]);
    expect(figures.avoidedTonnes).toBe("24");
  });
  it("names the baseline and the chosen alternative and keeps the factor set the figures came from", () => {
    expect(decisionFigures(buses, "electric", "2026-07", 24)).toMatchObject({
      baseline: "diesel",
      baselineName: "Dieselbusser",
      chosenName: "Elbusser",
      factorSet: "2025-2",
      factorSetHash: "sha256:feed",
    });
  });
  it("the LCC difference is the chosen's present value − the baseline's over the whole analysis", () => {
    // 130 000 − 100 000, whatever the contract's length
    expect(decisionFigures(buses, "electric", "2026-07", 24).lccDifference).toBe("30000");
    expect(decisionFigures(buses, "electric", "2026-07", 3).lccDifference).toBe("30000");
  });
  it("months of a contract longer than the analysis carry nothing", () => {
    // 36 months from January 2026: years 0 and 1 are 2026 and 2027; 2028 is past the analysis
    const figures = decisionFigures(buses, "electric", "2026-01", 36);
    expect(figures.avoidedByYear).toEqual([
      { year: 2026, tonnes: "12" },
      { year: 2027, tonnes: "12" },
      { year: 2028, tonnes: "0" },
    ]);
    expect(figures.avoidedTonnes).toBe("24");
    // direct: (30 − 6) t × 24 of the analysis's 24 months
    expect(figures.avoidedDirectTonnes).toBe("24");
    expect(figures.avoidedIndirectTonnes).toBe("0");
  });
  it("a contract shorter than the analysis: direct scaled by its share of the analysis's months, indirect the rest", () => {
    // N = 2: differences 12, 24, 36 t; 6 months from January 2026 → 6 × 12/12 = 6 t
    // share of the analysis: 6 of 36 months = 1/6; direct (90 − 18) t × 1/6 = 12; indirect 6 − 12 = −6
    const result = resultDocument([
      { id: "old", kgByYear: [20_000, 30_000, 40_000], directKg: 90_000, indirectKg: 0, presentValue: 50 },
      { id: "new", kgByYear: [8_000, 6_000, 4_000], directKg: 18_000, indirectKg: 0, presentValue: 20.5 },
    ]);
    const figures = decisionFigures(result, "new", "2026-01", 6);
    expect(figures.avoidedByYear).toEqual([{ year: 2026, tonnes: "6" }]);
    expect(figures.avoidedTonnes).toBe("6");
    expect(figures.avoidedDirectTonnes).toBe("12");
    expect(figures.avoidedIndirectTonnes).toBe("-6");
    // the whole analysis: (90 − 18) t, what the case's comparison page shows
    expect(figures.analysisAvoidedTonnes).toBe("72");
    // 20.5 − 50
    expect(figures.lccDifference).toBe("-29.5");
  });
  it("the issue's case: 18 months of a longer analysis; direct + indirect = avoided exactly", () => {
    // N = 2 (36 months), differences 20, 30, 40 t; 18 months from January 2026:
    // 2026: 12 × 20/12 = 20 t; 2027: 6 × 30/12 = 15 t → 35 t; whole analysis 90 t
    // direct (45 − 0) t × 18/36 = 22.5 t; indirect 35 − 22.5 = 12.5 t
    const result = resultDocument([
      { id: "old", kgByYear: [30_000, 40_000, 50_000], directKg: 45_000, presentValue: 1_000_000.004 },
      { id: "new", kgByYear: [10_000, 10_000, 10_000], directKg: 0, presentValue: 1_543_862.125 },
    ]);
    const figures = decisionFigures(result, "new", "2026-01", 18);
    expect(figures.avoidedTonnes).toBe("35");
    expect(figures.avoidedDirectTonnes).toBe("22.5");
    expect(figures.avoidedIndirectTonnes).toBe("12.5");
    expect(figures.analysisAvoidedTonnes).toBe("90");
    // 543 862.121 → rounded to øre
    expect(figures.lccDifference).toBe("543862.12");
  });
  it("rounds the LCC difference to øre, half away from zero", () => {
    const result = resultDocument([
      { id: "a", kgByYear: [0, 0], presentValue: 100 },
      { id: "b", kgByYear: [0, 0], presentValue: 100.005 },
      { id: "c", kgByYear: [0, 0], presentValue: 99.995 },
    ]);
    expect(decisionFigures(result, "b", "2026-01", 12).lccDifference).toBe("0.01");
    expect(decisionFigures(result, "c", "2026-01", 12).lccDifference).toBe("-0.01");
  });
  it("rounds each year to 9 decimals so that the years add up to the total exactly", () => {
    // 1 t in year 0; December 2026 and January 2027 each carry 1/12 t = 0.0833333333…
    // cumulative 0.0833333333… → 0.083333333; 0.1666666666… → 0.166666667; 2027 = 0.166666667 − 0.083333333
    const result = resultDocument([
      { id: "a", kgByYear: [1_000, 0] },
      { id: "b", kgByYear: [0, 0] },
    ]);
    const figures = decisionFigures(result, "b", "2026-12", 2);
    expect(figures.avoidedByYear).toEqual([
      { year: 2026, tonnes: "0.083333333" },
      { year: 2027, tonnes: "0.083333334" },
    ]);
    expect(figures.avoidedTonnes).toBe("0.166666667");
  });
  it("an alternative that emits more avoids a negative amount", () => {
    const figures = decisionFigures(buses, "diesel", "2026-01", 12);
    expect(figures.avoidedTonnes).toBe("0");
    const reverse = resultDocument([
      { id: "electric", kgByYear: [8_000, 8_000] },
      { id: "diesel", kgByYear: [20_000, 20_000] },
    ]);
    // (8 − 20) t in the 12 months of year 0
    expect(decisionFigures(reverse, "diesel", "2026-01", 12).avoidedTonnes).toBe("-12");
  });
  it("takes the baseline from the comparison, wherever it stands among the alternatives", () => {
    const reordered = { ...buses, alternatives: [...buses.alternatives].reverse() };
    expect(baselineAlternative(reordered).id).toBe("diesel");
    expect(decisionFigures(reordered, "electric", "2026-07", 24).avoidedTonnes).toBe("24");
  });
  it("a case with one alternative has itself as its baseline: nothing avoided", () => {
    const single = resultDocument([{ id: "only", kgByYear: [5_000, 5_000], presentValue: 10 }]);
    expect(decisionFigures(single, "only", "2026-01", 24)).toMatchObject({ baseline: "only", avoidedTonnes: "0", lccDifference: "0" });
  });
});

describe("decisionFigures: laws", () => {
  const yearly = fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 2, maxLength: 8 });
  const month = fc.record({ year: fc.integer({ min: 2000, max: 2090 }), month: fc.integer({ min: 1, max: 12 }) }).map(({ year, month }) => `${year}-${String(month).padStart(2, "0")}`);

  it("a contract as long as the analysis avoids exactly the difference of the totals, whatever month it starts", () => {
    fc.assert(
      fc.property(yearly, yearly, month, (a, b, start) => {
        const n = Math.min(a.length, b.length);
        const result = resultDocument([
          { id: "base", kgByYear: a.slice(0, n) },
          { id: "pick", kgByYear: b.slice(0, n) },
        ]);
        const figures = decisionFigures(result, "pick", start, 12 * n);
        const expected = a.slice(0, n).reduce((s, kg, i) => s.plus(kg).minus(b[i]!), new Decimal(0)).div(1000);
        expect(figures.avoidedTonnes).toBe(decimalText(expected));
      }),
    );
  });
  it("direct + indirect add up to the avoided tonnes exactly, whatever the contract", () => {
    fc.assert(
      fc.property(yearly, yearly, fc.integer({ min: -1_000_000, max: 1_000_000 }), month, fc.integer({ min: 1, max: 120 }), (a, b, direct, start, months) => {
        const n = Math.min(a.length, b.length);
        const result = resultDocument([
          { id: "base", kgByYear: a.slice(0, n), directKg: direct },
          { id: "pick", kgByYear: b.slice(0, n), directKg: 0 },
        ]);
        const figures = decisionFigures(result, "pick", start, months);
        expect(decimalText(new Decimal(figures.avoidedDirectTonnes).plus(figures.avoidedIndirectTonnes))).toBe(figures.avoidedTonnes);
      }),
    );
  });
  it("the calendar years add up to the total exactly and run one by one from the contract's first year", () => {
    fc.assert(
      fc.property(yearly, month, fc.integer({ min: 1, max: 120 }), (a, start, months) => {
        const result = resultDocument([
          { id: "base", kgByYear: a },
          { id: "pick", kgByYear: a.map(() => 0) },
        ]);
        const figures = decisionFigures(result, "pick", start, months);
        const years = figures.avoidedByYear.reduce((s, y) => s.plus(y.tonnes), new Decimal(0));
        expect(decimalText(years)).toBe(figures.avoidedTonnes);
        const first = Number(start.slice(0, 4));
        expect(figures.avoidedByYear.map((y) => y.year)).toEqual(Array.from({ length: figures.avoidedByYear.length }, (_, i) => first + i));
      }),
    );
  });
});
