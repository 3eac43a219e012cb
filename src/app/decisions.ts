/**
 * The decisions register: a buyer records, from a case's comparison page,
 * the alternative chosen, the contract's start and length, the purchase
 * category and the strategy area. The figures are taken from the result
 * kept with the case's current version (the factor set it was computed
 * with, the avoided tonnes against the case's baseline alternative spread
 * over the contract's calendar years, the LCC difference) and kept as
 * they were: a later factor set or a later edit of the case never
 * rewrites a recorded decision. A version kept without its result (the
 * examples seeded at first start) is evaluated in the pool first, as a
 * save would have.
 */
import { decisionFigures } from "../core/climate/decision-figures.js";
import { parseDecisionInput } from "../core/climate/decision-input.js";
import type { DecisionRecord } from "../core/climate/types.js";
import type { ResultDocument } from "../case/result-schema.js";
import type { EvaluationPool } from "../pool/evaluation-pool.js";
import type { Store, StoredCase } from "../store/store.js";
import { resultOf } from "./cases.js";
import { InvalidInputError, NotFoundError } from "./errors.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

export type DecisionForm = {
  caseId: string;
  caseTitle: string;
  caseVersion: number;
  factorSet: string;
  alternatives: { id: string; name: string }[];
  baseline: { id: string; name: string };
  /** The alternative ranked first: the form's default choice. */
  preferred: string;
};

/** The alternative every other is compared with: the comparison's baseline, or the only alternative. */
function baselineOf(result: ResultDocument): string {
  return result.comparison[0]?.baseline ?? result.alternatives[0]!.id;
}

export function decisionUseCases({ store, pool }: { store: Store; pool: EvaluationPool }) {
  const scopedOf = (p: Principal) => store.scoped(scopeOf(p));

  /** The case and the result of its current version; a case whose current version does not evaluate cannot be decided on. */
  async function caseWithResult(p: Principal, caseId: unknown): Promise<{ stored: StoredCase; result: ResultDocument; factorSet: string }> {
    const scoped = scopedOf(p);
    const stored = typeof caseId === "string" && caseId !== "" ? await scoped.cases.get(caseId) : null;
    if (stored === null) throw new NotFoundError();
    const kept = await scoped.cases.latestResult(stored.id);
    const current = kept !== null && kept.version === stored.version ? kept : await resultOf(pool, stored.document);
    const result = current?.result as ResultDocument | undefined;
    if (current === undefined || result === undefined || result.alternatives.length === 0) {
      throw new InvalidInputError([{ path: "caseId", code: "decision-no-result", params: {} }]);
    }
    return { stored, result, factorSet: current.factorSet };
  }

  return {
    async list(p: Principal): Promise<DecisionRecord[]> {
      authorize(p, "climate.read");
      return scopedOf(p).climate.decisions();
    },
    async get(p: Principal, id: string): Promise<DecisionRecord> {
      authorize(p, "climate.read");
      const found = await scopedOf(p).climate.decision(id);
      if (found === null) throw new NotFoundError();
      return found;
    },
    /** What the form needs: the case's alternatives, its baseline and the alternative ranked first. */
    async form(p: Principal, caseId: string): Promise<DecisionForm> {
      authorize(p, "decision.create");
      const { stored, result, factorSet } = await caseWithResult(p, caseId);
      const baseline = baselineOf(result);
      const names = new Map(result.alternatives.map((a) => [a.id, a.name]));
      return {
        caseId: stored.id,
        caseTitle: stored.title,
        caseVersion: stored.version,
        factorSet,
        alternatives: result.alternatives.map((a) => ({ id: a.id, name: a.name })),
        baseline: { id: baseline, name: names.get(baseline) ?? baseline },
        preferred: result.ranking.order[0] ?? baseline,
      };
    },
    async record(p: Principal, input: unknown): Promise<DecisionRecord> {
      authorize(p, "decision.create");
      const caseId = typeof input === "object" && input !== null ? (input as { caseId?: unknown }).caseId : undefined;
      const { stored, result } = await caseWithResult(p, caseId);
      const parsed = parseDecisionInput(input, result.alternatives.map((a) => a.id));
      if (!parsed.ok) throw new InvalidInputError(parsed.problems);
      const decision = parsed.value;
      const figures = decisionFigures(result, decision.chosen, decision.contractStart, decision.contractMonths);
      return scopedOf(p).climate.createDecision({ ...decision, caseId: stored.id, caseTitle: stored.title, caseVersion: stored.version, ...figures });
    },
    async remove(p: Principal, id: string): Promise<void> {
      authorize(p, "decision.delete");
      if (!(await scopedOf(p).climate.removeDecision(id))) throw new NotFoundError();
    },
  };
}

export type DecisionUseCases = ReturnType<typeof decisionUseCases>;
