/**
 * Who is asking: every HTML page but the login page, static files and the
 * health probes needs a signed-in user (a visitor without one is sent to
 * /login, and comes back after); /api/v1 needs `Authorization: Bearer
 * <token>` (401 with a JSON error when missing or wrong). What the user may
 * do there is decided by the application layer's policy, not here.
 */
import type { Request, RequestHandler } from "express";
import { UnauthenticatedError } from "../app/errors.js";
import type { Principal } from "../app/principal.js";
import type { AppContext } from "./context.js";

/** The signed-in principal of this request (set by the session or the bearer token), or UnauthenticatedError. */
export function principalOf(req: Request): Principal {
  if (!req.principal) throw new UnauthenticatedError();
  return req.principal;
}

/** HTML: a visitor without a session goes to the login page (303), to come back to this address after. */
export function requireLogin(): RequestHandler {
  return (req, res, next) => {
    if (req.principal) return next();
    if (req.accepts(["html", "json"]) === "json") return next(new UnauthenticatedError());
    const back = req.method === "GET" ? req.originalUrl : "/";
    res.set("Cache-Control", "no-store").redirect(303, `/login?next=${encodeURIComponent(back)}`);
  };
}

const BEARER = /^Bearer +([^\s]+)\s*$/i;

/** API: the token's principal, or 401. */
export function requireToken(ctx: AppContext): RequestHandler {
  return async (req, res, next) => {
    const match = BEARER.exec(req.get("authorization") ?? "");
    if (!match) {
      res.set("WWW-Authenticate", 'Bearer realm="kalkyle"');
      return next(new UnauthenticatedError());
    }
    try {
      req.principal = await ctx.app.tokens.authenticate(match[1]!, new Date());
      res.locals.userId = req.principal.userId;
      next();
    } catch (error) {
      if (error instanceof UnauthenticatedError) res.set("WWW-Authenticate", 'Bearer realm="kalkyle", error="invalid_token"');
      next(error);
    }
  };
}
