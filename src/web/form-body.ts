/**
 * The urlencoded form body, at most FORM_LIMIT_MB. A larger body is not
 * kept: the request goes on without it, marked `res.locals.formTooLarge`,
 * and is refused with 413 once the session is known (refuseTooLargeForm),
 * so the refusal speaks the user's language, and a route that knows the
 * form (the case editor) can say what happened to it first.
 */
import express, { type RequestHandler } from "express";
import { HttpError } from "./errors.js";

/** The largest form body, in MB (body-parser's "mb": 1 048 576 bytes). */
export const FORM_LIMIT_MB = 1;
export const FORM_LIMIT = `${FORM_LIMIT_MB}mb`;

export function formBody(): RequestHandler {
  const parse = express.urlencoded({ extended: false, limit: FORM_LIMIT, parameterLimit: 50_000 });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type !== "entity.too.large") return next(error);
      res.locals.formTooLarge = true;
      req.body = {};
      next();
    });
}

/** 413 for a form body over the limit that no route before this answered. */
export function refuseTooLargeForm(): RequestHandler {
  return (_req, res, next) => next(res.locals.formTooLarge ? new HttpError(413, "error.tooLarge", [], { limitBytes: FORM_LIMIT_MB * 1024 * 1024 }) : undefined);
}
