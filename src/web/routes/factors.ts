/**
 * The factor library:
 *   GET /factors            the searchable page (?q= &group= &unit= &source= &set=), at most 200 rows with the count
 *   GET /factors/search     JSON hits for the editor's factor picker (?q= &group= &unit= &source= &set= &limit= &lang=),
 *                           for the signed-in browser; the same search is GET /api/v1/factors for a token
 * Both only read and both use the set's search index (src/factors/search.ts):
 * with words, hits come best first; without, in the set's order. The JSON
 * answers errors in JSON (the picker asks for JSON).
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { apiLang } from "../api/lang.js";
import { handlers, problemIssue } from "../handler.js";
import { langOf } from "../page.js";
import { factorGroups } from "../../factors/schema.js";
import { filterChoices, foldText } from "../../factors/search.js";
import { FACTOR_QUERY_BOUNDS, factorLibraryModel, factorSearchJson, isFactorGroup, type FactorQuery } from "../view-models/factors.js";

const str = (v: unknown) => (typeof v === "string" ? v : "");
const loose = z.unknown().optional().transform(str);

/** The hit limit: a whole number from 1 to 200 (default 50); 0 when it is not a whole number, so the caller names the problem. */
function limitOf(raw: string): number {
  if (raw.trim() === "") return FACTOR_QUERY_BOUNDS.limit.default;
  return /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
}

/**
 * The option the user named, case and accents aside, or the one option it begins
 * ("NVE" for "NVE (Norges vassdrags- og energidirektorat)"); undefined for none asked, null for none found.
 */
function choiceOf(raw: string, options: readonly string[]): string | undefined | null {
  const wanted = foldText(raw.trim());
  if (wanted === "") return undefined;
  const exact = options.find((o) => foldText(o) === wanted);
  if (exact !== undefined) return exact;
  const begun = options.filter((o) => foldText(o).startsWith(`${wanted} `));
  return begun.length === 1 ? begun[0]! : null;
}

/**
 * The query's set, words, group, unit and publisher (and, for the search, how many hits).
 * Every problem is a 400 naming its parameter: an unknown set, group, unit or publisher,
 * words beyond 200 characters, a limit that is not a whole number from 1 to 200.
 */
function factorInput(ctx: AppContext) {
  return z.object({ query: z.object({ q: loose, group: loose, unit: loose, source: loose, set: loose, limit: loose }) }).transform(({ query: raw }, check): { query: FactorQuery; limit: number } => {
    const setId = raw.set.trim() || ctx.library.newest;
    const set = ctx.library.sets.get(setId);
    if (!set) {
      check.addIssue(problemIssue("unknown-factor-set", { id: setId.slice(0, 40), options: [...ctx.library.sets.keys()].join(", ") }, "set"));
      return z.NEVER;
    }
    const group = raw.group.trim();
    if (group !== "" && !isFactorGroup(group)) check.addIssue(problemIssue("one-of", { options: factorGroups.join(", ") }, "group"));
    const choices = filterChoices(set);
    const unit = choiceOf(raw.unit, choices.units);
    if (unit === null) check.addIssue(problemIssue("one-of", { options: choices.units.join(", ") }, "unit"));
    const source = choiceOf(raw.source, choices.publishers);
    if (source === null) check.addIssue(problemIssue("one-of", { options: choices.publishers.join(", ") }, "source"));
    if (raw.q.length > FACTOR_QUERY_BOUNDS.q.max) check.addIssue(problemIssue("too-long", { max: String(FACTOR_QUERY_BOUNDS.q.max) }, "q"));
    const limit = limitOf(raw.limit);
    const { min, max } = FACTOR_QUERY_BOUNDS.limit;
    if (Number.isNaN(limit)) check.addIssue(problemIssue("integer", {}, "limit"));
    else if (limit < min) check.addIssue(problemIssue("too-small", { min: String(min) }, "limit"));
    else if (limit > max) check.addIssue(problemIssue("too-big", { max: String(max) }, "limit"));
    const query = { set, text: raw.q, group: isFactorGroup(group) ? group : undefined, unit: unit ?? undefined, source: source ?? undefined };
    return { query, limit };
  });
}

/** The factor search as JSON, for the picker and the API. */
export function factorSearch(ctx: AppContext) {
  return handlers(ctx)({
    input: factorInput(ctx),
    permission: "factors.read",
    call: async (_app, _principal, found) => found,
    respond: { send: ({ query, limit }, req, res) => void res.set("Cache-Control", "no-store").json(factorSearchJson(query, limit, apiLang(req))) },
  });
}

export function factorRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/factors",
    handler({
      input: factorInput(ctx),
      permission: "factors.read",
      call: async (_app, _principal, { query }) => query,
      respond: { view: "factors", model: (query, req) => factorLibraryModel(ctx.library, query, langOf(req)) },
    }),
  );

  router.get("/factors/search", factorSearch(ctx));

  return router;
}
