/**
 * One's own page:
 *   GET  /account                       name, e-mail, the password form, one's API tokens
 *   POST /account/password              current, next, repeat: 303 back with a notice, or 400
 *                                       with the problem next to its field (passwords never sent back)
 *   POST /account/tokens                label: the page with the new token shown once, or 400
 *   GET  /account/tokens/:id/revoke     asks to confirm
 *   POST /account/tokens/:id/revoke     revokes, 303 back with a notice
 * Every other session of the user ends when the password changes; this one stays.
 */
import { Router, type Request, type Response } from "express";
import { PasswordRefusedError } from "../../app/errors.js";
import { principalOf } from "../auth.js";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { langOf } from "../page.js";
import { accountPageModel, tokenRevokeModel, TOKEN_LABEL_MAX, type AccountPageInput, type PasswordErrors } from "../view-models/account.js";

/** `?done=` → the notice's text key; a Map, since the value is whatever the address says. */
const NOTICES: ReadonlyMap<string, string> = new Map([
  ["password", "account.passwordChanged"],
  ["revoked", "tokens.revoked"],
]);

const text = (body: Record<string, unknown>, name: string, max: number) => {
  const value = body[name];
  return typeof value === "string" ? value.slice(0, max) : "";
};

/** The password form's own problems, before the use case sees it: a field left empty, two new ones that differ. */
function passwordFormErrors(input: { current: string; next: string; repeat: string }): PasswordErrors {
  const errors: PasswordErrors = {};
  if (input.current === "") errors.current = "account.required";
  if (input.next === "") errors.next = "account.required";
  if (input.repeat === "") errors.repeat = "account.required";
  else if (input.next !== "" && input.repeat !== input.next) errors.repeat = "account.mismatch";
  return errors;
}

export function accountRoutes(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, extra: Partial<AccountPageInput>, status = 200) => {
    const principal = principalOf(req);
    const { user, memberships } = await ctx.app.accounts.me(principal);
    const tokens = await ctx.app.tokens.list(principal);
    ctx.render(req, res, "account", accountPageModel({ user, memberships, organisationId: principal.organisationId, tokens, lang: langOf(req), ...extra }), { status });
  };

  router.get("/account", async (req, res) => {
    const done = typeof req.query.done === "string" ? NOTICES.get(req.query.done) : undefined;
    await show(req, res, { notice: done });
  });

  router.post("/account/password", async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const input = { current: text(body, "current", 1024), next: text(body, "next", 1024), repeat: text(body, "repeat", 1024) };
    const errors = passwordFormErrors(input);
    if (Object.keys(errors).length > 0) return show(req, res, { passwordErrors: errors }, 400);
    try {
      await ctx.app.accounts.changePassword(principalOf(req), { current: input.current, next: input.next, keepSessionId: req.sessionId });
    } catch (error) {
      if (!(error instanceof PasswordRefusedError)) throw error;
      const at = error.problem === "wrong-current" ? "current" : "next";
      return show(req, res, { passwordErrors: { [at]: `password.${error.problem}` } }, 400);
    }
    res.redirect(303, "/account?done=password");
  });

  router.post("/account/tokens", async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = typeof body.label === "string" ? body.label.trim() : "";
    const label = raw.slice(0, TOKEN_LABEL_MAX);
    const error = raw === "" ? "account.required" : [...raw].length > TOKEN_LABEL_MAX ? "users.tooLong" : undefined;
    if (error) return show(req, res, { tokenForm: { label, error } }, 400);
    const made = await ctx.app.tokens.create(principalOf(req), { name: label });
    await show(req, res, { newToken: { name: made.info.name, secret: made.secret } });
  });

  /** One's own token by id, or 404 (another member's token is not on one's own page). */
  const ownToken = async (req: Request<{ id: string }>) => {
    const token = (await ctx.app.tokens.list(principalOf(req))).find((t) => t.id === req.params.id && !t.revokedAt);
    if (!token) throw notFound();
    return token;
  };

  router.get("/account/tokens/:id/revoke", async (req, res) => {
    ctx.render(req, res, "token-revoke", tokenRevokeModel(await ownToken(req), langOf(req)));
  });

  router.post("/account/tokens/:id/revoke", async (req, res) => {
    await ctx.app.tokens.revoke(principalOf(req), (await ownToken(req)).id);
    res.redirect(303, "/account?done=revoked");
  });

  return router;
}
