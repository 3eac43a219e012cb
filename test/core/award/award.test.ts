import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { evaluateAward, type AwardFigures } from "../../../src/core/award/award.js";
import type { AwardModel, ResolvedAward, ResolvedAwardCriterion } from "../../../src/core/types.js";
import { expectExact } from "../expect-decimal.js";

const d = (v: string | number) => new Decimal(v);
const linear = (zeroAt: number): AwardModel => ({ type: "linear", zeroAt: d(zeroAt) });
const period = { startYear: 2026, years: 2 };
const path = new Map([[2026, d(2000)], [2030, d(2400)]]);
const award = (criteria: ResolvedAwardCriterion[], extra: Partial<ResolvedAward> = {}): ResolvedAward => ({ maxPoints: d(10), criteria, useMarkedUp: false, reference: { source: "case", prices: path }, ...extra });
const figures = (id: string, price: number, tonnes: number, more: Partial<AwardFigures> = {}): AwardFigures => ({ id, price: d(price), lcc: d(price), totalKg: d(tonnes * 1000), lccWithCarbon: d(price), ...more });

describe("award totals, ranks and rankings", () => {
  it("70/30 linear: totals 8, 8.3 and 7.9 by hand; B first, A second, C third", () => {
    // Price (best 1 000 000, z 2): A 10, B 9, C 7 → × 0.7: 7, 6.3, 4.9. Climate (best 30 t): A 3.33, B 6.67, C 10 → × 0.3: 1, 2, 3.
    const result = evaluateAward(
      award([{ kind: "price", weight: d(70), model: linear(2) }, { kind: "climate", weight: d(30), model: linear(2) }]),
      [figures("A", 1_000_000, 50), figures("B", 1_100_000, 40), figures("C", 1_300_000, 30)],
      period,
    );
    expect(result.bids.map((b) => [b.id, b.points.price!.toNumber(), b.weighted.price!.toNumber(), b.weighted.climate!.toNumber(), b.total.toNumber(), b.rank])).toEqual([
      ["A", 10, 7, 1, 8, 2],
      ["B", 9, 6.3, 2, 8.3, 1],
      ["C", 7, 4.9, 3, 7.9, 3],
    ]);
    expect(result.rankings.points).toEqual(["B", "A", "C"]);
    expect(result.rankings.emissions).toEqual(["C", "B", "A"]);
    expect(result.bids[2]!.values.climate!.toNumber()).toBe(30_000);
  });

  it("equal totals share a rank and the next skips (1, 1, 3); the points ranking keeps the case order among them", () => {
    // All at the same price: 10 price points each, × 0.5 = 5. Quality 8, 8, 6 × 0.5 → totals 9, 9, 8.
    const quality: ResolvedAwardCriterion = { kind: "quality", weight: d(50), points: new Map([["A", d(8)], ["B", d(8)], ["C", d(6)]]) };
    const result = evaluateAward(award([{ kind: "price", weight: d(50), model: linear(2) }, quality]), [figures("C", 100, 1), figures("A", 100, 1), figures("B", 100, 1)], period);
    expect(result.bids.map((b) => [b.id, b.total.toNumber(), b.rank])).toEqual([
      ["C", 8, 3],
      ["A", 9, 1],
      ["B", 9, 1],
    ]);
    expect(result.rankings.points).toEqual(["A", "B", "C"]);
  });

  it("LCC scores the present value, and useMarkedUp scores the marked-up CO2e (the plain total where none is given)", () => {
    const result = evaluateAward(
      award([{ kind: "lcc", weight: d(70), model: { type: "proportional" } }, { kind: "climate", weight: d(30), model: { type: "proportional" } }], { useMarkedUp: true }),
      [figures("A", 100, 10, { lcc: d(200), markedUpKg: d(12_000) }), figures("B", 100, 10, { lcc: d(250) })],
      period,
    );
    expect(result.bids.map((b) => [b.values.lcc!.toNumber(), b.values.climate!.toNumber(), b.points.lcc!.toNumber()])).toEqual([
      [200, 12_000, 10],
      [250, 10_000, 8],
    ]);
    expect(result.rankings.lcc).toEqual(["A", "B"]);
  });

  it("the reference: the path's price in the start year and its range over the period (2 000; 2 000 to 2 200)", () => {
    const result = evaluateAward(award([{ kind: "price", weight: d(100), model: linear(2) }]), [figures("A", 1, 1)], period);
    expect(result.reference.source).toBe("case");
    expect(result.reference.year).toBe(2026);
    expectExact(result.reference.nokPerTonne, 2000);
    expectExact(result.reference.min, 2000);
    expectExact(result.reference.max, 2200);
  });
});

