/**
 * Body parsing for the JSON API, which is mounted before the app's form
 * parser: a POST or PUT must say `application/json` (else 415), may be at
 * most JSON_LIMIT (else 413, from body-parser's entity.too.large), and must
 * be an object or array (strict; malformed JSON → 400 at "(document)").
 * A request without a body is left with `req.body` undefined.
 */
import express, { type RequestHandler } from "express";
import { HttpError } from "../errors.js";

export const JSON_LIMIT = "5mb";

const parse = express.json({ limit: JSON_LIMIT, strict: true, type: "application/json" });

export const jsonBody: RequestHandler = (req, res, next) => {
  // req.is() is null when there is no body at all, false when the body has another type.
  if (req.is("application/json") === false) return next(new HttpError(415, "api.unsupportedMediaType"));
  parse(req, res, next);
};
