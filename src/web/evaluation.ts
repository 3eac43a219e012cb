/**
 * Evaluates a stored case with the bundled factors and keeps the result
 * (with the factor-set id and hash) beside the case version it came from.
 * The comparison page, the report, the exports and the API all use this,
 * so they show the same figures as `kalkyle evaluate`.
 */
import { evaluateDocument, type Evaluation } from "../case/evaluate-document.js";
import type { StoredCase } from "../store/store.js";
import type { AppContext } from "./context.js";

export type StoredEvaluation = { stored: StoredCase; evaluation: Evaluation; computedAt: string };

export async function evaluateStored(ctx: AppContext, stored: StoredCase): Promise<StoredEvaluation> {
  const evaluation = evaluateDocument(stored.document, ctx.library);
  const computedAt = new Date().toISOString();
  if (evaluation.ok) {
    const previous = await ctx.store.cases.latestResult(stored.id);
    if (!previous || previous.version !== stored.version || previous.factorSetHash !== evaluation.context.set.hash) {
      await ctx.store.cases.saveResult({ caseId: stored.id, version: stored.version, factorSet: evaluation.context.set.id, factorSetHash: evaluation.context.set.hash, result: evaluation.result, computedAt });
    }
  }
  return { stored, evaluation, computedAt };
}
