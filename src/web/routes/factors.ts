/**
 * The factor library:
 *   GET /factors            the searchable page (?q= &group= &set=), at most 200 rows with the count
 *   GET /factors/search     JSON hits for the editor's factor picker (?q= &group= &set= &limit= &lang=),
 *                           for the signed-in browser; the same search is GET /api/v1/factors for a token
 * Both only read; the JSON answers errors in JSON (the picker asks for JSON).
 */
import { Router, type Request, type Response } from "express";
import type { AppContext } from "../context.js";
import { HttpError } from "../errors.js";
import { apiLang } from "../api/lang.js";
import { langOf } from "../page.js";
import { factorGroups } from "../../factors/schema.js";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT, factorLibraryModel, factorSearchJson, isFactorGroup, type FactorQuery } from "../view-models/factors.js";

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The query's set, words and group; an unknown set or group is a 400 naming the parameter. */
function factorQuery(ctx: AppContext, req: Request): FactorQuery {
  const setId = str(req.query.set).trim() || ctx.library.newest;
  const set = ctx.library.sets.get(setId);
  if (!set) throw new HttpError(400, "error.generic", [{ path: "set", code: "unknown-factor-set", params: { id: setId.slice(0, 40), options: [...ctx.library.sets.keys()].join(", ") } }]);
  const group = str(req.query.group).trim();
  if (group !== "" && !isFactorGroup(group)) throw new HttpError(400, "error.generic", [{ path: "group", code: "one-of", params: { options: factorGroups.join(", ") } }]);
  return { set, text: str(req.query.q).slice(0, 200), group: group === "" ? undefined : (group as FactorQuery["group"]) };
}

function limitOf(req: Request): number {
  const n = Number(str(req.query.limit) || API_DEFAULT_LIMIT);
  if (!Number.isInteger(n) || n < 1) throw new HttpError(400, "error.generic", [{ path: "limit", code: "too-small", params: { min: "1" } }]);
  return Math.min(n, API_MAX_LIMIT);
}

/** The factor search as JSON, for the picker and the API. */
export function factorSearch(ctx: AppContext) {
  return (req: Request, res: Response) => {
    const query = factorQuery(ctx, req);
    res.set("Cache-Control", "no-store").json(factorSearchJson(query, limitOf(req), apiLang(req)));
  };
}

export function factorRoutes(ctx: AppContext): Router {
  const router = Router();

  router.get("/factors", (req, res) => {
    const query = factorQuery(ctx, req);
    ctx.render(req, res, "factors", factorLibraryModel(ctx.library, query, langOf(req)));
  });

  router.get("/factors/search", factorSearch(ctx));

  return router;
}
