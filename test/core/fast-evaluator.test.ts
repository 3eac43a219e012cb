/**
 * The fast evaluator (src/core/fast) equals the exact core: every figure to
 * 1e-12 (|fast − exact| ≤ 1e-12 × max(1, |exact|)), in the same shape (the
 * same fields in the same order, the same array lengths), with the same
 * ranking order, dominance, rank notes and payback years. Checked on
 * ≥ 1 000 random valid cases resolved against the fixture set (a third of
 * them over 31–200 years, some under R-109's schedule or a random schedule
 * of rates, so that every discount segment is reached) and on every case
 * in examples/ resolved against the bundled factor set. The random cases
 * include factors given per calendar year, so an occurrence weighed with
 * another year's value would differ. The cases are
 * generated and evaluated once for the whole file.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCase } from "../../src/case/evaluate-document.js";
import { Decimal } from "../../src/core/decimal.js";
import { evaluateCase } from "../../src/core/evaluate.js";
import { compileCase, evaluateCompiled, type NumericCoreResult } from "../../src/core/fast/index.js";
import type { CoreResult, DiscountSegment, ResolvedCase } from "../../src/core/types.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { caseSpec, toDoc } from "../case/case-arbitrary.js";
import { fixtureLibrary } from "../case/fixture-library.js";
import { RUNS } from "../case/property-support.js";
import { alternative, cost, d, emission, resolvedCase } from "./builders.js";

const SEED = 20261125;
const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

/** Rates from 0 to 10 % by year, the first segment from year 0, the others 1–60 years apart. */
const schedule: fc.Arbitrary<DiscountSegment[]> = fc
  .array(fc.record({ gap: fc.integer({ min: 1, max: 60 }), permille: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 3 })
  .map((segments) => {
    let fromYear = 0;
    return segments.map((s, i) => ({ fromYear: i === 0 ? 0 : (fromYear += s.gap), rate: new Decimal(s.permille).div(1000) }));
  });

const generated = fc.record({
  spec: caseSpec,
  years: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.integer({ min: 31, max: 110 }), weight: 1 }),
  r109: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  schedule: fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: schedule, weight: 1 }),
});

type Pair = { label: string; resolved: ResolvedCase; exact: CoreResult; fast: NumericCoreResult };

function pairOf(label: string, resolved: ResolvedCase): Pair {
  return { label, resolved, exact: evaluateCase({ ...resolved, award: undefined }), fast: evaluateCompiled(compileCase(resolved)) }; // award points are the exact core's alone
}

function randomPairs(): Pair[] {
  return fc.sample(generated, { numRuns: RUNS.numRuns, seed: SEED }).map(({ spec, years, r109, schedule }, i) => {
    const doc = toDoc(spec, { years, r109 });
    const checked = checkCase(doc, fixtureLibrary());
    if (!checked.ok) throw new Error(`generated case ${i} was refused: ${JSON.stringify(checked.problems)}`);
    const resolved = schedule === undefined ? checked.resolved : { ...checked.resolved, discountRate: schedule[0]!.rate, discountSchedule: schedule };
    return pairOf(`random case ${i} (seed ${SEED}): ${JSON.stringify(doc)}${schedule ? ` schedule ${JSON.stringify(schedule)}` : ""}`, resolved);
  });
}

/** Where the fast result differs from the exact one: a Decimal by more than 1e-12, anything else at all. */
function differences(fast: unknown, exact: unknown, path = "", out: string[] = []): string[] {
  if (Decimal.isDecimal(exact)) {
    const e = (exact as Decimal).toNumber();
    if (typeof fast !== "number" || !(Math.abs(fast - e) <= 1e-12 * Math.max(1, Math.abs(e)))) out.push(`${path}: fast ${String(fast)}, exact ${String(exact)}`);
  } else if (Array.isArray(exact)) {
    if (!Array.isArray(fast) || fast.length !== exact.length) out.push(`${path}: fast has ${Array.isArray(fast) ? fast.length : "no"} entries, exact ${exact.length}`);
    else exact.forEach((e, i) => differences(fast[i], e, `${path}[${i}]`, out));
  } else if (exact !== null && typeof exact === "object") {
    const f = (fast ?? {}) as Record<string, unknown>;
    if (Object.keys(f).join() !== Object.keys(exact).join()) out.push(`${path}: fields ${Object.keys(f).join()} vs exact ${Object.keys(exact).join()}`);
    for (const [key, e] of Object.entries(exact)) differences(f[key], e, `${path}.${key}`, out);
  } else if (fast !== exact) out.push(`${path}: fast ${String(fast)}, exact ${String(exact)}`);
  return out;
}

function expectSameFigures(pairs: readonly Pair[]): void {
  const failures = pairs.map((p) => ({ label: p.label, differences: differences(p.fast, p.exact).slice(0, 5) })).filter((f) => f.differences.length > 0);
  expect(failures.slice(0, 3), `${failures.length} of ${pairs.length} cases differ`).toEqual([]);
}

