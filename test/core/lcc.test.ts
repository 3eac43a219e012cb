import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/decimal.js";
import { cumulative, equivalentAnnualCost, escalated, lifecycleCost, presentValue, signedAmount } from "../../src/core/lcc.js";
import { cost, d } from "./builders.js";
import { expectClose, expectExact } from "./expect-decimal.js";

const r4 = d("0.04");

describe("presentValue: A × (1+e)^t / (1+r)^t", () => {
  it("does not discount year 0", () => {
    expectExact(presentValue(d(180000), 0, r4), 180000);
    expectExact(presentValue(d(180000), 0, r4, d("0.5")), 180000);
  });

  it("discounts 1000 NOK in year 10 at 4 % to 675.56", () => {
    // 1000 / 1.04^10 = 1000 / 1.480244285… = 675.5641688257988565…
    expectClose(presentValue(d(1000), 10, r4), "675.5641688257988565201745");
  });

  it("a 4 % real rate halves a payment in about 17.7 years", () => {
    // ln 2 / ln 1.04 = 17.673: year 17 still above half, year 18 below
    // 1000 / 1.04^17 = 513.3732458517706…, 1000 / 1.04^18 = 493.6281210113179…
    expectClose(presentValue(d(1000), 17, r4), "513.3732458517706412335931");
    expectClose(presentValue(d(1000), 18, r4), "493.6281210113179242630703");
    expect(presentValue(d(1000), 17, r4).gt(500)).toBe(true);
    expect(presentValue(d(1000), 18, r4).lt(500)).toBe(true);
  });

  it("applies escalation before discounting: 2 % dearer each year, 4 % discount, year 3", () => {
    // 1000 × 1.02^3 / 1.04^3 = 1061.208 / 1.124864 = 943.41004779244424…
    expectClose(presentValue(d(1000), 3, r4, d("0.02")), "943.4100477924442421483842");
  });

  it("is the amount itself when escalation equals the discount rate", () => {
    // 1000 × 1.04^7 / 1.04^7 = 1000
    expectClose(presentValue(d(1000), 7, r4, r4), 1000, 1e-30);
  });

  it("keeps the amount at a 0 % rate", () => {
    expectExact(presentValue(d("1234.56"), 25, d(0)), "1234.56");
  });
});

describe("escalated: A × (1+e)^t, undiscounted", () => {
  it("1000 NOK escalated 2 % for 3 years is 1061.208", () => {
    // 1000 × 1.02 × 1.02 × 1.02 = 1061.208
    expectExact(escalated(d(1000), 3, d("0.02")), "1061.208");
  });
  it("a falling price: −10 % for 2 years leaves 81 %", () => {
    // 100 × 0.9² = 81
    expectExact(escalated(d(100), 2, d("-0.1")), 81);
  });
});

describe("equivalentAnnualCost: PV × r / (1 − (1+r)^−N)", () => {
  it("PV 10 000 over 10 years at 4 % is 1 232.91 a year", () => {
    // 10000 × 0.04 / (1 − 1.04^−10) = 400 / 0.324435831… = 1232.909443301365…
    expectClose(equivalentAnnualCost(d(10000), r4, 10), "1232.909443301365086181949");
  });
  it("PV 50 000 over 5 years at 5 % is 11 548.74 a year", () => {
    // 50000 × 0.05 / (1 − 1.05^−5) = 2500 / 0.216473833… = 11548.7399064134…
    expectClose(equivalentAnnualCost(d(50000), d("0.05"), 5), "11548.73990641340751791933");
  });
  it("at a 0 % rate is the PV spread evenly: 10 000 / 8 = 1 250", () => {
    expectExact(equivalentAnnualCost(d(10000), d(0), 8), 1250);
  });
  it("with N = 0 is the PV itself (there is no year to spread over)", () => {
    expectExact(equivalentAnnualCost(d(10000), r4, 0), 10000);
    expectExact(equivalentAnnualCost(d(10000), d(0), 0), 10000);
  });
  it("paying the EAC in years 1..N gives back the PV", () => {
    const eac = equivalentAnnualCost(d(10000), r4, 10);
    let pv = new Decimal(0);
    for (let t = 1; t <= 10; t++) pv = pv.plus(presentValue(eac, t, r4));
    expectClose(pv, 10000, 1e-25);
  });
});

describe("signedAmount", () => {
  it("counts a residual value negative and every other kind positive", () => {
    expectExact(signedAmount(cost({ kind: "residual", amount: 5000 })), -5000);
    expectExact(signedAmount(cost({ kind: "endOfLife", amount: 5000 })), 5000);
    expectExact(signedAmount(cost({ kind: "acquisition", amount: 5000 })), 5000);
  });
});

