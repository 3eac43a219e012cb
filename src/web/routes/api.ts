/**
 * The JSON API under /api/v1 (mounted before sessions and CSRF; see
 * docs/decisions.md for why it needs no CSRF token):
 *   POST   /evaluate     a case in, the `kalkyle.result/1` document out (as `kalkyle evaluate`);
 *                        ?samples= &seed= &costRange= adds the Monte Carlo `uncertainty` block (as --samples, --seed, --cost-range)
 *   GET    /cases        ?q= &limit= &offset=
 *   POST   /cases        201 + Location
 *   GET    /cases/:id    document, version, updatedAt; ETag = version
 *   PUT    /cases/:id    optional If-Match: version → 409 when someone saved in between
 *   DELETE /cases/:id    204
 *   GET    /factors      ?q= &group= &unit= &source= &set= &limit= &lang= (the factor search, best match first, as the editor's picker uses it)
 *   …/climate/…          the climate plan, decisions, ledgers, mapping, screening and dashboard (api-climate.ts)
 * Every call needs `Authorization: Bearer <token>` (401 without; 403 when
 * the token's user may not do it; 404 for another organisation's case).
 * Every error is `{ "errors": [ { path, code, message } ] }` (errors.ts), in
 * English or, with `Accept-Language: nb` or `?lang=nb`, in bokmål.
 */
import { Router } from "express";
import { z } from "zod";
import { parseJsonBytes } from "../../case/evaluate-document.js";
import { isLimitProblem, type Problem } from "../../case/messages.js";
import { caseHref, caseJson, caseSummaryJson, etagOf, ifMatchVersion } from "../api/case-resource.js";
import { jsonBody } from "../api/json-body.js";
import { listQuerySchema } from "../api/list-query.js";
import { uncertaintyQuerySchema } from "../api/uncertainty-query.js";
import { drawSeed } from "../../case/uncertainty-bounds.js";
import type { AppContext } from "../context.js";
import { ConflictError } from "../../app/errors.js";
import { HttpError, notFound } from "../errors.js";
import { handlers, idParam, problemIssue } from "../handler.js";
import { factorSearch } from "./factors.js";
import { climateApiRoutes } from "./api-climate.js";
import { bidApiRoutes } from "./api-bids.js";
import { requireToken } from "../auth.js";

/** The JSON body's bytes (parsed in the evaluation pool); a request without one is refused as "(document)" required. */
const bodyBytes = z.unknown().transform((body, ctx) => {
  if (body instanceof Uint8Array) return body;
  ctx.addIssue(problemIssue("required"));
  return z.NEVER;
});

/** 400 naming every problem; 413 when the case is beyond what one request may compute. */
const refused = (problems: Problem[]) => new HttpError(problems.some(isLimitProblem) ? 413 : 400, problems.some(isLimitProblem) ? "error.tooLarge" : "error.generic", problems);

/** The body as a case document, or every problem; checked in the evaluation pool and parsed here only once it passed. */
async function validCase(ctx: AppContext, body: Uint8Array): Promise<Record<string, unknown>> {
  const checked = await ctx.pool.check(body);
  if (!checked.ok) throw refused(checked.problems);
  const parsed = parseJsonBytes(body);
  if (!parsed.ok) throw refused(parsed.problems);
  return parsed.value as Record<string, unknown>;
}

export function apiRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);
  router.use((_req, res, next) => {
    res.set("Cache-Control", "no-store");
    next();
  });
  // Every call needs a bearer token; what it may do is the token user's role in its organisation.
  router.use(requireToken(ctx));

  router.post(
    "/evaluate",
    jsonBody,
    handler({
      input: z.object({ body: bodyBytes, query: uncertaintyQuerySchema }),
      permission: "case.evaluate",
      call: async (_app, _principal, { body, query }) => {
        const uncertainty = query === null ? undefined : { ...query, seed: query.seed ?? drawSeed() };
        const evaluation = await ctx.pool.result(body, { uncertainty });
        if (!evaluation.ok) throw refused(evaluation.problems);
        return evaluation.text;
      },
      // The worker's text as it is: a large result is neither parsed nor written again on the server's thread.
      respond: { send: (text, _req, res) => void res.type("json").send(text) },
    }),
  );

  router.get(
    "/cases",
    handler({
      input: z.object({ query: listQuerySchema }),
      permission: "case.read",
      call: async (app, principal, { query }) => ({ query, found: await app.cases.list(principal, query) }),
      respond: { json: ({ query, found }) => ({ total: found.total, limit: query.limit, offset: query.offset, cases: found.cases.map(caseSummaryJson) }) },
    }),
  );

  router.post(
    "/cases",
    jsonBody,
    handler({
      input: z.object({ body: bodyBytes }),
      permission: "case.create",
      call: async (app, principal, { body }) => app.cases.create(principal, await validCase(ctx, body)),
      respond: { status: 201, json: caseJson, headers: (saved) => ({ Location: caseHref(saved.id), ETag: etagOf(saved.version) }) },
    }),
  );

  router.get(
    "/cases/:id",
    handler({
      input: idParam,
      permission: "case.read",
      call: (app, principal, { params }) => app.cases.get(principal, params.id),
      respond: { json: caseJson, headers: (found) => ({ ETag: etagOf(found.version) }) },
    }),
  );

  router.put(
    "/cases/:id",
    jsonBody,
    handler({
      input: idParam.extend({ headers: z.object({ "if-match": ifMatchVersion }), body: bodyBytes }),
      permission: "case.update",
      call: async (app, principal, { params, headers, body }) =>
        app.cases.update(principal, params.id, await validCase(ctx, body), headers["if-match"]).catch((error: unknown) => {
          throw error instanceof ConflictError ? new HttpError(409, "api.conflict") : error;
        }),
      respond: { json: caseJson, headers: (saved) => ({ ETag: etagOf(saved.version) }) },
    }),
  );

  router.delete(
    "/cases/:id",
    handler({
      input: idParam,
      permission: "case.delete",
      call: (app, principal, { params }) => app.cases.remove(principal, params.id),
      respond: { send: (_none, _req, res) => void res.status(204).end() },
    }),
  );

  router.get("/factors", factorSearch(ctx));
  router.use(climateApiRoutes(ctx));
  router.use(bidApiRoutes(ctx));

  // Anything else under /api/v1 is a JSON 404 here, never a page of the HTML app.
  router.use((_req, _res, next) => next(notFound()));
  return router;
}
