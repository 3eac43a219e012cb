import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { R109_SCHEDULE } from "../../../src/core/discount.js";
import { evaluateCase } from "../../../src/core/evaluate.js";
import { cashFlowsOf } from "../../../src/core/finance/cash-flows.js";
import { isInvestmentRelated, measuresAgainstBaseline } from "../../../src/core/finance/measures.js";
import type { ResolvedCase } from "../../../src/core/types.js";
import { alternative, cost, d, emission, resolvedCase } from "../builders.js";
import { expectClose, expectExact } from "../expect-decimal.js";

/** (1 − 1.04^−10) / 0.04: the present value of 1 NOK a year in years 1..10 at 4 %. */
const ANNUITY_10 = new Decimal(1).minus(new Decimal("1.04").pow(-10)).div("0.04");

/**
 * Baseline A buys for 100 000 and pays `energyA` a year in years 1..10;
 * B buys for `buyB` and pays `energyB`. Emissions: A 10 t in year 0 and
 * 1 t a year; B 12 t in year 0 and 0.5 t a year.
 */
function twoAlternatives(buyB: number, energyB: number, energyA = 20_000, over: Partial<ResolvedCase> = {}): ResolvedCase {
  return resolvedCase(
    [
      alternative("a", {
        costs: [cost({ amount: 100_000 }), cost({ kind: "energy", amount: energyA, every: 1 })],
        emissions: [emission({ quantity: 10_000, kgPerUnit: 1 }), emission({ kind: "energy", quantity: 1000, kgPerUnit: 1, every: 1 })],
      }),
      alternative("b", {
        costs: [cost({ amount: buyB }), cost({ kind: "energy", amount: energyB, every: 1 })],
        emissions: [emission({ quantity: 12_000, kgPerUnit: 1 }), emission({ kind: "energy", quantity: 500, kgPerUnit: 1, every: 1 })],
      }),
    ],
    over,
  );
}

const measuresOf = (c: ResolvedCase) => measuresAgainstBaseline(c, evaluateCase(c))[0]!;

describe("BLCC measures against the baseline (NIST Handbook 135)", () => {
  it("a dearer purchase that saves energy: ΔI, ΔS, net savings, SIR and AIRR by hand", () => {
    const m = measuresOf(twoAlternatives(150_000, 12_000));
    // ΔI = 150 000 − 100 000 = 50 000 (acquisition is investment-related)
    expectClose(m.addedInvestment, 50_000, 1e-30);
    // ΔS = (20 000 − 12 000) × annuity factor = 8 000 × 8.110 895 779…
    const savings = new Decimal(8000).mul(ANNUITY_10);
    expectClose(m.operatingSavings, savings, 1e-30);
    expectClose(m.netSavings, savings.minus(50_000), 1e-30); // 14 887.17
    expect(m.netSavings.toFixed(2)).toBe("14887.17");
    // SIR = ΔS / ΔI = 1.297 743…
    const sir = savings.div(50_000);
    expectClose(m.sir!, sir, 1e-30);
    // AIRR = (1 + r) × SIR^(1/N) − 1 = 1.04 × 1.297 743^0.1 − 1 = 6.75 %
    expectClose(m.airr!, new Decimal("1.04").mul(sir.pow(new Decimal(1).div(10))).minus(1), 1e-28);
    expect(m.airr!.toFixed(4)).toBe("0.0675");
    expect(m.reasons).toEqual({});
  });

  it("simple payback counts undiscounted payments: 50 000 − 8 000 t ≤ 0 first at t = 7; discounted it is year 8", () => {
    const c = twoAlternatives(150_000, 12_000);
    // undiscounted: 8 000 × 6 = 48 000 < 50 000, 8 000 × 7 = 56 000 ≥ 50 000 → year 7
    expect(measuresOf(c).simplePaybackYear).toBe(7);
    // discounted: annuity(7) = 6.002 < 6.25 = 50 000 / 8 000 ≤ annuity(8) = 6.733 → year 8
    expect(evaluateCase(c).comparison[0]!.paybackYear).toBe(8);
  });

  it("no added investment: SIR and AIRR are null with the reason, never Infinity", () => {
    const m = measuresOf(twoAlternatives(90_000, 12_000));
    expect(m.sir).toBeNull();
    expect(m.airr).toBeNull();
    expect(m.reasons).toMatchObject({ sir: "no-added-investment", airr: "no-added-investment" });
    // cheaper in every year: simple payback in year 0
    expect(m.simplePaybackYear).toBe(0);
  });

  it("savings that cover none of the added investment: SIR ≤ 0, AIRR null", () => {
    // B pays more for energy too: ΔS = (20 000 − 25 000) × annuity < 0
    const m = measuresOf(twoAlternatives(150_000, 25_000));
    expect(m.sir!.isNegative()).toBe(true);
    expect(m.airr).toBeNull();
    expect(m.reasons.airr).toBe("sir-not-positive");
    expect(m.simplePaybackYear).toBeNull();
    expect(m.reasons.simplePaybackYear).toBe("never-pays-back");
  });

  it("AIRR under R-109's declining schedule reinvests at the schedule's rates: (SIR × 1.04^40 × 1.03^10)^(1/50) − 1", () => {
    const c = twoAlternatives(150_000, 12_000, 20_000, { years: 50, discountSchedule: R109_SCHEDULE });
    const m = measuresOf(c);
    const dN = new Decimal("1.04").pow(40).mul(new Decimal("1.03").pow(10));
    expectClose(m.airr!, m.sir!.mul(dN).pow(new Decimal(1).div(50)).minus(1), 1e-28);
  });
});

