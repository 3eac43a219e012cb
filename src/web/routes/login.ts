/**
 * Signing in and out:
 *   GET  /login    the form (a signed-in user goes on to the cases)
 *   POST /login    e-mail and password: a new session and 303 to `next`
 *                  (a path on this site) or the cases; a wrong pair 401
 *                  with the form again; too many failures 429
 *   POST /logout   ends the session, 303 to /login
 * The client's address for throttling is the socket's, unless TRUST_PROXY
 * says a proxy in front sets X-Forwarded-For (Express's "trust proxy").
 */
import { Router, type Request, type Response } from "express";
import { ThrottledError, UnauthenticatedError } from "../../app/errors.js";
import type { AppContext } from "../context.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { safeReturnPath } from "../return-path.js";
import { endSession, startSession } from "../session.js";

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");

/** The login form; with an identity provider configured (ctx.oidcProvider), its button too. `errorKey`: a catalog key naming what went wrong. */
export function renderLogin(ctx: AppContext, req: Request, res: Response, input: { email: string; next: string; error?: string; errorKey?: string }, status = 200): void {
  const lang = langOf(req);
  const { errorKey, ...shown } = input;
  const provider = ctx.oidcProvider;
  const oidc = provider ? { label: translate(lang, "login.oidc.button", { provider }), href: `/login/oidc?next=${encodeURIComponent(input.next)}` } : undefined;
  const error = errorKey ? translateKey(lang, errorKey, { provider: provider ?? "" }) : input.error;
  ctx.render(req, res, "login", { pageTitle: translate(lang, "login.title"), ...shown, error, oidc }, { status });
}

export function loginRoutes(ctx: AppContext): Router {
  const router = Router();

  const form = (req: Request, res: Response, input: { email: string; next: string; error?: string }, status = 200) => renderLogin(ctx, req, res, input, status);

  router.get("/login", (req, res) => {
    const next = safeReturnPath(req.query.next);
    if (req.principal) return res.redirect(303, next);
    form(req, res, { email: "", next });
  });

  router.post("/login", async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const email = text(body.email, 320).trim();
    const next = safeReturnPath(body.next);
    try {
      const { user, memberships } = await ctx.app.accounts.login({ email, password: text(body.password, 1024), address: req.ip ?? "", now: (ctx.sessionOptions.now ?? Date.now)() });
      await startSession(ctx.store.sessions, req, res, { userId: user.id, organisationId: memberships[0]!.organisationId }, ctx.sessionOptions);
      res.redirect(303, next);
    } catch (error) {
      if (error instanceof UnauthenticatedError) return form(req, res, { email, next, error: translate(langOf(req), "login.failed") }, 401);
      if (error instanceof ThrottledError) {
        res.set("Retry-After", String(error.retryAfterSeconds));
        return form(req, res, { email, next, error: translate(langOf(req), "error.throttled") }, 429);
      }
      throw error;
    }
  });

  router.post("/logout", async (req, res) => {
    await endSession(ctx.store.sessions, req, res, ctx.sessionOptions);
    res.redirect(303, "/login");
  });

  return router;
}
