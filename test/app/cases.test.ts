/**
 * Saving a case computes its result in the evaluation pool, never on the
 * server's thread; a case the pool stops at its time limit is not saved;
 * a role that may not save is refused before anything is computed. The
 * pool and the store are stand-ins that record what they were asked.
 */
import { describe, expect, it } from "vitest";
import { caseUseCases } from "../../src/app/cases.js";
import { ForbiddenError, InvalidInputError } from "../../src/app/errors.js";
import type { Principal } from "../../src/app/principal.js";
import type { Problem } from "../../src/case/messages.js";
import type { EvaluationPool, ResultOutcome } from "../../src/pool/evaluation-pool.js";
import type { Store } from "../../src/store/store.js";

const buyer: Principal = { userId: "u1", organisationId: "o1", role: "buyer", via: "web" };

/** Use cases whose pool answers `outcome` to every result, and whose store keeps what it was given (and the scope it was asked for). */
function answering(outcome: ResultOutcome) {
  const saved: { document: unknown; result: unknown; organisationId: string }[] = [];
  let asked = 0;
  const pool = { result: async () => (asked++, outcome) } as unknown as EvaluationPool;
  const store = {
    scoped: (scope: { organisationId: string }) => ({
      cases: {
        create: async (document: Record<string, unknown>, result?: unknown) => {
          saved.push({ document, result, organisationId: scope.organisationId });
          return { id: "c1", version: 1, document };
        },
      },
    }),
  } as unknown as Store;
  return { cases: caseUseCases({ store, pool }), saved, asked: () => asked };
}

describe("creating a case", () => {
  it("keeps the pool's result with the version, with its factor set and hash, in the principal's organisation", async () => {
    const result = { schema: "kalkyle.result/1", factorSet: "2025-2", factorSetHash: "abc", alternatives: [] };
    const { cases, saved } = answering({ ok: true, text: JSON.stringify(result) });
    await cases.create(buyer, { title: "Kontorstoler" });
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ organisationId: "o1", result: { factorSet: "2025-2", factorSetHash: "abc", result } });
  });

  it("saves a case that does not evaluate without a result, as before", async () => {
    const { cases, saved } = answering({ ok: false, problems: [{ path: "alternatives", code: "required", params: {} }] });
    await cases.create(buyer, { title: "Uferdig" });
    expect(saved).toEqual([{ document: { title: "Uferdig" }, result: undefined, organisationId: "o1" }]);
  });

  it("refuses a case stopped by the time limit (too large, with the problem) and saves nothing", async () => {
    const timeLimit: Problem = { path: "(document)", code: "time-limit", params: { seconds: "20" } };
    const { cases, saved } = answering({ ok: false, problems: [timeLimit] });
    const refusal = await cases.create(buyer, { title: "Tung" }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(InvalidInputError);
    expect(refusal).toMatchObject({ tooLarge: true, problems: [timeLimit] });
    expect(saved).toEqual([]);
  });

  it("refuses an adviser before anything is computed or saved", async () => {
    const { cases, saved, asked } = answering({ ok: true, text: "{}" });
    await expect(cases.create({ ...buyer, role: "adviser" }, { title: "Nei" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(asked()).toBe(0);
    expect(saved).toEqual([]);
  });
});