describe("investment-related or operating: by kind, and a purchase that recurs is operating", () => {
  it("food bought every year is an operating cost; a one-off kitchen and a replacement every 8 years are investments", () => {
    // A: food 1 000 000 a year (years 1..10); B: food 900 000 a year, a kitchen 500 000 in year 0, new ovens 80 000 every 8 years (year 8)
    const c = resolvedCase([
      alternative("a", { costs: [cost({ label: "food", amount: 1_000_000, every: 1 })] }),
      alternative("b", { costs: [cost({ label: "food", amount: 900_000, every: 1 }), cost({ kind: "installation", amount: 500_000 }), cost({ kind: "replacement", amount: 80_000, every: 8 })] }),
    ]);
    const m = measuresOf(c);
    // ΔI = 500 000 + 80 000 / 1.04^8; ΔS = 100 000 × annuity factor
    const addedInvestment = new Decimal(500_000).plus(new Decimal(80_000).div(d("1.04").pow(8)));
    expectClose(m.addedInvestment, addedInvestment, 1e-30);
    expectClose(m.operatingSavings, new Decimal(100_000).mul(ANNUITY_10), 1e-30);
    expectClose(m.sir!, new Decimal(100_000).mul(ANNUITY_10).div(addedInvestment), 1e-28);
    // net savings is the same however the costs are split
    expectClose(m.netSavings, new Decimal(100_000).mul(ANNUITY_10).minus(addedInvestment), 1e-28);
  });
  it("isInvestmentRelated: the kinds once or with a service life, a replacement at any interval, a one-off other cost", () => {
    expect(isInvestmentRelated({ kind: "acquisition", every: undefined })).toBe(true);
    expect(isInvestmentRelated({ kind: "acquisition", every: 1 })).toBe(false);
    expect(isInvestmentRelated({ kind: "endOfLife", every: 1 })).toBe(false);
    expect(isInvestmentRelated({ kind: "replacement", every: 8 })).toBe(true);
    expect(isInvestmentRelated({ kind: "maintenance", every: undefined })).toBe(false);
    // a one-off other cost (recipes and training for a new food scheme) is investment; a yearly one is operating
    expect(isInvestmentRelated({ kind: "other", every: undefined })).toBe(true);
    expect(isInvestmentRelated({ kind: "other", every: 1 })).toBe(false);
  });
});

