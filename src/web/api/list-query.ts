/**
 * The query of GET /api/v1/cases: `q` (title search, at most 200
 * characters), `limit` (1–100, default 20) and `offset` (0–1 000 000,
 * default 0). Anything else is a 400 naming the parameter.
 *
 * Example: `?q=stol&limit=10&offset=20` → { search: "stol", limit: 10, offset: 20 }.
 */
import type { Request } from "express";
import type { Problem } from "../../case/messages.js";
import type { ListQuery } from "../../store/store.js";
import { HttpError } from "../errors.js";

export const LIST_BOUNDS = { limit: { min: 1, max: 100, default: 20 }, offset: { min: 0, max: 1_000_000, default: 0 }, search: { max: 200 } } as const;

function boundedInteger(name: "limit" | "offset", value: unknown, problems: Problem[]): number {
  const bounds = LIST_BOUNDS[name];
  if (value === undefined) return bounds.default;
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value.trim())) {
    problems.push({ path: name, code: "integer", params: {} });
    return bounds.default;
  }
  const n = Number(value.trim());
  if (n < bounds.min) problems.push({ path: name, code: "too-small", params: { min: String(bounds.min) } });
  if (n > bounds.max) problems.push({ path: name, code: "too-big", params: { max: String(bounds.max) } });
  return n;
}

export function listQuery(req: Request): Required<ListQuery> {
  const problems: Problem[] = [];
  const q = req.query.q;
  let search = "";
  if (typeof q === "string") {
    if (q.length > LIST_BOUNDS.search.max) problems.push({ path: "q", code: "too-long", params: { max: String(LIST_BOUNDS.search.max) } });
    search = q;
  } else if (q !== undefined) problems.push({ path: "q", code: "type", params: { expected: "string" } });
  const limit = boundedInteger("limit", req.query.limit, problems);
  const offset = boundedInteger("offset", req.query.offset, problems);
  if (problems.length > 0) throw new HttpError(400, "error.generic", problems);
  return { search, limit, offset };
}