describe("award notes", () => {
  const twoBids = [figures("A", 1_000_000, 50, { lccWithCarbon: d(1_100_000) }), figures("B", 1_100_000, 40, { lccWithCarbon: d(1_150_000) })];

  it("climate below 30 % or missing: § 7-9 note with the weight", () => {
    const low = evaluateAward(award([{ kind: "price", weight: d(80), model: linear(2) }, { kind: "climate", weight: d(20), model: linear(2) }]), twoBids, period);
    expect(low.notes.find((n) => n.code === "climate-weight-below-30")?.params).toEqual({ weight: "20" });
    const none = evaluateAward(award([{ kind: "price", weight: d(100), model: linear(2) }]), twoBids, period);
    expect(none.notes.find((n) => n.code === "climate-weight-below-30")?.params).toEqual({ weight: "0" });
    const enough = evaluateAward(award([{ kind: "price", weight: d(70), model: linear(2) }, { kind: "climate", weight: d(30), model: linear(2) }]), twoBids, period);
    expect(enough.notes.some((n) => n.code === "climate-weight-below-30")).toBe(false);
  });

  it("an implied price over twice the reference is far above; the ranking by points differs from LCC with carbon", () => {
    // Climate (best 40 t, z 2): B 10, A 10 × (80 − 50)/40 = 7.5 → lead 0.3 × 2.5 = 0.75. B is not the cheapest:
    // ΔC = 0.75 × 100/70 × 1 000 000 / 10 = 107 142.857… kr, over 10 t = 10 714.29 kr/t > 2 × 2 000.
    const result = evaluateAward(award([{ kind: "price", weight: d(70), model: linear(2) }, { kind: "climate", weight: d(30), model: linear(2) }]), twoBids, period);
    const far = result.notes.find((n) => n.code === "carbon-price-far-above")!;
    expect(far.params.lower).toBe("B");
    expect(far.params.higher).toBe("A");
    expect(Number(far.params.implied)).toBeCloseTo(10_714.2857, 3);
    expect(far.params.reference).toBe("2000");
    // points: A 7 + 2.25 = 9.25, B 6.3 + 3 = 9.3 → B, A; LCC with carbon A, B
    expect(result.notes.find((n) => n.code === "ranking-differs")?.params).toEqual({ points: "B, A", lccWithCarbon: "A, B" });
  });

  it("an implied price under half the reference is far below", () => {
    // Climate z 100 (best 40 t): B 10, A 10 × (4 000 − 50)/(99 × 40) = 9.9747… → lead 0.3 × 0.02525… = 0.0075757…;
    // ΔC = 0.0075757… × 100/70 × 1 000 000/10 = 1 082.25 kr → 108.2 kr/t < 1 000.
    const result = evaluateAward(award([{ kind: "price", weight: d(70), model: linear(2) }, { kind: "climate", weight: d(30), model: linear(100) }]), twoBids, period);
    const note = result.notes.find((n) => n.code === "carbon-price-far-below")!;
    expect(Number(note.params.implied)).toBeCloseTo(((0.3 * 10 * 10) / (99 * 40)) * (100 / 70) * 100_000 / 10, 6);
  });
});
