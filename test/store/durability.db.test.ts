/**
 * kill -9 at random moments during a stream of multi-row writes (a case,
 * its update and two audit rows per save), 50 times (25 on each of two
 * files, killed side by side): the database passes
 * integrity_check every time, no acknowledged write is lost, and no
 * transaction is half there.
 */
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = new URL("../../", import.meta.url).pathname;
const RUNS = 50;
const dir = mkdtempSync(join(tmpdir(), "kalkyle-kill-"));
// Inside the checkout, so the bundle resolves better-sqlite3 from node_modules.
const writer = join(ROOT, "node_modules/.cache/kalkyle-test/durability-writer.mjs");
// Bundled once so that each of the 50 child processes starts in plain Node, not through tsx.
beforeAll(() => {
  buildSync({ entryPoints: [join(ROOT, "test/store/durability-writer.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: writer, external: ["better-sqlite3"] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeThenKill(file: string, delayMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, file], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let armed = false;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (!armed && out.includes("ready\n")) {
        armed = true;
        setTimeout(() => child.kill("SIGKILL"), delayMs);
      }
    });
    child.on("error", reject);
    child.on("exit", () => resolve(out.split("\n").filter((l) => l !== "" && l !== "ready")));
  });
}

/**
 * One database file killed under `kills` times in a row: the ids acknowledged, how many times it passed
 * integrity_check, and what is lost or half there at the end.
 */
async function killRepeatedly(file: string, kills: number) {
  const acknowledged: string[] = [];
  let integrityOk = 0;
  for (let run = 0; run < kills; run++) {
    acknowledged.push(...(await writeThenKill(file, 20 + Math.floor(Math.random() * 150))));
    const db = new Database(file, { readonly: true });
    if (db.pragma("integrity_check", { simple: true }) === "ok") integrityOk++;
    db.close();
  }
  const db = new Database(file, { readonly: true });
  const ids = new Set(db.prepare("SELECT id FROM cases").pluck().all() as string[]);
  const lost = acknowledged.filter((id) => !ids.has(id));
  // Each save is create (1 audit row) then update (1 audit row, version 2); a crash may
  // fall between the two transactions, never inside one.
  const partial = db.prepare("SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM audit a WHERE a.case_id = c.id) <> c.version").pluck().get() as number;
  db.close();
  return { acknowledged, integrityOk, lost, partial };
}

/** Two files killed side by side (half the kills each, one after another on each file), so both cores work. */
const FILES = 2;

describe("durability under kill -9", () => {
  it(`keeps every acknowledged write and no partial transaction over ${RUNS} kills`, async () => {
    const lanes = await Promise.all(Array.from({ length: FILES }, (_, i) => killRepeatedly(join(dir, `kill-${i}.db`), RUNS / FILES)));
    const acknowledged = lanes.flatMap((l) => l.acknowledged);
    const integrityOk = lanes.reduce((n, l) => n + l.integrityOk, 0);
    const lost = lanes.flatMap((l) => l.lost);
    const partial = lanes.reduce((n, l) => n + l.partial, 0);
    console.log(`durability: ${RUNS} kills on ${FILES} files, integrity_check ok ${integrityOk}/${RUNS}, ${acknowledged.length} acknowledged saves, ${lost.length} lost, ${partial} partial`);
    expect(integrityOk).toBe(RUNS);
    for (const lane of lanes) expect(lane.acknowledged.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect(partial).toBe(0);
  }, 240_000);
});
