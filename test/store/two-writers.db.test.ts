/**
 * Two store instances (two connections, here two threads) on one SQLite
 * file, saving the same case at the same moment: one save wins and the
 * other is refused as a version conflict, never as a busy database. The
 * first writer is held inside its transaction (through its clock, which
 * the store reads there) while the rival saves.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { CaseStore } from "../../src/store/store.js";
import { testCases } from "../support/test-organisation.js";
import { startRival, type Rival } from "./rival.js";

const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }, { id: "B", name: "B" }] });

/** How long the held writer lets the rival try before it commits (the rival waits on the busy timeout meanwhile). */
const HOLD_MS = 500;

let dir: string;
let store: ReturnType<typeof openSqliteStore>;
let cases: CaseStore;
let rival: Rival;
let duringTransaction: (() => void) | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kalkyle-two-writers-"));
  const clock = () => {
    const act = duringTransaction;
    duringTransaction = undefined;
    act?.();
    return new Date();
  };
  store = openSqliteStore(join(dir, "k.db"), clock);
  cases = await testCases(store);
  rival = await startRival(new URL("./rival-store.ts", import.meta.url), { file: join(dir, "k.db") });
});
afterAll(async () => {
  await rival?.close();
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("two store instances saving one case at once", () => {
  it("both expecting version 1: the save holding the write lock wins, the rival gets a conflict, neither gets SQLITE_BUSY", async () => {
    const created = await cases.create(doc("Kontorstoler"));
    duringTransaction = () => rival.actNow({ id: created.id, document: doc("Rivalens versjon"), expectedVersion: 1 }, HOLD_MS);
    let mine: unknown;
    try {
      const saved = await cases.update(created.id, doc("Min versjon"), 1);
      mine = saved.ok ? { ok: true, version: saved.saved.version } : saved;
    } catch (error) {
      mine = { error: (error as { code?: string }).code };
    }
    const theirs = await rival.next();
    expect({ mine, theirs }).toEqual({ mine: { ok: true, version: 2 }, theirs: { ok: false, reason: "conflict" } });
    expect((await cases.get(created.id))?.title).toBe("Min versjon");
  });

  it("without an expected version the rival's save waits for the lock and then lands on top (version 3)", async () => {
    const created = await cases.create(doc("Lamper"));
    duringTransaction = () => rival.actNow({ id: created.id, document: doc("Rivalens versjon") }, HOLD_MS);
    const saved = await cases.update(created.id, doc("Min versjon"));
    expect(saved.ok && saved.saved.version).toBe(2);
    expect(await rival.next()).toEqual({ ok: true, version: 3 });
    expect((await cases.get(created.id))?.title).toBe("Rivalens versjon");
    expect(store.db.prepare("SELECT action FROM audit WHERE case_id = ? ORDER BY id").pluck().all(created.id)).toEqual(["case.create", "case.update", "case.update"]);
  });
});
