/**
 * The Monte Carlo engine on small resolved cases whose answers are known by
 * hand: a seed reproduces its numbers, zero-width ranges give the exact
 * core's figures, shared factors make dominance certain, and a uniform
 * ±10 % range has the percentiles of its distribution.
 */
import { describe, expect, it } from "vitest";
import { evaluateCase } from "../../../src/core/evaluate.js";
import { costRange, runMonteCarlo, type MonteCarloModel } from "../../../src/core/finance/monte-carlo.js";
import type { Distribution, UncertainInput } from "../../../src/core/finance/types.js";
import { alternative, cost, d, emission, resolvedCase } from "../builders.js";

const factorInput = (id: string, distribution: Distribution): UncertainInput => ({ key: `factor:${id}`, kind: "factor", label: id, range: { distribution, basis: "default" } });
const costInput = (key: string, percent: number): UncertainInput => ({ key: `cost:${key}`, kind: "cost", label: key, range: { distribution: costRange(percent), basis: "user" } });

/** Two alternatives sharing factor "steel": B uses twice A's steel and costs more. */
function dominatedCase() {
  const resolved = resolvedCase([
    alternative("A", { emissions: [emission({ quantity: 100, kgPerUnit: 2 })], costs: [cost({ amount: 1000 })] }),
    alternative("B", { emissions: [emission({ quantity: 200, kgPerUnit: 2 })], costs: [cost({ amount: 1500 })] }),
  ]);
  const model: MonteCarloModel = {
    inputs: [factorInput("steel", { shape: "lognormal", gsd: 1.5 }), costInput("A/0", 10), costInput("B/0", 10)],
    emissionInputs: [[0], [0]],
    costInputs: [[1], [2]],
  };
  return { resolved, model };
}

