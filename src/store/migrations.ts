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
 *
 * Step 2 brings accounts: organisations, users (e-mail unique by its lower
 * case form, `email_key`), memberships with a role, sessions bound to a
 * user (the old anonymous sessions are dropped: their id is now kept as a
 * hash), API tokens (hash and prefix only), login failures, a case's
 * organisation and the audit trail's who/what/before/after. Cases and
 * audit rows from before go to one organisation made here (only when
 * there are any); the audit triggers are lifted for that one update,
 * inside this step's transaction, and put back. SQLite cannot add a NOT
 * NULL column to a table with rows, so a trigger refuses a case without
 * an organisation there; PostgreSQL sets NOT NULL.
 *
 * Step 3 brings the climate adviser's data (climate.ts): plan versions,
 * decisions (the whole record as JSON), ledger imports and their lines,
 * remembered column mappings, mapping rule versions, the one kept
 * screening per organisation and a ledger revision counter. A line is kept
 * once per organisation by its fingerprint: PostgreSQL through its unique
 * index on (organisation_id, fingerprint); SQLite through the import's
 * in-memory set of the organisation's fingerprints (sqlite-climate.ts,
 * fingerprint-keys.ts), with one import at a time per organisation,
 * because a unique index on random digests made a million lines cost
 * about 28 s of CPU there against about 3 s for appending. A line
 * belongs to its import through (import_id, organisation_id), so it can
 * never sit under another organisation's import, and goes with it (ON DELETE CASCADE). Lines are
 * read a batch at a time by (organisation_id, seq). An import is 'open'
 * while its lines arrive; touched_at says when the last batch came, so a
 * start that finds an open import long untouched (its process stopped)
 * clears it. The line's seq is AUTOINCREMENT in SQLite (never reused:
 * without it a removed newest import's numbers would be given again, and
 * a screening reading a batch at a time after `seq` could miss the new
 * lines) and an identity column in PostgreSQL, its amount whole øre
 * (INTEGER / BIGINT).
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
  {
    version: 2,
    sql: {
      sqlite: `
        CREATE TABLE organisations (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE users (
          id TEXT PRIMARY KEY,
          email TEXT NOT NULL,
          email_key TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          password_hash TEXT,
          created_at TEXT NOT NULL,
          password_changed_at TEXT
        );
        CREATE TABLE memberships (
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          role TEXT NOT NULL CHECK (role IN ('buyer', 'adviser', 'finance', 'admin')),
          created_at TEXT NOT NULL,
          PRIMARY KEY (organisation_id, user_id)
        );
        CREATE INDEX memberships_user ON memberships (user_id);
        DROP TABLE sessions;
        CREATE TABLE sessions (
          id TEXT PRIMARY KEY,
          user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          data TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          seen_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL
        );
        CREATE INDEX sessions_expiry ON sessions (expires_at);
        CREATE INDEX sessions_user ON sessions (user_id);
        CREATE TABLE api_tokens (
          id TEXT PRIMARY KEY,
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          prefix TEXT NOT NULL,
          hash TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          last_used_at TEXT,
          revoked_at TEXT
        );
        CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id, user_id);
        CREATE TABLE login_failures (key TEXT NOT NULL, at INTEGER NOT NULL);
        CREATE INDEX login_failures_key ON login_failures (key, at);
        ALTER TABLE cases ADD COLUMN organisation_id TEXT REFERENCES organisations (id);
        INSERT INTO organisations (id, name, created_at)
          SELECT lower(hex(randomblob(9))), 'Kalkyle', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          WHERE EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM audit);
        UPDATE cases SET organisation_id = (SELECT id FROM organisations);
        DROP INDEX cases_list;
        CREATE INDEX cases_list ON cases (organisation_id, updated_at DESC, id, title, alternatives, version);
        CREATE TRIGGER cases_organisation_required BEFORE INSERT ON cases WHEN NEW.organisation_id IS NULL
          BEGIN SELECT RAISE(ABORT, 'a case belongs to an organisation'); END;
        CREATE TRIGGER cases_organisation_kept BEFORE UPDATE OF organisation_id ON cases
          BEGIN SELECT RAISE(ABORT, 'a case stays in its organisation'); END;
        ALTER TABLE audit ADD COLUMN organisation_id TEXT;
        ALTER TABLE audit ADD COLUMN actor_id TEXT;
        ALTER TABLE audit ADD COLUMN via TEXT NOT NULL DEFAULT 'system';
        ALTER TABLE audit ADD COLUMN entity_type TEXT;
        ALTER TABLE audit ADD COLUMN entity_id TEXT;
        ALTER TABLE audit ADD COLUMN before_json TEXT;
        ALTER TABLE audit ADD COLUMN after_json TEXT;
        DROP TRIGGER audit_no_update;
        UPDATE audit SET organisation_id = (SELECT id FROM organisations), action = 'case.' || action, entity_type = 'case', entity_id = case_id;
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE INDEX audit_organisation ON audit (organisation_id, id);
        CREATE INDEX audit_entity ON audit (organisation_id, entity_type, entity_id, id);
      `,
      postgres: `
        CREATE TABLE organisations (id TEXT COLLATE "C" PRIMARY KEY, name TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL);
        CREATE TABLE users (
          id TEXT COLLATE "C" PRIMARY KEY,
          email TEXT NOT NULL,
          email_key TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          password_hash TEXT,
          created_at TIMESTAMPTZ NOT NULL,
          password_changed_at TIMESTAMPTZ
        );
        CREATE TABLE memberships (
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          role TEXT NOT NULL CHECK (role IN ('buyer', 'adviser', 'finance', 'admin')),
          created_at TIMESTAMPTZ NOT NULL,
          PRIMARY KEY (organisation_id, user_id)
        );
        CREATE INDEX memberships_user ON memberships (user_id);
        DROP TABLE sessions;
        CREATE TABLE sessions (
          id TEXT PRIMARY KEY,
          user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          data TEXT NOT NULL,
          created_at BIGINT NOT NULL,
          seen_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL
        );
        CREATE INDEX sessions_expiry ON sessions (expires_at);
        CREATE INDEX sessions_user ON sessions (user_id);
        CREATE TABLE api_tokens (
          id TEXT COLLATE "C" PRIMARY KEY,
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          user_id TEXT COLLATE "C" NOT NULL REFERENCES users (id) ON DELETE CASCADE,
          name TEXT NOT NULL,
          prefix TEXT NOT NULL,
          hash TEXT NOT NULL UNIQUE,
          created_at TIMESTAMPTZ NOT NULL,
          last_used_at TIMESTAMPTZ,
          revoked_at TIMESTAMPTZ
        );
        CREATE INDEX api_tokens_organisation ON api_tokens (organisation_id, user_id);
        CREATE TABLE login_failures (key TEXT NOT NULL, at BIGINT NOT NULL);
        CREATE INDEX login_failures_key ON login_failures (key, at);
        ALTER TABLE cases ADD COLUMN organisation_id TEXT COLLATE "C" REFERENCES organisations (id);
        INSERT INTO organisations (id, name, created_at)
          SELECT substr(md5(random()::text || clock_timestamp()::text), 1, 18), 'Kalkyle', now()
          WHERE EXISTS (SELECT 1 FROM cases) OR EXISTS (SELECT 1 FROM audit);
        UPDATE cases SET organisation_id = (SELECT id FROM organisations);
        ALTER TABLE cases ALTER COLUMN organisation_id SET NOT NULL;
        DROP INDEX cases_list;
        CREATE INDEX cases_list ON cases (organisation_id, updated_at DESC, id) INCLUDE (title, alternatives, version);
        CREATE FUNCTION cases_organisation_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'a case stays in its organisation';
        END
        $$;
        CREATE TRIGGER cases_organisation_kept BEFORE UPDATE OF organisation_id ON cases
          FOR EACH ROW WHEN (OLD.organisation_id IS DISTINCT FROM NEW.organisation_id) EXECUTE FUNCTION cases_organisation_kept();
        ALTER TABLE audit ADD COLUMN organisation_id TEXT COLLATE "C";
        ALTER TABLE audit ADD COLUMN actor_id TEXT COLLATE "C";
        ALTER TABLE audit ADD COLUMN via TEXT NOT NULL DEFAULT 'system';
        ALTER TABLE audit ADD COLUMN entity_type TEXT;
        ALTER TABLE audit ADD COLUMN entity_id TEXT COLLATE "C";
        ALTER TABLE audit ADD COLUMN before_json TEXT;
        ALTER TABLE audit ADD COLUMN after_json TEXT;
        ALTER TABLE audit DISABLE TRIGGER audit_append_only;
        UPDATE audit SET organisation_id = (SELECT id FROM organisations), action = 'case.' || action, entity_type = 'case', entity_id = case_id;
        ALTER TABLE audit ENABLE TRIGGER audit_append_only;
        CREATE INDEX audit_organisation ON audit (organisation_id, id);
        CREATE INDEX audit_entity ON audit (organisation_id, entity_type, entity_id, id);
      `,
    },
  },
  {
    version: 3,
    sql: {
      sqlite: `
        CREATE TABLE climate_plans (
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          version INTEGER NOT NULL,
          saved_at TEXT NOT NULL,
          saved_by TEXT,
          document TEXT NOT NULL,
          PRIMARY KEY (organisation_id, version)
        );
        CREATE TABLE decisions (
          id TEXT PRIMARY KEY,
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          case_id TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          recorded_by TEXT,
          document TEXT NOT NULL
        );
        CREATE INDEX decisions_organisation ON decisions (organisation_id, recorded_at DESC, id);
        CREATE TABLE ledger_imports (
          id TEXT PRIMARY KEY,
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          file_name TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('open', 'done')),
          created_at TEXT NOT NULL,
          touched_at TEXT NOT NULL,
          summary TEXT,
          UNIQUE (id, organisation_id)
        );
        CREATE INDEX ledger_imports_organisation ON ledger_imports (organisation_id, created_at DESC, id);
        CREATE TABLE ledger_lines (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          organisation_id TEXT NOT NULL,
          import_id TEXT NOT NULL,
          fingerprint TEXT NOT NULL,
          year INTEGER NOT NULL,
          account TEXT NOT NULL,
          function TEXT,
          supplier_name TEXT,
          org_number TEXT,
          description TEXT,
          amount_ore INTEGER NOT NULL,
          FOREIGN KEY (import_id, organisation_id) REFERENCES ledger_imports (id, organisation_id) ON DELETE CASCADE
        );
        CREATE INDEX ledger_lines_read ON ledger_lines (organisation_id, seq);
        CREATE INDEX ledger_lines_import ON ledger_lines (import_id, organisation_id);
        CREATE TABLE ledger_columns (
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          signature TEXT NOT NULL,
          mapping TEXT NOT NULL,
          PRIMARY KEY (organisation_id, signature)
        );
        CREATE TABLE mapping_rules (
          organisation_id TEXT NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          version INTEGER NOT NULL,
          saved_at TEXT NOT NULL,
          rules TEXT NOT NULL,
          PRIMARY KEY (organisation_id, version)
        );
        CREATE TABLE climate_screenings (
          organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
          key TEXT NOT NULL,
          result TEXT NOT NULL
        );
        CREATE TABLE ledger_revisions (
          organisation_id TEXT PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
          revision INTEGER NOT NULL
        );
      `,
      postgres: `
        CREATE TABLE climate_plans (
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          version INTEGER NOT NULL,
          saved_at TIMESTAMPTZ NOT NULL,
          saved_by TEXT COLLATE "C",
          document TEXT NOT NULL,
          PRIMARY KEY (organisation_id, version)
        );
        CREATE TABLE decisions (
          id TEXT COLLATE "C" PRIMARY KEY,
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          case_id TEXT COLLATE "C" NOT NULL,
          recorded_at TIMESTAMPTZ NOT NULL,
          recorded_by TEXT COLLATE "C",
          document TEXT NOT NULL
        );
        CREATE INDEX decisions_organisation ON decisions (organisation_id, recorded_at DESC, id);
        CREATE TABLE ledger_imports (
          id TEXT COLLATE "C" PRIMARY KEY,
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          file_name TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('open', 'done')),
          created_at TIMESTAMPTZ NOT NULL,
          touched_at TIMESTAMPTZ NOT NULL,
          summary TEXT,
          UNIQUE (id, organisation_id)
        );
        CREATE INDEX ledger_imports_organisation ON ledger_imports (organisation_id, created_at DESC, id);
        CREATE TABLE ledger_lines (
          seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
          organisation_id TEXT COLLATE "C" NOT NULL,
          import_id TEXT COLLATE "C" NOT NULL,
          fingerprint TEXT COLLATE "C" NOT NULL,
          year INTEGER NOT NULL,
          account TEXT NOT NULL,
          function TEXT,
          supplier_name TEXT,
          org_number TEXT,
          description TEXT,
          amount_ore BIGINT NOT NULL,
          UNIQUE (organisation_id, fingerprint),
          FOREIGN KEY (import_id, organisation_id) REFERENCES ledger_imports (id, organisation_id) ON DELETE CASCADE
        );
        CREATE INDEX ledger_lines_read ON ledger_lines (organisation_id, seq);
        CREATE INDEX ledger_lines_import ON ledger_lines (import_id, organisation_id);
        CREATE TABLE ledger_columns (
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          signature TEXT COLLATE "C" NOT NULL,
          mapping TEXT NOT NULL,
          PRIMARY KEY (organisation_id, signature)
        );
        CREATE TABLE mapping_rules (
          organisation_id TEXT COLLATE "C" NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
          version INTEGER NOT NULL,
          saved_at TIMESTAMPTZ NOT NULL,
          rules TEXT NOT NULL,
          PRIMARY KEY (organisation_id, version)
        );
        CREATE TABLE climate_screenings (
          organisation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
          key TEXT COLLATE "C" NOT NULL,
          result TEXT NOT NULL
        );
        CREATE TABLE ledger_revisions (
          organisation_id TEXT COLLATE "C" PRIMARY KEY REFERENCES organisations (id) ON DELETE CASCADE,
          revision BIGINT NOT NULL
        );
      `,
    },
  },
];
