/**
 * Shared pieces of the property tests: how many runs, how to evaluate a
 * generated spec, and "equal but for rounding at the 34th digit".
 * KALKYLE_PROPERTY_RUNS raises the run count (QUALITY.md asks 10 000 for
 * totality in CI); it never goes below 1000.
 */
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { Decimal } from "../../src/core/decimal.js";
import { toDoc, type CaseSpec, type DocOptions } from "./case-arbitrary.js";
import { fixtureLibrary } from "./fixture-library.js";

export const RUNS = { numRuns: Math.max(1000, Number(process.env.KALKYLE_PROPERTY_RUNS ?? 0) || 0) };

export function evaluateSpec(spec: CaseSpec, o: DocOptions = {}) {
  const evaluation = evaluateDocument(toDoc(spec, o), fixtureLibrary());
  if (!evaluation.ok) throw new Error(`generated case was refused: ${JSON.stringify(evaluation.problems)}`);
  return evaluation;
}

const STRICT = new Decimal("1e-24");

/** |a − b| ≤ 1e-24 × max(|a|, |b|, 1). */
export function nearlyEqual(a: Decimal, b: Decimal): boolean {
  return a.minus(b).abs().lte(Decimal.max(a.abs(), b.abs(), 1).mul(STRICT));
}
