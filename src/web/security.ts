/**
 * Security headers (helmet) with a Content-Security-Policy that allows no
 * inline script and no inline style, and the CSRF check for every
 * state-changing form (synchroniser token in the session, csrf-sync).
 */
import { csrfSync } from "csrf-sync";
import type { Request, RequestHandler } from "express";
import helmet from "helmet";

export function securityHeaders(): RequestHandler {
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
    // Municipal installs often run on plain HTTP inside their network: no forced upgrade, no HSTS.
    strictTransportSecurity: false,
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