describe("break-even carbon price", () => {
  it("the price at which the LCCs with carbon are equal, by hand; substituted back, the two LCCs agree", () => {
    // B dearer: ΔPV = 50 000 − 5 000 × annuity; tonnes discounted: A 10 + 1 × annuity, B 12 + 0.5 × annuity
    const c = twoAlternatives(150_000, 15_000);
    const core = evaluateCase(c);
    const m = measuresAgainstBaseline(c, core)[0]!;
    const deltaPv = new Decimal(50_000).minus(new Decimal(5000).mul(ANNUITY_10));
    const tonnesA = new Decimal(10).plus(ANNUITY_10);
    const tonnesB = new Decimal(12).plus(new Decimal("0.5").mul(ANNUITY_10));
    expectClose(m.discountedTonnes.baseline, tonnesA, 1e-30);
    expectClose(m.discountedTonnes.alternative, tonnesB, 1e-30);
    const price = deltaPv.div(tonnesA.minus(tonnesB));
    expectClose(m.breakEvenCarbonPrice!, price, 1e-28);
    expect(m.breakEvenCarbonPrice!.toFixed(0)).toBe("4595");
    // LCC_B + P × T_B = LCC_A + P × T_A
    const [a, b] = core.alternatives;
    expectClose(b!.lcc.presentValue.plus(price.mul(tonnesB)), a!.lcc.presentValue.plus(price.mul(tonnesA)), 1e-28);
  });

  it("at that constant price, the core's own carbon cost makes the LCCs with carbon equal", () => {
    const c = twoAlternatives(150_000, 15_000);
    const price = measuresOf(c).breakEvenCarbonPrice!;
    const priced = evaluateCase({ ...c, carbonPrice: new Map([[2026, price]]) });
    expectClose(priced.alternatives[1]!.lcc.presentValueWithCarbon!, priced.alternatives[0]!.lcc.presentValueWithCarbon!, 1e-25);
  });

  it("is negative when the alternative is cheaper already, and null when it avoids nothing", () => {
    expect(measuresOf(twoAlternatives(150_000, 12_000)).breakEvenCarbonPrice!.isNegative()).toBe(true);
    const dirtier = resolvedCase([
      alternative("a", { costs: [cost({ amount: 100 })], emissions: [emission({ quantity: 10, kgPerUnit: 1 })] }),
      alternative("b", { costs: [cost({ amount: 50 })], emissions: [emission({ quantity: 10, kgPerUnit: 1 })] }),
    ]);
    const m = measuresOf(dirtier);
    expect(m.breakEvenCarbonPrice).toBeNull();
    expect(m.reasons.breakEvenCarbonPrice).toBe("avoids-nothing");
  });
});

describe("cash flows", () => {
  it("year by year, the budgets and the payback, by hand", () => {
    const c = resolvedCase([
      alternative("a", { costs: [cost({ amount: 1000 }), cost({ kind: "maintenance", amount: 100, every: 1 })] }),
      alternative("b", { costs: [cost({ amount: 1200 })] }),
    ], { years: 2 });
    const [a, b] = cashFlowsOf(c, evaluateCase(c));
    // nominal 1 000, 100, 100; discounted 1 000, 100/1.04, 100/1.04²
    expect(a!.years.map((y) => y.nominal.toNumber())).toEqual([1000, 100, 100]);
    expectExact(a!.years[1]!.discounted, new Decimal(100).div("1.04").toString());
    expect(a!.years.map((y) => y.cumulativeNominal.toNumber())).toEqual([1000, 1100, 1200]);
    expectExact(a!.years[2]!.cumulativeDiscounted, evaluateCase(c).alternatives[0]!.lcc.presentValue.toString());
    expect(a!.years.map((y) => y.calendarYear)).toEqual([2026, 2027, 2028]);
    expectExact(a!.budget.investment.nominal, 1000);
    expectExact(a!.budget.operating.nominal, 200);
    expectClose(a!.budget.operating.discounted, new Decimal(100).div("1.04").plus(new Decimal(100).div(d("1.04").pow(2))), 1e-30);
    // B: 1 200 at once; A's cumulative discounted 1 000, 1 096.15, 1 188.61 — B never at or below it: no payback
    expect(b!.paybackYear).toBeNull();
    expect(a!.paybackYear).toBeNull();
  });
});
