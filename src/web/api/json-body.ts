/**
 * Body reading for the JSON API, which is mounted before the app's form
 * parser: a POST or PUT must say `application/json` (else 415) and may be
 * at most JSON_LIMIT (else 413 naming the limit, the rest unread). The body
 * is kept as bytes (`req.body` a Buffer): it is parsed in the evaluation
 * pool, nesting counted first (src/pool/evaluation-worker.ts), so that a
 * hostile document never costs the server's thread a JSON.parse; malformed
 * JSON or nesting past WORK_LIMITS.depth come back from there as problems
 * at "(document)". A request without a body is left with `req.body`
 * undefined.
 */
import express, { type RequestHandler } from "express";
import { HttpError } from "../errors.js";

/** The largest realistic case (50 alternatives × a few hundred items) is well under 1 MB. */
export const JSON_LIMIT = "2mb";
/** JSON_LIMIT as the refusal states it. */
const JSON_LIMIT_TEXT = "2 MB";

/** The body is larger than JSON_LIMIT: said as a limit of the case, like the work budget's. */
const bodyTooLarge = () => new HttpError(413, "error.tooLarge", [{ path: "(document)", code: "limit-body", params: { limit: JSON_LIMIT_TEXT } }]);

const read = express.raw({ limit: JSON_LIMIT, type: "application/json" });

export const jsonBody: RequestHandler = (req, res, next) => {
  // req.is() is null when there is no body at all, false when the body has another type.
  if (req.is("application/json") === false) return next(new HttpError(415, "api.unsupportedMediaType"));
  // body-parser refuses on Content-Length before reading, or as soon as the bytes read pass the limit.
  read(req, res, (error?: unknown) => next((error as { type?: string } | undefined)?.type === "entity.too.large" ? bodyTooLarge() : error));
};
