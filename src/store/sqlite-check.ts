/**
 * What makes a file a Kalkyle database: SQLite's integrity_check passes,
 * Kalkyle's tables are there, and its schema is no newer than the
 * migrations this version knows (an older one is migrated at the next
 * start). Run on a backup just written and on a file before it is
 * restored, never on the live database (integrity_check reads every page).
 */
import type Database from "better-sqlite3";
import { SQLITE_MIGRATIONS } from "./sqlite-migrations.js";

export const KALKYLE_TABLES = ["schema_migrations", "cases", "results", "sessions", "meta", "audit"] as const;

/** What is wrong with a file that is not a usable Kalkyle database. */
export type FileProblem =
  | { kind: "empty" }
  | { kind: "not-sqlite" }
  | { kind: "corrupt"; detail: string }
  | { kind: "not-kalkyle"; missing: string[] }
  | { kind: "newer-schema"; version: number; known: number };

export type DatabaseCheck = { ok: true; cases: number } | { ok: false; problem: FileProblem };

/** SQLite's result codes for a file that is damaged (SQLITE_CORRUPT and its extended codes). */
function isCorruption(code: string | undefined): boolean {
  return code !== undefined && code.startsWith("SQLITE_CORRUPT");
}

/**
 * Checks an open database; the first few lines of integrity_check are kept
 * as the detail. Errors other than "not a database" and "corrupt" are thrown.
 *
 * Example: a copy truncated to half its pages → { ok: false, problem: { kind: "corrupt", detail: "Page 57: never used; …" } }
 */
export function checkKalkyleDatabase(db: Database.Database): DatabaseCheck {
  try {
    const lines = (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
    if (lines.length !== 1 || lines[0] !== "ok") return { ok: false, problem: { kind: "corrupt", detail: lines.slice(0, 3).join("; ") } };
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    const missing = KALKYLE_TABLES.filter((table) => !tables.has(table));
    if (missing.length > 0) return { ok: false, problem: { kind: "not-kalkyle", missing } };
    const version = (db.prepare("SELECT max(version) FROM schema_migrations").pluck().get() as number | null) ?? 0;
    const known = Math.max(...SQLITE_MIGRATIONS.map((m) => m.version));
    if (version > known) return { ok: false, problem: { kind: "newer-schema", version, known } };
    return { ok: true, cases: db.prepare("SELECT count(*) FROM cases").pluck().get() as number };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB") return { ok: false, problem: { kind: "not-sqlite" } };
    if (isCorruption(code)) return { ok: false, problem: { kind: "corrupt", detail: (error as Error).message } };
    throw error;
  }
}
