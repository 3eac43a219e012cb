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
import { StoreUnavailableError, withStoreErrors } from "./errors.js";
import { MIGRATIONS, migrationSql, type Migration } from "./migrations.js";
import { alternativeCount, likePattern, newCaseId, titleOf, type CaseStore, type ResultOfVersion, type SessionData, type SessionStore, type Store, type StoredCase } from "./store.js";

type Queryable = Pick<pg.PoolClient, "query">;
type CaseRow = { id: string; title: string; document: string; alternatives: number; version: number; created_at: Date; updated_at: Date };
type ResultRow = { case_id: string; version: number; factor_set: string; factor_set_hash: string; result: string; computed_at: string };

/** Key of the advisory lock that lets one starting process at a time migrate. */
const MIGRATION_LOCK = 4_711_2026;

/** Runs `work` in one transaction on one connection; a connection that cannot be had is StoreUnavailableError. */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect().catch((error: unknown) => {
    throw new StoreUnavailableError({ cause: error });
  });
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const value = await work(client);
    await client.query("COMMIT");
    return value;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken);
  }
}

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

function toCase(row: CaseRow): StoredCase {
  return { id: row.id, title: row.title, alternatives: row.alternatives, version: row.version, createdAt: row.created_at.toISOString(), updatedAt: row.updated_at.toISOString(), document: JSON.parse(row.document) };
}

async function insertCase(c: Queryable, document: Record<string, unknown>, now: string): Promise<StoredCase> {
  const { rows } = await c.query<CaseRow>("INSERT INTO cases (id, title, document, alternatives, version, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, $5, $5) RETURNING *", [newCaseId(), titleOf(document), JSON.stringify(document), alternativeCount(document), now]);
  return toCase(rows[0]!);
}

async function audit(c: Queryable, at: string, action: "create" | "update" | "delete", caseId: string, detail: string): Promise<void> {
  await c.query("INSERT INTO audit (at, action, case_id, detail) VALUES ($1, $2, $3, $4)", [at, action, caseId, detail]);
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

function caseStore(pool: pg.Pool, clock: () => Date): CaseStore {
  const SUMMARY = "SELECT id, title, alternatives, version, updated_at FROM cases";
  // ILIKE: case-insensitive like SQLite's LIKE, and beyond ASCII (æøå) too.
  const MATCHING = "WHERE title ILIKE $1 ESCAPE '\\'";
  return withStoreErrors({
    async list({ search = "", limit = 100, offset = 0 }) {
      const text = search.trim();
      const where = text === "" ? "" : MATCHING;
      const filter = text === "" ? [] : [likePattern(text)];
      const n = filter.length;
      const total = await pool.query<{ total: number }>(`SELECT count(*)::integer AS total FROM cases ${where}`, filter);
      const { rows } = await pool.query<Omit<CaseRow, "document" | "created_at">>(`${SUMMARY} ${where} ORDER BY updated_at DESC, id LIMIT $${n + 1} OFFSET $${n + 2}`, [...filter, limit, offset]);
      return { total: total.rows[0]!.total, cases: rows.map((r) => ({ id: r.id, title: r.title, alternatives: r.alternatives, version: r.version, updatedAt: r.updated_at.toISOString() })) };
    },
    async get(id: string) {
      const { rows } = await pool.query<CaseRow>("SELECT * FROM cases WHERE id = $1", [id]);
      return rows[0] ? toCase(rows[0]) : null;
    },
    async stamp(id: string) {
      const { rows } = await pool.query<{ version: number; updated_at: Date }>("SELECT version, updated_at FROM cases WHERE id = $1", [id]);
      return rows[0] ? { version: rows[0].version, updatedAt: rows[0].updated_at.toISOString() } : null;
    },
    async create(document: Record<string, unknown>, result?: ResultOfVersion) {
      return inTransaction(pool, async (c) => {
        const now = clock().toISOString();
        const saved = await insertCase(c, document, now);
        await audit(c, now, "create", saved.id, saved.title);
        await keepResult(c, saved, result);
        return saved;
      });
    },
    async update(id: string, document: Record<string, unknown>, expectedVersion?: number, result?: ResultOfVersion) {
      return inTransaction(pool, async (c) => {
        const now = clock().toISOString();
        const { rows } = await c.query<CaseRow>(
          "UPDATE cases SET title = $2, document = $3, alternatives = $4, version = version + 1, updated_at = $5 WHERE id = $1 AND ($6::integer IS NULL OR version = $6) RETURNING *",
          [id, titleOf(document), JSON.stringify(document), alternativeCount(document), now, expectedVersion ?? null],
        );
        if (!rows[0]) {
          const exists = (await c.query("SELECT 1 FROM cases WHERE id = $1", [id])).rowCount;
          return { ok: false as const, reason: exists ? ("conflict" as const) : ("not-found" as const) };
        }
        const saved = toCase(rows[0]);
        await audit(c, now, "update", id, saved.title);
        await keepResult(c, saved, result);
        return { ok: true as const, saved };
      });
    },
    async remove(id: string) {
      return inTransaction(pool, async (c) => {
        const changed = ((await c.query("DELETE FROM cases WHERE id = $1", [id])).rowCount ?? 0) > 0;
        if (changed) await audit(c, clock().toISOString(), "delete", id, "");
        return changed;
      });
    },
    async latestResult(caseId: string) {
      const { rows } = await pool.query<ResultRow>("SELECT * FROM results WHERE case_id = $1 ORDER BY version DESC LIMIT 1", [caseId]);
      const row = rows[0];
      return row ? { caseId: row.case_id, version: row.version, factorSet: row.factor_set, factorSetHash: row.factor_set_hash, result: JSON.parse(row.result), computedAt: row.computed_at } : null;
    },
    async seedOnce(documents: Record<string, unknown>[]) {
      if (documents.length === 0) return 0;
      return inTransaction(pool, async (c) => {
        const now = clock().toISOString();
        // The marker first: a second process starting at once waits on it, then finds it there.
        const claimed = await c.query("INSERT INTO meta (key, value) VALUES ('seeded', $1) ON CONFLICT (key) DO NOTHING", [now]);
        if (!claimed.rowCount) return 0;
        for (const d of documents) {
          const saved = await insertCase(c, d, now);
          await audit(c, now, "create", saved.id, saved.title);
        }
        return documents.length;
      });
    },
  });
}

function sessionStore(pool: pg.Pool): SessionStore {
  let saves = 0;
  return withStoreErrors({
    async load(id: string, now: number) {
      const { rows } = await pool.query<{ data: string }>("SELECT data FROM sessions WHERE id = $1 AND expires_at > $2", [id, now]);
      return rows[0] ? (JSON.parse(rows[0].data) as SessionData) : null;
    },
    async save(id: string, data: SessionData, expiresAt: number) {
      await pool.query("INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at", [id, JSON.stringify(data), expiresAt]);
      if (++saves % 500 === 0) await pool.query("DELETE FROM sessions WHERE expires_at <= $1", [Date.now()]);
    },
    async destroy(id: string) {
      await pool.query("DELETE FROM sessions WHERE id = $1", [id]);
    },
  });
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
  return {
    pool,
    cases: caseStore(pool, options.clock ?? (() => new Date())),
    sessions: sessionStore(pool),
    async ping() {
      await pool.query("SELECT 1");
    },
    async close() {
      await pool.end();
    },
  };
}
