/**
 * `kalkyle backup`: a copy of the live SQLite database, safe to take while
 * the server writes. SQLite's online backup API copies every page in one
 * step, which is one read transaction, so the copy is the database as it
 * was committed at one moment; in WAL mode the server's writers go on
 * meanwhile (a backup copied in many small steps would start over after
 * each write by another connection). The copy is written to a temporary
 * file beside the target, switched from WAL to a rollback journal so that
 * it is one self-contained file, checked (integrity_check, Kalkyle's
 * tables), flushed, and only then renamed into place.
 */
import Database from "better-sqlite3";
import { existsSync, renameSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { removeTemporary, syncDirectory, syncFile, temporaryBeside } from "./durable-files.js";
import { checkKalkyleDatabase, type FileProblem } from "./sqlite-check.js";

/** Pages per step of the backup API: more than any database has, so the copy is taken in one step. */
const ALL_PAGES = 0x7fffffff;

export type BackupOutcome =
  | { ok: true; file: string; bytes: number; cases: number }
  | { ok: false; reason: "no-database" | "exists" | "no-directory"; file: string }
  | { ok: false; reason: "check-failed"; file: string; problem: FileProblem };

/** Copies an open database to `file` with the backup API, all pages in one step (one consistent snapshot). */
export async function copyDatabase(source: Database.Database, file: string): Promise<void> {
  await source.backup(file, { progress: () => ALL_PAGES });
}

/** Copies, switches to a rollback journal and checks the copy; the temporary file is left for the caller. */
async function writeCheckedCopy(liveFile: string, temp: string) {
  const live = new Database(liveFile, { fileMustExist: true, timeout: 5000 });
  try {
    await copyDatabase(live, temp);
  } finally {
    live.close();
  }
  const copy = new Database(temp, { fileMustExist: true });
  try {
    copy.pragma("journal_mode = DELETE");
    return checkKalkyleDatabase(copy);
  } finally {
    copy.close();
  }
}

/**
 * Backs up `liveFile` to `target`; refuses an existing target unless
 * `force`, and a target whose directory does not exist.
 *
 * Example: backupSqlite("data/kalkyle.db", "/backup/kalkyle-2026-03-14.db")
 *   → { ok: true, file: "/backup/kalkyle-2026-03-14.db", bytes: 2891776, cases: 42 }
 */
export async function backupSqlite(liveFile: string, target: string, options: { force?: boolean } = {}): Promise<BackupOutcome> {
  if (!existsSync(liveFile)) return { ok: false, reason: "no-database", file: liveFile };
  if (!options.force && existsSync(target)) return { ok: false, reason: "exists", file: target };
  if (!existsSync(dirname(target)) || !statSync(dirname(target)).isDirectory()) return { ok: false, reason: "no-directory", file: target };
  const temp = temporaryBeside(target);
  try {
    const check = await writeCheckedCopy(liveFile, temp);
    if (!check.ok) return { ok: false, reason: "check-failed", file: liveFile, problem: check.problem };
    syncFile(temp);
    if (!options.force && existsSync(target)) return { ok: false, reason: "exists", file: target };
    renameSync(temp, target);
    syncDirectory(dirname(target));
    return { ok: true, file: target, bytes: statSync(target).size, cases: check.cases };
  } finally {
    removeTemporary(temp);
  }
}
