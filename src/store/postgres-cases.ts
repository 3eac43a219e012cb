/**
 * One organisation's cases in PostgreSQL. Every statement names the
 * organisation. An update first locks the row (SELECT … FOR UPDATE, which
 * waits for a concurrent save and then reads what it committed: the
 * audit trail's "before"), and the UPDATE that writes checks the expected
 * version itself: two saves of one version give one save and one conflict.
 */
import type pg from "pg";
import { caseImage } from "./audit.js";
import { withStoreErrors } from "./errors.js";
import { writeAudit } from "./postgres-audit.js";
import { inTransaction, type Queryable } from "./postgres-transaction.js";
import { readableCase, readableResult } from "./stored-documents.js";
import { alternativeCount, likePattern, newCaseId, titleOf, type CaseStore, type ResultOfVersion, type SaveOutcome, type Scope, type StoredCase } from "./store.js";

type CaseRow = { id: string; title: string; document: string; alternatives: number; version: number; created_at: Date; updated_at: Date };
type ResultRow = { case_id: string; version: number; factor_set: string; factor_set_hash: string; result: string; computed_at: string };

function toCase(row: CaseRow): StoredCase {
  return { id: row.id, title: row.title, alternatives: row.alternatives, version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(), document: JSON.parse(row.document) };
}

async function insertCase(c: Queryable, scope: Scope, document: Record<string, unknown>, now: string): Promise<StoredCase> {
  const { rows } = await c.query<CaseRow>(
    "INSERT INTO cases (id, organisation_id, title, document, alternatives, version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 1, $6, $6) RETURNING *",
    [newCaseId(), scope.organisationId, titleOf(document), JSON.stringify(document), alternativeCount(document), now],
  );
  const saved = toCase(rows[0]!);
  await writeAudit(c, scope, now, { action: "case.create", entityType: "case", entityId: saved.id, after: caseImage(saved) });
  return saved;
}

/** Inside the transaction that saved the version: a result that cannot be written undoes the save. */
async function keepResult(c: Queryable, saved: StoredCase, r: ResultOfVersion | undefined): Promise<void> {
  if (!r) return;
  await c.query(
    `INSERT INTO results (case_id, version, factor_set, factor_set_hash, result, computed_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (case_id, version) DO UPDATE SET factor_set = excluded.factor_set, factor_set_hash = excluded.factor_set_hash, result = excluded.result, computed_at = excluded.computed_at`,
    [saved.id, saved.version, r.factorSet, r.factorSetHash, JSON.stringify(r.result), r.computedAt],
  );
}

/** The examples, once per database: the marker first, so a second process starting at once waits on it, then finds it there. */
export async function seedExamples(c: Queryable, scope: Scope, documents: Record<string, unknown>[], now: string): Promise<number> {
  if (documents.length === 0) return 0;
  const claimed = await c.query("INSERT INTO meta (key, value) VALUES ('seeded', $1) ON CONFLICT (key) DO NOTHING", [now]);
  if (!claimed.rowCount) return 0;
  for (const d of documents) await insertCase(c, scope, d, now);
  return documents.length;
}

export function postgresCases(pool: pg.Pool, clock: () => Date): (scope: Scope) => CaseStore {
  const SUMMARY = "SELECT id, title, alternatives, version, updated_at FROM cases WHERE organisation_id = $1";
  // ILIKE: case-insensitive like SQLite's LIKE, and beyond ASCII (æøå) too.
  const MATCHING = "AND title ILIKE $2 ESCAPE '\\'";
  return (scope) => {
    const org = scope.organisationId;
    return withStoreErrors({
      async list({ search = "", limit = 100, offset = 0 }) {
        const text = search.trim();
        const where = text === "" ? "" : MATCHING;
        const params: unknown[] = text === "" ? [org] : [org, likePattern(text)];
        const n = params.length;
        const total = await pool.query<{ total: number }>(`SELECT count(*)::integer AS total FROM cases WHERE organisation_id = $1 ${where}`, params);
        const { rows } = await pool.query<Omit<CaseRow, "document" | "created_at">>(`${SUMMARY} ${where} ORDER BY updated_at DESC, id LIMIT $${n + 1} OFFSET $${n + 2}`, [...params, limit, offset]);
        return { total: total.rows[0]!.total, cases: rows.map((r) => ({ id: r.id, title: r.title, alternatives: r.alternatives, version: r.version, updatedAt: r.updated_at.toISOString() })) };
      },
      async get(id: string) {
        const { rows } = await pool.query<CaseRow>("SELECT * FROM cases WHERE id = $1 AND organisation_id = $2", [id, org]);
        return rows[0] ? readableCase(toCase(rows[0])) : null;
      },
      async stamp(id: string) {
        const { rows } = await pool.query<{ version: number; updated_at: Date }>("SELECT version, updated_at FROM cases WHERE id = $1 AND organisation_id = $2", [id, org]);
        return rows[0] ? { version: rows[0].version, updatedAt: rows[0].updated_at.toISOString() } : null;
      },
      async create(document: Record<string, unknown>, result?: ResultOfVersion) {
        return inTransaction(pool, async (c) => {
          const saved = await insertCase(c, scope, document, clock().toISOString());
          await keepResult(c, saved, result);
          return saved;
        });
      },
      async update(id: string, document: Record<string, unknown>, expectedVersion?: number, result?: ResultOfVersion): Promise<SaveOutcome> {
        return inTransaction(pool, async (c) => {
          const before = (await c.query<CaseRow>("SELECT * FROM cases WHERE id = $1 AND organisation_id = $2 FOR UPDATE", [id, org])).rows[0];
          if (!before) return { ok: false, reason: "not-found" };
          const now = clock().toISOString();
          const { rows } = await c.query<CaseRow>(
            "UPDATE cases SET title = $3, document = $4, alternatives = $5, version = version + 1, updated_at = $6 WHERE id = $1 AND organisation_id = $2 AND ($7::integer IS NULL OR version = $7) RETURNING *",
            [id, org, titleOf(document), JSON.stringify(document), alternativeCount(document), now, expectedVersion ?? null],
          );
          if (!rows[0]) return { ok: false, reason: "conflict" };
          const saved = toCase(rows[0]);
          await keepResult(c, saved, result);
          await writeAudit(c, scope, now, { action: "case.update", entityType: "case", entityId: id, before: caseImage(toCase(before)), after: caseImage(saved) });
          return { ok: true, saved };
        });
      },
      async remove(id: string) {
        return inTransaction(pool, async (c) => {
          const { rows } = await c.query<CaseRow>("DELETE FROM cases WHERE id = $1 AND organisation_id = $2 RETURNING *", [id, org]);
          if (!rows[0]) return false;
          await writeAudit(c, scope, clock().toISOString(), { action: "case.delete", entityType: "case", entityId: id, before: caseImage(toCase(rows[0])) });
          return true;
        });
      },
      async latestResult(caseId: string) {
        const { rows } = await pool.query<ResultRow>("SELECT r.* FROM results r JOIN cases c ON c.id = r.case_id WHERE r.case_id = $1 AND c.organisation_id = $2 ORDER BY r.version DESC LIMIT 1", [caseId, org]);
        const row = rows[0];
        return row ? readableResult({ caseId: row.case_id, version: row.version, factorSet: row.factor_set, factorSetHash: row.factor_set_hash, resultText: row.result, computedAt: row.computed_at }) : null;
      },
      async seedOnce(documents: Record<string, unknown>[]) {
        if (documents.length === 0) return 0;
        return inTransaction(pool, (c) => seedExamples(c, scope, documents, clock().toISOString()));
      },
    });
  };
}
