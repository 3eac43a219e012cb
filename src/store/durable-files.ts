/**
 * Writing a file so that it is either wholly there or not at all: it is
 * written under a temporary name in the same directory, flushed to disk,
 * renamed into place, and the directory entry flushed too.
 */
import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** The files SQLite may keep beside a database: the WAL, its shared-memory index and the rollback journal. */
export const SQLITE_SIDE_FILES = ["-wal", "-shm", "-journal"] as const;

/** A hidden, unused name beside `file`, e.g. "data/.kalkyle.db.4711.9f2c01ab.tmp". */
export function temporaryBeside(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** Removes a temporary database and any file SQLite left beside it; nothing if it is gone already. */
export function removeTemporary(file: string): void {
  for (const suffix of ["", ...SQLITE_SIDE_FILES]) rmSync(`${file}${suffix}`, { force: true });
}

/** Flushes a file's contents to disk. */
export function syncFile(file: string): void {
  const fd = openSync(file, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a directory's entries (a rename) to disk, where the platform allows it (not on Windows); its rename is atomic either way. */
export function syncDirectory(dir: string): void {
  try {
    syncFile(dir);
  } catch {
    // the rename itself has happened; only its durability across a power cut is left to the file system
  }
}
