/**
 * `kalkyle restore`: puts a backup in the place of the live SQLite
 * database. The backup is copied to a temporary file beside the database
 * and checked there (integrity_check, Kalkyle's tables, a schema this
 * version knows), so the user's file is never opened by SQLite. The
 * current database is then locked against every other connection: if that
 * fails, something has it open (the server) and restore refuses. Under the
 * lock its WAL is folded into the file, which is copied to
 * `kalkyle.db.before-restore-<UTC time>`; the lock is released, the now
 * empty -wal and the -shm are removed (so no old log is ever replayed onto
 * the restored file), and the checked copy is renamed into place.
 *
 * The server must be stopped for a restore: it keeps the old file open and
 * holds what it read of it in memory.
 */
import Database from "better-sqlite3";
import { copyFileSync, existsSync, mkdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { removeTemporary, SQLITE_SIDE_FILES, syncDirectory, syncFile, temporaryBeside } from "./durable-files.js";
import { checkKalkyleDatabase, type DatabaseCheck, type FileProblem } from "./sqlite-check.js";

export type RestoreOutcome =
  | { ok: true; file: string; cases: number; previous: string | null }
  | { ok: false; reason: "missing" | "same-file" | "in-use"; file: string }
  | { ok: false; reason: "invalid"; file: string; problem: FileProblem };

function checkFile(file: string): DatabaseCheck {
  if (statSync(file).size === 0) return { ok: false, problem: { kind: "empty" } };
  const db = new Database(file, { fileMustExist: true });
  try {
    return checkKalkyleDatabase(db);
  } finally {
    db.close();
  }
}

/** "20260314T101500Z" for 2026-03-14 10:15:00.123 UTC: sortable, and valid in a file name everywhere. */
function fileTime(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
}

function unusedName(base: string): string {
  let name = base;
  for (let n = 2; existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? "";
  return code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED");
}

/** Copies the live database aside under an exclusive lock; null if another connection has it open. */
function keepPrevious(liveFile: string, now: Date): string | null {
  const db = new Database(liveFile, { fileMustExist: true, timeout: 0 });
  let previous: string | null = null;
  try {
    // Exclusive locking mode, set before the first read: the lock is held until close and no shared memory is used.
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE");
    db.exec("COMMIT");
    db.pragma("wal_checkpoint(TRUNCATE)");
    previous = unusedName(`${liveFile}.before-restore-${fileTime(now)}`);
    copyFileSync(liveFile, previous);
    syncFile(previous);
  } catch (error) {
    if (previous) rmSync(previous, { force: true });
    if (isBusy(error)) return null;
    throw error;
  } finally {
    db.close();
  }
  // The last connection to close removes its WAL; one still there means another process opened the database meanwhile.
  if (["-wal", "-journal"].some((suffix) => existsSync(liveFile + suffix) && statSync(liveFile + suffix).size > 0)) {
    rmSync(previous, { force: true });
    return null;
  }
  for (const suffix of SQLITE_SIDE_FILES) rmSync(liveFile + suffix, { force: true });
  return previous;
}

/** Removes `dir` and its parents up to `top` while they are empty; a directory someone has put a file in stays. */
function removeEmptyDirectories(dir: string, top: string): void {
  for (let d = dir; ; d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top || dirname(d) === d) return;
  }
}

/**
 * Restores `source` into `liveFile`, keeping the current database beside it.
 *
 * Example: restoreSqlite("/backup/kalkyle-2026-03-14.db", "data/kalkyle.db", new Date("2026-03-15T08:00:00Z"))
 *   → { ok: true, file: "data/kalkyle.db", cases: 42, previous: "data/kalkyle.db.before-restore-20260315T080000Z" }
 */
export function restoreSqlite(source: string, liveFile: string, now: Date): RestoreOutcome {
  if (!existsSync(source) || !statSync(source).isFile()) return { ok: false, reason: "missing", file: source };
  if (existsSync(liveFile) && realpathSync(source) === realpathSync(liveFile)) return { ok: false, reason: "same-file", file: source };
  // A data directory made here for the copy is removed again if the restore is refused.
  const madeDirectory = mkdirSync(dirname(liveFile), { recursive: true });
  const temp = temporaryBeside(liveFile);
  let restored = false;
  try {
    copyFileSync(source, temp);
    const check = checkFile(temp);
    if (!check.ok) return { ok: false, reason: "invalid", file: source, problem: check.problem };
    syncFile(temp);
    let previous: string | null = null;
    if (existsSync(liveFile)) {
      previous = keepPrevious(liveFile, now);
      if (previous === null) return { ok: false, reason: "in-use", file: liveFile };
    }
    renameSync(temp, liveFile);
    syncDirectory(dirname(liveFile));
    restored = true;
    return { ok: true, file: liveFile, cases: check.cases, previous };
  } finally {
    removeTemporary(temp);
    if (madeDirectory && !restored) removeEmptyDirectories(dirname(liveFile), madeDirectory);
  }
}
