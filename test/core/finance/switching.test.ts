/**
 * Switching values: the value of one input at which A and B swap places,
 * computed by hand for the case in sensitivity-case.ts, and checked by
 * evaluating the exact core just either side of each value found: the
 * order of A and B differs between the two sides, for every kind of input;
 * and the same check, with the bars against the exact core, on every
 * example case, each alternative against the baseline.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkCase } from "../../../src/case/evaluate-document.js";
import { sensitivity } from "../../../src/core/finance/sensitivity.js";
import { SWITCHING_TOLERANCE } from "../../../src/core/finance/switching.js";
import type { SwitchingValue } from "../../../src/core/finance/types.js";
import type { ResolvedCase } from "../../../src/core/types.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { d, exactDifference, pairCase, withInput } from "./sensitivity-case.js";

const annuity = (rate: number, years: number) => (1 - (1 + rate) ** -years) / rate;

function switchingOf(result: ReturnType<typeof sensitivity>, key: string, measure: "lcc" | "kg"): SwitchingValue {
  const found = result.switching.find((s) => s.input.key === key && s.measure === measure);
  if (!found) throw new Error(`no switching value for ${key} ${measure}`);
  return found;
}

describe("switching values of the hand-computed pair", () => {
  const c = pairCase();
  const result = sensitivity(c, { a: "A", b: "B", percent: 10 });

  it("the discount rate: B − A = 50 000 × a(r) − 400 000 is 0 where the annuity factor a(r, 10) = 8, r = 4.277 5 %", () => {
    // a(4 %) = 8.110 9 > 8 (B dearer by 5 544.79); a(4.5 %) = (1 − 1.045^−10)/0.045 = 7.912 7 < 8 (B cheaper):
    // the root lies between, and bisection on (1 − (1+r)^−10)/r = 8 gives 0.042 774 978 0…
    expect(annuity(0.04, 10)).toBeGreaterThan(8);
    expect(annuity(0.045, 10)).toBeLessThan(8);
    const s = switchingOf(result, "discount-rate", "lcc");
    expect(s.method).toBe("bracketed");
    expect(s.value!).toBeCloseTo(0.0427749780, 8);
    expect(annuity(s.value!, 10)).toBeCloseTo(8, 6);
    expect(switchingOf(result, "discount-rate", "kg")).toMatchObject({ value: null, reason: "no-effect" });
  });

  it("the amounts: linear, solved exactly", () => {
    // B's yearly cost y: 600 000 + y × 8.110 895 779 = 1 000 000 → y = 400 000 / 8.110 895 779 = 49 316.377 7
    expect(switchingOf(result, "cost:B/1", "lcc")).toMatchObject({ method: "exact" });
    expect(switchingOf(result, "cost:B/1", "lcc").value!).toBeCloseTo(400_000 / annuity(0.04, 10), 4);
    // A's purchase x: x = 600 000 + 405 544.789 = 1 005 544.789
    expect(switchingOf(result, "cost:A/0", "lcc").value!).toBeCloseTo(1_005_544.789, 2);
    // B's purchase z: z + 405 544.789 = 1 000 000 → z = 594 455.211
    expect(switchingOf(result, "cost:B/0", "lcc").value!).toBeCloseTo(594_455.211, 2);
    expect(switchingOf(result, "cost:B/1", "kg")).toMatchObject({ value: null, method: null, reason: "no-effect" });
  });

  it("the factors: kg is linear in each, and a factor shared by A and B moves both", () => {
    // steel s in both: 6 000 s + 3 000 − 10 000 s = 0 → s = 3 000 / 4 000 = 0.75 kg/kg
    expect(switchingOf(result, "factor:steel", "kg")).toMatchObject({ method: "exact" });
    expect(switchingOf(result, "factor:steel", "kg").value!).toBeCloseTo(0.75, 10);
    // electricity e in B only: 12 000 + 6 000 e − 20 000 = 0 → e = 8 000 / 6 000 = 1.333 3 kg/kWh
    expect(switchingOf(result, "factor:el", "kg").value!).toBeCloseTo(8_000 / 6_000, 10);
    // ranked by LCC without carbon: no factor moves the LCC
    expect(switchingOf(result, "factor:steel", "lcc")).toMatchObject({ value: null, reason: "no-effect" });
  });

  it("the analysis period: the first N from 10 at which the order differs", () => {
    // LCC: at N = 9, 50 000 × a(4 %, 9) − 400 000 = 50 000 × 7.435 33 − 400 000 = −28 233.42 < 0, B cheaper;
    // longer periods only add B's yearly cost: no swap above. So 9.
    expect(switchingOf(result, "years", "lcc")).toMatchObject({ value: 9, method: "bracketed" });
    // kg: 12 000 + 300 N − 20 000 = 0 at N = 26.7: B is lower up to 26 years, higher from 27.
    expect(switchingOf(result, "years", "kg")).toMatchObject({ value: 27, method: "bracketed" });
  });

  it("B's escalation: (1 + e)/1.04 = 1/1.042 775, e = 1.04 / 1.042 775 − 1 = −0.266 1 %", () => {
    // B − A = 50 000 × Σ_t ((1+e)/1.04)^t − 400 000: the same sum as at rate r with 1/(1+r) = (1+e)/1.04
    const rate = 0.04277497803511126;
    const s = switchingOf(result, "escalation:B/1", "lcc");
    expect(s.method).toBe("bracketed");
    expect(s.value!).toBeCloseTo(1.04 / (1 + rate) - 1, 8);
  });

  it("A's purchase in year 0 cannot escalate: its escalation is in no bar and has no switching value", () => {
    expect(result.switching.some((s) => s.input.key === "escalation:A/0")).toBe(false);
  });

  it("a solution below zero is no swap: the steel factor would have to be negative", () => {
    // A with 2 000 kg steel instead: B − A kg with the shared steel factor s = 6 000 s + 3 000 − 2 000 s
    // = 4 000 s + 3 000, zero at s = −0.75 kg/kg: outside the factor's domain (≥ 0)
    const c0 = pairCase();
    const a = c0.alternatives[0]!;
    const lighter = { ...c0, alternatives: [{ ...a, emissions: [{ ...a.emissions[0]!, quantity: d(2_000) }] }, c0.alternatives[1]!] };
    const s = switchingOf(sensitivity(lighter, { a: "A", b: "B", percent: 10 }), "factor:steel", "kg");
    expect(s).toMatchObject({ value: null, method: null, reason: "no-swap-in-domain" });
  });

  it("evaluating just either side of every switching value found swaps the order, by the exact core", () => {
    const found = result.switching.filter((s) => s.value !== null);
    // every kind of input has at least one value
    expect(new Set(found.map((s) => s.input.kind))).toEqual(new Set(["discount-rate", "years", "escalation", "cost", "factor"]));
    for (const s of found) {
      const v = s.value!;
      const step = s.input.kind === "years" ? 0 : Math.max(1e-6 * Math.abs(v), 100 * SWITCHING_TOLERANCE);
      // years: the order as the case stands at v − 1 (nearer the base 10 for 9 is 10; for 27 it is 26), changed at v
      const [before, after] = s.input.kind === "years" ? [v > c.years ? v - 1 : v + 1, v] : [v - step, v + step];
      const sideOf = (x: number) => Math.sign(exactDifference(withInput(c, s.input.key, x), "A", "B")[s.measure]);
      expect(sideOf(before) * sideOf(after), `${s.input.key} ${s.measure} at ${v}`).toBe(-1);
    }
  });
});

describe("switching values and bars of the example cases, against the exact core", () => {
  const EXAMPLES = new URL("../../../examples/", import.meta.url).pathname;
  const library = loadFactorLibrary();
  const cases = readdirSync(EXAMPLES)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const checked = checkCase(JSON.parse(readFileSync(EXAMPLES + f, "utf8")), library);
      if (!checked.ok) throw new Error(`${f} does not check`);
      return { name: f, resolved: checked.resolved as ResolvedCase };
    });

  it("each switching value found swaps the order just either side of it, and each bar is the exact core's B − A at its ends", () => {
    let found = 0;
    for (const { name, resolved: c } of cases) {
      for (const alt of c.alternatives.filter((x) => x.id !== c.baseline)) {
        const result = sensitivity(c, { a: c.baseline, b: alt.id, percent: 10 });
        const exact = (key: string, value: number) => exactDifference(withInput(c, key, value), c.baseline, alt.id, { withCarbon: result.lccIncludesCarbon });
        for (const bar of result.bars) {
          for (const end of ["low", "high"] as const) {
            const e = exact(bar.input.key, bar.input[end]);
            expect(Math.abs(bar.lcc[end] - e.lcc), `${name} ${alt.id} ${bar.input.key} ${end} LCC`).toBeLessThanOrEqual(1e-9 * Math.max(1e6, Math.abs(e.lcc)));
            expect(Math.abs(bar.kg[end] - e.kg), `${name} ${alt.id} ${bar.input.key} ${end} kg`).toBeLessThanOrEqual(1e-9 * Math.max(1e5, Math.abs(e.kg)));
          }
        }
        for (const s of result.switching.filter((x) => x.value !== null)) {
          const v = s.value!;
          const step = Math.max(1e-6 * Math.abs(v), 100 * SWITCHING_TOLERANCE);
          const [before, after] = s.input.kind === "years" ? [v > c.years ? v - 1 : v + 1, v] : [v - step, v + step];
          const sideOf = (x: number) => Math.sign(exact(s.input.key, x)[s.measure]);
          // the period's value is the first N whose order differs: the other side, or a tie
          if (s.input.kind === "years") expect(sideOf(after), `${name} ${alt.id} years ${s.measure} at ${v}`).not.toBe(sideOf(before));
          else expect(sideOf(before) * sideOf(after), `${name} ${alt.id} ${s.input.key} ${s.measure} at ${v}`).toBe(-1);
          found++;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
  });
});
