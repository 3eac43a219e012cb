import { describe, expect, it } from "vitest";
import { carbonCostPresentValue, evaluateCase } from "../../src/core/evaluate.js";
import type { RankingMethod } from "../../src/core/types.js";
import { alternative, cost, d, emission, resolvedCase } from "./builders.js";
import { expectClose, expectExact } from "./expect-decimal.js";

// Start 2026, N = 10, 4 %, carbon price 1500 NOK/t in 2026 rising linearly to 2000 in 2030, flat after.
// A: 2000 kg in year 0; bought for 100 000 NOK.
// B: 1000 kg in year 0 + 500 kWh × 0.1 kg/kWh = 50 kg a year in years 1..10 (total 1500 kg);
//    bought for 110 000 NOK, residual value 5 000 NOK in year 10.
// C: 3000 kg in year 0, declared "recycle"; bought for 120 000 NOK.
const carbonPrice = new Map([
  [2026, d(1500)],
  [2030, d(2000)],
]);
const A = alternative("A", { emissions: [emission({ quantity: 2000, kgPerUnit: 1 })], costs: [cost({ amount: 100000 })] });
const B = alternative("B", {
  emissions: [emission({ quantity: 1000, kgPerUnit: 1 }), emission({ kind: "energy", quantity: 500, kgPerUnit: "0.1", every: 1 })],
  costs: [cost({ amount: 110000 }), cost({ kind: "residual", amount: 5000 })],
});
const C = alternative("C", { wasteLevel: "recycle", emissions: [emission({ quantity: 3000, kgPerUnit: 1 })], costs: [cost({ amount: 120000 })] });
const theCase = (ranking: RankingMethod = "waste-pyramid") => resolvedCase([A, B, C], { carbonPrice, ranking });

describe("carbonCostPresentValue: Σ kg_t / 1000 × price(startYear + t) / (1+r)^t", () => {
  it("2 t in year 0 at 1 500 NOK/t → 3 000 NOK", () => {
    expectExact(carbonCostPresentValue([d(2000)], { startYear: 2026, discountRate: d("0.04"), carbonPrice }), 3000);
  });
  it("1 t in 2028 (year 2) at the interpolated 1 750 NOK/t, discounted 2 years at 4 %", () => {
    // 1 × 1750 / 1.04² = 1750 / 1.0816 = 1617.9733727810650887573964…
    expectClose(carbonCostPresentValue([d(0), d(0), d(1000)], { startYear: 2026, discountRate: d("0.04"), carbonPrice }), "1617.973372781065088757396450");
  });
});

describe("evaluateCase", () => {
  const result = evaluateCase(theCase());
  const byId = (id: string) => result.alternatives.find((a) => a.id === id)!;

  it("adds the carbon cost to the present value when a carbon price is set", () => {
    // A: 2 t × 1500 = 3000; PV 100000 → 103000
    expectExact(byId("A").lcc.carbonCostPresentValue!, 3000);
    expectExact(byId("A").lcc.presentValueWithCarbon!, 103000);
    // B: 1 t × 1500 + Σ_{t=1..10} 0.05 t × price(2026+t) / 1.04^t
    //    = 1500 + 0.05 × (1625/1.04 + 1750/1.04² + 1875/1.04³ + 2000 × Σ_{t=4..10} 1/1.04^t) = 2275.9475518772415933…
    expectClose(byId("B").lcc.carbonCostPresentValue!, "2275.947551877241593337706614");
    // PV B = 110000 − 5000/1.04^10 = 106622.1791558710057…
    expectClose(byId("B").lcc.presentValue, "106622.1791558710057173991274");
    expectClose(byId("B").lcc.presentValueWithCarbon!, "108898.1267077482473107368340");
    // EAC B = 106622.179… × 0.04 / (1 − 1.04^−10) = 13145.549154664333…
    expectClose(byId("B").lcc.equivalentAnnualCost, "13145.54915466433340491046146");
  });

  it("has no carbon cost fields without a carbon price", () => {
    const plain = evaluateCase(resolvedCase([A, B]));
    expect(plain.alternatives[0]!.lcc.carbonCostPresentValue).toBeUndefined();
    expect(plain.alternatives[0]!.lcc.presentValueWithCarbon).toBeUndefined();
  });

  it("ranks by the waste pyramid by default: the undominated first (by CO2e, none has a declared level), then C, dominated despite its declared level", () => {
    // C (recycle, 3000 kg, 120 000 NOK) is dominated by A (2000 kg, 100 000 NOK): it follows the undominated B (1500 kg) and A (2000 kg)
    expect(result.ranking).toEqual({ method: "waste-pyramid", order: ["B", "A", "C"] });
    expect([byId("B").rank, byId("A").rank, byId("C").rank]).toEqual([1, 2, 3]);
    expect(byId("C").wasteLevelSource).toBe("declared");
    expect(byId("A").wasteLevel).toBeNull();
  });

  it("says why C, with a better level, ranks below A and B: dominated by B (the best-ranked of its dominators), 1 500 kg more CO2e and NOK 13 377.82 more", () => {
    const note = byId("C").rankNote!;
    expect(note.by).toBe("B");
    expectExact(note.moreKg, 1500); // 3000 − 1500
    expectClose(note.morePresentValue, "13377.8208441289942826008726"); // 120 000 − 106 622.1791558710057173991274
    expect(byId("A").rankNote).toBeNull();
    expect(byId("B").rankNote).toBeNull();
    expect(byId("C").dominatedBy.map((x) => x.by)).toEqual(["A", "B"]);
  });

  it("gives no rank note under the other methods, where dominance does not move an alternative", () => {
    for (const method of ["emissions", "lcc", "lcc-with-carbon"] as const) {
      expect(evaluateCase(theCase(method)).alternatives.every((a) => a.rankNote === null)).toBe(true);
    }
  });

  it("ranks by each of the four methods", () => {
    const order = (m: RankingMethod) => evaluateCase(theCase(m)).ranking.order;
    // emissions: B 1500 < A 2000 < C 3000
    expect(order("emissions")).toEqual(["B", "A", "C"]);
    // lcc: A 100000 < B 106622 < C 120000
    expect(order("lcc")).toEqual(["A", "B", "C"]);
    // lcc-with-carbon: A 103000 < B 108898 < C 124500
    expect(order("lcc-with-carbon")).toEqual(["A", "B", "C"]);
  });

  it("marks C dominated by A (more CO2e and dearer); A and B trade off", () => {
    expect(result.alternatives.map((a) => [a.id, a.dominated])).toEqual([
      ["A", false],
      ["B", false],
      ["C", true],
    ]);
  });

  it("compares with the first alternative by default", () => {
    const [b, c] = result.comparison;
    expect(b!.id).toBe("B");
    expect(b!.baseline).toBe("A");
    expectExact(b!.deltaKg, -500);
    // 6622.179155871005717… / 0.5 t = 13244.358311742011434…
    expectClose(b!.abatementCostPerTonne!, "13244.35831174201143479825477");
    // B's cumulative cost is 110000 until the residual in year 10 (106622) — always above A's 100000
    expect(b!.paybackYear).toBeNull();
    expect(c!.id).toBe("C");
    expect(c!.abatementCostPerTonne).toBeNull();
  });

  it("is pure: evaluating twice gives equal results", () => {
    expect(evaluateCase(theCase())).toEqual(evaluateCase(theCase()));
  });
});
