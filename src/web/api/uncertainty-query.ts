/**
 * The query of POST /api/v1/evaluate that asks for the Monte Carlo block:
 * `samples` (a whole number 1–100 000), `seed` (0–4 294 967 295; drawn
 * and written in the block when not given) and `costRange` (the ± % of
 * every cost item, 0–100, default 10). Without `samples` there is no block,
 * and `seed` or `costRange` alone is refused. Anything wrong is a 400
 * naming the parameter (handler.ts), as the other API queries are refused.
 *
 * Example: `?samples=10000&seed=42` → { samples: 10000, seed: 42, costPercent: 10 }.
 */
import { z } from "zod";
import { UNCERTAINTY_BOUNDS, type UncertaintyOptions } from "../../case/uncertainty-bounds.js";
import { problemIssue } from "../handler.js";

type Check = z.RefinementCtx;
type Bounds = { min: number; max: number };

const WHOLE = /^\d{1,10}$/;
const DECIMAL = /^\d{1,3}(\.\d{1,6})?$/;

/** The parameter as a number within bounds (whole, or with a decimal point), or an issue at its name and undefined. */
function numberParam(raw: unknown, name: string, bounds: Bounds, check: Check, pattern: RegExp): number | undefined {
  if (typeof raw !== "string" || !pattern.test(raw.trim())) return void check.addIssue(pattern === WHOLE ? problemIssue("integer", {}, name) : problemIssue("type", { expected: "number" }, name));
  const n = Number(raw.trim());
  if (n < bounds.min) return void check.addIssue(problemIssue("too-small", { min: String(bounds.min) }, name));
  if (n > bounds.max) return void check.addIssue(problemIssue("too-big", { max: String(bounds.max) }, name));
  return n;
}

/** `{ samples, seed?, costPercent }` (the seed drawn by the caller when absent), or null for no block. */
export type UncertaintyQuery = (Omit<UncertaintyOptions, "seed"> & { seed: number | undefined }) | null;

export const uncertaintyQuerySchema = z
  .object({ samples: z.unknown().optional(), seed: z.unknown().optional(), costRange: z.unknown().optional() })
  .transform((query, check): UncertaintyQuery => {
    if (query.samples === undefined) {
      if (query.seed !== undefined || query.costRange !== undefined) check.addIssue(problemIssue("required", {}, "samples"));
      return null;
    }
    const samples = numberParam(query.samples, "samples", UNCERTAINTY_BOUNDS.samples, check, WHOLE);
    const seed = query.seed === undefined ? undefined : numberParam(query.seed, "seed", UNCERTAINTY_BOUNDS.seed, check, WHOLE);
    const costPercent = query.costRange === undefined ? UNCERTAINTY_BOUNDS.costPercent.default : numberParam(query.costRange, "costRange", UNCERTAINTY_BOUNDS.costPercent, check, DECIMAL);
    if (samples === undefined || costPercent === undefined || (query.seed !== undefined && seed === undefined)) return null;
    return { samples, seed, costPercent };
  });
