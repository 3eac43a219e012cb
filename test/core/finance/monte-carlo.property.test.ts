/**
 * A law of the Monte Carlo block: with every range of zero width (GSD 1, a
 * cost range of 0 %), every draw, every percentile and the mean are the
 * exact core's figure, |draw − exact| ≤ 1e-9 × max(1, |exact|) (the 1
 * keeps a figure that cancels to 0 from asking for a relative error of an
 * absolute rounding). On ≥ 1 000 random valid cases against the fixture
 * set (carbon prices, service lives, residual values, stage D, R-109's
 * schedule) and on every example case against the bundled set, through
 * the same uncertaintyModel the CLI and the API use.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCase } from "../../../src/case/evaluate-document.js";
import { uncertaintyModel } from "../../../src/case/uncertainty.js";
import type { CaseContext } from "../../../src/case/resolve.js";
import { evaluateCase } from "../../../src/core/evaluate.js";
import { runMonteCarlo } from "../../../src/core/finance/monte-carlo.js";
import type { ResolvedCase } from "../../../src/core/types.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { caseSpec, toDoc } from "../../case/case-arbitrary.js";
import { fixtureLibrary } from "../../case/fixture-library.js";
import { RUNS } from "../../case/property-support.js";

const SEED = 20261202;
const EXAMPLES = new URL("../../../examples/", import.meta.url).pathname;

/** Where a zero-width run differs from the exact core by more than 1e-9 × max(1, |exact|). */
function zeroWidthDifferences(resolved: ResolvedCase, context: CaseContext): string[] {
  const model = uncertaintyModel(resolved, context, 0);
  const zero = { ...model, inputs: model.inputs.map((i) => (i.kind === "factor" ? { ...i, range: { ...i.range, distribution: { shape: "lognormal" as const, gsd: 1 } } } : i)) };
  const block = runMonteCarlo(resolved, zero, { samples: 3, seed: 1 });
  const exact = evaluateCase(resolved);
  const out: string[] = [];
  exact.alternatives.forEach((alt, a) => {
    const got = block.alternatives[a]!;
    const figures: [string, number[], number][] = [
      ["kg", Object.values(got.kg), alt.emissions.totalKg.toNumber()],
      ["lcc", Object.values(got.lcc), alt.lcc.presentValue.toNumber()],
      ...(got.lccWithCarbon ? [["lccWithCarbon", Object.values(got.lccWithCarbon), alt.lcc.presentValueWithCarbon!.toNumber()] as [string, number[], number]] : []),
    ];
    for (const [name, values, e] of figures) for (const v of values) if (!(Math.abs(v - e) <= 1e-9 * Math.max(1, Math.abs(e)))) out.push(`${alt.id}.${name}: ${v} vs exact ${e}`);
  });
  return out;
}

describe("zero-width ranges reproduce the exact core", () => {
  it(`on ${RUNS.numRuns} random valid cases`, () => {
    const failures: string[] = [];
    fc.sample(fc.record({ spec: caseSpec, r109: fc.boolean() }), { numRuns: RUNS.numRuns, seed: SEED }).forEach(({ spec, r109 }, i) => {
      const doc = toDoc(spec, { r109 });
      const checked = checkCase(doc, fixtureLibrary());
      if (!checked.ok) throw new Error(`generated case ${i} was refused: ${JSON.stringify(checked.problems)}`);
      const differences = zeroWidthDifferences(checked.resolved, checked.context);
      if (differences.length > 0) failures.push(`case ${i} (seed ${SEED}): ${differences.slice(0, 3).join("; ")}`);
    });
    expect(failures.slice(0, 3), `${failures.length} cases differ`).toEqual([]);
  }, 120_000);

  it("on every example case", () => {
    const library = loadFactorLibrary();
    for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith(".json"))) {
      const checked = checkCase(JSON.parse(readFileSync(`${EXAMPLES}${file}`, "utf8")), library);
      if (!checked.ok) throw new Error(`${file} does not check`);
      expect(zeroWidthDifferences(checked.resolved, checked.context), file).toEqual([]);
    }
  });
});
