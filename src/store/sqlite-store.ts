/**
 * The embedded default store: one SQLite file under ./data (better-sqlite3).
 * Pragmas at open: WAL, foreign keys on, busy_timeout 5000, synchronous
 * FULL (a committed save survives power loss). Money and documents are
 * stored as text, never as binary REAL.
 *
 * Every write transaction begins IMMEDIATE: it takes the write lock before
 * it reads, so a second writer (another process or connection on the same
 * file) waits on the busy timeout and then reads the committed version,
 * and a version check refuses it as a conflict. A deferred transaction
 * would read first and fail with SQLITE_BUSY_SNAPSHOT when it tried to
 * write after the other had committed.
 *
 * The schema comes from the one list in migrations.ts (its SQLite text);
 * driver errors the user can act on reject as typed errors (errors.ts).
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { withStoreErrors } from "./errors.js";
import { MIGRATIONS, migrationSql, type Migration } from "./migrations.js";
import { alternativeCount, likePattern, newCaseId, titleOf, type CaseStore, type ResultOfVersion, type SessionData, type SessionStore, type Store, type StoredCase } from "./store.js";

type CaseRow = { id: string; title: string; document: string; alternatives: number; version: number; created_at: string; updated_at: string };

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  const isApplied = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").pluck();
  // Checked inside the write lock: two processes starting at once apply each step once.
  const apply = db.transaction((m: Migration) => {
    if (isApplied.get(m.version)) return 0;
    db.exec(migrationSql(m, "sqlite"));
    db.prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)").run(m.version, new Date().toISOString());
    return 1;
  });
  let count = 0;
  for (const m of migrations) count += apply.immediate(m);
  return count;
}

function toCase(row: CaseRow): StoredCase {
  return { id: row.id, title: row.title, alternatives: row.alternatives, version: row.version, createdAt: row.created_at, updatedAt: row.updated_at, document: JSON.parse(row.document) };
}

function caseStore(db: Database.Database, clock: () => Date): CaseStore {
  const audit = db.prepare("INSERT INTO audit (at, action, case_id, detail) VALUES (?, ?, ?, ?)");
  const insert = db.prepare("INSERT INTO cases (id, title, document, alternatives, version, created_at, updated_at) VALUES (@id, @title, @document, @alternatives, 1, @now, @now)");
  const byId = db.prepare<[string], CaseRow>("SELECT * FROM cases WHERE id = ?");
  const stampOf = db.prepare<[string], { version: number; updated_at: string }>("SELECT version, updated_at FROM cases WHERE id = ?");
  const SUMMARY = "SELECT id, title, alternatives, version, updated_at FROM cases";
  const MATCHING = "WHERE title LIKE ? ESCAPE '\\'";
  const countAll = db.prepare("SELECT count(*) FROM cases").pluck();
  const countMatching = db.prepare(`SELECT count(*) FROM cases ${MATCHING}`).pluck();
  const listAll = db.prepare(`${SUMMARY} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`);
  const listMatching = db.prepare(`${SUMMARY} ${MATCHING} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`);
  const insertResult = db.prepare("INSERT OR REPLACE INTO results (case_id, version, factor_set, factor_set_hash, result, computed_at) VALUES (?, ?, ?, ?, ?, ?)");
  /** Inside the transaction that saved the version: a result that cannot be written undoes the save. */
  const keepResult = (saved: StoredCase, r: ResultOfVersion | undefined) => {
    if (r) insertResult.run(saved.id, saved.version, r.factorSet, r.factorSetHash, JSON.stringify(r.result), r.computedAt);
  };
  const create = db.transaction((document: Record<string, unknown>, result?: ResultOfVersion) => {
    const now = clock().toISOString();
    const id = newCaseId();
    insert.run({ id, title: titleOf(document), document: JSON.stringify(document), alternatives: alternativeCount(document), now });
    audit.run(now, "create", id, titleOf(document));
    const saved = toCase(byId.get(id)!);
    keepResult(saved, result);
    return saved;
  });
  const update = db.transaction((id: string, document: Record<string, unknown>, expected?: number, result?: ResultOfVersion) => {
    const row = byId.get(id);
    if (!row) return { ok: false as const, reason: "not-found" as const };
    if (expected !== undefined && row.version !== expected) return { ok: false as const, reason: "conflict" as const };
    const now = clock().toISOString();
    db.prepare("UPDATE cases SET title = ?, document = ?, alternatives = ?, version = version + 1, updated_at = ? WHERE id = ?").run(titleOf(document), JSON.stringify(document), alternativeCount(document), now, id);
    audit.run(now, "update", id, titleOf(document));
    const saved = toCase(byId.get(id)!);
    keepResult(saved, result);
    return { ok: true as const, saved };
  });
  const remove = db.transaction((id: string) => {
    const changed = db.prepare("DELETE FROM cases WHERE id = ?").run(id).changes > 0;
    if (changed) audit.run(clock().toISOString(), "delete", id, "");
    return changed;
  });
  const seed = db.transaction((documents: Record<string, unknown>[]) => {
    if (documents.length === 0 || db.prepare("SELECT 1 FROM meta WHERE key = 'seeded'").get()) return 0;
    for (const d of documents) create(d);
    db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(clock().toISOString());
    return documents.length;
  });
  return withStoreErrors({
    async list({ search = "", limit = 100, offset = 0 }) {
      const text = search.trim();
      const total = (text === "" ? countAll.get() : countMatching.get(likePattern(text))) as number;
      const rows = (text === "" ? listAll.all(limit, offset) : listMatching.all(likePattern(text), limit, offset)) as CaseRow[];
      return { total, cases: rows.map((r) => ({ id: r.id, title: r.title, alternatives: r.alternatives, version: r.version, updatedAt: r.updated_at })) };
    },
    async get(id) {
      const row = byId.get(id);
      return row ? toCase(row) : null;
    },
    async stamp(id) {
      const row = stampOf.get(id);
      return row ? { version: row.version, updatedAt: row.updated_at } : null;
    },
    async create(document, result) {
      return create.immediate(document, result);
    },
    async update(id, document, expectedVersion, result) {
      return update.immediate(id, document, expectedVersion, result);
    },
    async remove(id) {
      return remove.immediate(id);
    },
    async latestResult(caseId) {
      const row = db.prepare("SELECT * FROM results WHERE case_id = ? ORDER BY version DESC LIMIT 1").get(caseId) as
        | { case_id: string; version: number; factor_set: string; factor_set_hash: string; result: string; computed_at: string }
        | undefined;
      return row ? { caseId: row.case_id, version: row.version, factorSet: row.factor_set, factorSetHash: row.factor_set_hash, result: JSON.parse(row.result), computedAt: row.computed_at } : null;
    },
    async seedOnce(documents) {
      return seed.immediate(documents);
    },
  });
}

function sessionStore(db: Database.Database): SessionStore {
  const load = db.prepare<[string, number], { data: string }>("SELECT data FROM sessions WHERE id = ? AND expires_at > ?");
  const save = db.prepare("INSERT INTO sessions (id, data, expires_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at");
  const sweep = db.prepare("DELETE FROM sessions WHERE expires_at <= ?");
  let saves = 0;
  return withStoreErrors({
    async load(id, now) {
      const row = load.get(id, now);
      return row ? (JSON.parse(row.data) as SessionData) : null;
    },
    async save(id, data, expiresAt) {
      save.run(id, JSON.stringify(data), expiresAt);
      if (++saves % 500 === 0) sweep.run(Date.now());
    },
    async destroy(id) {
      db.prepare("DELETE FROM sessions WHERE id = ?").run(id);
    },
  });
}

export function openSqliteStore(file: string, clock: () => Date = () => new Date()): Store & { db: Database.Database } {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = FULL");
  migrate(db);
  return {
    db,
    cases: caseStore(db, clock),
    sessions: sessionStore(db),
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      db.close();
    },
  };
}
