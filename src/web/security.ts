/**
 * Security headers (helmet) with a Content-Security-Policy that allows no
 * inline script and no inline style, and the CSRF check for every
 * state-changing form (synchroniser token in the session, csrf-sync).
 *
 * One frame policy: no page may be framed, said twice so old and new
 * browsers agree (CSP `frame-ancestors 'none'`, `X-Frame-Options: DENY`).
 * HSTS only when the app is served over HTTPS (docs/decisions.md).
 */
import { csrfSync } from "csrf-sync";
import type { Request, RequestHandler } from "express";
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
