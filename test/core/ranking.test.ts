import { describe, expect, it } from "vitest";
import { rankAlternatives } from "../../src/core/ranking.js";
import { point } from "./builders.js";

// A: dispose, 1000 kg, 90 000 NOK, 95 000 with carbon
// B: reuse,   3000 kg, 80 000 NOK, 110 000 with carbon
// C: recycle, 2000 kg, 70 000 NOK, 100 000 with carbon
// D: no level, 500 kg, 60 000 NOK, 60 500 with carbon
const alts = [
  point("A", 1000, 90000, { wasteLevel: "dispose", withCarbon: 95000 }),
  point("B", 3000, 80000, { wasteLevel: "reuse", withCarbon: 110000 }),
  point("C", 2000, 70000, { wasteLevel: "recycle", withCarbon: 100000 }),
  point("D", 500, 60000, { wasteLevel: null, withCarbon: 60500 }),
];

describe("rankAlternatives", () => {
  it("waste-pyramid: D dominates every other (less CO2e, cheaper), so it ranks first although it declares no level; the dominated follow by level", () => {
    expect(rankAlternatives(alts, "waste-pyramid")).toEqual(["D", "B", "C", "A"]);
  });
  it("waste-pyramid: among the undominated, declared level prevent → dispose, no level last", () => {
    // each pair trades CO2e against cost (less CO2e always costs more), so none is dominated
    const tradeOffs = [
      point("A", 1000, 90000, { wasteLevel: "dispose" }),
      point("B", 3000, 60000, { wasteLevel: "reuse" }),
      point("C", 2000, 70000, { wasteLevel: "recycle" }),
      point("D", 500, 100000),
    ];
    expect(rankAlternatives(tradeOffs, "waste-pyramid")).toEqual(["B", "C", "A", "D"]);
  });
  it("waste-pyramid: a dominated alternative never ranks first, whatever its level", () => {
    // A reuse 3 t / 80 000 NOK is dominated by B dispose 1 t / 60 000 NOK
    expect(rankAlternatives([point("A", 3000, 80000, { wasteLevel: "reuse" }), point("B", 1000, 60000, { wasteLevel: "dispose" })], "waste-pyramid")).toEqual(["B", "A"]);
  });
  it("waste-pyramid: a suggested level does not rank; it sorts with the undeclared", () => {
    // A suggests recycle (from its end-of-life lines), B declares dispose: B's declared level ranks first
    const ranked = [point("A", 1000, 90000, { wasteLevel: "recycle", suggested: true }), point("B", 2000, 80000, { wasteLevel: "dispose" })];
    expect(rankAlternatives(ranked, "waste-pyramid")).toEqual(["B", "A"]);
    // …and without the suggestion (the end-of-life line removed) nothing moves
    expect(rankAlternatives([point("A", 1000, 90000), point("B", 2000, 80000, { wasteLevel: "dispose" })], "waste-pyramid")).toEqual(["B", "A"]);
  });
  it("emissions: lowest total CO2e first", () => {
    expect(rankAlternatives(alts, "emissions")).toEqual(["D", "A", "C", "B"]);
  });
  it("lcc: lowest present value first", () => {
    expect(rankAlternatives(alts, "lcc")).toEqual(["D", "C", "B", "A"]);
  });
  it("lcc-with-carbon: lowest present value including carbon cost first", () => {
    expect(rankAlternatives(alts, "lcc-with-carbon")).toEqual(["D", "A", "C", "B"]);
  });
  it("lcc-with-carbon falls back to the plain present value when no carbon price is set", () => {
    expect(rankAlternatives([point("A", 1, 200), point("B", 1, 100)], "lcc-with-carbon")).toEqual(["B", "A"]);
  });
  it("waste-pyramid breaks a level tie by CO2e, then by present value (within the undominated and the dominated alike)", () => {
    // C (1000 kg, 800) dominates B (1000 kg, 900); A (2000 kg, 100) trades off with C
    const tied = [
      point("A", 2000, 100, { wasteLevel: "recycle" }),
      point("B", 1000, 900, { wasteLevel: "recycle" }),
      point("C", 1000, 800, { wasteLevel: "recycle" }),
    ];
    expect(rankAlternatives(tied, "waste-pyramid")).toEqual(["C", "A", "B"]);
  });
  it("emissions breaks a CO2e tie by present value; lcc breaks a cost tie by CO2e", () => {
    expect(rankAlternatives([point("A", 10, 200), point("B", 10, 100)], "emissions")).toEqual(["B", "A"]);
    expect(rankAlternatives([point("A", 20, 100), point("B", 10, 100)], "lcc")).toEqual(["B", "A"]);
  });
  it("full ties keep the order the alternatives were entered in", () => {
    const same = [point("X", 1, 1), point("Y", 1, 1), point("Z", 1, 1)];
    for (const method of ["waste-pyramid", "emissions", "lcc", "lcc-with-carbon"] as const) {
      expect(rankAlternatives(same, method)).toEqual(["X", "Y", "Z"]);
    }
  });
  it("compares decimals, not their text: 9 kg before 10 kg", () => {
    expect(rankAlternatives([point("A", 10, 0), point("B", 9, 0)], "emissions")).toEqual(["B", "A"]);
  });
});
