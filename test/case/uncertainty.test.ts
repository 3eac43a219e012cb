/**
 * The Monte Carlo inputs of a case: the same cost in several alternatives
 * (the same contract) is one input drawn once, so it moves both alike and
 * the chance that one alternative beats the other is decided by what
 * differs between them.
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { uncertaintyBlock } from "../../src/case/uncertainty.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

const contract = { label: "Kjøretjeneste", kind: "operation", amount: 1_000_000, every: 1 };

/** A pays the contract and 20 000 a year more for fuel; B the same contract only. */
function block(bContract: object) {
  const e = evaluateDocument(
    {
      schema: "kalkyle.case/1",
      title: "Levering",
      analysis: { startYear: 2026, years: 5, discountRate: 0.04 },
      alternatives: [
        { id: "A", name: "Diesel", costs: [contract, { label: "Drivstoff", kind: "energy", amount: 20_000, every: 1 }] },
        { id: "B", name: "El", costs: [bContract] },
      ],
    },
    loadFactorLibrary(),
  );
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return uncertaintyBlock(e.resolved, e.context, { samples: 2000, seed: 7, costPercent: 10 });
}

describe("shared costs in the Monte Carlo", () => {
  it("the same contract in both alternatives is one input, whatever its label: B (without A's fuel) is cheaper in every draw", () => {
    const shared = block({ ...contract, label: "Kjøretjeneste, 3 750 kr per dag" });
    expect(shared.inputs.map((i) => i.key)).toEqual(["cost:A/0,B/0", "cost:A/1"]);
    // A − B = A's fuel, 20 000 × (0.9 … 1.1) a year: always positive
    expect(shared.beatsBaseline).toEqual([{ id: "B", kg: 0, lcc: 1 }]);
  });

  it("a contract that differs in any way (here the amount by 1 krone) is drawn on its own, and then B does not always win", () => {
    const apart = block({ ...contract, amount: 1_000_001 });
    expect(apart.inputs.map((i) => i.key)).toEqual(["cost:A/0", "cost:A/1", "cost:B/0"]);
    // ±10 % of 1 000 000 a year drawn apart swamps A's 20 000 of fuel: B wins in roughly half the draws
    const share = apart.beatsBaseline[0]!.lcc;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.75);
  });
});
