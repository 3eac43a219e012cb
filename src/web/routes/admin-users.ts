/**
 * The organisation's members, for its administrators (policy: `user.read`,
 * `user.manage`; any other role gets 403 before anything is read):
 *   GET  /admin/users                     the members and their roles, the add form
 *   POST /admin/users                     adds a member: a password made by Kalkyle (shown once) or
 *                                         set by the administrator; 400 with the problems, every
 *                                         value but the password kept; an e-mail in use 409
 *   POST /admin/users/:id/role            changes a role; the last administrator keeps it (409, said in the row)
 *   GET  /admin/users/:id/password        asks how the new password is to be made
 *   POST /admin/users/:id/password        sets it (shown once when made by Kalkyle); the user's sessions end
 *   GET  /admin/users/:id/remove          asks to confirm ending the membership
 *   POST /admin/users/:id/remove          ends it (the member's sessions and tokens here end); the last administrator stays (409)
 */
import { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Application } from "../../app/application.js";
import { ConflictError, PasswordRefusedError } from "../../app/errors.js";
import { generatePassword } from "../../app/passwords.js";
import type { Principal } from "../../app/principal.js";
import { isRole, type Member } from "../../store/accounts.js";
import type { AppContext } from "../context.js";
import { handlers, idParam, langInput } from "../handler.js";
import { translate } from "../i18n/catalog.js";
import { langOf } from "../page.js";
import { EMAIL_MAX, memberRemoveModel, membersPageModel, NAME_MAX, passwordResetModel, type FormErrors, type MembersPageInput, type NewMemberForm } from "../view-models/members.js";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const text = (body: Record<string, unknown>, name: string) => (typeof body[name] === "string" ? (body[name] as string) : "");

/** The add form as typed, and its problems before the use case sees it. */
function readNewMember(body: Record<string, unknown>): { form: NewMemberForm; password: string; errors: FormErrors } {
  const form: NewMemberForm = { email: text(body, "email").trim().slice(0, EMAIL_MAX), name: text(body, "name").trim().slice(0, NAME_MAX), role: text(body, "role").slice(0, 20), passwordChoice: body.passwordChoice === "set" ? "set" : "generate" };
  const password = form.passwordChoice === "set" ? text(body, "password").slice(0, 1024) : "";
  const errors: FormErrors = {};
  if (form.email === "") errors.email = "account.required";
  else if (!EMAIL.test(form.email) || text(body, "email").trim().length > EMAIL_MAX) errors.email = "users.badEmail";
  if (form.name === "") errors.name = "account.required";
  else if ([...text(body, "name").trim()].length > NAME_MAX) errors.name = "users.tooLong";
  if (!isRole(form.role)) errors.role = "users.badRole";
  if (form.passwordChoice === "set" && password === "") errors.password = "account.required";
  return { form, password, errors };
}

/** A small form's body as it came (read leniently field by field in the call, every value but a password kept). */
const formBody = z
  .unknown()
  .optional()
  .transform((body) => (body ?? {}) as Record<string, unknown>);

/** The members page's data: the members, who is looking, the organisation's name. */
async function membersPage(app: Application, principal: Principal) {
  const members = await app.accounts.members(principal);
  const { memberships } = await app.accounts.me(principal);
  const organisation = memberships.find((m) => m.organisationId === principal.organisationId)?.organisationName ?? "";
  return { members, selfId: principal.userId, organisation };
}

type Outcome =
  | { members: Awaited<ReturnType<typeof membersPage>>; extra: Partial<MembersPageInput>; status?: number }
  | { reset: Member; choice: "set" | "generate"; error?: string; status?: number }
  | { remove: Member; organisation: string }
  | { redirect: string };

