/**
 * The store the environment asks for: PostgreSQL when DATABASE_URL is set
 * (a shared service: several app processes on one database), else the
 * embedded SQLite file `kalkyle.db` in DATA_DIR (by default ./data).
 *
 * Example: openStore({ DATABASE_URL: "postgresql://kalkyle@db/kalkyle" }) → the PostgreSQL store, migrated
 */
import { openPostgresStore } from "./postgres-store.js";
import { sqliteDatabaseFile } from "./sqlite-location.js";
import { openSqliteStore } from "./sqlite-store.js";
import type { Store } from "./store.js";

export type OpenedStore = Store & { kind: "postgres" | "sqlite" };

export async function openStore(env: NodeJS.ProcessEnv = process.env, options: { clock?: () => Date; cwd?: string } = {}): Promise<OpenedStore> {
  const url = env.DATABASE_URL?.trim();
  if (url) return { ...(await openPostgresStore(url, { clock: options.clock })), kind: "postgres" };
  return { ...openSqliteStore(sqliteDatabaseFile(env, options.cwd), options.clock), kind: "sqlite" };
}
