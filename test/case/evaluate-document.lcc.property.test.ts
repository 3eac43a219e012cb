/**
 * Laws of the lifecycle cost on random valid cases against the fixture set:
 * discounting is monotone, rate 0 gives the nominal total, and R-109's
 * declining schedule equals a flat 4 % within 40 years. Each property runs ≥ 1000 cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { caseSpec, type CaseSpec } from "./case-arbitrary.js";
import { RUNS, evaluateSpec, nearlyEqual } from "./property-support.js";

describe("discounting", () => {
  it("a higher discount rate never raises the present value of positive future costs", () => {
    const rates = fc.tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 })).map(([a, b]) => [Math.min(a, b) / 1000, Math.max(a, b) / 1000] as const);
    fc.assert(
      fc.property(caseSpec, rates, (spec, [low, high]) => {
        // a residual value is a negative cost: write it as "other", and leave out service lives (their residual value is negative too), so every cost is positive
        const positive: CaseSpec = { ...spec, alternatives: spec.alternatives.map((a) => ({ ...a, costs: a.costs.map((c) => ({ ...c, kind: c.kind === "residual" ? ("other" as const) : c.kind, timing: { ...c.timing, life: undefined } })) })) };
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

  it("flat 4 % = R-109's declining schedule for N ≤ 40 (every figure, to the last digit)", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const flat = evaluateSpec(spec, { discountRate: 0.04 }).result;
        const r109 = evaluateSpec(spec, { r109: true }).result as { analysis: Record<string, unknown> };
        expect(r109.analysis.discountRateSource).toBe("r109-declining");
        const strip = (r: unknown) => ({ ...(r as Record<string, unknown>), analysis: undefined, warnings: undefined });
        expect(strip(r109)).toEqual(strip(flat));
      }),
      RUNS,
    );
  });
});
