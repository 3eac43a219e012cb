/**
 * The administrator's page of the organisation's API tokens: every
 * member's tokens (label, prefix, made, last used, live or revoked),
 * narrowed to one member by the filter, and the confirmation before one
 * is revoked. The secrets are never here; only their first characters.
 */
import type { Lang } from "../../case/messages.js";
import type { Member, TokenInfo } from "../../store/accounts.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { tokenRow } from "./account.js";
import { field } from "./form-fields.js";

export type AdminTokensPageInput = {
  /** The organisation's tokens, every member's, newest first as the store lists them. */
  tokens: TokenInfo[];
  members: Member[];
  organisation: string;
  /** The member the list is narrowed to ("" for everyone); already checked against the owners and members. */
  member: string;
  lang: Lang;
  notice?: string;
};

/** The one member the address asks for, when that member owns a token here or is a member; else everyone (""). */
export function memberFilter(asked: unknown, members: Member[], tokens: TokenInfo[]): string {
  if (typeof asked !== "string" || asked === "") return "";
  return members.some((m) => m.id === asked) || tokens.some((t) => t.userId === asked) ? asked : "";
}

/** Members first, then anyone who made a token here and has since left (their tokens ended with the membership). */
function memberOptions(input: AdminTokensPageInput) {
  const { lang } = input;
  const present = new Set(input.members.map((m) => m.id));
  const former = new Map(input.tokens.filter((t) => !present.has(t.userId)).map((t) => [t.userId, t.userName]));
  return [
    { value: "", label: translate(lang, "adminTokens.everyone"), selected: input.member === "" },
    ...input.members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})`, selected: m.id === input.member })),
    ...[...former].map(([id, name]) => ({ value: id, label: translate(lang, "adminTokens.former", { name }), selected: id === input.member })),
  ];
}

/** A token with the member it belongs to. */
const memberTokenRow = (t: TokenInfo, lang: Lang) => ({ ...tokenRow(t, lang), member: t.userName });

export function adminTokensPageModel(input: AdminTokensPageInput): Record<string, unknown> {
  const { lang } = input;
  const shown = input.member === "" ? input.tokens : input.tokens.filter((t) => t.userId === input.member);
  return {
    pageTitle: translate(lang, "adminTokens.title"),
    intro: translate(lang, "adminTokens.intro", { organisation: input.organisation }),
    notice: input.notice ? translateKey(lang, input.notice) : undefined,
    filter: { member: field({ id: "tokens-member", name: "member", label: translate(lang, "adminTokens.member"), options: memberOptions(input) }) },
    count: shown.length,
    rows: shown.map((t) => memberTokenRow(t, lang)),
  };
}

export function adminTokenRevokeModel(token: TokenInfo, lang: Lang): Record<string, unknown> {
  return {
    pageTitle: translate(lang, "adminTokens.revokeTitle", { name: token.userName }),
    id: token.id,
    userId: token.userId,
    title: translate(lang, "adminTokens.revokeTitle", { name: token.userName }),
    text: translate(lang, "adminTokens.revokeText", { name: token.userName, label: token.name, prefix: token.prefix }),
  };
}
