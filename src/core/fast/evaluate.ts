/**
 * Evaluates a compiled case in plain numbers: every figure the exact core
 * (evaluate.ts `evaluateCase`) gives, in the same shape, to 1e-12 relative
 * (the property test in test/core/fast-evaluator.test.ts holds it to that).
 * Pure: the compiled case is only read, so it can be evaluated any number
 * of times.
 *
 * Example: evaluateCompiled(compileCase(resolved)).alternatives[0].lcc.presentValue
 * is evaluateCase(resolved).alternatives[0].lcc.presentValue as a number.
 */
import { evaluateAlternative } from "./alternative.js";
import { compareWithBaseline } from "./comparison.js";
import { dominatorsOf, rankAlternatives, rankNoteOf } from "./ranking.js";
import type { CompiledCase, NumericAlternativeResult, NumericCoreResult } from "./types.js";

export function evaluateCompiled(compiled: CompiledCase): NumericCoreResult {
  const evaluated = compiled.alternatives.map((alt) => evaluateAlternative(alt, compiled));
  const order = rankAlternatives(evaluated, compiled.ranking);
  const alternatives: NumericAlternativeResult[] = evaluated.map((r) => {
    const dominatedBy = dominatorsOf(r, evaluated);
    return { ...r, rank: order.indexOf(r.id) + 1, dominated: dominatedBy.length > 0, dominatedBy, rankNote: rankNoteOf(r, dominatedBy, order, evaluated, compiled.ranking) };
  });
  return {
    alternatives,
    ranking: { method: compiled.ranking, order },
    comparison: compareWithBaseline(alternatives, compiled.baseline),
  };
}