describe("lifecycleCost", () => {
  it("adds purchase and yearly maintenance with 2 % escalation over 10 years at 4 %", () => {
    const lcc = lifecycleCost([cost({ kind: "acquisition", amount: 180000 }), cost({ kind: "maintenance", amount: 1000, every: 1, escalation: "0.02" })], 10, r4);
    // maintenance: Σ_{t=1..10} 1000 × 1.02^t / 1.04^t = 9001.0434405007119…
    expectClose(lcc.byKind.maintenance!, "9001.043440500711977371351");
    expectExact(lcc.byKind.acquisition!, 180000);
    expectClose(lcc.presentValue, "189001.043440500711977371351");
    // nominal: 180000 + Σ 1000 × 1.02^t = 180000 + 11168.71541973261364224
    expectClose(lcc.nominalTotal, "191168.71541973261364224", 1e-25);
    expect(lcc.byYear).toHaveLength(11);
    expectExact(lcc.byYear[0]!, 180000);
    // year 3: 1000 × 1.02^3 / 1.04^3
    expectClose(lcc.byYear[3]!, "943.4100477924442421483842");
    // EAC: 189001.0434405… × 0.04 / (1 − 1.04^−10) = 23302.117125160485…
    expectClose(lcc.equivalentAnnualCost, "23302.11712516048521900490699681");
  });

  it("counts a residual value negative, in year N by default", () => {
    const lcc = lifecycleCost([cost({ kind: "acquisition", amount: 120000 }), cost({ kind: "residual", amount: 5000 })], 10, r4);
    // −5000 / 1.04^10 = −3377.8208441289942826…
    expectClose(lcc.byYear[10]!, "-3377.820844128994282600873");
    expectClose(lcc.byKind.residual!, "-3377.820844128994282600873");
    // 120000 − 3377.82… = 116622.17915587100571739913
    expectClose(lcc.presentValue, "116622.1791558710057173991274");
    expectExact(lcc.nominalTotal, 115000);
    for (let t = 1; t < 10; t++) expectExact(lcc.byYear[t]!, 0);
  });

  it("puts an end-of-life cost in year N by default, and in the given year when at is set", () => {
    const byDefault = lifecycleCost([cost({ kind: "endOfLife", amount: 2000 })], 5, d(0));
    expect(byDefault.byYear.map(Number)).toEqual([0, 0, 0, 0, 0, 2000]);
    const early = lifecycleCost([cost({ kind: "endOfLife", amount: 2000, at: 2 })], 5, d(0));
    expect(early.byYear.map(Number)).toEqual([0, 0, 2000, 0, 0, 0]);
    const residualAtEnd = lifecycleCost([cost({ kind: "residual", amount: 300, at: "end" })], 3, d(0));
    expect(residualAtEnd.byYear.map(Number)).toEqual([0, 0, 0, -300]);
  });

  it("puts other kinds in year 0 by default", () => {
    const lcc = lifecycleCost([cost({ kind: "installation", amount: 700 }), cost({ kind: "other", amount: 300 })], 4, r4);
    expect(lcc.byYear.map(Number)).toEqual([1000, 0, 0, 0, 0]);
  });

  it("repeats a replacement every 4 years over 10 years: years 4 and 8", () => {
    const lcc = lifecycleCost([cost({ kind: "replacement", amount: 10000, every: 4 })], 10, r4);
    // 10000 / 1.04^4 + 10000 / 1.04^8 = 8548.0419102972585 + 7306.9020500198404 = 15854.9439603170989…
    expectClose(lcc.presentValue, "15854.94396031709893147447121830293");
    expectExact(lcc.nominalTotal, 20000);
    expect(lcc.byYear.map((v) => !v.isZero())).toEqual([false, false, false, false, true, false, false, false, true, false, false]);
  });

  it("with N = 0 keeps year-0 costs, moves 'end' items to year 0 and drops recurring ones", () => {
    const lcc = lifecycleCost([cost({ amount: 500 }), cost({ kind: "residual", amount: 100 }), cost({ kind: "maintenance", amount: 50, every: 1 })], 0, r4);
    // 500 − 100 = 400; "every 1" starts in year 1, which does not exist
    expectExact(lcc.presentValue, 400);
    expectExact(lcc.equivalentAnnualCost, 400);
    expect(lcc.byYear).toHaveLength(1);
  });

  it("lists only the kinds that occur in byKind", () => {
    const lcc = lifecycleCost([cost({ kind: "energy", amount: 10, every: 1 })], 2, d(0));
    expect(Object.keys(lcc.byKind)).toEqual(["energy"]);
    expectExact(lcc.byKind.energy!, 20);
  });

  it("an empty cost list costs nothing", () => {
    const lcc = lifecycleCost([], 3, r4);
    expectExact(lcc.presentValue, 0);
    expectExact(lcc.nominalTotal, 0);
    expectExact(lcc.equivalentAnnualCost, 0);
    expect(lcc.byKind).toEqual({});
  });
});

describe("cumulative", () => {
  it("is the running total", () => {
    expect(cumulative([d(1), d(2), d(3), d("-4")]).map(Number)).toEqual([1, 3, 6, 2]);
    expect(cumulative([])).toEqual([]);
  });
});
