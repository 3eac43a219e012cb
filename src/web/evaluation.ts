/**
 * Evaluates stored cases with the bundled factors, the same way the CLI and
 * the API do, and keeps each saved version's result (with the factor-set
 * id and hash) beside it. Results are recorded when a case is saved, never
 * on a read: GET routes do not write.
 */
import type { Evaluation } from "../case/evaluate-document.js";
import type { ResultOfVersion, SaveOutcome, StoredCase } from "../store/store.js";
import type { AppContext } from "./context.js";
import { HttpError, notFound } from "./errors.js";
import { LRUCache } from "lru-cache";
import { isLimitProblem } from "../case/messages.js";

/** The stored case, or a 404 (a page or JSON, as the error handler decides). */
export async function storedCaseOr404(ctx: AppContext, id: string): Promise<StoredCase> {
  const stored = await ctx.store.cases.get(id);
  if (!stored) throw notFound();
  return stored;
}

export type StoredEvaluation = { stored: StoredCase; evaluation: Evaluation; computedAt: string };

/**
 * A stored version never changes, so its evaluation is kept in a cache
 * bounded by size, not by count: one heavy case weighs as much as hundreds
 * of small ones. A derived copy, never the only copy of anything, so
 * several processes may each keep their own. Concurrent requests for the
 * same version share one evaluation (lru-cache's fetch). See
 * docs/decisions.md ("The evaluation cache is bounded by estimated bytes").
 */
export const EVALUATION_CACHE_BYTES = Number(process.env.EVALUATION_CACHE_MB ?? 128) * 1024 * 1024;
/**
 * An evaluation in memory weighs about this many times its text as sent
 * from the worker (decimals become objects): measured on the examples and
 * on the heaviest case the work budget allows.
 */
const HEAP_PER_TEXT_BYTE = 12;

type Cached = { evaluation: Evaluation; bytes: number };
const caches = new WeakMap<AppContext, LRUCache<string, Cached, StoredCase>>();

function cacheOf(ctx: AppContext): LRUCache<string, Cached, StoredCase> {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new LRUCache<string, Cached, StoredCase>({
      maxSize: ctx.evaluationCacheBytes,
      sizeCalculation: (entry) => Math.max(1, entry.bytes * HEAP_PER_TEXT_BYTE),
      fetchMethod: (_key, _stale, { context }) => ctx.pool.evaluate(context.document),
    });
    caches.set(ctx, cache);
  }
  return cache;
}

/** What the cache holds now, in the same estimated bytes as its bound: `bytes` never exceeds `maxBytes`. */
export function evaluationCacheUse(ctx: AppContext): { entries: number; bytes: number; maxBytes: number } {
  const cache = cacheOf(ctx);
  return { entries: cache.size, bytes: cache.calculatedSize, maxBytes: cache.maxSize };
}

async function cachedEvaluation(ctx: AppContext, stored: StoredCase): Promise<Evaluation> {
  const key = `${stored.id}\u0000${stored.version}\u0000${stored.updatedAt}`;
  const cache = cacheOf(ctx);
  const { evaluation } = (await cache.fetch(key, { context: stored }))!;
  // A case stopped by the time limit may pass when the server is quieter: not kept.
  if (!evaluation.ok && evaluation.problems.some(isLimitProblem)) cache.delete(key);
  return evaluation;
}

export async function evaluateStored(ctx: AppContext, stored: StoredCase): Promise<StoredEvaluation> {
  return { stored, evaluation: await cachedEvaluation(ctx, stored), computedAt: new Date().toISOString() };
}

/**
 * The result to keep with a version of this document, computed in the
 * evaluation pool (never on the server's thread) before the save, so that
 * the store writes the version and its result in one transaction; none for
 * a document that does not evaluate. A case stopped by the time limit is
 * not saved: 413 with the problem, as POST /api/v1/evaluate answers it.
 */
async function recordResult(ctx: AppContext, document: Record<string, unknown>): Promise<ResultOfVersion | undefined> {
  const outcome = await ctx.pool.result(document);
  if (!outcome.ok) {
    if (outcome.problems.some(isLimitProblem)) throw new HttpError(413, "error.tooLarge", outcome.problems);
    return undefined;
  }
  const result = JSON.parse(outcome.text) as { factorSet: string; factorSetHash: string };
  return { factorSet: result.factorSet, factorSetHash: result.factorSetHash, result, computedAt: new Date().toISOString() };
}

/** Stores a new case and its result, both or neither. */
export async function createCase(ctx: AppContext, document: Record<string, unknown>): Promise<StoredCase> {
  return ctx.store.cases.create(document, await recordResult(ctx, document));
}

/** Replaces a case (refused on a version conflict) and stores the new version's result, both or neither. */
export async function updateCase(ctx: AppContext, id: string, document: Record<string, unknown>, expectedVersion?: number): Promise<SaveOutcome> {
  return ctx.store.cases.update(id, document, expectedVersion, await recordResult(ctx, document));
}
