/**
 * The pair over another analysis period, built in plain numbers
 * (period-model.ts), is the model compileCase builds for that period: the
 * same payments, occurrences and figures, for every N from 1 to 60, with
 * service lives (replacements and residual value), end-of-life and
 * residual items at "end", yearly items and waste at the end.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { R109_SCHEDULE } from "../../../src/core/discount.js";
import { periodVariant } from "../../../src/core/finance/period-model.js";
import { compileCase, evaluateCompiled } from "../../../src/core/fast/index.js";
import { alternative, cost, emission, resolvedCase } from "../builders.js";

describe("periodVariant", () => {
  const c = resolvedCase(
    [
      alternative("A", {
        costs: [
          cost({ amount: 7_000, life: 7, escalation: "0.01" }),
          cost({ kind: "endOfLife", amount: 2_000 }),
          cost({ kind: "residual", amount: 500 }),
          cost({ kind: "maintenance", amount: 300, every: 3, escalation: "-0.02" }),
        ],
        emissions: [emission({ quantity: 10, kgPerUnit: "2.5", life: 12 }), emission({ kind: "waste", quantity: 3, kgPerUnit: 4, waste: { level: "recycle", massKg: 3 } })],
      }),
      alternative("B", {
        costs: [cost({ amount: 9_000 }), cost({ kind: "energy", amount: 120, every: 1, escalation: "0.015" })],
        emissions: [emission({ kind: "energy", quantity: 1_000, kgPerUnit: "0.02", every: 1 }), emission({ quantity: 5, kgPerUnit: -1, stage: "D" })],
      }),
    ],
    { discountSchedule: R109_SCHEDULE, carbonPrice: new Map([[2026, new Decimal(1_500)], [2040, new Decimal(3_000)]]), ranking: "lcc-with-carbon" },
  );
  const over = periodVariant(c, compileCase(c), 60);

  it("gives compileCase's figures for every period from 1 to 60 years, to 1e-12", () => {
    for (let years = 1; years <= 60; years++) {
      const fast = evaluateCompiled(over(years));
      const compiled = evaluateCompiled(compileCase({ ...c, years }));
      fast.alternatives.forEach((alt, i) => {
        const expected = compiled.alternatives[i]!;
        for (const [x, y] of [
          [alt.lcc.presentValue, expected.lcc.presentValue],
          [alt.lcc.presentValueWithCarbon!, expected.lcc.presentValueWithCarbon!],
          [alt.lcc.nominalTotal, expected.lcc.nominalTotal],
          [alt.lcc.equivalentAnnualCost, expected.lcc.equivalentAnnualCost],
          [alt.emissions.totalKg, expected.emissions.totalKg],
        ]) {
          expect(Math.abs(x! - y!), `N = ${years}, ${alt.id}: ${x} vs ${y}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(y!)));
        }
        expect(alt.lcc.byKind).toEqual(Object.fromEntries(Object.entries(expected.lcc.byKind).map(([k, v]) => [k, expect.closeTo(v!, 6)])));
      });
    }
  });
});
