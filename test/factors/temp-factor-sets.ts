/**
 * Writes factor sets into a fresh temp directory, starting from a copy of
 * the fixture set test-1, so a test can break one record and watch the
 * loader refuse it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURE = fileURLToPath(new URL("../fixtures/factors/test-1/", import.meta.url));
export type RecordJson = Record<string, unknown>;

export const fixtureFile = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(FIXTURE, name), "utf8")) as Record<string, unknown>;
export const fixtureRecords = (): RecordJson[] => fixtureFile("records-test-2024.json").records as RecordJson[];

const roots: string[] = [];

/** A library root holding one set per entry: { dir name: { file name: JSON } }. */
export function writeLibrary(sets: Record<string, Record<string, unknown>>): string {
  const root = mkdtempSync(join(tmpdir(), "kalkyle-factors-"));
  roots.push(root);
  for (const [dir, files] of Object.entries(sets)) {
    mkdirSync(join(root, dir));
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, dir, name), typeof content === "string" ? content : JSON.stringify(content, null, 1));
  }
  return root;
}

/** The files of test-1, with its records replaced by `records` and the manifest changed by `manifest`. */
export function setFiles(records: RecordJson[], manifest: Record<string, unknown> = {}, extraFiles: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    "set.json": { ...fixtureFile("set.json"), ...manifest },
    "economics.json": fixtureFile("economics.json"),
    "records-test-2024.json": { records },
    ...extraFiles,
  };
}

export function removeTempLibraries(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}
