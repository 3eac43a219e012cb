/** One transaction on one pooled PostgreSQL connection, for every unit of work of the PostgreSQL store. */
import type pg from "pg";
import { StoreUnavailableError } from "./errors.js";

export type Queryable = Pick<pg.PoolClient, "query">;

/** Runs `work` in one transaction on one connection; a connection that cannot be had is StoreUnavailableError. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
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

/** `?` placeholders as PostgreSQL's `$1, $2, …` (for SQL shared with SQLite; never for text that may hold a `?`). */
export function numbered(sql: string, first = 1): string {
  let n = first - 1;
  return sql.replace(/\?/g, () => `$${++n}`);
}
