/**
 * The answer a comparison opens with (src/case/answer.ts), from real
 * evaluations of small cases on the fixture factors (mat.wood 0.5 kg CO2e
 * per kg): who is recommended and why, and the figures against the
 * baseline, each worked out by hand beside the case.
 */
import { describe, expect, it } from "vitest";
import { answerOf, type Answer } from "../../src/case/answer.js";
import { caseWith, evaluateOk, type Json } from "./fixture-library.js";

/** An alternative of `kg` wood (0.5 kg CO2e/kg) bought for `nok` in year 0. */
const alt = (kg: number, nok: number, extra: Json = {}) => ({ emissions: [{ kind: "material", factor: "mat.wood", quantity: `${kg} kg` }], costs: [{ kind: "acquisition", amount: nok }], ...extra });

function answer(alternatives: Json[], top: Json = {}, analysis: Json = {}): Answer {
  const e = evaluateOk(caseWith(alternatives, { discountRate: 0, ...analysis }, top));
  return answerOf(e.core, { baseline: e.resolved.baseline, startYear: e.resolved.startYear });
}

const str = (d: { toString(): string } | null) => (d === null ? null : d.toString());

describe("the recommended alternative against the baseline", () => {
  it("ranked by emissions: B (6.5 t, NOK 112 000) beats the baseline A (10 t, NOK 100 000); it avoids 3.5 t = 35 % for NOK 12 000 more, NOK 3 428.57 a tonne, and never pays back", () => {
    // A: 20 000 kg × 0.5 = 10 000 kg; B: 13 000 kg × 0.5 = 6 500 kg
    const a = answer([alt(20000, 100000), alt(13000, 112000)], { ranking: "emissions" });
    expect(a.kind).toBe("alternative");
    if (a.kind !== "alternative") return;
    expect([a.recommended, a.baseline, a.method]).toEqual(["B", "A", "emissions"]);
    expect(a.why.reason).toBe("emissions");
    expect(a.why.tiedOn).toEqual([]);
    expect(a.why.runnerUp).toBe("A");
    expect(str(a.why.marginTonnes)).toBe("3.5");
    expect(a.against.emissions.direction).toBe("less");
    expect(str(a.against.emissions.tonnes)).toBe("3.5");
    // 3 500 / 10 000 × 100
    expect(str(a.against.emissions.percent)).toBe("35");
    expect(a.against.cost.direction).toBe("more");
    expect(str(a.against.cost.kroner)).toBe("12000");
    // 12 000 / 3.5
    expect(a.against.abatementCostPerTonne!.toDecimalPlaces(2).toString()).toBe("3428.57");
    expect([a.against.payback, a.against.paybackYear, a.against.paybackCalendarYear]).toEqual(["never", null, null]);
  });

  it("cheaper from the start and cleaner: B saves NOK 10 000 and avoids 2 t (20 %)", () => {
    const a = answer([alt(20000, 100000), alt(16000, 90000)], { ranking: "lcc" });
    if (a.kind !== "alternative") throw new Error(a.kind);
    expect(a.why.reason).toBe("lcc");
    expect(str(a.why.marginKroner)).toBe("10000");
    expect([a.against.emissions.direction, str(a.against.emissions.tonnes), str(a.against.emissions.percent)]).toEqual(["less", "2", "20"]);
    expect([a.against.cost.direction, str(a.against.cost.kroner)]).toEqual(["less", "10000"]);
    expect(a.against.payback).toBe("from-start");
  });

  it("pays back in a year: NOK 30 000 more to buy, NOK 15 000 less to run each year at 0 % → even in year 2 (2026)", () => {
    // cumulative B − A: year 0 +30 000, year 1 +15 000, year 2 0 (≤ the baseline from then on)
    const run = (nok: number) => ({ kind: "operation", amount: nok, every: 1 });
    const a = answer([alt(20000, 100000, { costs: [{ kind: "acquisition", amount: 100000 }, run(20000)] }), alt(16000, 130000, { costs: [{ kind: "acquisition", amount: 130000 }, run(5000)] })], { ranking: "emissions" });
    if (a.kind !== "alternative") throw new Error(a.kind);
    expect([a.against.payback, a.against.paybackYear, a.against.paybackCalendarYear]).toEqual(["in-year", 2, 2026]);
  });

  it("a baseline with no emissions gives no share: B emits 1 t more, and 1 t of 0 t is no percentage", () => {
    const a = answer([{ costs: [{ kind: "acquisition", amount: 200000 }] }, alt(2000, 100000)], { ranking: "lcc" });
    if (a.kind !== "alternative") throw new Error(a.kind);
    expect([a.against.emissions.direction, str(a.against.emissions.tonnes), a.against.emissions.percent]).toEqual(["more", "1", null]);
  });
});

