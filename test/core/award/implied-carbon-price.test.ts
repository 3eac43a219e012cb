import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { evaluateAward, type AwardFigures } from "../../../src/core/award/award.js";
import type { AwardModel, ResolvedAward, ResolvedAwardCriterion } from "../../../src/core/types.js";
import { expectExact } from "../expect-decimal.js";

const d = (v: string | number) => new Decimal(v);
const bid = (id: string, price: number, tonnes: number | string): AwardFigures => ({ id, price: d(price), lcc: d(price), totalKg: d(tonnes).mul(1000), lccWithCarbon: d(price) });
const linear = (zeroAt: number): AwardModel => ({ type: "linear", zeroAt: d(zeroAt) });
const award = (criteria: ResolvedAwardCriterion[]): ResolvedAward => ({ maxPoints: d(10), criteria, useMarkedUp: false, reference: { source: "r109", prices: new Map([[2026, d(2000)]]) } });
const period = { startYear: 2026, years: 10 };
const price = (weight: number, model: AwardModel): ResolvedAwardCriterion => ({ kind: "price", weight: d(weight), model });
const climate = (weight: number, model: AwardModel): ResolvedAwardCriterion => ({ kind: "climate", weight: d(weight), model });

describe("implied carbon price between bids adjacent by CO2e", () => {
  it("70/30, both linear with zero at 2 × best: 100 000 / 7 NOK per tonne between each pair, by hand", () => {
    // A 1 000 000 kr / 50 t, B 1 100 000 kr / 40 t, C 1 300 000 kr / 30 t.
    // Climate points (best 30 t): C 10, B 10 × (60 − 40)/30 = 6.67, A 10 × (60 − 50)/30 = 3.33; weighted × 0.3: 3, 2, 1.
    // C leads B by 1 weighted point. C is not the cheapest, so the price line's slope holds:
    //   ΔC = 1 × 100/70 × (2 − 1) × 1 000 000 / 10 = 142 857.142857… kr; saved 10 t → 14 285.714… kr/t = 100 000/7.
    const result = evaluateAward(award([price(70, linear(2)), climate(30, linear(2))]), [bid("A", 1_000_000, 50), bid("B", 1_100_000, 40), bid("C", 1_300_000, 30)], period);
    expect(result.impliedCarbonPrices.map((p) => [p.lower, p.higher, p.savedKg.toNumber(), p.reason])).toEqual([
      ["C", "B", 10_000, null],
      ["B", "A", 10_000, null],
    ]);
    for (const p of result.impliedCarbonPrices) expectExact(p.nokPerTonne!.toDecimalPlaces(20), d(100_000).div(7).toDecimalPlaces(20).toString());
  });

  it("proportional price, the lower bid the cheapest: found by bisection to the least whole øre", () => {
    // L 100 000 kr / 10 t, H 120 000 kr / 17.5 t. Climate linear z 2 (best 10 t): L 10, H 10 × (20 − 17.5)/10 = 2.5 → weighted 3 and 0.75, lead 2.25.
    // L's weighted price points 7 must fall to 4.75. Up to 120 000 kr L stays the best (10 points);
    // beyond, best = 120 000: 7 × 120 000 / v ≤ 4.75 ⇔ v ≥ 176 842.105263… → least øre 176 842.11, ΔC = 76 842.11 kr.
    // Saved 7.5 t → 76 842.11 / 7.5 = 10 245.614666… kr/t.
    const result = evaluateAward(award([price(70, { type: "proportional" }), climate(30, linear(2))]), [bid("L", 100_000, 10), bid("H", 120_000, "17.5")], period);
    const [p] = result.impliedCarbonPrices;
    expect(p!.reason).toBeNull();
    expectExact(p!.nokPerTonne!, d("76842.11").div("7.5").toString());
  });

  it("proportional price where the bound is met exactly: ΔC 110 000 kr, 11 000 kr/t", () => {
    // L 100 000 / 10 t, H 120 000 / 20 t: climate L 10, H 0 → lead 3; 7 × 120 000 / v ≤ 4 ⇔ v ≥ 210 000 → ΔC 110 000; saved 10 t.
    const result = evaluateAward(award([price(70, { type: "proportional" }), climate(30, linear(2))]), [bid("L", 100_000, 10), bid("H", 120_000, 20)], period);
    expectExact(result.impliedCarbonPrices[0]!.nokPerTonne!, 11_000);
  });

  it("interval price bands: the least øre over the band's limit, 10 000.01 kr over 10 t = 1 000.001 kr/t", () => {
    // Bands: ≤ 150 000 → 10, ≤ 200 000 → 5, ≤ 300 000 → 2. L 140 000 kr (10 points, weighted 7), 10 t; H 160 000 kr, 20 t.
    // Climate lead 3 (as above): L's weighted points must reach 4, i.e. points ≤ 5.71 → the 5-point band, first reached at 150 000.01 kr.
    const bands: AwardModel = { type: "intervals", bands: [{ upTo: d(150_000), points: d(10) }, { upTo: d(200_000), points: d(5) }, { upTo: d(300_000), points: d(2) }] };
    const result = evaluateAward(award([price(70, bands), climate(30, linear(2))]), [bid("L", 140_000, 10), bid("H", 160_000, 20)], period);
    expectExact(result.impliedCarbonPrices[0]!.nokPerTonne!, "1000.001");
  });

  it("a lead the price points cannot make up, equal climate points and equal CO2e each give their reason", () => {
    // Price 50 linear z 2 (best X 100 000): L at 190 000 has 1 point, weighted 0.5; climate 50 linear z 2 (best 10 t): L 10, H 0, X 0.
    // L leads H by 5 weighted points, more than its 0.5: no price makes it up. H and X both have 0 climate points: 0 kr/t.
    const result = evaluateAward(award([price(50, linear(2)), climate(50, linear(2))]), [bid("L", 190_000, 10), bid("H", 150_000, 20), bid("X", 100_000, 30), bid("Y", 120_000, 30)], period);
    expect(result.impliedCarbonPrices.map((p) => [p.lower, p.higher, p.nokPerTonne?.toNumber() ?? null, p.reason])).toEqual([
      ["L", "H", null, "lead-exceeds-price-points"],
      ["H", "X", 0, "same-points"],
      ["X", "Y", null, "same-emissions"],
    ]);
  });

  it("without a climate criterion there is nothing to price: the list is empty", () => {
    const result = evaluateAward(award([price(100, linear(2))]), [bid("A", 100, 1), bid("B", 200, 2)], period);
    expect(result.impliedCarbonPrices).toEqual([]);
  });
});
