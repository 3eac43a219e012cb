import { describe, expect, it } from "vitest";
import { alternativeEmissions } from "../../src/core/emissions.js";
import { lifecycleCost } from "../../src/core/lcc.js";
import { sum } from "../../src/core/decimal.js";
import { nominalByYear, yearlyFigures } from "../../src/core/yearly.js";
import { cost, d, emission } from "./builders.js";
import { expectClose, expectExact } from "./expect-decimal.js";

const r4 = d("0.04");

describe("yearly figures", () => {
  it("nominal payments per year: escalated, not discounted, residual value negative in year N", () => {
    // 7 000 NOK, life 7, N = 10: years 0 and 7; at 10 the unit bought in 7 has 4 of 7 years left → −4 000
    // 100 NOK every year (from year 1) at 10 % escalation: year 2 = 100 × 1.1² = 121
    const byYear = nominalByYear([cost({ amount: 7000, life: 7 }), cost({ kind: "energy", amount: 100, every: 1, escalation: "0.1" })], 10);
    expect(byYear).toHaveLength(11);
    expectExact(byYear[0]!, 7000);
    expectExact(byYear[2]!, 121);
    expectExact(byYear[7]!, d(7000).plus(d(100).mul(d("1.1").pow(7))).toString());
    expectExact(byYear[10]!, d(-4000).plus(d(100).mul(d("1.1").pow(10))).toString());
  });

  it("sum to the core's totals: Σ nominal = nominalTotal, last cumulative = present value, Σ kg = total", () => {
    const costs = [cost({ amount: 7000, life: 7 }), cost({ kind: "maintenance", amount: 450, every: 2, escalation: "0.02" })];
    const emissions = [emission({ quantity: 10, kgPerUnit: "2.5" }), emission({ kind: "energy", quantity: 3, kgPerUnit: "0.1", every: 1 }), emission({ quantity: 1, kgPerUnit: -4, stage: "D" })];
    const lcc = lifecycleCost(costs, 10, r4);
    const e = alternativeEmissions(emissions, 10);
    const rows = yearlyFigures(costs, lcc, e, 2026, 10);
    expect(rows.map((r) => r.calendarYear)).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036]);
    expectExact(sum(rows.map((r) => r.nominal)), lcc.nominalTotal.toString());
    expectExact(rows.at(-1)!.cumulativeDiscounted, lcc.presentValue.toString());
    expectExact(sum(rows.map((r) => r.kg)), e.totalKg.toString());
    // year 0: the 25 kg material (stage D left out); year 1: only the yearly energy, 0.3 kg
    expectExact(rows[0]!.kg, 25);
    expectExact(rows[1]!.kg, "0.3");
    // 1000 NOK every year from year 0: discounted year 1 = 1000 / 1.04
    const flat = [cost({ amount: 1000, every: 1, at: 0 })];
    const flatRows = yearlyFigures(flat, lifecycleCost(flat, 2, r4), alternativeEmissions([], 2), 2026, 2);
    expectClose(flatRows[1]!.discounted, "961.5384615384615384615385");
    expectClose(flatRows[1]!.cumulativeDiscounted, "1961.538461538461538461538");
    expectExact(flatRows[2]!.nominal, 1000);
  });
});

