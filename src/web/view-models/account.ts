/**
 * One's own page: who one is, the password form and one's API tokens
 * (a new token's secret shown once, right after it is made).
 */
import type { Lang } from "../../case/messages.js";
import type { Membership, TokenInfo, User } from "../../store/accounts.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { formatDateTime } from "./case-list.js";
import { field, summaryOf } from "./form-fields.js";

export const TOKEN_LABEL_MAX = 100;

/** Message keys of the password form's problems, by field. */
export type PasswordErrors = Partial<Record<"current" | "next" | "repeat", string>>;

export type AccountPageInput = {
  user: User;
  memberships: Membership[];
  organisationId: string;
  tokens: TokenInfo[];
  lang: Lang;
  notice?: string;
  passwordErrors?: PasswordErrors;
  tokenForm?: { label: string; error?: string };
  newToken?: { name: string; secret: string };
};

function passwordForm(errors: PasswordErrors, lang: Lang) {
  const error = (key?: string) => (key ? translateKey(lang, key) : undefined);
  const fields = {
    current: field({ id: "password-current", name: "current", type: "password", label: translate(lang, "account.current"), autocomplete: "current-password", maxlength: 1024, error: error(errors.current) }),
    next: field({ id: "password-new", name: "next", type: "password", label: translate(lang, "account.new"), hint: translate(lang, "account.passwordRules"), autocomplete: "new-password", maxlength: 1024, error: error(errors.next) }),
    repeat: field({ id: "password-repeat", name: "repeat", type: "password", label: translate(lang, "account.repeat"), autocomplete: "new-password", maxlength: 1024, error: error(errors.repeat) }),
  };
  return { ...fields, summary: summaryOf("password-errors", Object.values(fields), lang) };
}

/** One API token as a row of a token table (one's own on /account, the organisation's on /admin/tokens). */
export function tokenRow(t: TokenInfo, lang: Lang) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    created: formatDateTime(t.createdAt, lang),
    createdIso: t.createdAt,
    lastUsed: t.lastUsedAt ? formatDateTime(t.lastUsedAt, lang) : translate(lang, "tokens.never"),
    lastUsedIso: t.lastUsedAt ?? undefined,
    state: t.revokedAt ? translate(lang, "tokens.revokedAt", { at: formatDateTime(t.revokedAt, lang) }) : translate(lang, "tokens.active"),
    revocable: !t.revokedAt,
  };
}

export function accountPageModel(input: AccountPageInput): Record<string, unknown> {
  const { lang } = input;
  const here = input.memberships.find((m) => m.organisationId === input.organisationId);
  const label = field({ id: "token-label", name: "label", label: translateKey(lang, "tokens.label"), hint: translateKey(lang, "tokens.labelHint"), maxlength: TOKEN_LABEL_MAX, value: input.tokenForm?.label ?? "", error: input.tokenForm?.error ? translateKey(lang, input.tokenForm.error, { max: TOKEN_LABEL_MAX }) : undefined });
  return {
    pageTitle: translate(lang, "account.title"),
    notice: input.notice ? translateKey(lang, input.notice) : undefined,
    user: { name: input.user.name, email: input.user.email },
    organisation: here?.organisationName ?? "",
    role: here ? translate(lang, `role.${here.role}`) : "",
    password: passwordForm(input.passwordErrors ?? {}, lang),
    tokenForm: { label, summary: summaryOf("token-errors", [label], lang) },
    newToken: input.newToken,
    tokens: input.tokens.map((t) => tokenRow(t, lang)),
  };
}

export function tokenRevokeModel(token: TokenInfo, lang: Lang): Record<string, unknown> {
  return { pageTitle: translate(lang, "tokens.revokeTitle"), id: token.id, name: token.name, prefix: token.prefix };
}