export function adminUserRoutes(ctx: AppContext): Router {
  const router = Router();
  const handler = handlers(ctx);

  const respond = {
    send: (outcome: Outcome, req: Request, res: Response) => {
      const lang = langOf(req);
      if ("redirect" in outcome) return res.redirect(303, outcome.redirect);
      if ("reset" in outcome) return ctx.render(req, res, "user-password", passwordResetModel(outcome.reset, { choice: outcome.choice, error: outcome.error, lang }), { status: outcome.status ?? 200 });
      if ("remove" in outcome) return ctx.render(req, res, "user-remove", memberRemoveModel(outcome.remove, outcome.organisation, lang));
      ctx.render(req, res, "users", membersPageModel({ ...outcome.members, lang, ...outcome.extra }), { status: outcome.status ?? 200 });
    },
  };

  /** The members page with a form's outcome. */
  const show = async (app: Application, principal: Principal, extra: Partial<MembersPageInput>, status = 200): Promise<Outcome> => ({ members: await membersPage(app, principal), extra, status });

  router.get("/admin/users", handler({ input: z.object({}), permission: "user.read", call: (app, principal) => show(app, principal, {}), respond }));

  router.post(
    "/admin/users",
    handler({
      input: z.object({ body: formBody, lang: langInput }),
      permission: "user.manage",
      call: async (app, principal, { body, lang }): Promise<Outcome> => {
        const { form, password, errors } = readNewMember(body);
        if (Object.keys(errors).length > 0 || !isRole(form.role)) return show(app, principal, { addForm: form, addErrors: errors }, 400);
        const initial = form.passwordChoice === "generate" ? generatePassword() : password;
        try {
          const member = await app.accounts.addMember(principal, { email: form.email, name: form.name, role: form.role, password: initial });
          const role = translate(lang, `role.${member.role}`);
          return await show(app, principal, { notice: { key: "users.added", params: { name: member.name, email: member.email, role } }, madePassword: form.passwordChoice === "generate" ? { email: member.email, password: initial } : undefined });
        } catch (error) {
          if (error instanceof ConflictError && error.reason === "email-taken") return show(app, principal, { addForm: form, addErrors: { email: "error.email-taken" } }, 409);
          if (error instanceof PasswordRefusedError) return show(app, principal, { addForm: form, addErrors: { password: `password.${error.problem}` } }, 400);
          throw error;
        }
      },
      respond,
    }),
  );

  router.post(
    "/admin/users/:id/role",
    handler({
      input: idParam.extend({ body: formBody, lang: langInput }),
      permission: "user.manage",
      call: async (app, principal, { params, body, lang }): Promise<Outcome> => {
        const member = await app.accounts.member(principal, params.id);
        const role = text(body, "role");
        if (!isRole(role)) return show(app, principal, { roleError: { userId: member.id, key: "users.badRole" } }, 400);
        try {
          await app.accounts.setRole(principal, member.id, role);
        } catch (error) {
          if (error instanceof ConflictError && error.reason === "last-admin") return show(app, principal, { roleError: { userId: member.id, key: "error.last-admin" } }, 409);
          throw error;
        }
        // the administrator who gave up the role may no longer see this page
        if (member.id === principal.userId && role !== "admin") return { redirect: "/account" };
        return show(app, principal, { notice: { key: "users.roleChanged", params: { name: member.name, role: translate(lang, `role.${role}`) } } });
      },
      respond,
    }),
  );

  router.get(
    "/admin/users/:id/password",
    handler({
      input: idParam,
      permission: "user.manage",
      call: async (app, principal, { params }): Promise<Outcome> => ({ reset: await app.accounts.member(principal, params.id), choice: "generate" }),
      respond,
    }),
  );

  router.post(
    "/admin/users/:id/password",
    handler({
      input: idParam.extend({ body: formBody }),
      permission: "user.manage",
      call: async (app, principal, { params, body }): Promise<Outcome> => {
        const member = await app.accounts.member(principal, params.id);
        const choice = body.passwordChoice === "set" ? "set" : "generate";
        const typed = choice === "set" ? text(body, "password").slice(0, 1024) : "";
        if (choice === "set" && typed === "") return { reset: member, choice, error: "account.required", status: 400 };
        const password = choice === "generate" ? generatePassword() : typed;
        try {
          await app.accounts.resetPassword(principal, member.id, password);
        } catch (error) {
          if (error instanceof PasswordRefusedError) return { reset: member, choice, error: `password.${error.problem}`, status: 400 };
          throw error;
        }
        return show(app, principal, { notice: { key: "users.passwordSet", params: { name: member.name } }, madePassword: choice === "generate" ? { email: member.email, password } : undefined });
      },
      respond,
    }),
  );

  router.get(
    "/admin/users/:id/remove",
    handler({
      input: idParam,
      permission: "user.manage",
      call: async (app, principal, { params }): Promise<Outcome> => {
        const member = await app.accounts.member(principal, params.id);
        const organisation = (await app.accounts.me(principal)).memberships.find((m) => m.organisationId === principal.organisationId)?.organisationName ?? "";
        return { remove: member, organisation };
      },
      respond,
    }),
  );

  router.post(
    "/admin/users/:id/remove",
    handler({
      input: idParam,
      permission: "user.manage",
      call: async (app, principal, { params }): Promise<Outcome> => {
        const member = await app.accounts.member(principal, params.id);
        try {
          await app.accounts.removeMember(principal, member.id);
        } catch (error) {
          if (error instanceof ConflictError && error.reason === "last-admin") return show(app, principal, { roleError: { userId: member.id, key: "error.last-admin" } }, 409);
          throw error;
        }
        // an administrator who left is signed out of this organisation
        if (member.id === principal.userId) return { redirect: "/login" };
        return show(app, principal, { notice: { key: "users.removed", params: { name: member.name } } });
      },
      respond,
    }),
  );

  return router;
}
