/** The audit trail in SQLite: the row each change writes in its own transaction, and the organisation's view of it. */
import type Database from "better-sqlite3";
import { auditWhere, type AuditChange, type AuditEntry, type AuditFilter, type AuditReader } from "./audit.js";
import { withStoreErrors } from "./errors.js";
import type { Scope } from "./store.js";

export type AuditWriter = (scope: Scope, at: string, change: AuditChange) => void;

export type AuditRow = { id: number | string; at: string | Date; organisation_id: string; actor_id: string | null; name: string | null; email: string | null; via: string; action: string; entity_type: string; entity_id: string; before_json: string | null; after_json: string | null };

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
const parsed = (text: string | null) => (text === null ? null : JSON.parse(text));

/** Called inside the transaction that makes the change: an audit row that cannot be written undoes it. */
export function sqliteAuditWriter(db: Database.Database): AuditWriter {
  const insert = db.prepare(
    `INSERT INTO audit (at, action, case_id, detail, organisation_id, actor_id, via, entity_type, entity_id, before_json, after_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (scope, at, change) => {
    const title = (change.after ?? change.before) as { title?: unknown } | undefined;
    const detail = typeof title?.title === "string" ? title.title : "";
    insert.run(at, change.action, change.entityType === "case" ? change.entityId : null, detail, scope.organisationId, scope.actor.userId, scope.actor.via, change.entityType, change.entityId, json(change.before), json(change.after));
  };
}

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: Number(row.id),
    at: row.at instanceof Date ? row.at.toISOString() : row.at,
    organisationId: row.organisation_id,
    actorId: row.actor_id,
    actorName: row.name,
    actorEmail: row.email,
    via: row.via as AuditEntry["via"],
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: parsed(row.before_json),
    after: parsed(row.after_json),
  };
}

export function sqliteAuditReader(db: Database.Database): (scope: Scope) => AuditReader {
  return (scope) =>
    withStoreErrors({
    async list(filter: AuditFilter) {
      const { where, values } = auditWhere(scope.organisationId, filter);
      const total = db.prepare(`SELECT count(*) FROM audit WHERE ${where}`).pluck().get(...values) as number;
      const rows = db
        .prepare(`SELECT a.*, u.name, u.email FROM audit a LEFT JOIN users u ON u.id = a.actor_id WHERE ${where.replace(/\b(\w+) (=|>=|<) \?/g, "a.$1 $2 ?")} ORDER BY a.id DESC LIMIT ? OFFSET ?`)
        .all(...values, filter.limit ?? 100, filter.offset ?? 0) as AuditRow[];
      return { total, entries: rows.map(toAuditEntry) };
    },
  });
}
