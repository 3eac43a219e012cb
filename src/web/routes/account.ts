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
import { Router } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import { PasswordRefusedError } from "../../app/errors.js";
import type { Principal } from "../../app/principal.js";
import type { AppContext } from "../context.js";
import { notFound } from "../errors.js";
import { handlers, idParam } from "../handler.js";
import { langOf } from "../page.js";
import { accountPageModel, tokenRevokeModel, TOKEN_LABEL_MAX, type AccountPageInput, type PasswordErrors } from "../view-models/account.js";

/** `?done=` → the notice's text key; a Map, since the value is whatever the address says. */
const NOTICES: ReadonlyMap<string, string> = new Map([
  ["password", "account.passwordChanged"],
  ["revoked", "tokens.revoked"],
]);

/** A form field as text of at most `max` characters; anything else is empty. */
const text = (max: number) => z.unknown().optional().transform((value) => (typeof value === "string" ? value.slice(0, max) : ""));

/** The password form's own problems, before the use case sees it: a field left empty, two new ones that differ. */
function passwordFormErrors(input: { current: string; next: string; repeat: string }): PasswordErrors {
  const errors: PasswordErrors = {};
  if (input.current === "") errors.current = "account.required";
  if (input.next === "") errors.next = "account.required";
  if (input.repeat === "") errors.repeat = "account.required";
  else if (input.next !== "" && input.repeat !== input.next) errors.repeat = "account.mismatch";
  return errors;
}

/** One's own page: the user, their memberships and their API tokens. */
async function ownPage(app: Application, principal: Principal) {
  const { user, memberships } = await app.accounts.me(principal);
  return { user, memberships, organisationId: principal.organisationId, tokens: await app.tokens.list(principal) };
}

type Shown = { page: Awaited<ReturnType<typeof ownPage>>; extra: Partial<AccountPageInput>; status?: number };

/** One's own token by id, or 404 (another member's token is not on one's own page). */
async function ownToken(app: Application, principal: Principal, id: string) {
  const token = (await app.tokens.list(principal)).find((t) => t.id === id && !t.revokedAt);
  if (!token) throw notFound();
  return token;
}

export function accountRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  /** The page, with a form's outcome, or a 303 back to it with a notice. */
  const show = { send: (shown: Shown | { redirect: string }, req: Parameters<typeof langOf>[0], res: Parameters<typeof ctx.render>[1]) => {
    if ("redirect" in shown) return res.redirect(303, shown.redirect);
    ctx.render(req, res, "account", accountPageModel({ ...shown.page, lang: langOf(req), ...shown.extra }), { status: shown.status ?? 200 });
  } };

  router.get(
    "/account",
    handler({
      input: z.object({ query: z.object({ done: z.unknown().optional() }) }),
      permission: "account.own",
      call: async (app, principal, { query }): Promise<Shown> => ({ page: await ownPage(app, principal), extra: { notice: typeof query.done === "string" ? NOTICES.get(query.done) : undefined } }),
      respond: show,
    }),
  );

  router.post(
    "/account/password",
    handler({
      input: z.object({ body: z.object({ current: text(1024), next: text(1024), repeat: text(1024) }).default({ current: "", next: "", repeat: "" }), sessionId: z.string().optional() }),
      permission: "account.own",
      call: async (app, principal, { body, sessionId }): Promise<Shown | { redirect: string }> => {
        const errors = passwordFormErrors(body);
        if (Object.keys(errors).length > 0) return { page: await ownPage(app, principal), extra: { passwordErrors: errors }, status: 400 };
        try {
          await app.accounts.changePassword(principal, { current: body.current, next: body.next, keepSessionId: sessionId });
        } catch (error) {
          if (!(error instanceof PasswordRefusedError)) throw error;
          const at = error.problem === "wrong-current" ? "current" : "next";
          return { page: await ownPage(app, principal), extra: { passwordErrors: { [at]: `password.${error.problem}` } }, status: 400 };
        }
        return { redirect: "/account?done=password" };
      },
      respond: show,
    }),
  );

  router.post(
    "/account/tokens",
    handler({
      input: z.object({ body: z.object({ label: z.unknown().optional().transform((v) => (typeof v === "string" ? v.trim() : "")) }).default({ label: "" }) }),
      permission: "token.own",
      call: async (app, principal, { body: { label: raw } }): Promise<Shown> => {
        const label = raw.slice(0, TOKEN_LABEL_MAX);
        const error = raw === "" ? "account.required" : [...raw].length > TOKEN_LABEL_MAX ? "users.tooLong" : undefined;
        if (error) return { page: await ownPage(app, principal), extra: { tokenForm: { label, error } }, status: 400 };
        const made = await app.tokens.create(principal, { name: label });
        return { page: await ownPage(app, principal), extra: { newToken: { name: made.info.name, secret: made.secret } } };
      },
      respond: show,
    }),
  );

  router.get(
    "/account/tokens/:id/revoke",
    handler({
      input: idParam,
      permission: "token.own",
      call: (app, principal, { params }) => ownToken(app, principal, params.id),
      respond: { view: "token-revoke", model: (token, req) => tokenRevokeModel(token, langOf(req)) },
    }),
  );

  router.post(
    "/account/tokens/:id/revoke",
    handler({
      input: idParam,
      permission: "token.own",
      call: async (app, principal, { params }) => app.tokens.revoke(principal, (await ownToken(app, principal, params.id)).id),
      respond: { redirect: () => "/account?done=revoked" },
    }),
  );

  return router;
}
