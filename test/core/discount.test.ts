import { describe, expect, it } from "vitest";
import { R109_SCHEDULE, annuityFactor, discountDivisor, flatSchedule, segmentsWithin } from "../../src/core/discount.js";
import { equivalentAnnualCost, lifecycleCost, presentValue, presentValueUnder } from "../../src/core/lcc.js";
import { cost, d } from "./builders.js";
import { expectClose, expectExact } from "./expect-decimal.js";

describe("R-109's declining discount rate: 4 % to year 40, 3 % from 40 to 75, 2 % after", () => {
  it("a payment in year 60 is discounted by 1.04^40 × 1.03^20", () => {
    expectExact(discountDivisor(R109_SCHEDULE, 60), d("1.04").pow(40).mul(d("1.03").pow(20)).toString());
    expectExact(presentValueUnder(d(1000), 60, R109_SCHEDULE), d(1000).div(d("1.04").pow(40).mul(d("1.03").pow(20))).toString());
  });
  it("year 100: 1.04^40 × 1.03^35 × 1.02^25", () => {
    expectExact(discountDivisor(R109_SCHEDULE, 100), d("1.04").pow(40).mul(d("1.03").pow(35)).mul(d("1.02").pow(25)).toString());
  });
  it("equals a flat 4 % up to year 40, to the last digit", () => {
    for (const t of [0, 1, 17, 39, 40]) expectExact(presentValueUnder(d(1000), t, R109_SCHEDULE), presentValue(d(1000), t, d("0.04")).toString());
  });
  it("a flat schedule gives exactly what a flat rate gave before", () => {
    const items = [cost({ amount: 500, every: 1, escalation: "0.01" }), cost({ kind: "residual", amount: 200 })];
    const viaRate = lifecycleCost(items, 30, d("0.035"));
    const viaSchedule = lifecycleCost(items, 30, flatSchedule(d("0.035")));
    expectExact(viaSchedule.presentValue, viaRate.presentValue.toString());
    expectExact(viaSchedule.equivalentAnnualCost, equivalentAnnualCost(viaRate.presentValue, d("0.035"), 30).toString());
  });
  it("the equivalent annual cost over 60 years spreads the PV over Σ 1/divisor(t), t = 1..60", () => {
    const lcc = lifecycleCost([cost({ amount: 100000 })], 60, R109_SCHEDULE);
    let annuity = d(0);
    for (let t = 1; t <= 40; t++) annuity = annuity.plus(d(1).div(d("1.04").pow(t)));
    for (let t = 41; t <= 60; t++) annuity = annuity.plus(d(1).div(d("1.04").pow(40).mul(d("1.03").pow(t - 40))));
    expectClose(annuityFactor(R109_SCHEDULE, 60), annuity.toString(), 1e-30);
    expectClose(lcc.equivalentAnnualCost, d(100000).div(annuity).toString(), 1e-30);
  });
  it("lists only the segments that apply within the period", () => {
    expect(segmentsWithin(R109_SCHEDULE, 30).map((s) => s.fromYear)).toEqual([0]);
    expect(segmentsWithin(R109_SCHEDULE, 60).map((s) => s.fromYear)).toEqual([0, 40]);
    expect(segmentsWithin(R109_SCHEDULE, 100).map((s) => s.fromYear)).toEqual([0, 40, 75]);
  });
});
