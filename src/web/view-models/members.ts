/**
 * The administrator's members page: the organisation's members with their
 * roles (each role changeable in its row), the form to add a member, and
 * a password made for a member shown once, right after it is set.
 */
import type { Lang } from "../../case/messages.js";
import { ROLES, type Member } from "../../store/accounts.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { field, optionsOf, summaryOf } from "./form-fields.js";

export const NAME_MAX = 200;
export const EMAIL_MAX = 320;

/** What the add form holds: every value typed but the password, which is never sent back. */
export type NewMemberForm = { email: string; name: string; role: string; passwordChoice: "generate" | "set" };
/** Message keys of a form's problems, by field name. */
export type FormErrors = Partial<Record<"email" | "name" | "role" | "password", string>>;

export type MembersPageInput = {
  members: Member[];
  selfId: string;
  organisation: string;
  lang: Lang;
  notice?: { key: string; params: Record<string, string> };
  /** A password made by Kalkyle, shown once. */
  madePassword?: { email: string; password: string };
  addForm?: NewMemberForm;
  addErrors?: FormErrors;
  /** A role change that was refused: whose, and why (a message key). */
  roleError?: { userId: string; key: string };
};

const roleLabel = (lang: Lang) => (role: string) => translateKey(lang, `role.${role}`);

function memberRow(m: Member, input: MembersPageInput) {
  const { lang } = input;
  const error = input.roleError?.userId === m.id ? translateKey(input.lang, input.roleError.key) : undefined;
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    role: translate(lang, `role.${m.role}`),
    isSelf: m.id === input.selfId,
    roleLabel: translate(lang, "users.roleFor", { name: m.name }),
    roleOptions: optionsOf(ROLES, roleLabel(lang), m.role),
    error,
  };
}

/** The password choice and field, shared by the add form and the reset form. */
export function passwordChoice(id: string, choice: "generate" | "set", error: string | undefined, lang: Lang) {
  return {
    generate: choice === "generate",
    field: field({ id, name: "password", type: "password", label: translateKey(lang, "users.password"), hint: translateKey(lang, "account.passwordRules"), autocomplete: "new-password", maxlength: 1024, error: error ? translateKey(lang, error) : undefined }),
  };
}

function addFormModel(form: NewMemberForm, errors: FormErrors, lang: Lang) {
  const message = (key?: string) => (key ? translateKey(lang, key, { max: key === "users.tooLong" ? NAME_MAX : 0 }) : undefined);
  const email = field({ id: "new-email", name: "email", type: "email", label: translate(lang, "users.email"), value: form.email, autocomplete: "off", maxlength: EMAIL_MAX, error: message(errors.email) });
  const name = field({ id: "new-name", name: "name", label: translate(lang, "users.name"), value: form.name, autocomplete: "off", maxlength: NAME_MAX, error: message(errors.name) });
  const role = field({ id: "new-role", name: "role", label: translate(lang, "users.role"), options: optionsOf(ROLES, roleLabel(lang), form.role), error: message(errors.role) });
  const password = passwordChoice("new-password", form.passwordChoice, errors.password, lang);
  return { email, name, role, password, summary: summaryOf("add-errors", [email, name, role, password.field], lang) };
}

export function membersPageModel(input: MembersPageInput): Record<string, unknown> {
  const { lang } = input;
  return {
    pageTitle: translate(lang, "users.title"),
    intro: translate(lang, "users.intro", { organisation: input.organisation }),
    notice: input.notice ? translateKey(lang, input.notice.key, input.notice.params) : undefined,
    madePassword: input.madePassword,
    members: input.members.map((m) => memberRow(m, input)),
    roleSummary: input.roleError ? { id: "role-errors", title: translateKey(lang, "form.errors", { count: 1 }), items: [{ href: `role-${input.roleError.userId}`, label: translateKey(lang, "users.col.role"), message: translateKey(lang, input.roleError.key) }] } : undefined,
    add: addFormModel(input.addForm ?? { email: "", name: "", role: "buyer", passwordChoice: "generate" }, input.addErrors ?? {}, lang),
  };
}

export function passwordResetModel(member: Member, input: { choice: "generate" | "set"; error?: string; lang: Lang }): Record<string, unknown> {
  const password = passwordChoice("reset-password", input.choice, input.error, input.lang);
  return {
    pageTitle: translate(input.lang, "users.resetTitle", { name: member.name }),
    member: { id: member.id, name: member.name, email: member.email },
    password,
    summary: summaryOf("reset-errors", [password.field], input.lang),
  };
}

export function memberRemoveModel(member: Member, organisation: string, lang: Lang): Record<string, unknown> {
  return { pageTitle: translate(lang, "users.removeTitle", { name: member.name, organisation }), member: { id: member.id, name: member.name, email: member.email } };
}
