/**
 * Evaluates stored cases with the bundled factors, the same way the CLI and
 * the API do, and keeps each saved version's result (with the factor-set
 * id and hash) beside it. Results are recorded when a case is saved, never
 * on a read: GET routes do not write.
 */
import { evaluateDocument, type Evaluation } from "../case/evaluate-document.js";
import type { ResultOfVersion, SaveOutcome, StoredCase } from "../store/store.js";
import type { AppContext } from "./context.js";
import { notFound } from "./errors.js";

/** The stored case, or a 404 (a page or JSON, as the error handler decides). */
export async function storedCaseOr404(ctx: AppContext, id: string): Promise<StoredCase> {
  const stored = await ctx.store.cases.get(id);
  if (!stored) throw notFound();
  return stored;
}

export type StoredEvaluation = { stored: StoredCase; evaluation: Evaluation; computedAt: string };

/**
 * A stored version never changes, so its evaluation is kept in a small
 * bounded cache (id, version, time saved): a derived copy, never the only
 * copy of anything, so several processes may each keep their own.
 */
const CACHE_LIMIT = 200;
const cache = new Map<string, Evaluation>();

function cachedEvaluation(ctx: AppContext, stored: StoredCase): Evaluation {
  const key = `${stored.id}\u0000${stored.version}\u0000${stored.updatedAt}`;
  let evaluation = cache.get(key);
  if (evaluation === undefined) {
    evaluation = evaluateDocument(stored.document, ctx.library);
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, evaluation);
  }
  return evaluation;
}

export async function evaluateStored(ctx: AppContext, stored: StoredCase): Promise<StoredEvaluation> {
  return { stored, evaluation: cachedEvaluation(ctx, stored), computedAt: new Date().toISOString() };
}

/**
 * The result to keep with a version of this document, computed before the
 * save so that the store writes the version and its result in one
 * transaction; none for a document that does not evaluate.
 */
async function recordResult(ctx: AppContext, document: Record<string, unknown>): Promise<ResultOfVersion | undefined> {
  const evaluation = evaluateDocument(document, ctx.library);
  if (!evaluation.ok) return undefined;
  const set = evaluation.context.set;
  return { factorSet: set.id, factorSetHash: set.hash, result: evaluation.result, computedAt: new Date().toISOString() };
}

/** Stores a new case and its result, both or neither. */
export async function createCase(ctx: AppContext, document: Record<string, unknown>): Promise<StoredCase> {
  return ctx.store.cases.create(document, await recordResult(ctx, document));
}

/** Replaces a case (refused on a version conflict) and stores the new version's result, both or neither. */
export async function updateCase(ctx: AppContext, id: string, document: Record<string, unknown>, expectedVersion?: number): Promise<SaveOutcome> {
  return ctx.store.cases.update(id, document, expectedVersion, await recordResult(ctx, document));
}
