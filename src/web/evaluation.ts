/**
 * Evaluates stored cases with the bundled factors, the same way the CLI and
 * the API do, for the pages and exports, and keeps each version's
 * evaluation in a cache. Saving a case (and its result) is the application
 * layer's work (src/app/cases.ts); GET routes do not write.
 */
import type { Evaluation } from "../case/evaluate-document.js";
import type { Request } from "express";
import type { StoredCase } from "../store/store.js";
import { principalOf } from "./auth.js";
import type { AppContext } from "./context.js";
import { LRUCache } from "lru-cache";
import { isLimitProblem } from "../case/messages.js";

/** The stored case of the signed-in user's organisation, or a 404 (a page or JSON, as the error handler decides). */
export async function storedCaseOr404(ctx: AppContext, req: Request, id: string): Promise<StoredCase> {
  return ctx.app.cases.get(principalOf(req), id);
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
