/**
 * The tornado bars of B − A for the hand-computed pair in
 * sensitivity-case.ts: their values by hand, the inputs kept and left out,
 * the order, the carbon cost under lcc-with-carbon, and zero-width bars.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { R109_SCHEDULE } from "../../../src/core/discount.js";
import { MAX_BARS, sensitivity } from "../../../src/core/finance/sensitivity.js";
import type { InputRange, SensitivityResult, TornadoBar } from "../../../src/core/finance/types.js";
import { alternative, cost, emission } from "../builders.js";
import { exactDifference, pairCase, withFactor, withInput } from "./sensitivity-case.js";

const annuity = (rate: number, years: number) => (1 - (1 + rate) ** -years) / rate;
const A10 = annuity(0.04, 10); // 8.110 895 779…

function barOf(result: SensitivityResult, key: string): TornadoBar {
  const bar = result.bars.find((b) => b.input.key === key);
  if (!bar) throw new Error(`no bar for ${key}: ${result.bars.map((b) => b.input.key).join(", ")}`);
  return bar;
}

describe("tornado bars of the hand-computed pair", () => {
  const c = pairCase();
  const result = sensitivity(c, { a: "A", b: "B", percent: 10 });

  it("the base difference: LCC 600 000 + 50 000 × 8.110 896 − 1 000 000 = 5 544.79, kg −5 000", () => {
    expect(result.base.lcc).toBeCloseTo(5_544.788968, 5);
    expect(result.base.kg).toBeCloseTo(-5_000, 8);
    expect(result.lccIncludesCarbon).toBe(false);
    expect(result.omitted).toBe(0);
  });

  it("B's yearly cost ±10 %: 45 000 and 55 000 a year", () => {
    const bar = barOf(result, "cost:B/1");
    expect(bar.input).toMatchObject({ kind: "cost", label: "Drift B", base: 50_000, low: 45_000, high: 55_000, basis: "user" });
    // low: 600 000 + 45 000 × 8.110 896 − 1 000 000 = 364 990.31 − 400 000 = −35 009.69
    expect(bar.lcc.low).toBeCloseTo(600_000 + 45_000 * A10 - 1_000_000, 6);
    expect(bar.lcc.low).toBeCloseTo(-35_009.69, 2);
    // high: 600 000 + 55 000 × 8.110 896 − 1 000 000 = 446 099.27 − 400 000 = 46 099.27
    expect(bar.lcc.high).toBeCloseTo(46_099.27, 2);
    // a cost moves no emissions
    expect(bar.kg).toEqual({ low: result.base.kg, high: result.base.kg });
  });

  it("the bars agree with the exact core evaluated with the input at each end", () => {
    for (const bar of result.bars) {
      for (const end of ["low", "high"] as const) {
        const exact = exactDifference(withInput(c, bar.input.key, bar.input[end]), "A", "B");
        expect(bar.lcc[end], `${bar.input.key} ${end}`).toBeCloseTo(exact.lcc, 6);
        expect(bar.kg[end], `${bar.input.key} ${end}`).toBeCloseTo(exact.kg, 6);
      }
    }
  });

  it("the discount rate ±2 points: 2 % and 6 %", () => {
    const bar = barOf(result, "discount-rate");
    expect(bar.input).toMatchObject({ base: 0.04, low: 0.02, high: 0.06, basis: "default" });
    // 2 %: a = (1 − 1.02^−10)/0.02 = 8.982 585 → 50 000 × 8.982 585 − 400 000 = 49 129.25
    expect(bar.lcc.low).toBeCloseTo(49_129.25, 2);
    // 6 %: a = (1 − 1.06^−10)/0.06 = 7.360 087 → 50 000 × 7.360 087 − 400 000 = −31 995.65
    expect(bar.lcc.high).toBeCloseTo(-31_995.65, 2);
  });

  it("the analysis period ±25 %: 8 (7.5 rounded) and 13 (12.5 rounded) years", () => {
    const bar = barOf(result, "years");
    expect(bar.input).toMatchObject({ base: 10, low: 8, high: 13 });
    // kg: 12 000 + 300 N − 20 000: N = 8 → −5 600, N = 13 → −4 100
    expect(bar.kg.low).toBeCloseTo(-5_600, 8);
    expect(bar.kg.high).toBeCloseTo(-4_100, 8);
  });

  it("a factor shared by A and B moves both: steel ±10 %", () => {
    const bar = barOf(result, "factor:steel");
    expect(bar.input).toMatchObject({ kind: "factor", label: "steel", base: 2, basis: "user" });
    expect(bar.input.low).toBeCloseTo(1.8, 12);
    expect(bar.input.high).toBeCloseTo(2.2, 12);
    // × 0.9: A 18 000, B 10 800 + 3 000 → −4 200 (A alone would give −3 000, B alone −6 200)
    expect(bar.kg.low).toBeCloseTo(-4_200, 8);
    // × 1.1: A 22 000, B 13 200 + 3 000 → −5 800
    expect(bar.kg.high).toBeCloseTo(-5_800, 8);
    expect(bar.lcc).toEqual({ low: result.base.lcc, high: result.base.lcc });
  });

  it("a factor's own range: a published low–high as its ends, a log-normal at its 2.5 % and 97.5 % points, with its basis", () => {
    const published: InputRange = { distribution: { shape: "triangular", low: 0.8, mode: 1, high: 1.2 }, basis: "published", citation: "test" };
    const pedigree: InputRange = { distribution: { shape: "lognormal", gsd: 1.5 }, basis: "default", citation: "test" };
    const ranged = sensitivity(c, { a: "A", b: "B", percent: 10, factorRange: (item) => (item.factor === "steel" ? published : pedigree) });
    const steel = barOf(ranged, "factor:steel");
    // kg B − A with the steel multiplier m: −8 000 m + 3 000 → m = 0.8: −3 400; m = 1.2: −6 600
    expect(steel.input.basis).toBe("published");
    expect(steel.input.low).toBeCloseTo(2 * 0.8, 12);
    expect(steel.kg.low).toBeCloseTo(-3_400, 8);
    expect(steel.kg.high).toBeCloseTo(-6_600, 8);
    // electricity, GSD 1.5: 1.5^−1.96 = 0.451 7 and 1.5^1.96 = 2.213 8; kg B − A = 12 000 + 3 000 m − 20 000
    const el = barOf(ranged, "factor:el");
    expect(el.input.basis).toBe("default");
    expect(el.input.low).toBeCloseTo(0.5 * 1.5 ** -1.96, 12);
    expect(el.kg.low).toBeCloseTo(-8_000 + 3_000 * 1.5 ** -1.96, 8);
    expect(el.kg.high).toBeCloseTo(-8_000 + 3_000 * 1.5 ** 1.96, 8);
  });

  it("widest LCC swing first, then CO2e", () => {
    const swing = (bar: TornadoBar, m: "lcc" | "kg") => Math.abs(bar[m].high - bar[m].low);
    for (let i = 1; i < result.bars.length; i++) {
      const [x, y] = [result.bars[i - 1]!, result.bars[i]!];
      expect(swing(x, "lcc") > swing(y, "lcc") || (swing(x, "lcc") === swing(y, "lcc") && swing(x, "kg") >= swing(y, "kg"))).toBe(true);
    }
    // LCC swings: A's purchase ±100 000 → 200 000; the period 8…13 years: 50 000 × (a(4 %, 13) − a(4 %, 8))
    // = 50 000 × (9.985 648 − 6.732 745) = 162 645.1; B's purchase ±60 000 → 120 000; B's escalation 0 ± 2 points:
    // 50 000 × (Σ_{t=1..10} (1.02/1.04)^t − Σ (0.98/1.04)^t) = 50 000 × (9.001 043 − 7.317 577) = 84 173.3; the rate
    // 49 129.25 + 31 995.65 = 81 124.90; B's yearly cost ±5 000 × 8.110 896 → 81 108.96, so the rate just before it;
    // then the factors, which move no LCC: steel by 1 600 kg (−4 200 … −5 800) before electricity by 600 (±300)
    expect(result.bars.map((b) => b.input.key)).toEqual(["cost:A/0", "years", "cost:B/0", "escalation:B/1", "discount-rate", "cost:B/1", "factor:steel", "factor:el"]);
  });
});

describe("inputs left out and kept", () => {
  it("an input that moves neither difference is absent: a payment in year 0 does not escalate, another alternative's items do not count", () => {
    const c = pairCase();
    c.alternatives.push(alternative("C", { costs: [cost({ amount: 5, every: 2 })], emissions: [withFactor("wood", emission({ quantity: 1, kgPerUnit: 1 }))] }));
    const keys = sensitivity(c, { a: "A", b: "B", percent: 10 }).bars.map((b) => b.input.key);
    expect(keys).not.toContain("escalation:A/0");
    expect(keys).not.toContain("escalation:B/0");
    expect(keys.some((k) => k.includes("C/") || k === "factor:wood")).toBe(false);
    expect(keys).toContain("escalation:B/1");
  });

  it("the discount rate is absent when every payment and emission is in year 0", () => {
    const c = pairCase();
    c.alternatives[1] = { ...c.alternatives[1]!, costs: [c.alternatives[1]!.costs[0]!], emissions: [c.alternatives[1]!.emissions[0]!] };
    const keys = sensitivity(c, { a: "A", b: "B", percent: 10 }).bars.map((b) => b.input.key);
    expect(keys).not.toContain("discount-rate");
    expect(keys).not.toContain("years");
  });

  it("zero percent and zero spreads: every bar has zero width at the base difference, and the inputs stay", () => {
    const result = sensitivity(pairCase(), { a: "A", b: "B", percent: 0, spreads: { discountRatePoints: 0, yearsShare: 0, escalationPoints: 0 } });
    expect(result.bars.map((b) => b.input.key).sort()).toEqual(["cost:A/0", "cost:B/0", "cost:B/1", "discount-rate", "escalation:B/1", "factor:el", "factor:steel", "years"]);
    for (const bar of result.bars) {
      expect(bar.lcc).toEqual({ low: result.base.lcc, high: result.base.lcc });
      expect(bar.kg).toEqual({ low: result.base.kg, high: result.base.kg });
    }
  });

  it("at most maxBars bars, the widest, and the rest counted as omitted", () => {
    const all = sensitivity(pairCase(), { a: "A", b: "B", percent: 10 });
    const capped = sensitivity(pairCase(), { a: "A", b: "B", percent: 10, maxBars: 3 });
    expect(capped.bars).toEqual(all.bars.slice(0, 3));
    expect(capped.omitted).toBe(all.bars.length - 3);
    expect(capped.switching.length).toBe(3 * 2);
    expect(MAX_BARS).toBe(40);
  });
});

describe("the discount schedule and the carbon cost", () => {
  it("R-109's schedule moves as a whole: 4 / 3 / 2 % at +2 points is 6 / 5 / 4 %", () => {
    // A pays 1 000 000 in year 60; B nothing. B − A = −1 000 000 / (1.04^40 × 1.03^20) = −115 325 (the format's example);
    // at +2 points: −1 000 000 / (1.06^40 × 1.05^20) = −1 000 000 / (10.285 718 × 2.653 298) = −36 642.
    const c = pairCase({ years: 60, discountRate: new Decimal("0.04"), discountSchedule: R109_SCHEDULE });
    c.alternatives = [alternative("A", { costs: [cost({ amount: 1_000_000, at: 60 })] }), alternative("B", { costs: [cost({ amount: 1, at: 0 })] })];
    const bar = barOf(sensitivity(c, { a: "A", b: "B", percent: 10 }), "discount-rate");
    expect(bar.lcc.high).toBeCloseTo(1 - 1_000_000 / (1.06 ** 40 * 1.05 ** 20), 4);
    // −2 points: 2 / 1 / 0 %: 1.02^40 × 1.01^20
    expect(bar.lcc.low).toBeCloseTo(1 - 1_000_000 / (1.02 ** 40 * 1.01 ** 20), 4);
  });

  it("ranked by LCC with carbon, a factor moves the LCC by its tonnes × the carbon price", () => {
    const c = pairCase({ ranking: "lcc-with-carbon", carbonPrice: new Map([[2026, new Decimal(1_000)]]) });
    const result = sensitivity(c, { a: "A", b: "B", percent: 10 });
    expect(result.lccIncludesCarbon).toBe(true);
    // carbon cost B − A: 12 t × 1 000 + 0.3 t × 1 000 × 8.110 896 − 20 t × 1 000 = −5 566.73; with 5 544.79 → −21.94
    expect(result.base.lcc).toBeCloseTo(5_544.788968 + 12_000 + 300 * A10 - 20_000, 5);
    // steel × 1.1 in both: (13.2 − 22) t − (12 − 20) t = −0.8 t more → −800 NOK (year 0, undiscounted)
    expect(barOf(result, "factor:steel").lcc.high - result.base.lcc).toBeCloseTo(-800, 6);
    // and the exact core agrees at both ends
    const bar = barOf(result, "factor:el");
    expect(bar.lcc.low).toBeCloseTo(exactDifference(withInput(c, "factor:el", bar.input.low), "A", "B", { withCarbon: true }).lcc, 6);
  });
});

describe("a five-alternative case with 40 cost and 40 emission items each", () => {
  const kinds = ["acquisition", "operation", "maintenance", "energy", "replacement"] as const;
  const big = pairCase({ discountSchedule: R109_SCHEDULE, years: 30 });
  big.alternatives = ["A", "B", "C", "D", "E"].map((id, a) =>
    alternative(id, {
      costs: Array.from({ length: 40 }, (_, i) => {
        const kind = kinds[i % 5]!;
        const timing = kind === "acquisition" ? {} : kind === "replacement" ? { life: 7 + (i % 9) } : { every: 1 + (i % 3) };
        return cost({ kind, amount: 1_000 * (1 + ((i * 7 + a * 13) % 97)), escalation: (i % 4) * 0.005, ...timing });
      }),
      emissions: Array.from({ length: 40 }, (_, i) => withFactor(`f${i % 15}`, emission({ quantity: 10 * (1 + ((i * 11 + a) % 89)), kgPerUnit: 1 + (i % 15) / 10, ...(i % 3 === 0 ? { kind: "energy" as const, every: 1 } : {}) }))),
    }),
  );

  it("keeps the 40 widest bars, counts the rest as omitted, and finishes well within 2 s", () => {
    const started = performance.now();
    const result = sensitivity(big, { a: "A", b: "C", percent: 10 });
    const ms = performance.now() - started;
    // A and C: 2 × 40 costs (amount and escalation each) + 15 shared factors + the rate and the period, less those that move nothing
    expect(result.bars).toHaveLength(40);
    expect(result.omitted).toBeGreaterThan(100);
    expect(result.switching).toHaveLength(80);
    expect(ms).toBeLessThan(2_000);
  });
});
