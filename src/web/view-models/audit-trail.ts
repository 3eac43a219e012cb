/**
 * The administrator's audit trail: the filter form, one row per change
 * (when, who, what, which entity, and what changed in words: "rolle:
 * Innkjøper → Administrator", or for a case the paths in its document),
 * the paging links, and the same rows as CSV cells for the export.
 */
import type { Lang } from "../../case/messages.js";
import { ROLES, type Member } from "../../store/accounts.js";
import { AUDIT_ACTIONS, type AuditEntry } from "../../store/audit.js";
import { auditSearch, ENTITY_TYPES, type AuditQuery, type AuditQueryErrors } from "../audit-query.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { auditLine } from "./audit.js";
import { formatDateTime } from "./case-list.js";
import { field, summaryOf, type FieldOption } from "./form-fields.js";

export const AUDIT_PAGE_SIZE = 50;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Member ids → names, so a user id in a change reads as the member's name. */
export type Names = ReadonlyMap<string, string>;

function valueInWords(key: string, value: unknown, lang: Lang, names: Names = new Map()): string {
  if (key === "userId" && typeof value === "string" && names.has(value)) return names.get(value)!;
  if (key === "role" && (ROLES as readonly unknown[]).includes(value)) return translateKey(lang, `role.${String(value)}`);
  if (typeof value === "string" && ISO_TIME.test(value)) return formatDateTime(value, lang);
  if (value === null || value === undefined) return "–";
  return typeof value === "object" ? JSON.stringify(value).slice(0, 80) : String(value);
}

/**
 * What changed, in words. A case: its title when it changed and the paths in its document (audit.ts).
 * Anything else: each field the after-image has that differs from the before-image, with both values.
 */
export function changesInWords(entry: AuditEntry, lang: Lang, names: Names = new Map()): string[] {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const label = (key: string) => translateKey(lang, `field.${key}`);
  const differs = (key: string) => JSON.stringify(before[key]) !== JSON.stringify(after[key]);
  if (entry.entityType === "case") {
    const title = entry.before !== null && entry.after !== null && differs("title") ? [`${label("title")}: ${valueInWords("title", before.title, lang)} → ${valueInWords("title", after.title, lang)}`] : [];
    const line = auditLine(entry, lang);
    return [...title, ...line.changes, ...(line.moreChanges ? [translate(lang, "history.more", { count: line.moreChanges })] : [])];
  }
  if (entry.after === null) return [];
  return Object.keys(after)
    .filter(differs)
    .map((key) => (key in before ? `${label(key)}: ${valueInWords(key, before[key], lang, names)} → ${valueInWords(key, after[key], lang, names)}` : `${label(key)}: ${valueInWords(key, after[key], lang, names)}`));
}

export function auditRow(entry: AuditEntry, lang: Lang, names: Names = new Map()) {
  const line = auditLine(entry, lang);
  const entityUrl = `/admin/audit?${new URLSearchParams({ entity: entry.entityType, entityId: entry.entityId }).toString()}`;
  return { ...line, entityType: translateKey(lang, `audit.entity.${entry.entityType}`), entityId: entry.entityId, entityUrl, changes: changesInWords(entry, lang, names) };
}

const options = (values: readonly string[], label: (v: string) => string, selected: string, lang: Lang): FieldOption[] => [
  { value: "", label: translate(lang, "audit.any"), selected: selected === "" },
  ...values.map((value) => ({ value, label: label(value), selected: value === selected })),
];

function filterForm(q: AuditQuery, errors: AuditQueryErrors, members: Member[], lang: Lang) {
  const hint = translate(lang, "audit.dateHint");
  const from = field({ id: "audit-from", name: "from", type: "date", label: translateKey(lang, "audit.from"), value: q.from, hint, error: errors.from ? translateKey(lang, errors.from) : undefined });
  const to = field({ id: "audit-to", name: "to", type: "date", label: translateKey(lang, "audit.to"), value: q.to, hint, error: errors.to ? translateKey(lang, errors.to) : undefined });
  const actorOptions = [{ value: "", label: translate(lang, "audit.any"), selected: q.actor === "" }, ...members.map((m) => ({ value: m.id, label: `${m.name} (${m.email})`, selected: m.id === q.actor }))];
  const actor = field({ id: "audit-actor", name: "actor", label: translate(lang, "audit.actor"), options: actorOptions });
  const action = field({ id: "audit-action", name: "action", label: translateKey(lang, "audit.action"), options: options(AUDIT_ACTIONS, (a) => translateKey(lang, `audit.action.${a}`), q.action, lang) });
  const entity = field({ id: "audit-entity", name: "entity", label: translateKey(lang, "audit.entity"), options: options(ENTITY_TYPES, (e) => translateKey(lang, `audit.entity.${e}`), q.entity, lang) });
  return { from, to, actor, action, entity, entityId: q.entityId, summary: summaryOf("audit-errors", [from, to], lang) };
}

export function auditPageModel(input: { query: AuditQuery; errors: AuditQueryErrors; members: Member[]; total: number; entries: AuditEntry[]; lang: Lang }): Record<string, unknown> {
  const { query: q, lang } = input;
  const pages = Math.max(1, Math.ceil(input.total / AUDIT_PAGE_SIZE));
  return {
    pageTitle: translate(lang, "audit.title"),
    filter: filterForm(q, input.errors, input.members, lang),
    total: input.total,
    rows: input.entries.map((e) => auditRow(e, lang, namesOf(input.members))),
    exportUrl: `/admin/audit/export.csv${auditSearch(q, lang === "nb" ? { sep: "semicolon" } : {})}`,
    pagination: pages > 1 ? { page: q.page, pages, previous: q.page > 1 ? `/admin/audit${auditSearch(q, { page: String(q.page - 1) })}` : undefined, next: q.page < pages ? `/admin/audit${auditSearch(q, { page: String(q.page + 1) })}` : undefined } : undefined,
  };
}

export const namesOf = (members: Member[]): Names => new Map(members.map((m) => [m.id, m.name]));

/** The export's rows: a header and one row per change, times in UTC as written, the action also as its code. */
export function auditCsvRows(entries: AuditEntry[], lang: Lang, names: Names = new Map()): string[][] {
  const header = ["at", "who", "email", "via", "what", "action", "entityType", "entityId", "entity", "changes"].map((k) => translateKey(lang, `csv.${k}`));
  const rows = entries.map((e) => {
    const row = auditRow(e, lang, names);
    return [e.at, e.actorId === null ? translate(lang, "audit.system") : (e.actorName ?? e.actorId), e.actorEmail ?? "", translate(lang, `audit.via.${e.via}`), row.what, e.action, row.entityType, e.entityId, row.entity, row.changes.join("; ")];
  });
  return [header, ...rows];
}
