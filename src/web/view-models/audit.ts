/**
 * The audit trail as people read it: who, when, what, and which parts of
 * the entity changed (the paths that differ between before and after,
 * e.g. `alternatives[1].costs[0].amount`), for a case's history on its
 * page and for the administrator's view.
 */
import type { Lang } from "../../case/messages.js";
import type { AuditEntry } from "../../store/audit.js";
import { translate, translateKey } from "../i18n/catalog.js";
import { formatDateTime } from "./case-list.js";

/** At most this many changed paths are named per change; the rest are counted. */
const PATHS_SHOWN = 8;

/** The paths at which two JSON values differ, in document order; a whole subtree that was added or removed is one path. */
export function changedPaths(before: unknown, after: unknown, path = ""): string[] {
  if (before === after) return [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...changedPaths(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(before) && isObject(after) && !Array.isArray(before) && !Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedPaths(before[key], after[key], path ? `${path}.${key}` : key));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [path || "(document)"];
}

export type AuditLine = { at: string; atIso: string; who: string; what: string; entity: string; changes: string[]; moreChanges: number };

function who(entry: AuditEntry, lang: Lang): string {
  if (entry.actorId === null) return translate(lang, "audit.system");
  const name = entry.actorName ?? entry.actorId;
  return entry.via === "api" || entry.via === "cli" ? `${name} (${translate(lang, `audit.via.${entry.via}`)})` : name;
}

export function auditLine(entry: AuditEntry, lang: Lang): AuditLine {
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  // A case's change is told by the paths in its document; other entities by their own fields.
  const both = entry.before !== null && entry.after !== null;
  const paths = !both ? [] : "document" in after ? changedPaths(before.document, after.document) : changedPaths(before, after);
  const title = typeof after.title === "string" ? after.title : typeof before.title === "string" ? before.title : (after.name ?? before.name ?? after.email ?? before.email ?? "");
  return {
    at: formatDateTime(entry.at, lang),
    atIso: entry.at,
    who: who(entry, lang),
    what: translateKey(lang, `audit.action.${entry.action}`),
    entity: String(title),
    changes: paths.slice(0, PATHS_SHOWN),
    moreChanges: Math.max(0, paths.length - PATHS_SHOWN),
  };
}

export function caseHistoryModel(entries: AuditEntry[], lang: Lang): AuditLine[] {
  return entries.map((e) => auditLine(e, lang));
}