describe("when the baseline is recommended", () => {
  it("ranked by lifecycle cost, the baseline A at NOK 100 000 beats B at NOK 112 000 by NOK 12 000; B's figures against it are given", () => {
    const a = answer([alt(20000, 100000), alt(13000, 112000)], { ranking: "lcc" });
    expect(a.kind).toBe("baseline");
    if (a.kind !== "baseline") return;
    expect(a.recommended).toBe("A");
    expect([a.why.reason, a.why.runnerUp, str(a.why.marginKroner)]).toEqual(["lcc", "B", "12000"]);
    expect([a.runnerUp.id, a.runnerUp.emissions.direction, str(a.runnerUp.emissions.percent), a.runnerUp.cost.direction]).toEqual(["B", "less", "35", "more"]);
  });

  it("by the waste pyramid, a declared level decides between two that trade CO2e against cost", () => {
    // A reuse 10 t / NOK 90 000; B dispose 6.5 t / NOK 100 000: neither dominates
    const a = answer([alt(20000, 90000, { wasteLevel: "reuse" }), alt(13000, 100000, { wasteLevel: "dispose" })]);
    if (a.kind !== "baseline") throw new Error(a.kind);
    expect([a.why.reason, a.why.level, a.why.tiedOn]).toEqual(["level", "reuse", []]);
  });
});

describe("why the first is first", () => {
  it("by the waste pyramid, dominance: B (dispose, 6.5 t, NOK 90 000) dominates A (reuse, 10 t, NOK 100 000), whose better level is the rank note", () => {
    const a = answer([alt(20000, 100000, { wasteLevel: "reuse" }), alt(13000, 90000, { wasteLevel: "dispose" })]);
    if (a.kind !== "alternative") throw new Error(a.kind);
    expect([a.recommended, a.why.reason, a.why.level]).toEqual(["B", "dominance", "dispose"]);
    expect(a.why.outranked.map((o) => [o.id, o.note.by, str(o.note.moreKg), str(o.note.morePresentValue)])).toEqual([["A", "B", "3500", "10000"]]);
  });

  it("on the same level, the emissions decide, and the tie on the level is named", () => {
    const a = answer([alt(20000, 90000, { wasteLevel: "reuse" }), alt(13000, 100000, { wasteLevel: "reuse" })]);
    if (a.kind !== "alternative") throw new Error(a.kind);
    expect([a.recommended, a.why.reason, a.why.tiedOn, str(a.why.marginTonnes)]).toEqual(["B", "emissions", ["level"], "3.5"]);
  });

  it("a full tie is the order entered: two equal alternatives tie on every key of the method", () => {
    const a = answer([alt(20000, 100000), alt(20000, 100000)], { ranking: "emissions" });
    if (a.kind !== "baseline") throw new Error(a.kind);
    expect([a.recommended, a.why.reason, a.why.tiedOn]).toEqual(["A", "entry-order", ["emissions", "lcc"]]);
  });

  it("with the carbon cost, the margin is in present value with carbon", () => {
    // 2024 carbon price NOK 1 000/t flat: A 10 t → NOK 10 000, B 6.5 t → NOK 6 500; A 100 000 + 10 000 vs B 105 000 + 6 500
    const a = answer([alt(20000, 100000), alt(13000, 105000)], { ranking: "lcc-with-carbon" }, { carbonPrice: { "2024": 1000 } });
    if (a.kind !== "baseline") throw new Error(a.kind);
    expect([a.why.reason, str(a.why.marginKroner)]).toEqual(["lcc-with-carbon", "1500"]);
  });
});

describe("one alternative", () => {
  it("has nothing to compare with: its own total (10 t) and present value (NOK 100 000) are the answer", () => {
    const a = answer([alt(20000, 100000)]);
    expect(a.kind).toBe("single");
    if (a.kind !== "single") return;
    expect([a.recommended, str(a.totalTonnes), str(a.presentValue)]).toEqual(["A", "10", "100000"]);
  });
});
