/**
 * The query of GET /api/v1/cases: `q` (title search, at most 200
 * characters), `limit` (1–100, default 20) and `offset` (0–1 000 000,
 * default 0). Anything else is a 400 naming the parameter (handler.ts).
 *
 * Example: `?q=stol&limit=10&offset=20` → { search: "stol", limit: 10, offset: 20 }.
 */
import { z } from "zod";
import { problemIssue } from "../handler.js";

export const LIST_BOUNDS = { limit: { min: 1, max: 100, default: 20 }, offset: { min: 0, max: 1_000_000, default: 0 }, search: { max: 200 } } as const;

/** A whole number of at most nine digits within its bounds; "integer" when it is not one, then "too-small" / "too-big". */
function boundedInteger(name: "limit" | "offset") {
  const bounds = LIST_BOUNDS[name];
  return z
    .unknown()
    .transform((value, ctx) => {
      if (typeof value !== "string" || !/^\d{1,9}$/.test(value.trim())) {
        ctx.addIssue(problemIssue("integer"));
        return z.NEVER;
      }
      return Number(value.trim());
    })
    .pipe(z.number().min(bounds.min).max(bounds.max))
    .optional()
    .transform((n) => n ?? bounds.default);
}

export const listQuerySchema = z
  .object({
    q: z.string().max(LIST_BOUNDS.search.max).optional(),
    limit: boundedInteger("limit"),
    offset: boundedInteger("offset"),
  })
  .transform(({ q, limit, offset }) => ({ search: q ?? "", limit, offset }));
