/**
 * The finance view (src/case/finance-view.ts): the R-109 path's constant
 * equivalent by its worked example, and what financeView puts together for
 * a small case on the bundled factors: the default pair, a chosen pair,
 * the path for the case's years, the path beside each break-even price,
 * and the draws only when asked for.
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { bundledCarbonPath } from "../../src/case/carbon-path.js";
import { financeView, pathEquivalent, pathValue, type OkEvaluation } from "../../src/case/finance-view.js";
import { carbonPriceIn } from "../../src/core/carbon-price.js";
import { Decimal } from "../../src/core/decimal.js";
import type { ResolvedCase } from "../../src/core/types.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { expectClose } from "../core/expect-decimal.js";

const library = loadFactorLibrary();
const perYear = (kg: number) => ({ factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit`, every: 1 });

/** A (baseline) 2 000 kg a year for 1 000 + 500 a year; B 400 kg a year for 2 000 + 100 a year; C as A's emissions for 1 600 + 100 a year. Flat 4 %, 2026–2028. */
const SMALL = {
  schema: "kalkyle.case/1",
  title: "Kjel eller varmepumpe",
  analysis: { startYear: 2026, years: 2, discountRate: 0.04 },
  baseline: "A",
  ranking: "lcc",
  alternatives: [
    { id: "A", name: "Gammel kjel", emissions: [{ label: "Drift", kind: "fixed", ...perYear(2000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1000 }, { label: "Strøm", kind: "energy", amount: 500, every: 1 }] },
    { id: "B", name: "Varmepumpe", emissions: [{ label: "Drift", kind: "fixed", ...perYear(400) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 2000 }, { label: "Strøm", kind: "energy", amount: 100, every: 1 }] },
    { id: "C", name: "Ny kjel", emissions: [{ label: "Drift", kind: "fixed", ...perYear(2000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1600 }, { label: "Strøm", kind: "energy", amount: 100, every: 1 }] },
  ],
};

function evaluated(doc: unknown = SMALL): OkEvaluation {
  const e = evaluateDocument(doc, library);
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return e;
}

const FLAT_4 = { discountRate: new Decimal("0.04") } as unknown as ResolvedCase;

describe("the R-109 path as a constant price", () => {
  it("ΔT = [2, 0, 1] t at 1 000, 1 500, 2 000 NOK/t and 4 %: (2 000 + 2 000/1.0816) / (2 + 1/1.0816) = 3 849.11 / 2.924556 = 1 316.14", () => {
    const kg = (values: number[]) => values.map((v) => new Decimal(v));
    const path = [1000, 1500, 2000].map((p, year) => ({ year, calendarYear: 2026 + year, nokPerTonne: new Decimal(p) }));
    const p = pathEquivalent(kg([2000, 0, 1000]), kg([0, 0, 0]), path, FLAT_4)!;
    expectClose(p, "1316.13556", 1e-8);
  });

  it("is the path's price itself when the path is flat, whatever the tonnes", () => {
    const path = [0, 1, 2].map((year) => ({ year, calendarYear: 2026 + year, nokPerTonne: new Decimal(1500) }));
    expectClose(pathEquivalent([7, 300, 12].map((v) => new Decimal(v)), [0, 0, 0].map((v) => new Decimal(v)), path, FLAT_4)!, 1500, 1e-30);
  });

  it("has none when the alternative emits more in one year and less in another (the average would leave the path), while the path's value in kroner stays", () => {
    // ΔT = [−43, 10, 10] t: (−43 × 1 000 + 10 × 1 500 / 1.04 + 10 × 2 000 / 1.0816) / (−43 + 10/1.04 + 10/1.0816) lies far above 2 000
    const kg = (values: number[]) => values.map((v) => new Decimal(v));
    const path = [1000, 1500, 2000].map((p, year) => ({ year, calendarYear: 2026 + year, nokPerTonne: new Decimal(p) }));
    expect(pathEquivalent(kg([0, 10_000, 10_000]), kg([43_000, 0, 0]), path, FLAT_4)).toBeNull();
    const value = new Decimal(-43_000).plus(new Decimal(15_000).div("1.04")).plus(new Decimal(20_000).div("1.0816"));
    expectClose(pathValue(kg([0, 10_000, 10_000]), kg([43_000, 0, 0]), path, FLAT_4), value, 1e-30);
  });

  it("has none when the avoided tonnes discount to zero", () => {
    const path = [0, 1, 2].map((year) => ({ year, calendarYear: 2026 + year, nokPerTonne: new Decimal(1500) }));
    expect(pathEquivalent([1, 1, 1].map((v) => new Decimal(v)), [1, 1, 1].map((v) => new Decimal(v)), path, FLAT_4)).toBeNull();
  });
});

describe("financeView of a small case", () => {
  it("compares the baseline with the best-ranked other alternative by default, and a chosen pair when two different ones are given", () => {
    // ranked by LCC: C 1 788.61, A 1 943.05, B 2 188.61 → the best other than A is C
    const e = evaluated();
    expect(e.core.ranking.order).toEqual(["C", "A", "B"]);
    const byDefault = financeView(e, { percent: 10, samples: 0, costPercent: 10 });
    expect(byDefault.pair).toEqual({ a: "A", b: "C" });
    expect([byDefault.sensitivity?.a, byDefault.sensitivity?.b]).toEqual(["A", "C"]);
    expect(financeView(e, { a: "B", b: "C", percent: 10, samples: 0, costPercent: 10 }).pair).toEqual({ a: "B", b: "C" });
    expect(financeView(e, { a: "B", b: "B", percent: 10, samples: 0, costPercent: 10 }).pair).toEqual({ a: "A", b: "C" });
  });

  it("gives the factor set's path for each year of the period, and beside each break-even price the path's equivalent for that alternative", () => {
    const e = evaluated();
    const view = financeView(e, { percent: 10, samples: 0, costPercent: 10 });
    const found = bundledCarbonPath(e.context.set.economics, "default", e.context.priceYear);
    if (!found.ok) throw new Error("the bundled set has a path");
    expect(view.carbonPath!.years.map((y) => [y.year, y.calendarYear])).toEqual([[0, 2026], [1, 2027], [2, 2028]]);
    for (const y of view.carbonPath!.years) expect(y.nokPerTonne.toString()).toBe(carbonPriceIn(found.prices, y.calendarYear).toString());
    // B avoids 1.6 t a year, the same every year, so its path equivalent is the path's prices of years 1 and 2 weighted 1/1.04 : 1/1.0816
    const b = view.measures.find((m) => m.id === "B")!;
    const [, p1, p2] = view.carbonPath!.years.map((y) => y.nokPerTonne);
    const w1 = new Decimal(1).div("1.04");
    const w2 = new Decimal(1).div("1.0816");
    expectClose(b.pathEquivalent!, p1!.mul(w1).plus(p2!.mul(w2)).div(w1.plus(w2)), 1e-25);
    // C emits as much as A: no break-even price, and so nothing beside it
    const c = view.measures.find((m) => m.id === "C")!;
    expect([c.breakEvenCarbonPrice, c.pathEquivalent, c.reasons.breakEvenCarbonPrice]).toEqual([null, null, "avoids-nothing"]);
  });

  it("draws only when asked for, and the same seed gives the same figures", () => {
    const e = evaluated();
    expect(financeView(e, { percent: 10, samples: 0, seed: 1, costPercent: 10 }).uncertainty).toBeNull();
    expect(financeView(e, { percent: 10, samples: 500, costPercent: 10 }).uncertainty).toBeNull();
    const once = financeView(e, { percent: 10, samples: 500, seed: 9, costPercent: 10 }).uncertainty!;
    expect([once.samples, once.seed]).toEqual([500, 9]);
    expect(financeView(e, { percent: 10, samples: 500, seed: 9, costPercent: 10 }).uncertainty).toEqual(once);
  });

  it("has no pair, no measures and no sensitivity for a case with one alternative", () => {
    const single = { ...SMALL, alternatives: [SMALL.alternatives[0]] };
    const view = financeView(evaluated(single), { percent: 10, samples: 100, seed: 1, costPercent: 10 });
    expect([view.pair, view.sensitivity, view.measures]).toEqual([null, null, []]);
    expect(view.cashFlows.map((f) => f.id)).toEqual(["A"]);
  });
});
