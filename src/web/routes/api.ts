/**
 * The JSON API under /api/v1 (mounted before sessions and CSRF; see
 * docs/decisions.md for why it needs no CSRF token):
 *   POST   /evaluate     a case in, the `kalkyle.result/1` document out (as `kalkyle evaluate`)
 *   GET    /cases        ?q= &limit= &offset=
 *   POST   /cases        201 + Location
 *   GET    /cases/:id    document, version, updatedAt; ETag = version
 *   PUT    /cases/:id    optional If-Match: version → 409 when someone saved in between
 *   DELETE /cases/:id    204
 *   GET    /factors      ?q= &group= &set= &limit= &lang= (the factor search, as the editor's picker uses it)
 * Every call needs `Authorization: Bearer <token>` (401 without; 403 when
 * the token's user may not do it; 404 for another organisation's case).
 * Every error is `{ "errors": [ { path, code, message } ] }` (errors.ts), in
 * English or, with `Accept-Language: nb` or `?lang=nb`, in bokmål.
 */
import { Router, type Request, type Response } from "express";
import { parseJsonBytes } from "../../case/evaluate-document.js";
import { isLimitProblem, type Problem } from "../../case/messages.js";
import { caseHref, caseJson, caseSummaryJson, etagOf, expectedVersion } from "../api/case-resource.js";
import { jsonBody } from "../api/json-body.js";
import { listQuery } from "../api/list-query.js";
import type { AppContext } from "../context.js";
import { authorize } from "../../app/policy.js";
import { ConflictError } from "../../app/errors.js";
import { HttpError, notFound } from "../errors.js";
import { factorSearch } from "./factors.js";
import { principalOf, requireToken } from "../auth.js";

/** The JSON body's bytes (parsed in the evaluation pool), or a 400 when the request had none. */
function requiredBody(req: Request): Uint8Array {
  if (!(req.body instanceof Uint8Array)) throw new HttpError(400, "error.generic", [{ path: "(document)", code: "required", params: {} }]);
  return req.body;
}

/** 400 naming every problem; 413 when the case is beyond what one request may compute. */
const refused = (problems: Problem[]) => new HttpError(problems.some(isLimitProblem) ? 413 : 400, problems.some(isLimitProblem) ? "error.tooLarge" : "error.generic", problems);

/** The request body as a case document, or every problem; checked in the evaluation pool and parsed here only once it passed. */
async function validCaseBody(ctx: AppContext, req: Request): Promise<Record<string, unknown>> {
  const body = requiredBody(req);
  const checked = await ctx.pool.check(body);
  if (!checked.ok) throw refused(checked.problems);
  const parsed = parseJsonBytes(body);
  if (!parsed.ok) throw refused(parsed.problems);
  return parsed.value as Record<string, unknown>;
}

export function apiRoutes(ctx: AppContext): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  // Every call needs a bearer token; what it may do is the token user's role in its organisation.
  router.use(requireToken(ctx));

  router.post("/evaluate", jsonBody, async (req, res) => {
    authorize(principalOf(req), "case.evaluate");
    const evaluation = await ctx.pool.result(requiredBody(req));
    if (!evaluation.ok) throw refused(evaluation.problems);
    // The worker's text as it is: a large result is neither parsed nor written again on the server's thread.
    res.type("json").send(evaluation.text);
  });

  router.get("/cases", async (req, res) => {
    const query = listQuery(req);
    const found = await ctx.app.cases.list(principalOf(req), query);
    res.json({ total: found.total, limit: query.limit, offset: query.offset, cases: found.cases.map(caseSummaryJson) });
  });

  router.post("/cases", jsonBody, async (req, res) => {
    const saved = await ctx.app.cases.create(principalOf(req), await validCaseBody(ctx, req));
    res.status(201).location(caseHref(saved.id)).set("ETag", etagOf(saved.version)).json(caseJson(saved));
  });

  router.get("/cases/:id", async (req, res) => {
    const found = await ctx.app.cases.get(principalOf(req), req.params.id);
    res.set("ETag", etagOf(found.version)).json(caseJson(found));
  });

  router.put("/cases/:id", jsonBody, async (req: Request<{ id: string }>, res: Response) => {
    const expected = expectedVersion(req.get("if-match"));
    const saved = await ctx.app.cases
      .update(principalOf(req), req.params.id, await validCaseBody(ctx, req), expected)
      .catch((error: unknown) => {
        throw error instanceof ConflictError ? new HttpError(409, "api.conflict") : error;
      });
    res.set("ETag", etagOf(saved.version)).json(caseJson(saved));
  });

  router.delete("/cases/:id", async (req, res) => {
    await ctx.app.cases.remove(principalOf(req), req.params.id);
    res.status(204).end();
  });

  router.get("/factors", factorSearch(ctx));

  // Anything else under /api/v1 is a JSON 404 here, never a page of the HTML app.
  router.use((_req, _res, next) => next(notFound()));
  return router;
}
