/**
 * Signing in with the municipality's identity provider (mounted only when
 * one is configured, settings.ts):
 *   GET /login/oidc            to the provider (303), with state, nonce and
 *                              the PKCE challenge; what must come back is
 *                              kept in a signed cookie (flow-cookie.ts)
 *   GET /login/oidc/callback   the provider's answer: the code exchanged, the
 *                              ID token verified, the user matched by e-mail
 *                              or made; a new session as a password login
 *                              makes, and 303 to `next`
 * Anything that goes wrong shows the login page with what happened, in the
 * user's language (401 refused, 400 not this browser's flow, 403 not
 * allowed in, 503 the provider did not answer), never an error page.
 */
import { Router, type Request, type Response } from "express";
import { ProviderSignInRefusedError } from "../../app/provider-sign-in.js";
import type { AppContext } from "../context.js";
import { clearFlow, readFlow, writeFlow } from "../oidc/flow-cookie.js";
import { providerClient, ProviderFlowError, type ProviderClient } from "../oidc/provider-client.js";
import { CALLBACK_PATH, type OidcSettings } from "../oidc/settings.js";
import { safeReturnPath } from "../return-path.js";
import { startSession } from "../session.js";
import { renderLogin } from "./login.js";

const STATUS: Record<ProviderFlowError["reason"] | ProviderSignInRefusedError["reason"], number> = {
  denied: 401,
  failed: 401,
  state: 400,
  unavailable: 503,
  "no-email": 403,
  "email-unverified": 403,
  "no-membership": 403,
};

export function oidcRoutes(ctx: AppContext, settings: OidcSettings, provider: ProviderClient = providerClient(settings)): Router {
  const router = Router();
  const secure = ctx.sessionOptions.secureCookie;

  /** The login page saying why; other errors (the database) go to the error handler. */
  const refuse = (req: Request, res: Response, next: string, error: unknown) => {
    if (!(error instanceof ProviderFlowError || error instanceof ProviderSignInRefusedError)) throw error;
    ctx.logger.warn({ requestId: res.locals.requestId, oidc: error.reason, cause: error.cause instanceof Error ? error.cause.message : undefined }, "sign-in with the identity provider refused");
    renderLogin(ctx, req, res, { email: "", next, errorKey: `oidc.${error.reason}` }, STATUS[error.reason]);
  };

  router.get("/login/oidc", async (req, res) => {
    const next = safeReturnPath(req.query.next);
    if (req.principal) return res.redirect(303, next);
    try {
      const redirectUri = settings.redirectUri ?? `${req.protocol}://${req.get("host")}${CALLBACK_PATH}`;
      const { url, flow } = await provider.begin({ redirectUri, next, now: Date.now() });
      writeFlow(res, flow, { key: settings.stateKey, secure });
      res.set("Cache-Control", "no-store").redirect(303, url.href);
    } catch (error) {
      refuse(req, res, next, error);
    }
  });

  router.get(CALLBACK_PATH, async (req, res) => {
    const flow = readFlow(req, { key: settings.stateKey, now: Date.now() });
    clearFlow(res, { secure });
    const query = new URLSearchParams(req.originalUrl.split("?")[1] ?? "");
    try {
      if (!flow) throw new ProviderFlowError(query.get("error") === "access_denied" ? "denied" : "state");
      const identity = await provider.finish(flow, query);
      const { user, organisationId } = await ctx.app.providerSignIn.signIn(identity, settings.join);
      await startSession(ctx.store.sessions, req, res, { userId: user.id, organisationId }, ctx.sessionOptions);
      res.redirect(303, flow.next);
    } catch (error) {
      refuse(req, res, flow?.next ?? "/", error);
    }
  });

  return router;
}