describe(`the fast evaluator on ${RUNS.numRuns} random valid cases`, () => {
  let pairs: Pair[];
  beforeAll(() => {
    pairs = randomPairs();
  });

  it("gives every figure of the exact core to 1e-12, in the same shape", () => {
    expectSameFigures(pairs);
  });

  it("ranks in the same order", () => {
    for (const p of pairs) expect(p.fast.ranking.order, p.label).toEqual(p.exact.ranking.order);
  });

  it("finds the same dominated alternatives, dominators and rank notes", () => {
    const dominance = (r: CoreResult | NumericCoreResult) => r.alternatives.map((a) => ({ id: a.id, rank: a.rank, dominated: a.dominated, by: a.dominatedBy.map((x) => x.by), note: a.rankNote?.by ?? null }));
    for (const p of pairs) expect(dominance(p.fast), p.label).toEqual(dominance(p.exact));
  });

  it("gives the same payback years", () => {
    const payback = (r: CoreResult | NumericCoreResult) => r.comparison.map((c) => [c.id, c.paybackYear, c.payback]);
    for (const p of pairs) expect(payback(p.fast), p.label).toEqual(payback(p.exact));
  });

  it("reaches what the comparison is about: late discount segments, carbon prices, dominance, rank notes, every payback kind", () => {
    const count = (test: (p: Pair) => boolean) => pairs.filter(test).length;
    const reached = {
      thirdSegment: count((p) => (p.resolved.discountSchedule?.length ?? 1) >= 3 && p.resolved.years > p.resolved.discountSchedule![2]!.fromYear),
      carbonPrice: count((p) => p.resolved.carbonPrice !== null),
      dominated: count((p) => p.exact.alternatives.some((a) => a.dominated)),
      rankNote: count((p) => p.exact.alternatives.some((a) => a.rankNote !== null)),
      residualFromLife: count((p) => p.resolved.alternatives.some((a) => a.costs.some((c) => c.life !== undefined && (p.resolved.years - (c.at === "end" ? p.resolved.years : (c.at ?? 0))) % c.life !== 0))),
      suggestedLevel: count((p) => p.exact.alternatives.some((a) => a.wasteLevelSource === "suggested")),
      // a factor given by year whose value differs between two occurrences of one item: a wrong year would show
      yearVarying: count((p) => p.resolved.alternatives.some((a) => a.emissions.some((e) => e.kgPerUnitByYear !== undefined && new Set(e.kgPerUnitByYear.map(String)).size > 1 && (e.every !== undefined || e.life !== undefined)))),
      fromStart: count((p) => p.exact.comparison.some((c) => c.payback === "from-start")),
      inYear: count((p) => p.exact.comparison.some((c) => c.payback === "in-year")),
      never: count((p) => p.exact.comparison.some((c) => c.payback === "never")),
    };
    for (const [what, n] of Object.entries(reached)) expect(n, `${what}: ${JSON.stringify(reached)}`).toBeGreaterThan(0);
  });
});

describe("the fast evaluator on the examples, against the bundled factor set", () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json")).sort();

  it.each(files)("%s: every figure, the ranking, dominance and payback as the exact core gives them", (file) => {
    const checked = checkCase(JSON.parse(readFileSync(`${EXAMPLES}${file}`, "utf8")), loadFactorLibrary());
    if (!checked.ok) throw new Error(`${file}: ${JSON.stringify(checked.problems)}`);
    expectSameFigures([pairOf(file, checked.resolved)]);
  });
});

describe("the fast evaluator, worked examples", () => {
  it("1 000 NOK in year 10 at 4 %: 1 000 / 1.04^10 = 675.564 169; EAC over 10 years = PV × 0.04 / (1 − 1.04^−10) = 83.291", () => {
    const c = resolvedCase([alternative("A", { costs: [cost({ amount: 1000, at: 10 })] })]);
    const lcc = evaluateCompiled(compileCase(c)).alternatives[0]!.lcc;
    expect(lcc.presentValue).toBeCloseTo(675.564169, 6);
    expect(lcc.equivalentAnnualCost).toBeCloseTo(83.291, 3);
    expect(lcc.byYear[10]).toBe(lcc.presentValue);
  });

  it("ties as the exact core does: 0.1 kg + 0.2 kg against 0.3 kg is a tie, so the cheaper ranks first and nothing is dominated by CO2e alone", () => {
    const c = resolvedCase(
      [
        alternative("A", { emissions: [emission({ quantity: "0.1", kgPerUnit: 1 }), emission({ quantity: "0.2", kgPerUnit: 1 })], costs: [cost({ amount: 200 })] }),
        alternative("B", { emissions: [emission({ quantity: "0.3", kgPerUnit: 1 })], costs: [cost({ amount: 100 })] }),
      ],
      { ranking: "emissions" },
    );
    const fast = evaluateCompiled(compileCase(c));
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(fast.ranking.order).toEqual(evaluateCase(c).ranking.order);
    expect(fast.ranking.order).toEqual(["B", "A"]);
    expect(fast.comparison[0]!.deltaKg).toBe(0);
    expect(fast.comparison[0]!.abatementCostPerTonne).toBeNull();
    expect(fast.alternatives[0]!.dominatedBy).toEqual([{ by: "B", moreKg: 0, morePresentValue: 100 }]);
  });

  it("a compiled case evaluates to the same result every time", () => {
    const c = resolvedCase([alternative("A", { emissions: [emission({ quantity: 3, kgPerUnit: "2.5", every: 2 })], costs: [cost({ amount: 7000, life: 7, escalation: "0.02" })] })], { years: 20, carbonPrice: new Map([[2026, d(1500)], [2030, d(2000)]]) });
    const compiled = compileCase(c);
    expect(evaluateCompiled(compiled)).toEqual(evaluateCompiled(compiled));
    expect(differences(evaluateCompiled(compiled), evaluateCase(c))).toEqual([]);
  });
});
