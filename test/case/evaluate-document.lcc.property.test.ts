/**
 * Laws of the lifecycle cost on random valid cases against the fixture set:
 * discounting is monotone, rate 0 gives the nominal total, N = 0 gives the
 * year-0 costs. Each property runs ≥ 1000 cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ZERO } from "../../src/core/decimal.js";
import { caseSpec, type CaseSpec } from "./case-arbitrary.js";
import { RUNS, evaluateSpec, nearlyEqual } from "./property-support.js";

describe("discounting", () => {
  it("a higher discount rate never raises the present value of positive future costs", () => {
    const rates = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([a, b]) => [Math.min(a, b) / 1000, Math.max(a, b) / 1000] as const);
    fc.assert(
      fc.property(caseSpec, rates, (spec, [low, high]) => {
        // a residual value is a negative cost: write it as "other" so every cost is positive
        const positive: CaseSpec = { ...spec, alternatives: spec.alternatives.map((a) => ({ ...a, costs: a.costs.map((c) => (c.kind === "residual" ? { ...c, kind: "other" as const } : c)) })) };
        const pvLow = evaluateSpec(positive, { discountRate: low }).core.alternatives.map((a) => a.lcc.presentValue);
        const pvHigh = evaluateSpec(positive, { discountRate: high }).core.alternatives.map((a) => a.lcc.presentValue);
        pvLow.forEach((pv, i) => expect(pvHigh[i]!.lte(pv), `PV at ${high} (${pvHigh[i]}) ≤ PV at ${low} (${pv})`).toBe(true));
      }),
      RUNS,
    );
  });
});

describe("identities", () => {
  it("discount rate 0 → present value = nominal total", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        for (const alt of evaluateSpec(spec, { discountRate: 0 }).core.alternatives) {
          expect(nearlyEqual(alt.lcc.presentValue, alt.lcc.nominalTotal), `${alt.lcc.presentValue} = ${alt.lcc.nominalTotal}`).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("N = 0 → present value = the year-0 costs (residual values negative), and EAC = PV", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const { core } = evaluateSpec(spec, { years: 0 });
        spec.alternatives.forEach((a, i) => {
          // With N = 0 a one-off happens in year 0 wherever it was put; a recurring item only when it starts at 0 ("at" given).
          const year0 = a.costs.filter((c) => c.timing.every === undefined || c.timing.at !== undefined);
          const expected = year0.reduce((acc, c) => acc.plus(c.kind === "residual" ? -c.amount : c.amount), ZERO);
          const lcc = core.alternatives[i]!.lcc;
          expect(lcc.presentValue.eq(expected), `${lcc.presentValue} = ${expected}`).toBe(true);
          expect(lcc.equivalentAnnualCost.eq(lcc.presentValue)).toBe(true);
        });
      }),
      RUNS,
    );
  });
});
