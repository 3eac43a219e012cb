/**
 * The work budget of one evaluation, counted on the untrusted document
 * before any schema or unit parsing, in one linear pass. A case above a
 * limit is refused with a problem that names the limit and the first path
 * that exceeds it, so no request can make the server compute for minutes.
 * The reasoning behind each limit is in docs/decisions.md ("Work budget").
 */
import type { Problem } from "./messages.js";
import { formatPath } from "./paths.js";

export const WORK_LIMITS = {
  /** Emission and cost items over all alternatives: every one is a row of the editor, the pages and the exports. */
  items: 2_000,
  /** Item occurrences (each year an item is counted, residual values included) over all alternatives. */
  occurrences: 200_000,
  /** Distinct unit texts in quantities and inline factors: each one is parsed once. */
  distinctUnits: 500,
  /** Nesting of objects and arrays; a case document needs 6. */
  depth: 16,
} as const;

/** The schema's own bound on the period: a document that says more is refused there, so count it at most. */
const MAX_YEARS = 200;

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === "object" && v !== null && !Array.isArray(v);
const wholeIn = (v: Json, min: number, max: number): number | undefined => (typeof v === "number" && Number.isInteger(v) && v >= min && v <= max ? v : undefined);

/** How many times an item is counted over N years: at, then every `every` or `life` years; a `life` adds its residual value. */
export function itemOccurrences(item: Record<string, Json>, years: number): number {
  const at = item.at === "end" ? years : (wholeIn(item.at, 0, 1000) ?? 0);
  if (at > years) return 1;
  const every = wholeIn(item.every, 1, 1000);
  if (every !== undefined) return Math.floor((years - at) / every) + 1;
  const life = wholeIn(item.life, 1, 1000);
  // Copies start strictly before N, plus the residual of the last one.
  if (life !== undefined) return Math.max(1, Math.ceil((years - at) / life)) + 1;
  return 1;
}

/** The unit text of "1200 kg" or of an inline factor's unit; a number alone has none. */
function unitText(value: Json): string | undefined {
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  const space = trimmed.search(/[^0-9.,\s+\-eE]/);
  return space < 0 ? undefined : trimmed.slice(space);
}

/** Depth of nested objects and arrays, stopping as soon as it passes `limit`. */
function depthExceeds(value: Json, limit: number, depth = 1): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (depth > limit) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => depthExceeds(child, limit, depth + 1));
}

/**
 * Every limit the document passes, or the one problem that says which it
 * exceeds and where. Anything malformed is counted as little as possible:
 * the schema check that follows reports it.
 */
export function workBudgetProblems(input: Json): Problem[] {
  if (depthExceeds(input, WORK_LIMITS.depth)) return [{ path: "(document)", code: "limit-depth", params: { limit: String(WORK_LIMITS.depth) } }];
  if (!isObject(input) || !Array.isArray(input.alternatives)) return [];
  const analysis = isObject(input.analysis) ? input.analysis : {};
  const years = wholeIn(analysis.years, 1, MAX_YEARS) ?? MAX_YEARS;
  let occurrences = 0;
  let itemCount = 0;
  const units = new Set<string>();
  for (const [a, alternative] of input.alternatives.entries()) {
    if (!isObject(alternative)) continue;
    for (const list of ["emissions", "costs"] as const) {
      const items = alternative[list];
      if (!Array.isArray(items)) continue;
      for (const [i, item] of items.entries()) {
        const path = ["alternatives", a, list, i] as const;
        if (++itemCount > WORK_LIMITS.items) return [{ path: formatPath(path), code: "limit-items", params: { limit: String(WORK_LIMITS.items) } }];
        if (!isObject(item)) continue;
        occurrences += itemOccurrences(item, years);
        if (occurrences > WORK_LIMITS.occurrences) {
          return [{ path: formatPath(path), code: "limit-occurrences", params: { limit: String(WORK_LIMITS.occurrences) } }];
        }
        const unitsHere = [unitText(item.quantity), isObject(item.factor) ? unitText(`1 ${String(item.factor.unit)}`) : undefined];
        for (const unit of unitsHere) {
          if (unit === undefined) continue;
          units.add(unit);
          if (units.size > WORK_LIMITS.distinctUnits) return [{ path: formatPath([...path, unit === unitsHere[0] ? "quantity" : "factor"]), code: "limit-units", params: { limit: String(WORK_LIMITS.distinctUnits) } }];
        }
      }
    }
  }
  return [];
}
