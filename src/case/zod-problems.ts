/**
 * Translates zod issues into Kalkyle problems: one per field, with the JSON
 * path a user can find in the document (an unknown field names itself).
 */
import type { z } from "zod";
import type { Problem } from "./messages.js";
import { formatPath } from "./paths.js";

type Issue = z.core.$ZodIssue;

function unionProblems(issue: Extract<Issue, { code: "invalid_union" }>, base: PropertyKey[]): Problem[] {
  const branches = issue.errors.filter((b) => b.length > 0);
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
    default:
      return [{ path: at, code: "invalid", params: { detail: issue.message } }];
  }
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => issueProblems(issue));
}
