import { describe, expect, it } from "vitest";
import { alternativeEmissions, defaultEmissionAt, itemYears, occurrenceKg } from "../../src/core/emissions.js";
import { emission } from "./builders.js";
import { expectExact } from "./expect-decimal.js";

describe("occurrenceKg: quantity × factor × count", () => {
  it("1.2 t of steel at 118.79 kg/t is 142.548 kg", () => {
    // 1.2 × 118.79 = 142.548
    expectExact(occurrenceKg(emission({ quantity: "1.2", kgPerUnit: "118.79" })), "142.548");
  });
  it("35 km × 0.25 kg/km × 4 trips = 35 kg", () => {
    expectExact(occurrenceKg(emission({ kind: "delivery", quantity: 35, kgPerUnit: "0.25", count: 4 })), 35);
  });
  it("a count of 0 emits nothing", () => {
    expectExact(occurrenceKg(emission({ quantity: 10, kgPerUnit: 3, count: 0 })), 0);
  });
});

describe("defaultEmissionAt and itemYears", () => {
  it("waste defaults to the end of the period, everything else to year 0", () => {
    expect(defaultEmissionAt({ kind: "waste" })).toBe("end");
    expect(defaultEmissionAt({ kind: "material" })).toBe(0);
    expect(defaultEmissionAt({ kind: "energy" })).toBe(0);
    expect(itemYears(emission({ kind: "waste", quantity: 1, kgPerUnit: 1 }), 8)).toEqual([8]);
    expect(itemYears(emission({ kind: "waste", quantity: 1, kgPerUnit: 1, at: 2 }), 8)).toEqual([2]);
    expect(itemYears(emission({ kind: "energy", quantity: 1, kgPerUnit: 1, every: 1 }), 3)).toEqual([1, 2, 3]);
  });
});

describe("alternativeEmissions", () => {
  // A: 1200 kg steel at 2 kg/kg (A1-A3, indirect)       = 2400 kg, year 0
  //    35 km × 0.25 kg/km × 4 trips (A4, direct)        =   35 kg, year 0
  //    2 t paper to landfill at 1000 kg/t (C, indirect) = 2000 kg, year N
  //    5000 kWh/yr × 0.02 kg/kWh, every year (B)        =  100 kg × 10 years
  //    site machinery 10 h × 3 kg/h (A5, direct)        =   30 kg, year 0
  //    recycling credit −500 kg (D)                      = −500 kg, not in totals
  const items = [
    emission({ kind: "material", quantity: 1200, kgPerUnit: 2 }),
    emission({ kind: "delivery", quantity: 35, kgPerUnit: "0.25", count: 4 }),
    emission({ kind: "waste", quantity: 2, kgPerUnit: 1000 }),
    emission({ kind: "energy", quantity: 5000, kgPerUnit: "0.02", every: 1 }),
    emission({ kind: "machinery", quantity: 10, kgPerUnit: 3 }),
    emission({ kind: "material", quantity: 500, kgPerUnit: -1, stage: "D" }),
  ];
  const result = alternativeEmissions(items, 10);

  it("sums by stage, with stage D on its own", () => {
    expectExact(result.byStage["A1-A3"], 2400);
    expectExact(result.byStage.A4, 35);
    expectExact(result.byStage.A5, 30);
    // 100 kg × 10 years
    expectExact(result.byStage.B, 1000);
    expectExact(result.byStage.C, 2000);
    expectExact(result.byStage.D, -500);
  });

  it("leaves stage D out of the total: 2400 + 35 + 30 + 1000 + 2000 = 5465", () => {
    expectExact(result.totalKg, 5465);
  });

  it("splits direct (delivery 35 + machinery 30 = 65) from indirect (5400)", () => {
    expectExact(result.directKg, 65);
    expectExact(result.indirectKg, 5400);
  });

  it("spreads emissions over the years, D excluded", () => {
    // year 0: 2400 + 35 + 30 = 2465; years 1..9: 100; year 10: 100 + 2000 = 2100
    expect(result.byYear.map(Number)).toEqual([2465, 100, 100, 100, 100, 100, 100, 100, 100, 100, 2100]);
  });

  it("reports every item, D included, with its kg over the whole period", () => {
    expect(result.items.map((i) => [i.kind, i.stage, i.scope, Number(i.kg)])).toEqual([
      ["material", "A1-A3", "indirect", 2400],
      ["delivery", "A4", "direct", 35],
      ["waste", "C", "indirect", 2000],
      ["energy", "B", "indirect", 1000],
      ["machinery", "A5", "direct", 30],
      ["material", "D", "indirect", -500],
    ]);
  });

  it("a direct item in stage D counts in neither direct nor total", () => {
    const r = alternativeEmissions([emission({ kind: "delivery", quantity: 10, kgPerUnit: 1, stage: "D" })], 2);
    expectExact(r.directKg, 0);
    expectExact(r.totalKg, 0);
    expectExact(r.byStage.D, 10);
    expect(r.byYear.map(Number)).toEqual([0, 0, 0]);
  });

  it("an explicit scope overrides the kind's default", () => {
    const r = alternativeEmissions([emission({ kind: "material", quantity: 10, kgPerUnit: 1, scope: "direct" })], 0);
    expectExact(r.directKg, 10);
    expectExact(r.indirectKg, 0);
  });

  it("no items: zero everywhere, one year slot per year 0..N", () => {
    const r = alternativeEmissions([], 4);
    expectExact(r.totalKg, 0);
    expect(r.byYear).toHaveLength(5);
    expect(Object.values(r.byStage).every((v) => v.isZero())).toBe(true);
  });
});
