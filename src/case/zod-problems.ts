/**
 * Translates zod issues into Kalkyle problems: one per field, with the JSON
 * path a user can find in the document (an unknown field names itself).
 */
import type { z } from "zod";
import { PROBLEM_MESSAGES, type Problem, type ProblemCode } from "./messages.js";
import { formatPath } from "./paths.js";

type Issue = z.core.$ZodIssue;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isProblemCode = (code: unknown): code is ProblemCode => typeof code === "string" && Object.hasOwn(PROBLEM_MESSAGES, code);

/** The keys a union's branch refused as unknown at the union's own level. */
const refusedKeys = (branch: Issue[]): string[] => branch.flatMap((i) => (i.code === "unrecognized_keys" && i.path.length === 0 ? i.keys : []));

/**
 * An object checked against a union of object shapes ({ value, unit } | { byYear, unit }):
 * the shape whose keys it uses says its problems alone, so a bad year under
 * byYear is not also reported as "unknown field byYear" and "value is required".
 * Two shapes that each refuse just the other's key mean both keys were given.
 */
function objectUnionProblems(branches: Issue[][], base: PropertyKey[]): Problem[] | undefined {
  // A branch refusing the object as a whole (a string, an enum) is not a shape it could have meant
  const shapes = branches.filter((b) => !b.some((i) => i.path.length === 0 && (i.code === "invalid_type" || i.code === "invalid_value")));
  const fitting = shapes.find((b) => refusedKeys(b).length === 0);
  if (fitting) return fitting.flatMap((i) => issueProblems(i, base));
  if (shapes.length !== 2) return undefined;
  const [first, second] = shapes.map(refusedKeys) as [string[], string[]];
  if (first.length === 1 && second.length === 1 && first[0] !== second[0]) return [{ path: formatPath(base), code: "either-field", params: { first: second[0]!, second: first[0]! } }];
  return undefined;
}

function unionProblems(issue: Extract<Issue, { code: "invalid_union" }>, base: PropertyKey[]): Problem[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  if (isRecord((issue as { input?: unknown }).input)) {
    const shaped = objectUnionProblems(branches, base);
    if (shaped) return shaped;
  }
  const deep = branches.find((b) => b.some((i) => i.path.length > 0 || (i.code !== "invalid_type" && i.code !== "invalid_value")));
  if (deep) return deep.flatMap((i) => issueProblems(i, base));
  const expected = branches.flatMap((b) => b.map((i) => (i.code === "invalid_type" ? i.expected : i.code === "invalid_value" ? i.values.map((v) => JSON.stringify(v)).join(", ") : "")));
  const input = (issue as { input?: unknown }).input;
  if (input === undefined) return [{ path: formatPath(base), code: "required", params: {} }];
  return [{ path: formatPath(base), code: "one-of", params: { options: [...new Set(expected.filter(Boolean))].join(" | ") } }];
}

export function issueProblems(issue: Issue, prefix: PropertyKey[] = []): Problem[] {
  const path = [...prefix, ...issue.path];
  const at = formatPath(path);
  switch (issue.code) {
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return [{ path: at, code: "required", params: {} }];
      if (issue.expected === "int") return [{ path: at, code: "integer", params: {} }];
      return [{ path: at, code: "type", params: { expected: issue.expected } }];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), code: "unknown-field", params: { field: key } }));
    case "invalid_value":
      if ((issue as { input?: unknown }).input === undefined) return [{ path: at, code: "required", params: {} }];
      return [{ path: at, code: "one-of", params: { options: issue.values.map((v) => String(v)).join(", ") } }];
    case "too_small":
      if (issue.origin === "array") return [{ path: at, code: "too-short", params: { min: String(issue.minimum) } }];
      if (issue.origin === "string") return [{ path: at, code: "required", params: {} }];
      // gt(1): 1 itself is refused, so the limit is said as "greater than 1", never "at least 1"
      return [{ path: at, code: issue.inclusive === false ? "too-small-exclusive" : "too-small", params: { min: String(issue.minimum) } }];
    case "too_big":
      if (issue.origin === "array" || issue.origin === "string") return [{ path: at, code: "too-long", params: { max: String(issue.maximum) } }];
      return [{ path: at, code: "too-big", params: { max: String(issue.maximum) } }];
    case "invalid_union":
      return unionProblems(issue, path);
    case "invalid_key": {
      // A record's key: the key check's message is a problem code where the schema gives one (calendar years)
      const own = issue.issues.map((i) => i.message).find(isProblemCode);
      return [{ path: at, code: own ?? "invalid", params: own ? {} : { detail: issue.message } }];
    }
    case "custom": {
      const own = issue.params as { problem?: unknown; problemParams?: Record<string, string> } | undefined;
      if (isProblemCode(own?.problem)) return [{ path: at, code: own.problem, params: { ...own.problemParams } }];
      return [{ path: at, code: "invalid", params: { detail: issue.message } }];
    }
    default:
      return [{ path: at, code: "invalid", params: { detail: issue.message } }];
  }
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => issueProblems(issue));
}
