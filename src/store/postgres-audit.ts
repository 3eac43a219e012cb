/** The audit trail in PostgreSQL: the row each change writes in its own transaction, and the organisation's view of it. */
import type pg from "pg";
import { auditWhere, type AuditChange, type AuditFilter, type AuditReader } from "./audit.js";
import { withStoreErrors } from "./errors.js";
import type { Queryable } from "./postgres-transaction.js";
import { numbered } from "./postgres-transaction.js";
import { toAuditEntry, type AuditRow } from "./sqlite-audit.js";
import type { Scope } from "./store.js";

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Called inside the transaction that makes the change: an audit row that cannot be written undoes it. */
export async function writeAudit(c: Queryable, scope: Scope, at: string, change: AuditChange): Promise<void> {
  const title = (change.after ?? change.before) as { title?: unknown } | undefined;
  await c.query(
    `INSERT INTO audit (at, action, case_id, detail, organisation_id, actor_id, via, entity_type, entity_id, before_json, after_json)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [at, change.action, change.entityType === "case" ? change.entityId : null, typeof title?.title === "string" ? title.title : "", scope.organisationId, scope.actor.userId, scope.actor.via, change.entityType, change.entityId, json(change.before), json(change.after)],
  );
}

export function postgresAuditReader(pool: pg.Pool): (scope: Scope) => AuditReader {
  return (scope) =>
    withStoreErrors({
      async list(filter: AuditFilter) {
        const { where, values } = auditWhere(scope.organisationId, filter);
        const total = await pool.query<{ n: number }>(`SELECT count(*)::integer AS n FROM audit WHERE ${numbered(where)}`, values);
        const joined = numbered(where.replace(/\b(\w+) (=|>=|<) \?/g, "a.$1 $2 ?"));
        const n = values.length;
        const { rows } = await pool.query<AuditRow>(`SELECT a.*, u.name, u.email FROM audit a LEFT JOIN users u ON u.id = a.actor_id WHERE ${joined} ORDER BY a.id DESC LIMIT $${n + 1} OFFSET $${n + 2}`, [...values, filter.limit ?? 100, filter.offset ?? 0]);
        return { total: total.rows[0]!.n, entries: rows.map(toAuditEntry) };
      },
    });
}
