/**
 * The stored case an export is made from, evaluated as everywhere else
 * (evaluateStored): 404 when there is no such case, 409 with every problem
 * when the stored document no longer passes the checks (a factor set or a
 * rule changed since it was saved).
 */
import type { Request } from "express";
import type { Problem } from "../../case/messages.js";
import type { StoredCase } from "../../store/store.js";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { evaluateStored, storedCaseOr404 } from "../evaluation.js";
import type { Evaluated } from "./tables.js";

export const invalidCase = (problems: Problem[]) => new HttpError(409, "export.invalidCase", problems);

export async function evaluatedCase(ctx: AppContext, req: Request, id: string): Promise<{ stored: StoredCase; evaluated: Evaluated; computedAt: string }> {
  const { stored, evaluation, computedAt } = await evaluateStored(ctx, await storedCaseOr404(ctx, req, id));
  if (!evaluation.ok) throw invalidCase(evaluation.problems);
  return { stored, evaluated: evaluation, computedAt };
}
