/**
 * Body parsing for the JSON API, which is mounted before the app's form
 * parser: a POST or PUT must say `application/json` (else 415), may be at
 * most JSON_LIMIT (else 413 naming the limit, the rest unread) and nest
 * at most WORK_LIMITS.depth deep (else 413, counted before parsing), and must
 * be an object or array (strict; malformed JSON → 400 at "(document)").
 * A request without a body is left with `req.body` undefined.
 */
import express, { type RequestHandler } from "express";
import { jsonNestingExceeds } from "../../case/json-depth.js";
import { WORK_LIMITS } from "../../case/work-budget.js";
import { HttpError } from "../errors.js";

/** The largest realistic case (50 alternatives × a few hundred items) is well under 1 MB. */
export const JSON_LIMIT = "2mb";
/** JSON_LIMIT as the refusal states it. */
const JSON_LIMIT_TEXT = "2 MB";

/** The body is larger than JSON_LIMIT: said as a limit of the case, like the work budget's. */
const bodyTooLarge = () => new HttpError(413, "error.tooLarge", [{ path: "(document)", code: "limit-body", params: { limit: JSON_LIMIT_TEXT } }]);

const parse = express.json({
  limit: JSON_LIMIT,
  strict: true,
  type: "application/json",
  // Nesting is counted on the bytes before JSON.parse sees them.
  verify: (_req, _res, body) => {
    if (jsonNestingExceeds(body, WORK_LIMITS.depth)) throw new HttpError(413, "error.tooLarge", [{ path: "(document)", code: "limit-depth", params: { limit: String(WORK_LIMITS.depth) } }]);
  },
});

export const jsonBody: RequestHandler = (req, res, next) => {
  // req.is() is null when there is no body at all, false when the body has another type.
  if (req.is("application/json") === false) return next(new HttpError(415, "api.unsupportedMediaType"));
  // body-parser refuses on Content-Length before reading, or as soon as the bytes read pass the limit.
  parse(req, res, (error?: unknown) => next((error as { type?: string } | undefined)?.type === "entity.too.large" ? bodyTooLarge() : error));
};
