/**
 * Problems of a climate plan or a decision as Kalkyle problems: each
 * with the path a user finds the field by ("target.end.tonnes") and a
 * code whose text the one catalogue holds in bokmål and English. The
 * common cases (required, unknown field, too small …) are translated as
 * for a case (src/case/zod-problems.ts); the checks of this area raise a
 * zod issue that carries its own problem code and parameters.
 */
import type { z } from "zod";
import type { Problem, ProblemCode } from "../../case/messages.js";
import { formatPath } from "../../case/paths.js";
import { issueProblems } from "../../case/zod-problems.js";

type Issue = z.core.$ZodIssue;

/** Raises `code` with `params` at the field being checked, or at `path` below it. */
export function raise(ctx: Pick<z.core.$RefinementCtx, "addIssue">, code: ProblemCode, params: Record<string, string> = {}, path?: PropertyKey[]): void {
  ctx.addIssue({ code: "custom", message: code, params: { problem: code, ...params }, ...(path && { path }) });
}

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);

function problemsOf(issue: Issue, input: unknown): Problem[] {
  const at = formatPath(issue.path);
  if (issue.code === "custom" && typeof issue.params?.problem === "string") {
    const { problem, ...params } = issue.params as Record<string, string>;
    return [{ path: at, code: problem as ProblemCode, params }];
  }
  // A discriminator (target.kind) that matches no branch: zod names the options but keeps no input.
  if (issue.code === "invalid_union" && "options" in issue && Array.isArray(issue.options)) {
    if (valueAt(input, issue.path) === undefined) return [{ path: at, code: "required", params: {} }];
    return [{ path: at, code: "one-of", params: { options: issue.options.map(String).join(", ") } }];
  }
  return issueProblems(issue);
}

/** Every problem of a failed parse of `input`, in the order zod found them. */
export function inputProblems(error: z.ZodError, input: unknown): Problem[] {
  return error.issues.flatMap((issue) => problemsOf(issue, input));
}
