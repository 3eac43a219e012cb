/**
 * The shared store: PostgreSQL through `pg`, for several app processes
 * behind a load balancer against one database (DATABASE_URL). Same
 * interface and semantics as the SQLite store; the schema is the
 * PostgreSQL text of the one list in migrations.ts.
 *
 * Transactions run at READ COMMITTED, each on one pooled connection. An
 * update compares the expected version in the statement that writes
 * (UPDATE … WHERE id = $1 AND version = $2): a second writer with the same
 * version waits on the row lock, then finds the row no longer matching and
 * is refused as a conflict, never as an error. Documents and results are
 * kept as text, exactly as saved; times as timestamptz, read back as the
 * same ISO 8601 text the SQLite store returns.
 */
import pg from "pg";
import { MIGRATIONS, migrationSql, type Migration } from "./migrations.js";
import { postgresAccounts } from "./postgres-accounts.js";
import { postgresAuditReader } from "./postgres-audit.js";
import { postgresCases } from "./postgres-cases.js";
import { postgresClimate } from "./postgres-climate.js";
import { postgresSessions, postgresThrottle } from "./postgres-sessions.js";
import { inTransaction } from "./postgres-transaction.js";
import type { Store } from "./store.js";

/** Key of the advisory lock that lets one starting process at a time migrate. */
const MIGRATION_LOCK = 4_711_2026;

export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  let count = 0;
  for (const m of migrations) {
    // Under the lock: two processes starting at once apply each step once.
    count += await inTransaction(pool, async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await c.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)");
      if ((await c.query("SELECT 1 FROM schema_migrations WHERE version = $1", [m.version])).rowCount) return 0;
      await c.query(migrationSql(m, "postgres"));
      await c.query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, now())", [m.version]);
      return 1;
    });
  }
  return count;
}

export type PostgresStoreOptions = { clock?: () => Date; /** Connections this process keeps at most (default 10). */ maxConnections?: number };

/** Opens a pool on `url`, applies the migrations, and answers once the database is ready. */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10, connectionTimeoutMillis: 10_000, application_name: "kalkyle" });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool; the next query opens another.
  pool.on("error", (error) => console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", message: `PostgreSQL connection lost: ${error.message}` })));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const clock = options.clock ?? (() => new Date());
  const cases = postgresCases(pool, clock);
  const accounts = postgresAccounts(pool, clock);
  const audit = postgresAuditReader(pool);
  const climate = postgresClimate(pool, clock);
  return {
    pool,
    scoped: (scope) => ({ scope, cases: cases(scope), members: accounts.members(scope), tokens: accounts.tokens(scope), audit: audit(scope), climate: climate(scope) }),
    accounts: accounts.accounts,
    sessions: postgresSessions(pool),
    tokens: accounts.tokenAuth,
    throttle: postgresThrottle(pool),
    async ping() {
      await pool.query("SELECT 1");
    },
    async close() {
      await pool.end();
    },
  };
}
