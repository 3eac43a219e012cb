/**
 * Security headers (helmet) with a Content-Security-Policy that allows no
 * inline script and no inline style, and the CSRF check for every
 * state-changing form: a synchroniser token in the session (csrf-sync)
 * when signed in; before that, when there is no session, a double-submit
 * cookie (a random value in an HttpOnly cookie that the form must repeat;
 * `__Host-` prefixed over HTTPS, so no other site or subdomain can set it).
 *
 * One frame policy: no page may be framed, said twice so old and new
 * browsers agree (CSP `frame-ancestors 'none'`, `X-Frame-Options: DENY`).
 * HSTS only when the app is served over HTTPS (docs/decisions.md).
 */
import { parseCookie, stringifySetCookie } from "cookie";
import { csrfSync } from "csrf-sync";
import type { Request, RequestHandler, Response } from "express";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { HttpError } from "./errors.js";
import helmet from "helmet";

/** One year, as HSTS preload lists and most guides ask. */
const HSTS_MAX_AGE = 31_536_000;

export function securityHeaders(options: { https: boolean }): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // Municipal installs often run on plain HTTP inside their network: a browser that saw HSTS once would refuse that for a year.
    strictTransportSecurity: options.https ? { maxAge: HSTS_MAX_AGE, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  });
}

export const csrf = csrfSync({
  getTokenFromRequest: (req: Request) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    return typeof fromBody === "string" ? fromBody : (req.headers["x-csrf-token"] as string | undefined);
  },
  getTokenFromState: (req: Request) => req.session?.csrfToken,
  storeTokenInState: (req: Request, token) => {
    req.session.csrfToken = token ?? null;
  },
  size: 32,
});

const PRE_SESSION_COOKIE = "kalkyle_csrf";
const preSessionCookie = (secure: boolean) => (secure ? `__Host-${PRE_SESSION_COOKIE}` : PRE_SESSION_COOKIE);

declare module "express-serve-static-core" {
  interface Request {
    /** The double-submit token of a visitor without a session. */
    preSessionToken?: string;
  }
}

function tokenOfRequest(req: Request): string | undefined {
  const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
  return typeof fromBody === "string" ? fromBody : (req.headers["x-csrf-token"] as string | undefined);
}

function sameText(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** The token this request's forms carry: the session's, or the visitor's double-submit cookie (set here on first sight). */
export function csrfTokenFor(req: Request, res: Response, options: { secure: boolean }): string {
  if (req.sessionId) {
    if (!req.session.csrfToken) csrf.generateToken(req);
    return req.session.csrfToken ?? "";
  }
  if (!req.preSessionToken) {
    const known = parseCookie(req.headers.cookie ?? "")[preSessionCookie(options.secure)];
    req.preSessionToken = known && /^[A-Za-z0-9_-]{43}$/.test(known) ? known : randomBytes(32).toString("base64url");
    if (known !== req.preSessionToken) res.append("Set-Cookie", stringifySetCookie({ name: preSessionCookie(options.secure), value: req.preSessionToken, httpOnly: true, sameSite: "lax", path: "/", secure: options.secure }));
  }
  return req.preSessionToken;
}

/** Whether a state-changing request carries the right token for its session, or for its double-submit cookie. */
export function isCsrfValid(req: Request, options: { secure: boolean }): boolean {
  if (req.sessionId) return csrf.isRequestValid(req);
  return sameText(tokenOfRequest(req), parseCookie(req.headers.cookie ?? "")[preSessionCookie(options.secure)]);
}

export function csrfProtection(options: { secure: boolean }): RequestHandler {
  return (req, _res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    next(isCsrfValid(req, options) ? undefined : new HttpError(403, "error.forbidden"));
  };
}
