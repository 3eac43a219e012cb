/**
 * The JSON API under /api/v1 (mounted before sessions and CSRF; see
 * docs/decisions.md for why it needs no CSRF token):
 *   POST   /evaluate     a case in, the `kalkyle.result/1` document out (as `kalkyle evaluate`)
 *   GET    /cases        ?q= &limit= &offset=
 *   POST   /cases        201 + Location
 *   GET    /cases/:id    document, version, updatedAt; ETag = version
 *   PUT    /cases/:id    optional If-Match: version → 409 when someone saved in between
 *   DELETE /cases/:id    204
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
import { HttpError, notFound } from "../errors.js";
import { createCase, storedCaseOr404, updateCase } from "../evaluation.js";

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

  router.post("/evaluate", jsonBody, async (req, res) => {
    const evaluation = await ctx.pool.result(requiredBody(req));
    if (!evaluation.ok) throw refused(evaluation.problems);
    // The worker's text as it is: a large result is neither parsed nor written again on the server's thread.
    res.type("json").send(evaluation.text);
  });

  router.get("/cases", async (req, res) => {
    const query = listQuery(req);
    const found = await ctx.store.cases.list(query);
    res.json({ total: found.total, limit: query.limit, offset: query.offset, cases: found.cases.map(caseSummaryJson) });
  });

  router.post("/cases", jsonBody, async (req, res) => {
    const saved = await createCase(ctx, await validCaseBody(ctx, req));
    res.status(201).location(caseHref(saved.id)).set("ETag", etagOf(saved.version)).json(caseJson(saved));
  });

  router.get("/cases/:id", async (req, res) => {
    const found = await storedCaseOr404(ctx, req.params.id);
    res.set("ETag", etagOf(found.version)).json(caseJson(found));
  });

  router.put("/cases/:id", jsonBody, async (req: Request<{ id: string }>, res: Response) => {
    const expected = expectedVersion(req.get("if-match"));
    const outcome = await updateCase(ctx, req.params.id, await validCaseBody(ctx, req), expected);
    if (!outcome.ok) throw outcome.reason === "not-found" ? notFound() : new HttpError(409, "api.conflict");
    res.set("ETag", etagOf(outcome.saved.version)).json(caseJson(outcome.saved));
  });

  router.delete("/cases/:id", async (req, res) => {
    if (!(await ctx.store.cases.remove(req.params.id))) throw notFound();
    res.status(204).end();
  });

  // Any other write under /api/v1 is a JSON 404 here, not a 403 from the HTML app's CSRF check.
  // Other GETs go on: /api/v1/factors is still served by the factor routes after the sessions,
  // and an unknown path gets the final 404 (JSON, as for every /api/ path).
  router.use((req, _res, next) => next(req.method === "GET" || req.method === "HEAD" ? undefined : notFound()));
  return router;
}
