/**
 * Schema migrations for the SQLite store, applied in order at start, each
 * in its own transaction: a failing step changes nothing, and running them
 * again is a no-op. Released migrations are never edited; add a new one.
 */
export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        alternatives INTEGER NOT NULL,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- last: a large document spills into overflow pages, and the list reads only the columns before it
        document TEXT NOT NULL
      );
      -- covers the case list, so listing never touches the (large) rows themselves
      CREATE INDEX cases_list ON cases (updated_at DESC, id, title, alternatives, version);
      CREATE TABLE results (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        factor_set TEXT NOT NULL,
        factor_set_hash TEXT NOT NULL,
        result TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        PRIMARY KEY (case_id, version)
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE INDEX sessions_expiry ON sessions (expires_at);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        case_id TEXT,
        detail TEXT NOT NULL
      );
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `,
  },
];
