/**
 * The one entry point the web form, the JSON API and the command line share:
 * an untrusted document in, a result document or every problem out.
 */
import { evaluateCase } from "../core/evaluate.js";
import type { CoreResult } from "../core/types.js";
import type { FactorLibrary } from "../factors/factor-set.js";
import type { Problem } from "./messages.js";
import { resolveCase, type CaseContext } from "./resolve.js";
import { resultJson } from "./result-json.js";
import { caseSchema, type CaseDocument } from "./schema.js";
import { salvagedProblems } from "./salvage.js";
import { jsonNestingExceeds } from "./json-depth.js";
import { WORK_LIMITS, workBudgetProblems } from "./work-budget.js";
import { zodProblems } from "./zod-problems.js";
import { caseWarnings, type Warning } from "./warnings.js";
import type { ResolvedCase } from "../core/types.js";

export type Checked = { ok: true; doc: CaseDocument; resolved: ResolvedCase; context: CaseContext } | { ok: false; problems: Problem[] };
export type Evaluation =
  | { ok: true; doc: CaseDocument; core: CoreResult; resolved: ResolvedCase; context: CaseContext; warnings: Warning[]; result: ReturnType<typeof resultJson> }
  | { ok: false; problems: Problem[] };

/** Parses JSON text; a syntax error is a problem at the document, not an exception. */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  if (jsonNestingExceeds(text, WORK_LIMITS.depth)) return { ok: false, problems: [{ path: "(document)", code: "limit-depth", params: { limit: String(WORK_LIMITS.depth) } }] };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problems: [{ path: "(document)", code: "json", params: { detail: (error as Error).message } }] };
  }
}

/**
 * JSON text as bytes, as the API receives it: UTF-8 (a leading BOM is
 * skipped); an empty body is an empty object, whose missing fields the
 * schema then names.
 */
export function parseJsonBytes(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  if (bytes.length === 0) return { ok: true, value: {} };
  return parseJsonText(new TextDecoder().decode(bytes));
}

/**
 * At most this many problems are reported, then one line says how many
 * more there were: a huge broken document must not produce a reply many
 * times its own size.
 */
export const MAX_PROBLEMS = 200;

export function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = { path: "(document)", code: "too-many-problems" as const, params: { count: String(problems.length - MAX_PROBLEMS), shown: String(MAX_PROBLEMS) } };
  return [...problems.slice(0, MAX_PROBLEMS), more];
}

export function checkCase(input: unknown, library: FactorLibrary): Checked {
  // Counted first and alone: a document over budget is not worth a schema pass.
  const overBudget = workBudgetProblems(input);
  if (overBudget.length > 0) return { ok: false, problems: overBudget };
  // reportInput: so that a value of the wrong type is told apart from a missing one
  const parsed = caseSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const structural = zodProblems(parsed.error);
    const seen = new Set(structural.map((p) => p.path));
    const more = salvagedProblems(input, library).filter((p) => !seen.has(p.path));
    return { ok: false, problems: capProblems([...structural, ...more]) };
  }
  const resolution = resolveCase(parsed.data, library);
  if (!resolution.ok) return { ok: false, problems: capProblems(resolution.problems) };
  return { ok: true, doc: parsed.data, resolved: resolution.resolved, context: resolution.context };
}

export function evaluateDocument(input: unknown, library: FactorLibrary): Evaluation {
  const checked = checkCase(input, library);
  if (!checked.ok) return checked;
  const core = evaluateCase(checked.resolved);
  const warnings = caseWarnings(checked.doc, checked.context);
  return { ...checked, core, warnings, result: resultJson(core, checked.resolved, checked.context, warnings) };
}
