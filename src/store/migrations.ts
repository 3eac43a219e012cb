/**
 * The schema of both stores, one list in one place: applied in order at
 * start, each step in its own transaction (a failing step changes nothing,
 * and running the list again is a no-op), each applied version recorded in
 * schema_migrations. A step is one text for both dialects where they agree,
 * or one text per dialect where they differ. Released steps are never
 * edited; a change is a new step, written for both dialects.
 *
 * Where the dialects differ in step 1: SQLite keeps times as ISO 8601 text,
 * PostgreSQL as timestamptz (the store turns both into the same text);
 * PostgreSQL compares case ids byte by byte (COLLATE "C"), as SQLite does;
 * SQLite's audit id is AUTOINCREMENT, PostgreSQL's an identity column; the
 * append-only audit log is two RAISE(ABORT) triggers in SQLite and one
 * statement trigger in PostgreSQL that also refuses TRUNCATE.
 */
export type Dialect = "sqlite" | "postgres";

export type Migration = { version: number; sql: string | Readonly<Record<Dialect, string>> };

export function migrationSql(migration: Migration, dialect: Dialect): string {
  return typeof migration.sql === "string" ? migration.sql : migration.sql[dialect];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: {
      sqlite: `
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
      postgres: `
        CREATE TABLE cases (
          id TEXT COLLATE "C" PRIMARY KEY,
          title TEXT NOT NULL,
          alternatives INTEGER NOT NULL,
          version INTEGER NOT NULL,
          created_at TIMESTAMPTZ NOT NULL,
          updated_at TIMESTAMPTZ NOT NULL,
          document TEXT NOT NULL
        );
        -- covers the case list, so listing reads the index only
        CREATE INDEX cases_list ON cases (updated_at DESC, id) INCLUDE (title, alternatives, version);
        CREATE TABLE results (
          case_id TEXT COLLATE "C" NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
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
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX sessions_expiry ON sessions (expires_at);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE audit (
          id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          at TIMESTAMPTZ NOT NULL,
          action TEXT NOT NULL,
          case_id TEXT,
          detail TEXT NOT NULL
        );
        CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'the audit log is append-only';
        END
        $$;
        CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit
          FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
      `,
    },
  },
];
