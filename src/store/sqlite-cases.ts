/**
 * One organisation's cases in SQLite. Statements are prepared once and
 * take the organisation as a parameter; every one of them names it, so a
 * case of another organisation is simply not there. A version, its result
 * and its audit row are written in one IMMEDIATE transaction (see
 * sqlite-store.ts); the expected version is checked in the UPDATE itself.
 */
import type Database from "better-sqlite3";
import { caseImage } from "./audit.js";
import { withStoreErrors } from "./errors.js";
import type { AuditWriter } from "./sqlite-audit.js";
import { readableCase, readableResult } from "./stored-documents.js";
import { alternativeCount, likePattern, newCaseId, titleOf, type CaseStore, type ResultOfVersion, type SaveOutcome, type Scope, type StoredCase } from "./store.js";

type CaseRow = { id: string; title: string; document: string; alternatives: number; version: number; created_at: string; updated_at: string };

function toCase(row: CaseRow): StoredCase {
  return { id: row.id, title: row.title, alternatives: row.alternatives, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, document: JSON.parse(row.document) };
}

export function sqliteCases(db: Database.Database, clock: () => Date, audit: AuditWriter): { scoped: (scope: Scope) => CaseStore; seed: SqliteSeed } {
  const insert = db.prepare("INSERT INTO cases (id, organisation_id, title, document, alternatives, version, created_at, updated_at) VALUES (@id, @org, @title, @document, @alternatives, 1, @now, @now)");
  const byId = db.prepare<[string, string], CaseRow>("SELECT * FROM cases WHERE id = ? AND organisation_id = ?");
  const stampOf = db.prepare<[string, string], { version: number; updated_at: string }>("SELECT version, updated_at FROM cases WHERE id = ? AND organisation_id = ?");
  const SUMMARY = "SELECT id, title, alternatives, version, updated_at FROM cases WHERE organisation_id = ?";
  const MATCHING = "AND title LIKE ? ESCAPE '\\'";
  const countAll = db.prepare("SELECT count(*) FROM cases WHERE organisation_id = ?").pluck();
  const countMatching = db.prepare(`SELECT count(*) FROM cases WHERE organisation_id = ? ${MATCHING}`).pluck();
  const listAll = db.prepare(`${SUMMARY} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`);
  const listMatching = db.prepare(`${SUMMARY} ${MATCHING} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`);
  const write = db.prepare(
    "UPDATE cases SET title = @title, document = @document, alternatives = @alternatives, version = version + 1, updated_at = @now WHERE id = @id AND organisation_id = @org AND (@expected IS NULL OR version = @expected)",
  );
  const deleteCase = db.prepare("DELETE FROM cases WHERE id = ? AND organisation_id = ?");
  const latest = db.prepare("SELECT r.* FROM results r JOIN cases c ON c.id = r.case_id WHERE r.case_id = ? AND c.organisation_id = ? ORDER BY r.version DESC LIMIT 1");
  const insertResult = db.prepare("INSERT OR REPLACE INTO results (case_id, version, factor_set, factor_set_hash, result, computed_at) VALUES (?, ?, ?, ?, ?, ?)");
  /** Inside the transaction that saved the version: a result that cannot be written undoes the save. */
  const keepResult = (saved: StoredCase, r: ResultOfVersion | undefined) => {
    if (r) insertResult.run(saved.id, saved.version, r.factorSet, r.factorSetHash, JSON.stringify(r.result), r.computedAt);
  };

  const create = db.transaction((scope: Scope, document: Record<string, unknown>, result?: ResultOfVersion) => {
    const now = clock().toISOString();
    const id = newCaseId();
    insert.run({ id, org: scope.organisationId, title: titleOf(document), document: JSON.stringify(document), alternatives: alternativeCount(document), now });
    const saved = toCase(byId.get(id, scope.organisationId)!);
    keepResult(saved, result);
    audit(scope, now, { action: "case.create", entityType: "case", entityId: id, after: caseImage(saved) });
    return saved;
  });
  const update = db.transaction((scope: Scope, id: string, document: Record<string, unknown>, expected?: number, result?: ResultOfVersion): SaveOutcome => {
    const before = byId.get(id, scope.organisationId);
    if (!before) return { ok: false, reason: "not-found" };
    const now = clock().toISOString();
    const changed = write.run({ id, org: scope.organisationId, title: titleOf(document), document: JSON.stringify(document), alternatives: alternativeCount(document), now, expected: expected ?? null }).changes;
    if (changed === 0) return { ok: false, reason: "conflict" };
    const saved = toCase(byId.get(id, scope.organisationId)!);
    keepResult(saved, result);
    audit(scope, now, { action: "case.update", entityType: "case", entityId: id, before: caseImage(toCase(before)), after: caseImage(saved) });
    return { ok: true, saved };
  });
  const remove = db.transaction((scope: Scope, id: string) => {
    const before = byId.get(id, scope.organisationId);
    if (!before || deleteCase.run(id, scope.organisationId).changes === 0) return false;
    audit(scope, clock().toISOString(), { action: "case.delete", entityType: "case", entityId: id, before: caseImage(toCase(before)) });
    return true;
  });
  const seed = db.transaction((scope: Scope, documents: Record<string, unknown>[]) => {
    if (documents.length === 0 || db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'").get()) return 0;
    for (const d of documents) create(scope, d);
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(clock().toISOString());
    return documents.length;
  });

  const scoped = (scope: Scope): CaseStore =>
    withStoreErrors({
      async list({ search = "", limit = 100, offset = 0 }) {
        const text = search.trim();
        const org = scope.organisationId;
        const total = (text === "" ? countAll.get(org) : countMatching.get(org, likePattern(text))) as number;
        const rows = (text === "" ? listAll.all(org, limit, offset) : listMatching.all(org, likePattern(text), limit, offset)) as CaseRow[];
        return { total, cases: rows.map((r) => ({ id: r.id, title: r.title, alternatives: r.alternatives, version: r.version, updatedAt: r.updated_at })) };
      },
      async get(id: string) {
        const row = byId.get(id, scope.organisationId);
        return row ? readableCase(toCase(row)) : null;
      },
      async stamp(id: string) {
        const row = stampOf.get(id, scope.organisationId);
        return row ? { version: row.version, updatedAt: row.updated_at } : null;
      },
      async create(document: Record<string, unknown>, result?: ResultOfVersion) {
        return create.immediate(scope, document, result);
      },
      async update(id: string, document: Record<string, unknown>, expectedVersion?: number, result?: ResultOfVersion) {
        return update.immediate(scope, id, document, expectedVersion, result);
      },
      async remove(id: string) {
        return remove.immediate(scope, id);
      },
      async latestResult(caseId: string) {
        const row = latest.get(caseId, scope.organisationId) as { case_id: string; version: number; factor_set: string; factor_set_hash: string; result: string; computed_at: string } | undefined;
        return row ? readableResult({ caseId: row.case_id, version: row.version, factorSet: row.factor_set, factorSetHash: row.factor_set_hash, resultText: row.result, computedAt: row.computed_at }) : null;
      },
      async seedOnce(documents: Record<string, unknown>[]) {
        return seed.immediate(scope, documents);
      },
    });
  return { scoped, seed };
}

/** The examples inserted once per database; called inside another transaction, it is part of that one. */
export type SqliteSeed = (scope: Scope, documents: Record<string, unknown>[]) => number;
