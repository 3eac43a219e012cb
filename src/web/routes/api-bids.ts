/**
 * Bids in the JSON API, mounted inside the API router (api.ts), so the
 * bearer token, `Cache-Control: no-store` and the language (`?lang=`,
 * Accept-Language, else English) hold as for the cases:
 *   GET  /cases/:id/bid-template.xlsx?lang=nb|en   the bidder template (default: the request's language)
 *   POST /cases/:id/bids?replace=true|false         the filled template as the body
 *        (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, at most 5 MB, not empty: else 415 / 413 / 400);
 *        optional If-Match: version → 409 when someone saved in between;
 *        201 + Location + ETag and { alternativeId, replaced, case } when imported (one new version);
 *        422 { errors: [ { path: "Levering!C4", sheet, cell, code, message } ] } naming every problem, nothing kept.
 */
import express, { Router, type RequestHandler, type Response } from "express";
import { z } from "zod";
import { bidProblemMessage, type BidProblem } from "../../bids/bid-problems.js";
import { BID_LIMIT_BYTES } from "../../bids/zip-check.js";
import { ConflictError } from "../../app/errors.js";
import type { Lang } from "../../case/messages.js";
import { caseHref, caseJson, etagOf, ifMatchVersion } from "../api/case-resource.js";
import { apiLang, fromAcceptLanguage } from "../api/lang.js";
import type { AppContext } from "../context.js";
import { contentDisposition, CONTENT_TYPES } from "../exports/download.js";
import { HttpError } from "../errors.js";
import { handlers, idParam, problemIssue } from "../handler.js";

const XLSX = CONTENT_TYPES.xlsx;

/** Every problem in the API's error body; the path names the sheet and cell as a spreadsheet does ("Levering!C4"). */
function sendProblems(res: Response, status: number, problems: BidProblem[], lang: Lang): void {
  const errors = problems.map((p) => ({ path: p.sheet === "" ? "(file)" : p.cell === "" ? p.sheet : `${p.sheet}!${p.cell}`, sheet: p.sheet, cell: p.cell, code: p.code, message: bidProblemMessage(p, lang) }));
  res.status(status).json({ errors });
}

const readXlsx = express.raw({ limit: BID_LIMIT_BYTES, type: XLSX });

const hasBytes = (body: unknown): body is Uint8Array => body instanceof Uint8Array && body.length > 0;

/**
 * The body as bytes: a workbook's media type (else 415), at most BID_LIMIT_BYTES
 * (else 413), not empty (else 400); the last two said as problems of the file.
 */
const bidBody: RequestHandler = (req, res, next) => {
  // Nothing sent is said as such, whatever the type says (a bare POST has Content-Length 0 and no type).
  if (req.headers["content-length"] === "0") return sendProblems(res, 400, [{ sheet: "", cell: "", code: "file-missing", params: {} }], apiLang(req));
  if (req.is(XLSX) === false) return next(new HttpError(415, "api.unsupportedMediaTypeXlsx"));
  readXlsx(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === "entity.too.large") {
      res.set("Connection", "close");
      return sendProblems(res, 413, [{ sheet: "", cell: "", code: "file-too-large", params: { limit: "5 MB" } }], apiLang(req));
    }
    if (!error && !hasBytes(req.body)) return sendProblems(res, 400, [{ sheet: "", cell: "", code: "file-missing", params: {} }], apiLang(req));
    next(error);
  });
};

const bytesOf = z.unknown().transform((body, ctx) => {
  if (hasBytes(body)) return Buffer.from(body.buffer, body.byteOffset, body.length);
  ctx.addIssue(problemIssue("required"));
  return z.NEVER;
});

export function bidApiRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  router.get(
    "/cases/:id/bid-template.xlsx",
    handler({
      input: idParam.extend({ query: z.object({ lang: z.enum(["nb", "en"]).optional() }), headers: z.object({ "accept-language": z.string().optional() }) }),
      permission: "case.read",
      call: (app, principal, { params, query, headers }) => app.bids.template(principal, params.id, query.lang ?? fromAcceptLanguage(headers["accept-language"]) ?? "en"),
      respond: {
        send: (template, _req, res) => void res.status(200).set({ "Content-Type": XLSX, "Content-Disposition": contentDisposition(template.filename.replace(/\.xlsx$/, ""), "xlsx") }).send(template.bytes),
      },
    }),
  );

  router.post(
    "/cases/:id/bids",
    bidBody,
    handler({
      input: idParam.extend({ headers: z.object({ "if-match": ifMatchVersion }), query: z.object({ replace: z.enum(["true", "false"]).optional() }), body: bytesOf }),
      permission: "case.update",
      call: (app, principal, { params, headers, query, body }) =>
        app.bids.importBid(principal, params.id, body, { expectedVersion: headers["if-match"], replace: query.replace === "true" }).catch((error: unknown) => {
          throw error instanceof ConflictError ? new HttpError(409, "api.conflict") : error;
        }),
      respond: {
        send: (outcome, req, res) => {
          if (!outcome.ok) return sendProblems(res, 422, outcome.problems, apiLang(req));
          res.status(201).set({ Location: caseHref(outcome.case.id), ETag: etagOf(outcome.case.version) }).json({ alternativeId: outcome.alternativeId, replaced: outcome.replaced, case: caseJson(outcome.case) });
        },
      },
    }),
  );
  return router;
}
