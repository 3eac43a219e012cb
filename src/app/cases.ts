/**
 * The case use cases: list, read, create, update, delete, duplicate, and
 * a case's history. Each names its action for the policy first (so a role
 * that may not act learns nothing, 403), then reaches the organisation's
 * cases through the store's scope (so another organisation's case is not
 * found, 404). Saving computes the version's result in the evaluation
 * pool first (never on the server's thread) and hands both to the store,
 * which writes the version, its result and the audit row in one
 * transaction.
 */
import { isLimitProblem } from "../case/messages.js";
import type { EvaluationPool } from "../pool/evaluation-pool.js";
import type { AuditEntry } from "../store/audit.js";
import type { CaseSummary, ListQuery, ResultOfVersion, Store, StoredCase } from "../store/store.js";
import { ConflictError, InvalidInputError, NotFoundError } from "./errors.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

export type CaseServices = { store: Store; pool: EvaluationPool };

/** A case's history as its page shows it: at most this many changes, newest first. */
export const HISTORY_LIMIT = 50;

/**
 * The result to keep with a version of this document; none for a document
 * that does not evaluate. A case stopped by the time limit is not saved:
 * InvalidInputError (too large) with the problem.
 */
export async function resultOf(pool: EvaluationPool, document: Record<string, unknown>): Promise<ResultOfVersion | undefined> {
  const outcome = await pool.result(document);
  if (!outcome.ok) {
    if (outcome.problems.some(isLimitProblem)) throw new InvalidInputError(outcome.problems, true);
    return undefined;
  }
  const result = JSON.parse(outcome.text) as { factorSet: string; factorSetHash: string };
  return { factorSet: result.factorSet, factorSetHash: result.factorSetHash, result, computedAt: new Date().toISOString() };
}

export function caseUseCases({ store, pool }: CaseServices) {
  const casesOf = (p: Principal) => store.scoped(scopeOf(p)).cases;
  const found = <T>(value: T | null): T => {
    if (value === null) throw new NotFoundError();
    return value;
  };
  const create = async (p: Principal, document: Record<string, unknown>): Promise<StoredCase> => {
    authorize(p, "case.create");
    return casesOf(p).create(document, await resultOf(pool, document));
  };

  return {
    async list(p: Principal, query: ListQuery): Promise<{ total: number; cases: CaseSummary[] }> {
      authorize(p, "case.read");
      return casesOf(p).list(query);
    },
    async get(p: Principal, id: string): Promise<StoredCase> {
      authorize(p, "case.read");
      return found(await casesOf(p).get(id));
    },
    /** The version and time of saving only (for pages kept per version). */
    async stamp(p: Principal, id: string): Promise<{ version: number; updatedAt: string }> {
      authorize(p, "case.read");
      return found(await casesOf(p).stamp(id));
    },
    create,
    /** Replaces a case; ConflictError when `expectedVersion` is no longer the stored one. */
    async update(p: Principal, id: string, document: Record<string, unknown>, expectedVersion?: number): Promise<StoredCase> {
      authorize(p, "case.update");
      const cases = casesOf(p);
      found(await cases.stamp(id));
      const outcome = await cases.update(id, document, expectedVersion, await resultOf(pool, document));
      if (!outcome.ok) throw outcome.reason === "not-found" ? new NotFoundError() : new ConflictError("version");
      return outcome.saved;
    },
    async remove(p: Principal, id: string): Promise<void> {
      authorize(p, "case.delete");
      if (!(await casesOf(p).remove(id))) throw new NotFoundError();
    },
    /** A copy of a case under a new title, as a new case. */
    async duplicate(p: Principal, id: string, title: (original: StoredCase) => string): Promise<StoredCase> {
      authorize(p, "case.create");
      const original = found(await casesOf(p).get(id));
      return create(p, { ...original.document, title: title(original) });
    },
    /** Every recorded change of one case, newest first. */
    async history(p: Principal, id: string): Promise<AuditEntry[]> {
      authorize(p, "case.read");
      return (await store.scoped(scopeOf(p)).audit.list({ entityType: "case", entityId: id, limit: HISTORY_LIMIT })).entries;
    },
  };
}

export type CaseUseCases = ReturnType<typeof caseUseCases>;
