/**
 * The audit trail's filter as the address gives it (?from=2026-01-01&to=2026-01-31&actor=…&action=…
 * &entity=case&entityId=…&page=2), checked: dates as yyyy-mm-dd in Norwegian time (the to date
 * included), an action or entity type only from the known ones, an actor only among the members.
 * Every problem is returned with its field; nothing unknown reaches the store.
 *
 * Example: readAuditQuery({ from: "2026-03-01" }, ids) → filter { from: "2026-02-28T23:00:00.000Z" }
 */
import { AUDIT_ACTIONS, type AuditFilter } from "../store/audit.js";

export const ENTITY_TYPES = ["case", "organisation", "user", "token"] as const;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const OSLO = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });

/** What the form shows: the values as typed (cut to length). */
export type AuditQuery = { from: string; to: string; actor: string; action: string; entity: string; entityId: string; page: number };
export type AuditQueryErrors = Partial<Record<"from" | "to", string>>;

/** Milliseconds Oslo is ahead of UTC at an instant (3 600 000 in winter, 7 200 000 in summer). */
function osloOffset(at: number): number {
  const parts = Object.fromEntries(OSLO.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)) - Math.floor(at / 60_000) * 60_000;
}

/** Midnight in Oslo starting the day `days` after the date, as an ISO time in UTC; null for a date that does not exist. */
export function osloMidnight(date: string, days = 0): string | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const local = utc + days * 86_400_000;
  return new Date(local - osloOffset(local)).toISOString();
}

const text = (value: unknown, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : "");

export function readAuditQuery(query: Record<string, unknown>, memberIds: ReadonlySet<string>): { query: AuditQuery; filter: AuditFilter; errors: AuditQueryErrors } {
  const page = typeof query.page === "string" && /^\d{1,6}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
  const q: AuditQuery = { from: text(query.from, 10), to: text(query.to, 10), actor: text(query.actor, 64), action: text(query.action, 40), entity: text(query.entity, 20), entityId: text(query.entityId, 64), page };
  const errors: AuditQueryErrors = {};
  const from = q.from ? osloMidnight(q.from) : undefined;
  const to = q.to ? osloMidnight(q.to, 1) : undefined;
  if (from === null) errors.from = "audit.badDate";
  if (to === null) errors.to = "audit.badDate";
  if (from && to && to <= from) errors.to = "audit.badRange";
  const filter: AuditFilter = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(memberIds.has(q.actor) ? { actorId: q.actor } : {}),
    ...((AUDIT_ACTIONS as readonly string[]).includes(q.action) ? { action: q.action } : {}),
    ...((ENTITY_TYPES as readonly string[]).includes(q.entity) ? { entityType: q.entity } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
  };
  return { query: q, filter, errors };
}

/** The address's query for a filter (and page), for the paging links and the export. */
export function auditSearch(q: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["from", "to", "actor", "action", "entity", "entityId"] as const) if (q[key]) params.set(key, q[key]);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}
