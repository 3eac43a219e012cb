/**
 * The SQLite text of each step of the one migration list (migrations.ts),
 * for code that works on SQLite files only (checking a backup). The store
 * itself applies MIGRATIONS.
 */
import { MIGRATIONS, migrationSql } from "./migrations.js";

export const SQLITE_MIGRATIONS: readonly { version: number; sql: string }[] = MIGRATIONS.map((m) => ({ version: m.version, sql: migrationSql(m, "sqlite") }));
