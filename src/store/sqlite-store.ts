/**
 * The embedded default store: one SQLite file under ./data (better-sqlite3).
 * Pragmas at open: WAL, foreign keys on, busy_timeout 5000, synchronous
 * FULL (a committed save survives power loss), a 64 MiB page cache.
 * Money and documents are stored as text, never as binary REAL.
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
 * Cases, accounts, sessions, the audit trail and the climate data live in
 * sqlite-cases.ts, sqlite-accounts.ts, sqlite-sessions.ts, sqlite-audit.ts
 * and sqlite-climate.ts.
 */
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { MIGRATIONS, migrationSql, type Migration } from "./migrations.js";
import { sqliteAccounts } from "./sqlite-accounts.js";
import { sqliteAuditReader, sqliteAuditWriter } from "./sqlite-audit.js";
import { sqliteCases } from "./sqlite-cases.js";
import { sqliteClimate } from "./sqlite-climate.js";
import { sqliteSessions, sqliteThrottle } from "./sqlite-sessions.js";
import type { Store } from "./store.js";

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

export function openSqliteStore(file: string, clock: () => Date = () => new Date()): Store & { db: Database.Database } {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.pragma("synchronous = FULL");
  // 64 MiB of page cache (the default is 2 MiB): a ledger import appends lines under two indexes
  // besides the table, and a page that stays cached between batches is neither read back nor spilled.
  db.pragma("cache_size = -65536");
  migrate(db);
  const audit = sqliteAuditWriter(db);
  const cases = sqliteCases(db, clock, audit);
  const accounts = sqliteAccounts(db, clock, audit, cases.seed);
  const auditReader = sqliteAuditReader(db);
  const climate = sqliteClimate(db, clock, audit);
  return {
    db,
    scoped: (scope) => ({ scope, cases: cases.scoped(scope), members: accounts.members(scope), tokens: accounts.tokens(scope), audit: auditReader(scope), climate: climate(scope) }),
    accounts: accounts.accounts,
    sessions: sqliteSessions(db),
    tokens: accounts.tokenAuth,
    throttle: sqliteThrottle(db),
    async ping() {
      db.prepare("SELECT 1").get();
    },
    async close() {
      db.close();
    },
  };
}
