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
import { ConflictError, PasswordRefusedError } from "../../app/errors.js";
import { generatePassword } from "../../app/passwords.js";
import { authorize } from "../../app/policy.js";
import { isRole, type Member } from "../../store/accounts.js";
import { principalOf } from "../auth.js";
import type { AppContext } from "../context.js";
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

export function adminUserRoutes(ctx: AppContext): Router {
  const router = Router();

  const show = async (req: Request, res: Response, extra: Partial<MembersPageInput>, status = 200) => {
    const principal = principalOf(req);
    const members = await ctx.app.accounts.members(principal);
    const { memberships } = await ctx.app.accounts.me(principal);
    const organisation = memberships.find((m) => m.organisationId === principal.organisationId)?.organisationName ?? "";
    ctx.render(req, res, "users", membersPageModel({ members, selfId: principal.userId, organisation, lang: langOf(req), ...extra }), { status });
  };

  /** The member, after the policy has said the principal may manage members (403 first, then 404). */
  const managedMember = async (req: Request<{ id: string }>): Promise<Member> => {
    authorize(principalOf(req), "user.manage");
    return ctx.app.accounts.member(principalOf(req), req.params.id);
  };

  router.get("/admin/users", async (req, res) => {
    await show(req, res, {});
  });

  router.post("/admin/users", async (req, res) => {
    const principal = principalOf(req);
    authorize(principal, "user.manage");
    const { form, password, errors } = readNewMember((req.body ?? {}) as Record<string, unknown>);
    if (Object.keys(errors).length > 0 || !isRole(form.role)) return show(req, res, { addForm: form, addErrors: errors }, 400);
    const initial = form.passwordChoice === "generate" ? generatePassword() : password;
    try {
      const member = await ctx.app.accounts.addMember(principal, { email: form.email, name: form.name, role: form.role, password: initial });
      const role = translate(langOf(req), `role.${member.role}`);
      await show(req, res, { notice: { key: "users.added", params: { name: member.name, email: member.email, role } }, madePassword: form.passwordChoice === "generate" ? { email: member.email, password: initial } : undefined });
    } catch (error) {
      if (error instanceof ConflictError && error.reason === "email-taken") return show(req, res, { addForm: form, addErrors: { email: "error.email-taken" } }, 409);
      if (error instanceof PasswordRefusedError) return show(req, res, { addForm: form, addErrors: { password: `password.${error.problem}` } }, 400);
      throw error;
    }
  });

  router.post("/admin/users/:id/role", async (req, res) => {
    const member = await managedMember(req);
    const role = text((req.body ?? {}) as Record<string, unknown>, "role");
    if (!isRole(role)) return show(req, res, { roleError: { userId: member.id, key: "users.badRole" } }, 400);
    try {
      await ctx.app.accounts.setRole(principalOf(req), member.id, role);
    } catch (error) {
      if (error instanceof ConflictError && error.reason === "last-admin") return show(req, res, { roleError: { userId: member.id, key: "error.last-admin" } }, 409);
      throw error;
    }
    // the administrator who gave up the role may no longer see this page
    if (member.id === principalOf(req).userId && role !== "admin") return res.redirect(303, "/account");
    await show(req, res, { notice: { key: "users.roleChanged", params: { name: member.name, role: translate(langOf(req), `role.${role}`) } } });
  });

  router.get("/admin/users/:id/password", async (req, res) => {
    const member = await managedMember(req);
    ctx.render(req, res, "user-password", passwordResetModel(member, { choice: "generate", lang: langOf(req) }));
  });

  router.post("/admin/users/:id/password", async (req, res) => {
    const member = await managedMember(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const choice = body.passwordChoice === "set" ? "set" : "generate";
    const typed = choice === "set" ? text(body, "password").slice(0, 1024) : "";
    const again = (error: string, status: number) => ctx.render(req, res, "user-password", passwordResetModel(member, { choice, error, lang: langOf(req) }), { status });
    if (choice === "set" && typed === "") return again("account.required", 400);
    const password = choice === "generate" ? generatePassword() : typed;
    try {
      await ctx.app.accounts.resetPassword(principalOf(req), member.id, password);
    } catch (error) {
      if (error instanceof PasswordRefusedError) return again(`password.${error.problem}`, 400);
      throw error;
    }
    await show(req, res, { notice: { key: "users.passwordSet", params: { name: member.name } }, madePassword: choice === "generate" ? { email: member.email, password } : undefined });
  });

  /** The organisation's name, for the confirmation. */
  const organisationOf = async (req: Request) => {
    const principal = principalOf(req);
    return (await ctx.app.accounts.me(principal)).memberships.find((m) => m.organisationId === principal.organisationId)?.organisationName ?? "";
  };

  router.get("/admin/users/:id/remove", async (req, res) => {
    const member = await managedMember(req);
    ctx.render(req, res, "user-remove", memberRemoveModel(member, await organisationOf(req), langOf(req)));
  });

  router.post("/admin/users/:id/remove", async (req, res) => {
    const member = await managedMember(req);
    try {
      await ctx.app.accounts.removeMember(principalOf(req), member.id);
    } catch (error) {
      if (error instanceof ConflictError && error.reason === "last-admin") return show(req, res, { roleError: { userId: member.id, key: "error.last-admin" } }, 409);
      throw error;
    }
    // an administrator who left is signed out of this organisation
    if (member.id === principalOf(req).userId) return res.redirect(303, "/login");
    await show(req, res, { notice: { key: "users.removed", params: { name: member.name } } });
  });

  return router;
}
