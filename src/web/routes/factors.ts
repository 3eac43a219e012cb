/**
 * The factor library:
 *   GET /factors            the searchable page (?q= &group= &set=), at most 200 rows with the count
 *   GET /factors/search     JSON hits for the editor's factor picker (?q= &group= &set= &limit= &lang=),
 *                           for the signed-in browser; the same search is GET /api/v1/factors for a token
 * Both only read; the JSON answers errors in JSON (the picker asks for JSON).
 */
import { Router } from "express";
import { z } from "zod";
import type { AppContext } from "../context.js";
import { apiLang } from "../api/lang.js";
import { handlers, problemIssue } from "../handler.js";
import { langOf } from "../page.js";
import { factorGroups } from "../../factors/schema.js";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, factorLibraryModel, factorSearchJson, isFactorGroup, type FactorQuery } from "../view-models/factors.js";

const str = (v: unknown) => (typeof v === "string" ? v : "");
const loose = z.unknown().optional().transform(str);

/** The query's set, words and group (and, for the search, how many hits); an unknown set or group, or a limit below 1, is a 400 naming the parameter (the first one found). */
function factorInput(ctx: AppContext) {
  return z.object({ query: z.object({ q: loose, group: loose, set: loose, limit: loose }) }).transform(({ query: raw }, check): { query: FactorQuery; limit: number } => {
    const setId = raw.set.trim() || ctx.library.newest;
    const set = ctx.library.sets.get(setId);
    if (!set) {
      check.addIssue(problemIssue("unknown-factor-set", { id: setId.slice(0, 40), options: [...ctx.library.sets.keys()].join(", ") }, "set"));
      return z.NEVER;
    }
    const group = raw.group.trim();
    if (group !== "" && !isFactorGroup(group)) {
      check.addIssue(problemIssue("one-of", { options: factorGroups.join(", ") }, "group"));
      return z.NEVER;
    }
    const n = Number(raw.limit || API_DEFAULT_LIMIT);
    const query = { set, text: raw.q.slice(0, 200), group: group === "" ? undefined : (group as FactorQuery["group"]) };
    return { query, limit: Number.isInteger(n) && n >= 1 ? Math.min(n, API_MAX_LIMIT) : 0 };
  });
}

/** The factor search as JSON, for the picker and the API. */
export function factorSearch(ctx: AppContext) {
  return handlers(ctx)({
    input: factorInput(ctx).superRefine(({ limit }, check) => {
      if (limit === 0) check.addIssue(problemIssue("too-small", { min: "1" }, "limit"));
    }),
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
