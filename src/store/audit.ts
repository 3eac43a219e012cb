/**
 * The audit trail: one row per change, written by the store in the
 * transaction that makes the change, never altered afterwards (UPDATE,
 * DELETE and, in PostgreSQL, TRUNCATE are refused by triggers). A row says
 * who (actor, and through which door), when, in which organisation, what
 * (action and entity) and the entity before and after, as JSON.
 */
import type { Actor } from "./store.js";

export const AUDIT_ACTIONS = [
  "case.create",
  "case.update",
  "case.delete",
  "organisation.create",
  "user.create",
  "user.role",
  "user.password",
  "user.remove",
  "token.create",
  "token.revoke",
  "climate.plan",
  "decision.create",
  "decision.delete",
  "ledger.import",
  "ledger.delete",
  "ledger.columns",
  "mapping.update",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export type EntityType = "case" | "organisation" | "user" | "token" | "climate-plan" | "decision" | "ledger-import" | "column-mapping" | "mapping";

export type AuditEntry = {
  id: number;
  at: string;
  organisationId: string;
  actorId: string | null;
  /** The actor's name and e-mail as they are now; null for Kalkyle itself. */
  actorName: string | null;
  actorEmail: string | null;
  via: Actor["via"];
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export type AuditFilter = { action?: string; entityType?: string; entityId?: string; actorId?: string; from?: string; to?: string; limit?: number; offset?: number };

export interface AuditReader {
  /** Newest first, with the total that matches. */
  list(filter: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }>;
}

/** One change to record: the store adds the time, the organisation and the actor. */
export type AuditChange = { action: AuditAction; entityType: EntityType; entityId: string; before?: unknown; after?: unknown };

/** A case as the audit trail keeps it. */
export function caseImage(c: { title: string; version: number; document: Record<string, unknown> }): Record<string, unknown> {
  return { title: c.title, version: c.version, document: c.document };
}

/** The WHERE clause (with `?` placeholders) and its values for a filter; the organisation always first. */
export function auditWhere(organisationId: string, filter: AuditFilter): { where: string; values: unknown[] } {
  const parts = ["organisation_id = ?"];
  const values: unknown[] = [organisationId];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    values.push(value);
  };
  if (filter.action) add("action = ?", filter.action);
  if (filter.entityType) add("entity_type = ?", filter.entityType);
  if (filter.entityId) add("entity_id = ?", filter.entityId);
  if (filter.actorId) add("actor_id = ?", filter.actorId);
  if (filter.from) add("at >= ?", filter.from);
  if (filter.to) add("at < ?", filter.to);
  return { where: parts.join(" AND "), values };
}