describe("runMonteCarlo", () => {
  it("a fixed seed reproduces its own numbers; another seed gives others", () => {
    const { resolved, model } = dominatedCase();
    const first = runMonteCarlo(resolved, model, { samples: 500, seed: 42 });
    expect(runMonteCarlo(resolved, model, { samples: 500, seed: 42 })).toEqual(first);
    expect(runMonteCarlo(resolved, model, { samples: 500, seed: 43 }).alternatives[0]!.kg.p50).not.toBe(first.alternatives[0]!.kg.p50);
    expect(first).toMatchObject({ samples: 500, seed: 42, inputs: model.inputs });
  });

  it("zero-width ranges give the exact core's figures (to 1e-9 relative), with a carbon price, a schedule and residual value", () => {
    const resolved = resolvedCase(
      [
        alternative("A", {
          emissions: [emission({ quantity: "123.4", kgPerUnit: "2.51", every: 2 }), emission({ kind: "energy", quantity: 3000, kgPerUnit: "0.019", every: 1 }), emission({ quantity: 10, kgPerUnit: -3, stage: "D" })],
          costs: [cost({ amount: 7000, life: 7, escalation: "0.015" }), cost({ kind: "energy", amount: 1234, every: 1, escalation: "0.02" }), cost({ kind: "residual", amount: 500, at: "end" })],
        }),
        alternative("B", { emissions: [emission({ quantity: "80.2", kgPerUnit: "2.51" })], costs: [cost({ amount: 9000 })] }),
      ],
      { years: 20, carbonPrice: new Map([[2026, d(1500)], [2035, d(2400)]]), discountSchedule: [{ fromYear: 0, rate: d("0.04") }, { fromYear: 15, rate: d("0.03") }] },
    );
    const zero: Distribution = { shape: "triangular", low: 1, mode: 1, high: 1 };
    const model: MonteCarloModel = {
      inputs: [factorInput("steel", zero), factorInput("grid", { shape: "lognormal", gsd: 1 }), factorInput("x", { shape: "uniform", low: 1, high: 1 }), costInput("A/0", 0), costInput("A/1", 0), costInput("A/2", 0), costInput("B/0", 0)],
      emissionInputs: [[0, 1, 2], [0]],
      costInputs: [[3, 4, 5], [6]],
    };
    const result = runMonteCarlo(resolved, model, { samples: 200, seed: 7 });
    const exact = evaluateCase(resolved);
    const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.abs(expected));
    exact.alternatives.forEach((alt, a) => {
      const got = result.alternatives[a]!;
      for (const p of [got.kg.p5, got.kg.p50, got.kg.p95, got.kg.mean]) close(p, alt.emissions.totalKg.toNumber());
      for (const p of [got.lcc.p5, got.lcc.p50, got.lcc.p95, got.lcc.mean]) close(p, alt.lcc.presentValue.toNumber());
      for (const p of [got.lccWithCarbon!.p5, got.lccWithCarbon!.p95, got.lccWithCarbon!.mean]) close(p, alt.lcc.presentValueWithCarbon!.toNumber());
    });
    // the same in every draw: B's 80.2 × 2.51 = 201.3 kg is below A's (123.4 × 2.51 × 10 alone), its 9 000 NOK below A's 7 000 + 20 × 1 234 …
    expect(result.beatsBaseline).toEqual([{ id: "B", kg: 1, lcc: 1 }]);
  });

  it("an alternative with twice the shared factor's quantity and a higher cost never beats the baseline: probability 0", () => {
    const { resolved, model } = dominatedCase();
    // B's CO2e is 2 × A's in every draw (same multiplier); its cost is 1500 × [0.9, 1.1] ≥ 1350 > 1100 ≥ A's
    expect(runMonteCarlo(resolved, model, { samples: 2000, seed: 1 }).beatsBaseline).toEqual([{ id: "B", kg: 0, lcc: 0 }]);
  });

  it("an alternative strictly better on the shared inputs always beats the baseline: probability 1", () => {
    const { resolved, model } = dominatedCase();
    const swapped = { ...resolved, baseline: "B" };
    expect(runMonteCarlo(swapped, model, { samples: 2000, seed: 1 }).beatsBaseline).toEqual([{ id: "A", kg: 1, lcc: 1 }]);
  });

  it("uniform ±10 % on one item: P5 ≈ 0.91×, P50 ≈ 1×, P95 ≈ 1.09× (sampling error of a quantile ≈ √(p(1−p)/n) / density = √(0.0475/10 000) / 5 ≈ 0.00044; allowed 0.002)", () => {
    const resolved = resolvedCase([alternative("A", { emissions: [emission({ quantity: 1000, kgPerUnit: 1 })], costs: [cost({ amount: 1000 })] })]);
    const model: MonteCarloModel = { inputs: [factorInput("f", { shape: "uniform", low: 0.9, high: 1.1 })], emissionInputs: [[0]], costInputs: [[-1]] };
    const { kg, lcc } = runMonteCarlo(resolved, model, { samples: 10_000, seed: 42 }).alternatives[0]!;
    // uniform on [900, 1100]: P5 = 900 + 0.05 × 200 = 910, P95 = 900 + 0.95 × 200 = 1090, mean 1000
    expect(Math.abs(kg.p5 - 910)).toBeLessThan(2);
    expect(Math.abs(kg.p50 - 1000)).toBeLessThan(2);
    expect(Math.abs(kg.p95 - 1090)).toBeLessThan(2);
    // the mean's standard error is 200 / √12 / √10 000 ≈ 0.58 kg
    expect(Math.abs(kg.mean - 1000)).toBeLessThan(2.5);
    // an item without an input stays as entered
    expect(lcc).toEqual({ p5: 1000, p50: 1000, p95: 1000, mean: 1000 });
  });

  it("log-normal with GSD 1.2: the median stays 1× and P95 ≈ 1.2^1.645 = 1.349×", () => {
    const resolved = resolvedCase([alternative("A", { emissions: [emission({ quantity: 1000, kgPerUnit: 1 })] })]);
    const model: MonteCarloModel = { inputs: [factorInput("f", { shape: "lognormal", gsd: 1.2 })], emissionInputs: [[0]], costInputs: [[]] };
    const { kg } = runMonteCarlo(resolved, model, { samples: 10_000, seed: 5 }).alternatives[0]!;
    // ln 1.2 = 0.18232; P95 = exp(1.6449 × 0.18232) = 1.3497; density-based error of the quantiles well under 1 %
    expect(Math.abs(kg.p50 / 1000 - 1)).toBeLessThan(0.01);
    expect(Math.abs(kg.p95 / 1000 - 1.3497)).toBeLessThan(0.015);
    expect(Math.abs(kg.p5 / 1000 - 1 / 1.3497)).toBeLessThan(0.01);
  });
});
