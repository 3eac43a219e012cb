/**
 * Laws of the emissions totals on random valid cases against the fixture set
 * (QUALITY.md, "Calculation correctness"): additivity, linearity, unit
 * invariance, monotonicity in quantity. Each property runs ≥ 1000 cases.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, sum } from "../../src/core/decimal.js";
import type { AlternativeResult } from "../../src/core/types.js";
import { caseSpec, type CaseSpec } from "./case-arbitrary.js";
import { RUNS, evaluateSpec, nearlyEqual } from "./property-support.js";

const totals = (alternatives: readonly AlternativeResult[]) => alternatives.map((a) => a.emissions.totalKg);

describe("additivity", () => {
  it("total = Σ stages except D = Σ item kg (non-D) = direct + indirect = Σ byYear; PV = Σ byYear = Σ byKind", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const { core, result } = evaluateSpec(spec);
        for (const alt of core.alternatives) {
          const e = alt.emissions;
          // a factor given by year is interpolated between given years (a third does not end): equal but for the 34th digit
          const same = e.items.some((i) => i.yearVarying) ? nearlyEqual : (a: Decimal, b: Decimal) => a.eq(b);
          const stages = sum((["A1-A3", "A4", "A5", "B", "C"] as const).map((s) => e.byStage[s]));
          const items = sum(e.items.filter((i) => i.stage !== "D").map((i) => i.kg));
          const stageD = sum(e.items.filter((i) => i.stage === "D").map((i) => i.kg));
          expect(same(e.totalKg, stages), "Σ stages").toBe(true);
          expect(same(e.totalKg, items), "Σ items").toBe(true);
          expect(same(e.totalKg, e.directKg.plus(e.indirectKg)), "direct + indirect").toBe(true);
          expect(same(e.totalKg, sum(e.byYear)), "Σ byYear").toBe(true);
          expect(same(e.byStage.D, stageD), "stage D on its own").toBe(true);
          expect(e.byYear).toHaveLength(spec.years + 1);
          expect(nearlyEqual(alt.lcc.presentValue, sum(alt.lcc.byYear)), "PV = Σ byYear").toBe(true);
          expect(nearlyEqual(alt.lcc.presentValue, sum(Object.values(alt.lcc.byKind) as Decimal[])), "PV = Σ byKind").toBe(true);
        }
        // and the same in the JSON numbers, to double precision
        for (const alt of (result as { alternatives: { emissions: { totalKg: number; byYear: number[] } }[] }).alternatives) {
          const s = alt.emissions.byYear.reduce((a, b) => a + b, 0);
          expect(Math.abs(s - alt.emissions.totalKg)).toBeLessThanOrEqual(Math.max(1, Math.abs(alt.emissions.totalKg)) * 1e-9);
        }
      }),
      RUNS,
    );
  });
});

describe("linearity and unit invariance", () => {
  it("scaling every quantity by k scales every total by k", () => {
    const k = fc.constantFrom("0", "1", "2", "3", "10", "0.5", "2.5", "0.001", "1000").map((s) => new Decimal(s));
    fc.assert(
      fc.property(caseSpec, k, (spec, factor) => {
        const once = totals(evaluateSpec(spec).core.alternatives);
        const scaled = totals(evaluateSpec(spec, { scale: factor }).core.alternatives);
        once.forEach((t, i) => expect(nearlyEqual(scaled[i]!, t.mul(factor)), `${scaled[i]} = ${factor} × ${t}`).toBe(true));
      }),
      RUNS,
    );
  });

  it("the same amounts written in kg / t / g, kWh / MWh / Wh, km / m, l / ml, NOK / kr give identical results", () => {
    fc.assert(
      fc.property(caseSpec, fc.nat(2), fc.nat(2), (spec, u1, u2) => {
        const a = evaluateSpec(spec, { unitIndex: u1 });
        const b = evaluateSpec(spec, { unitIndex: u2 });
        a.core.alternatives.forEach((alt, i) => expect(alt.emissions.totalKg.eq(b.core.alternatives[i]!.emissions.totalKg)).toBe(true));
        expect(a.result).toEqual(b.result);
      }),
      RUNS,
    );
  });
});

describe("monotonicity", () => {
  it("more quantity never lowers emissions", () => {
    const grow = fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 1_000_000 }));
    fc.assert(
      fc.property(caseSpec, grow, (spec, [altPick, itemPick, extra]) => {
        const alt = spec.alternatives[altPick % spec.alternatives.length]!;
        fc.pre(alt.emissions.length > 0);
        const index = itemPick % alt.emissions.length;
        const item = alt.emissions[index]!;
        const bigger: CaseSpec = {
          ...spec,
          alternatives: spec.alternatives.map((a) => (a !== alt ? a : { ...a, emissions: a.emissions.map((e, j) => (j === index ? { ...item, base: new Decimal(item.base).plus(extra).toString() } : e)) })),
        };
        const before = totals(evaluateSpec(spec).core.alternatives);
        const after = totals(evaluateSpec(bigger).core.alternatives);
        before.forEach((t, i) => expect(after[i]!.gte(t), `${after[i]} ≥ ${t}`).toBe(true));
      }),
      RUNS,
    );
  });

});
