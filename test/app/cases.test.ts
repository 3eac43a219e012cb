/**
 * Saving a case computes its result in the evaluation pool, never on the
 * server's thread; a case the pool stops at its time limit is not saved.
 * The pool and the store are stand-ins that record what they were asked.
 */
import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/case/messages.js";
import type { EvaluationPool, ResultOutcome } from "../../src/pool/evaluation-pool.js";
import type { AppContext } from "../../src/web/context.js";
import { HttpError } from "../../src/web/errors.js";
import { createCase } from "../../src/web/evaluation.js";

/** A context whose pool answers `outcome` to every result, and whose store keeps what it was given. */
function contextAnswering(outcome: ResultOutcome) {
  const saved: { document: unknown; result: unknown }[] = [];
  const pool = { result: async () => outcome } as unknown as EvaluationPool;
  const store = {
    cases: {
      create: async (document: Record<string, unknown>, result?: unknown) => {
        saved.push({ document, result });
        return { id: "c1", version: 1, document };
      },
    },
  };
  return { ctx: { pool, store } as unknown as AppContext, saved };
}

describe("createCase", () => {
  it("keeps the pool's result with the version, with its factor set and hash", async () => {
    const result = { schema: "kalkyle.result/1", factorSet: "2025-2", factorSetHash: "abc", alternatives: [] };
    const { ctx, saved } = contextAnswering({ ok: true, text: JSON.stringify(result) });
    await createCase(ctx, { title: "Kontorstoler" });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.result).toMatchObject({ factorSet: "2025-2", factorSetHash: "abc", result });
  });

  it("saves a case that does not evaluate without a result, as before", async () => {
    const { ctx, saved } = contextAnswering({ ok: false, problems: [{ path: "alternatives", code: "required", params: {} }] });
    await createCase(ctx, { title: "Uferdig" });
    expect(saved).toEqual([{ document: { title: "Uferdig" }, result: undefined }]);
  });

  it("refuses a case stopped by the time limit (413 with the problem) and saves nothing", async () => {
    const timeLimit: Problem = { path: "(document)", code: "time-limit", params: { seconds: "20" } };
    const { ctx, saved } = contextAnswering({ ok: false, problems: [timeLimit] });
    const refusal = await createCase(ctx, { title: "Tung" }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect(refusal).toMatchObject({ status: 413, problems: [timeLimit] });
    expect(saved).toEqual([]);
  });
});
