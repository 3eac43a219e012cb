/**
 * Reading a test server's tables directly, whichever store it runs on, so
 * that a test can check what the app left behind (a session row, a
 * password hash) on SQLite and on PostgreSQL alike. Placeholders are `?`;
 * on PostgreSQL they become $1, $2, … A count is asked for as `n` and
 * comes back as a number on both (PostgreSQL sends it as text).
 *
 * Example: await rowsOf(server.store, "SELECT count(*) AS n FROM sessions WHERE user_id = ?", [id]) → [{ n: 1 }]
 */
import type pg from "pg";

type Row = Record<string, unknown>;
type SqliteLike = { db: { prepare(sql: string): { all(...params: unknown[]): unknown[] } } };
type PostgresLike = { pool: pg.Pool };

export async function rowsOf(store: object, sql: string, params: unknown[] = []): Promise<Row[]> {
  if ("db" in store) return (store as SqliteLike).db.prepare(sql).all(...params) as Row[];
  let n = 0;
  const result = await (store as PostgresLike).pool.query(sql.replace(/\?/g, () => `$${++n}`), params);
  return result.rows.map((row: Row) => ("n" in row ? { ...row, n: Number(row.n) } : row));
}

/** The single number a `SELECT count(*) AS n …` gives. */
export async function countOf(store: object, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await rowsOf(store, sql, params))[0]!.n);
}
