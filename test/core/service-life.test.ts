import { describe, expect, it } from "vitest";
import { lifecycleCost } from "../../src/core/lcc.js";
import { occurrenceYears, unusedLifeYears } from "../../src/core/occurrences.js";
import { alternativeEmissions } from "../../src/core/emissions.js";
import { cost, d, emission } from "./builders.js";
import { expectClose, expectExact } from "./expect-decimal.js";

describe("service life (EN 15978 replacements): at `at`, then every `life` years strictly before N", () => {
  it("a 10-year life in a 20-year period occurs in years 0 and 10 only, with no residual (the copy of year 10 is used up in year 20)", () => {
    expect(occurrenceYears({ life: 10 }, 20, 0)).toEqual([0, 10]);
    expect(unusedLifeYears({ life: 10 }, 20)).toBe(0);
    const lcc = lifecycleCost([cost({ amount: 1000, life: 10 })], 20, d(0));
    expectExact(lcc.nominalTotal, 2000); // 1000 + 1000
    expect(lcc.byKind.residual).toBeUndefined();
  });

  it("a 7-year life in a 20-year period occurs at 0, 7 and 14, with a residual of 1/7 of the amount in year 20", () => {
    expect(occurrenceYears({ life: 7 }, 20, 0)).toEqual([0, 7, 14]);
    // the copy of year 14 would last to year 21: one of its seven years is unused
    expect(unusedLifeYears({ life: 7 }, 20)).toBe(1);
    const lcc = lifecycleCost([cost({ amount: 7000, life: 7 })], 20, d(0));
    // 7000 × 3 − 7000 × 1/7 = 21 000 − 1 000 = 20 000 at 0 %
    expectExact(lcc.nominalTotal, 20000);
    expectExact(lcc.byKind.residual!, -1000);
    expectExact(lcc.byYear[20]!, -1000);
  });

  it("discounts the residual at N and escalates it as the item: 7 000 NOK, 2 %/yr, life 7, N 20, 4 %", () => {
    const lcc = lifecycleCost([cost({ amount: 7000, life: 7, escalation: "0.02" })], 20, d("0.04"));
    // years 0, 7, 14: 7000 × (1.02/1.04)^t; residual −1000 × (1.02/1.04)^20
    const r = (t: number) => d(7000).mul(d("1.02").pow(t)).div(d("1.04").pow(t));
    const residual = d(-1000).mul(d("1.02").pow(20)).div(d("1.04").pow(20));
    expectClose(lcc.presentValue, r(0).plus(r(7)).plus(r(14)).plus(residual).toString(), 1e-30);
    expectClose(lcc.byKind.residual!, residual.toString(), 1e-30);
  });

  it("starts at `at`: life 5 from year 3 over 12 years → 3 and 8; the copy of year 8 has 1 year left → residual 1/5", () => {
    expect(occurrenceYears({ at: 3, life: 5 }, 12, 0)).toEqual([3, 8]);
    expect(unusedLifeYears({ at: 3, life: 5 }, 12)).toBe(1);
  });

  it("a life longer than the period: one copy in year 0, the unused part returned as residual value", () => {
    // life 25 over 10 years: 15 of 25 years unused → 60 % of 1000 back in year 10
    const lcc = lifecycleCost([cost({ amount: 1000, life: 25 })], 10, d(0));
    expectExact(lcc.nominalTotal, 400);
    expectExact(lcc.byKind.residual!, -600);
  });

  it("emission items with a life occur the same way and carry no residual", () => {
    const e = alternativeEmissions([emission({ quantity: 100, kgPerUnit: 1, life: 7 })], 20);
    expectExact(e.totalKg, 300); // years 0, 7, 14
    expect([0, 7, 14].map((t) => e.byYear[t]!.toNumber())).toEqual([100, 100, 100]);
  });

  it("without a life, `every` keeps its meaning: every 10 over 20 years is years 10 and 20", () => {
    expect(occurrenceYears({ every: 10 }, 20, 0)).toEqual([10, 20]);
    expect(unusedLifeYears({ every: 10 }, 20)).toBe(0);
  });
});
