/** The organisation's audit trail, for its administrators: filtered, a page at a time, or all of it for an export. */
import type { AuditEntry, AuditFilter } from "../store/audit.js";
import type { Store } from "../store/store.js";
import { authorize } from "./policy.js";
import { scopeOf, type Principal } from "./principal.js";

/** An export holds at most this many rows (the newest); a narrower filter gives the older ones. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export function auditUseCases({ store }: { store: Store }) {
  return {
    async list(p: Principal, filter: AuditFilter): Promise<{ total: number; entries: AuditEntry[] }> {
      authorize(p, "audit.read");
      return store.scoped(scopeOf(p)).audit.list(filter);
    },
    async export(p: Principal, filter: AuditFilter): Promise<AuditEntry[]> {
      authorize(p, "audit.read");
      return (await store.scoped(scopeOf(p)).audit.list({ ...filter, limit: AUDIT_EXPORT_LIMIT, offset: 0 })).entries;
    },
  };
}
