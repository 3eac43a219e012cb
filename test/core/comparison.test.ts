import { describe, expect, it } from "vitest";
import { abatementCostPerTonne, compareWithBaseline, paybackKind, paybackYear } from "../../src/core/comparison.js";
import type { AlternativeResult } from "../../src/core/types.js";
import { d } from "./builders.js";
import { expectExact } from "./expect-decimal.js";

const years = (...values: number[]) => values.map((v) => d(v));

describe("abatementCostPerTonne: ΔPV / tonnes avoided", () => {
  it("3 t less CO2e for 15 000 NOK more costs 5 000 NOK per tonne", () => {
    // 15000 / (3000 kg / 1000) = 5000
    expectExact(abatementCostPerTonne(d(-3000), d(15000))!, 5000);
  });
  it("is negative when the cleaner alternative is also cheaper", () => {
    // −6000 / 2 t = −3000
    expectExact(abatementCostPerTonne(d(-2000), d(-6000))!, -3000);
  });
  it("is null when nothing is avoided (more or equal emissions)", () => {
    expect(abatementCostPerTonne(d(0), d(100))).toBeNull();
    expect(abatementCostPerTonne(d("-0"), d(100))).toBeNull();
    expect(abatementCostPerTonne(d(500), d(-100))).toBeNull();
  });
});

describe("paybackYear: first year the alternative's cumulative discounted cost is ≤ the baseline's", () => {
  it("dearer at purchase, cheaper to run: pays back in year 3", () => {
    // alternative cumulative: 150, 160, 170, 180; baseline: 100, 130, 160, 190
    expect(paybackYear(years(150, 10, 10, 10), years(100, 30, 30, 30))).toBe(3);
  });
  it("is year 0 when the alternative is no dearer in any year (ties count): cheaper from the start", () => {
    // cumulative 100, 110 vs 100, 150
    expect(paybackYear(years(100, 10), years(100, 50))).toBe(0);
    expect(paybackKind(0)).toBe("from-start");
  });
  it("is null for an alternative that is cheaper to buy but dearer over the period", () => {
    // cumulative alternative 100, 150 vs baseline 100, 110: level in year 0, dearer from year 1 to N
    expect(paybackYear(years(100, 50), years(100, 10))).toBeNull();
    // cheaper upfront (80 < 100), dearer overall (80+30+30 = 140 > 100+10+10 = 120)
    expect(paybackYear(years(80, 30, 30), years(100, 10, 10))).toBeNull();
    expect(paybackKind(null)).toBe("never");
  });
  it("is null for one that crosses back: cheaper in years 1–2, dearer again in year 3 = N", () => {
    // cumulative alternative 150, 160, 170, 220; baseline 100, 170, 180, 190
    expect(paybackYear(years(150, 10, 10, 50), years(100, 70, 10, 10))).toBeNull();
  });
  it("is the first year of the run that lasts to N, not the first crossing", () => {
    // cumulative alternative 150, 160, 200, 205; baseline 100, 170, 180, 210: ≤ in year 1, > in 2, ≤ from 3
    expect(paybackYear(years(150, 10, 40, 5), years(100, 70, 10, 30))).toBe(3);
    expect(paybackKind(3)).toBe("in-year");
  });
  it("is null when it never pays back within N", () => {
    expect(paybackYear(years(200, 10, 10), years(100, 20, 20))).toBeNull();
  });
});

function result(id: string, kg: number, byYear: number[]): AlternativeResult {
  const pv = byYear.reduce((a, b) => a + b, 0);
  return {
    id, name: id, wasteLevel: null, wasteLevelSource: null, wasteLevelSuggestion: null, rank: 0, dominated: false, dominatedBy: [], rankNote: null,
    emissions: { totalKg: d(kg) } as AlternativeResult["emissions"],
    lcc: { presentValue: d(pv), byYear: years(...byYear) } as AlternativeResult["lcc"],
  };
}

describe("compareWithBaseline", () => {
  it("gives one row per other alternative: alternative minus baseline", () => {
    const rows = compareWithBaseline([result("A", 5000, [100000, 5000, 5000]), result("B", 2000, [115000, 1000, 1000]), result("C", 6000, [90000, 0, 0])], "A");
    expect(rows.map((r) => r.id)).toEqual(["B", "C"]);
    const [b, c] = rows;
    expect(b!.baseline).toBe("A");
    // B − A: 2000 − 5000 = −3000 kg; 117000 − 110000 = 7000 NOK; 7000 / 3 t = 2333.33…
    expectExact(b!.deltaKg, -3000);
    expectExact(b!.deltaPresentValue, 7000);
    expect(b!.abatementCostPerTonne!.toFixed(6)).toBe("2333.333333");
    // cumulative B: 115000, 116000, 117000 vs A: 100000, 105000, 110000 → never
    expect(b!.paybackYear).toBeNull();
    // C: +1000 kg, −20000 NOK, cheaper from year 0
    expectExact(c!.deltaKg, 1000);
    expectExact(c!.deltaPresentValue, -20000);
    expect(c!.abatementCostPerTonne).toBeNull();
    expect(c!.paybackYear).toBe(0);
  });
  it("compares against a baseline that is not first", () => {
    const rows = compareWithBaseline([result("A", 10, [1]), result("B", 4, [3])], "B");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).toBe("A");
    expectExact(rows[0]!.deltaKg, 6);
  });
});
