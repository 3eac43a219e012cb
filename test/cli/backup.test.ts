/**
 * `kalkyle backup` and `kalkyle restore` on real SQLite files in a
 * temporary directory. The main path runs the command as a child process
 * (`node bin/kalkyle.js`) while another process saves cases through the
 * store without pause: the backup must be one consistent moment of what
 * the writer had committed, and restore it into a fresh data directory
 * with the same rows. The refusals run in-process through run(argv, io),
 * one of them also as a child process: each leaves the current database
 * byte for byte as it was.
 */
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { testCases } from "../support/test-organisation.js";
import { caseDocument, caseResult } from "./backup-cases.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const STACK = /\n\s+at |\.ts:\d+|node:internal|Error:/;
const TABLES = ["cases", "results", "audit", "sessions", "meta", "schema_migrations"];
// Inside the checkout, so the bundle resolves better-sqlite3 from node_modules; plain Node starts it at once.
const WRITER = join(ROOT, "node_modules/.cache/kalkyle-test/backup-writer.mjs");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "kalkyle-backup-"));
  buildSync({ entryPoints: [join(ROOT, "test/cli/backup-writer.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: WRITER, external: ["better-sqlite3"] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A data directory with `count` cases (Sak 0 … Sak count−1), saved through the store without waiting for the disk. */
async function seededDataDir(name: string, count: number): Promise<string> {
  const dataDir = join(dir, name);
  const store = openSqliteStore(join(dataDir, "kalkyle.db"));
  store.db.pragma("synchronous = OFF");
  const cases = await testCases(store);
  for (let n = 0; n < count; n++) await cases.create(caseDocument(n), caseResult());
  await store.close();
  return dataDir;
}

function rowCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // the audit rows of cases: the first start's rows (the organisation, its administrator) come once, before any case
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}${t === "audit" ? " WHERE entity_type = 'case'" : ""}`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

function caseNumbers(file: string): number[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const titles = db.prepare("SELECT title FROM cases").pluck().all() as string[];
  db.close();
  return titles.map((t) => Number(t.replace("Sak ", ""))).sort((a, b) => a - b);
}

/** Every file in the directory with the SHA-256 of its contents: what "left unchanged" is checked against. */
function snapshot(dataDir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dataDir).sort().map((f) => [f, createHash("sha256").update(readFileSync(join(dataDir, f))).digest("hex")]));
}

function kalkyleChild(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/kalkyle.js", ...args], { cwd: ROOT, env: { ...process.env, LANG: "C", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

async function kalkyle(args: string[], env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await run(args, { out: (t) => out.push(t), err: (t) => err.push(t) }, { LANG: "C", ...env });
  return { status, stdout: out.join("\n"), stderr: err.join("\n") };
}

/** The writer process; `acknowledged` is the highest case number whose save has returned (−1 before the first). */
function startWriter(file: string, from: number): Promise<{ child: ChildProcess; acknowledged: () => number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, file, String(from)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let acknowledged = -1;
    let pending = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop()!;
      for (const line of lines) if (line !== "ready") acknowledged = Number(line);
      if (acknowledged >= from + 20) resolve({ child, acknowledged: () => acknowledged });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`the writer stopped (${code})`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("kalkyle backup and restore", { timeout: 120_000 }, () => {
  it("backs up while another process saves cases: one committed moment, which restores into a fresh data directory row for row", async () => {
    const SEEDED = 2000;
    const live = await seededDataDir("busy", SEEDED);
    const target = join(dir, "busy-backup.db");
    const writer = await startWriter(join(live, "kalkyle.db"), SEEDED);
    const before = writer.acknowledged();
    const backup = await kalkyleChild(["backup", target], { DATA_DIR: live });
    const after = writer.acknowledged();
    await stop(writer.child);

    expect(backup.stderr).toBe("");
    expect(backup.status).toBe(0);
    expect(after).toBeGreaterThan(before); // the writer went on saving while the backup ran
    const counts = rowCounts(target); // integrity_check ok
    const numbers = caseNumbers(target);
    const k = numbers.length;
    console.log(`backup during writes: ${before + 1} cases acknowledged when it started, ${k} in the backup, ${after + 1} acknowledged when it ended`);
    // A snapshot: cases 0 … k−1 and nothing else, with every save's result and audit row, no save half there;
    // everything acknowledged before the backup started is in it, and nothing the writer had not yet committed.
    expect(numbers).toEqual(Array.from({ length: k }, (_, n) => n));
    expect(counts).toMatchObject({ cases: k, results: k, audit: k });
    expect(k).toBeGreaterThan(before);
    expect(k).toBeLessThanOrEqual(rowCounts(join(live, "kalkyle.db")).cases!);
    expect(backup.stdout.trim()).toBe(`Backup written: ${target} (${statSync(target).size.toLocaleString("en-GB")} bytes, ${k.toLocaleString("en-GB")} cases); integrity_check: ok`);
    // One file, no WAL beside it.
    expect(readdirSync(dir).filter((f) => f.startsWith("busy-backup") || f.startsWith(".busy-backup"))).toEqual(["busy-backup.db"]);

    const fresh = join(dir, "fresh");
    const restore = await kalkyleChild(["restore", target], { DATA_DIR: fresh });
    expect(restore.stderr).toBe("");
    expect(restore.status).toBe(0);
    expect(restore.stdout.trim()).toBe(`Restored ${target} (${k.toLocaleString("en-GB")} cases) into ${join(fresh, "kalkyle.db")}`);
    expect(rowCounts(join(fresh, "kalkyle.db"))).toEqual(counts);
    expect(readdirSync(fresh)).toEqual(["kalkyle.db"]);
  });

  it("restore refuses a damaged copy as a child process: exit 2, says what is wrong, no stack trace, the database untouched", async () => {
    const live = await seededDataDir("child-refusal", 30);
    const target = join(dir, "child-refusal.db");
    expect((await kalkyle(["backup", target], { DATA_DIR: live })).status).toBe(0);
    truncateSync(target, Math.floor(statSync(target).size / 2));
    const unchanged = snapshot(live);
    const { status, stdout, stderr } = await kalkyleChild(["restore", target], { DATA_DIR: live });
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(new RegExp(`^${target}: is damaged \\(integrity_check: .+\\); the current database is unchanged\\n$`));
    expect(stderr).not.toMatch(STACK);
    expect(snapshot(live)).toEqual(unchanged);
  });

  it("backup refuses to overwrite a file unless --force, and leaves no temporary file", async () => {
    const live = await seededDataDir("overwrite", 3);
    const out = join(dir, "overwrite-out");
    mkdirSync(out);
    const target = join(out, "kalkyle.bak");
    writeFileSync(target, "an older backup");
    const refused = await kalkyle(["backup", target], { DATA_DIR: live });
    expect(refused).toEqual({ status: 2, stdout: "", stderr: `${target} exists already; give --force to overwrite it` });
    expect(readFileSync(target, "utf8")).toBe("an older backup");
    expect((await kalkyle(["backup", target, "--lang", "nb"], { DATA_DIR: live })).stderr).toBe(`${target} finnes fra før; bruk --force for å skrive over den`);

    const forced = await kalkyle(["backup", target, "--force", "--lang", "nb"], { DATA_DIR: live });
    expect(forced.status).toBe(0);
    expect(forced.stdout).toBe(`Sikkerhetskopi skrevet: ${target} (${statSync(target).size.toLocaleString("nb-NO")} byte, 3 saker); integrity_check: ok`);
    expect(rowCounts(target).cases).toBe(3);
    expect(readdirSync(out)).toEqual(["kalkyle.bak"]);
  });

  it("backup without a database in DATA_DIR, or into a directory that does not exist: exit 2, naming the path", async () => {
    const empty = join(dir, "no-data");
    expect(await kalkyle(["backup", join(dir, "x.db")], { DATA_DIR: empty })).toEqual({
      status: 2,
      stdout: "",
      stderr: `${join(empty, "kalkyle.db")}: no database here (DATA_DIR is the directory where the server keeps kalkyle.db)`,
    });
    const live = await seededDataDir("no-directory", 1);
    expect((await kalkyle(["backup", join(dir, "nowhere", "x.db")], { DATA_DIR: live })).stderr).toBe(`${join(dir, "nowhere", "x.db")}: the directory does not exist`);
  });

  it("with DATABASE_URL set (PostgreSQL) both commands refuse and name pg_dump", async () => {
    const live = await seededDataDir("postgres", 1);
    for (const command of ["backup", "restore"]) {
      const { status, stdout, stderr } = await kalkyle([command, join(dir, "pg.db")], { DATA_DIR: live, DATABASE_URL: "postgresql://kalkyle@db/kalkyle" });
      expect({ status, stdout }).toEqual({ status: 2, stdout: "" });
      expect(stderr).toContain('pg_dump --format=custom --file=kalkyle.dump "$DATABASE_URL"');
    }
    expect(readdirSync(dir)).not.toContain("pg.db");
  });

  describe("restore refuses a file that is not a Kalkyle backup, and changes nothing", () => {
    let live: string;
    let good: string;
    beforeAll(async () => {
      live = await seededDataDir("refusals", 40);
      good = join(dir, "refusals-good.db");
      expect((await kalkyle(["backup", good], { DATA_DIR: await seededDataDir("refusals-source", 60) })).status).toBe(0);
    });

    function damaged(name: string, damage: (file: string) => void): string {
      const file = join(dir, name);
      copyFileSync(good, file);
      damage(file);
      return file;
    }

    /** Overwrites the cases table's root page with bytes that are no b-tree page. */
    function overwriteCasesRoot(file: string): void {
      const db = new Database(file, { readonly: true });
      const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'cases'").pluck().get() as number;
      const pageSize = db.pragma("page_size", { simple: true }) as number;
      db.close();
      const bytes = readFileSync(file);
      bytes.fill(0xab, (root - 1) * pageSize, root * pageSize);
      writeFileSync(file, bytes);
    }

    const cases: [string, (file: string) => void, RegExp][] = [
      ["truncated to half", (f) => truncateSync(f, Math.floor(statSync(f).size / 2)), /: is damaged \(integrity_check: .+\)/],
      ["a page overwritten", overwriteCasesRoot, /: is damaged \(integrity_check: .+\)/],
      ["its header overwritten", (f) => writeFileSync(f, Buffer.concat([Buffer.alloc(100, 0x41), readFileSync(f).subarray(100)])), /: is not a SQLite database;/],
      ["empty", (f) => truncateSync(f, 0), /: the file is empty;/],
      ["a text file", (f) => writeFileSync(f, "id;title\n1;Sak 1\n"), /: is not a SQLite database;/],
      [
        "another program's SQLite database",
        (f) => {
          rmSync(f);
          const other = new Database(f);
          other.exec("CREATE TABLE cases (id TEXT); CREATE TABLE invoices (id TEXT)");
          other.close();
        },
        /: is a SQLite database, but not Kalkyle's: the tables schema_migrations, results, sessions, meta, audit are missing;/,
      ],
      ["from a newer Kalkyle", (f) => new Database(f).exec("INSERT INTO schema_migrations VALUES (999, '2030-01-01T00:00:00Z')").close(), /: was made by a newer Kalkyle \(schema version 999; this one knows up to \d+\);/],
    ];

    it.each(cases)("%s: exit 2 with what is wrong; the database and its directory byte for byte as they were", async (name, damage, message) => {
      const file = damaged(`refuse-${name.replace(/\W+/g, "-")}.db`, damage);
      const unchanged = snapshot(live);
      const { status, stdout, stderr } = await kalkyle(["restore", file], { DATA_DIR: live });
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(new RegExp(`^${file}: .*; the current database is unchanged$`));
      expect(status).toBe(2);
      expect(snapshot(live)).toEqual(unchanged);
    });

    it("a file that does not exist, and the database itself: exit 2", async () => {
      expect(await kalkyle(["restore", join(dir, "missing.db")], { DATA_DIR: live })).toEqual({ status: 2, stdout: "", stderr: `${join(dir, "missing.db")}: no such file` });
      expect((await kalkyle(["restore", join(live, "kalkyle.db")], { DATA_DIR: live })).stderr).toBe(`${join(live, "kalkyle.db")} is the database itself`);
    });

    it("in Norwegian with --lang nb", async () => {
      const file = damaged("refuse-nb.db", (f) => writeFileSync(f, "ikke en database"));
      expect((await kalkyle(["restore", file, "--lang", "nb"], { DATA_DIR: live })).stderr).toBe(`${file}: er ikke en SQLite-database; den gjeldende databasen er uendret`);
    });
  });

  it("restore refuses while the database is open elsewhere (the server), then keeps the old database beside the restored one", async () => {
    const live = await seededDataDir("in-use", 5);
    const backup = join(dir, "in-use-backup.db");
    expect((await kalkyle(["backup", backup], { DATA_DIR: await seededDataDir("in-use-source", 8) })).status).toBe(0);
    const server = openSqliteStore(join(live, "kalkyle.db"));
    await (await testCases(server)).create(caseDocument(5), caseResult()); // committed to the WAL, not yet to the file
    const unchanged = snapshot(live);
    const refused = await kalkyle(["restore", backup], { DATA_DIR: live });
    expect(refused).toEqual({ status: 1, stdout: "", stderr: `${join(live, "kalkyle.db")} is open in another process (is the server running?); stop the server and try again. Nothing was changed.` });
    expect(snapshot(live)).toEqual(unchanged);

    // What a server killed now leaves behind: the file, a WAL with the sixth save, and the shared-memory index.
    const crashed = join(dir, "crashed");
    mkdirSync(crashed);
    expect(statSync(join(live, "kalkyle.db-wal")).size).toBeGreaterThan(0);
    for (const f of ["kalkyle.db", "kalkyle.db-wal", "kalkyle.db-shm"]) copyFileSync(join(live, f), join(crashed, f));
    await server.close();

    for (const dataDir of [live, crashed]) {
      const restored = await kalkyle(["restore", backup], { DATA_DIR: dataDir });
      expect(restored.status).toBe(0);
      const [previous, ...more] = readdirSync(dataDir).filter((f) => f.includes(".before-restore-"));
      expect(more).toEqual([]);
      expect(previous).toMatch(/^kalkyle\.db\.before-restore-\d{8}T\d{6}Z$/);
      expect(restored.stdout).toBe(`Restored ${backup} (8 cases) into ${join(dataDir, "kalkyle.db")}; the previous database is kept as ${join(dataDir, previous!)}`);
      // No -wal or -shm of the old database is left to be read with the restored one.
      expect(readdirSync(dataDir).sort()).toEqual(["kalkyle.db", previous].sort());
      expect(rowCounts(join(dataDir, "kalkyle.db")).cases).toBe(8);
      expect(rowCounts(join(dataDir, previous!)).cases).toBe(6);
    }
  });
});
