import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrate, openSqliteStore } from "../../src/store/sqlite-store.js";

let dir: string;
let store: ReturnType<typeof openSqliteStore>;
const result = (value: unknown) => ({ factorSet: "s", factorSetHash: "h", result: value, computedAt: "2026-01-01T00:00:00Z" });
const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }, { id: "B", name: "B" }] });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "kalkyle-store-"));
  store = openSqliteStore(join(dir, "k.db"));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("SQLite store", () => {
  it("opens with WAL, foreign keys, a 5 s busy timeout and synchronous FULL", () => {
    expect(store.db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(store.db.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(store.db.pragma("busy_timeout", { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(store.db.pragma("synchronous", { simple: true })).toBe(2);
  });

  it("running the migrations again is a no-op", () => {
    expect(migrate(store.db)).toBe(0);
    expect(store.db.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBe(1);
  });

  it("a failing migration step changes nothing and can be retried", () => {
    const next = [{ version: 2, sql: "CREATE TABLE extra (x INTEGER); INSERT INTO nowhere VALUES (1);" }];
    expect(() => migrate(store.db, next)).toThrow(/no such table: nowhere/);
    expect(store.db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0);
    expect(store.db.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(1);
    expect(migrate(store.db, [{ version: 2, sql: "CREATE TABLE extra (x INTEGER);" }])).toBe(1);
    expect(store.db.prepare("SELECT max(version) FROM schema_migrations").pluck().get()).toBe(2);
  });

  it("keeps what was saved across a reopen", async () => {
    const created = await store.cases.create(doc("Kontorstoler"));
    await store.close();
    store = openSqliteStore(join(dir, "k.db"));
    const again = await store.cases.get(created.id);
    expect(again?.document).toEqual(doc("Kontorstoler"));
    expect(again?.alternatives).toBe(2);
  });

  it("refuses an update against a stale version and bumps the version otherwise", async () => {
    const created = await store.cases.create(doc("A"));
    const first = await store.cases.update(created.id, doc("B"), 1);
    expect(first.ok && first.saved.version).toBe(2);
    expect(await store.cases.update(created.id, doc("C"), 1)).toEqual({ ok: false, reason: "conflict" });
    expect(await store.cases.update("missing", doc("C"))).toEqual({ ok: false, reason: "not-found" });
  });

  it("searches titles with % and _ taken literally", async () => {
    await store.cases.create(doc("100% ombruk"));
    await store.cases.create(doc("1000 ombruk"));
    const found = await store.cases.list({ search: "100%" });
    expect(found.cases.map((c) => c.title)).toEqual(["100% ombruk"]);
    const injection = await store.cases.list({ search: "' OR 1=1 --" });
    expect(injection.total).toBe(0);
  });

  it("seeds the examples once, and never again after the user deleted them", async () => {
    expect(await store.cases.seedOnce([doc("E1"), doc("E2")])).toBe(2);
    const { cases } = await store.cases.list({});
    for (const c of cases) await store.cases.remove(c.id);
    expect(await store.cases.seedOnce([doc("E1"), doc("E2")])).toBe(0);
    expect((await store.cases.list({})).total).toBe(0);
  });

  it("writes one audit row per change and refuses to alter the audit log", async () => {
    const created = await store.cases.create(doc("A"));
    await store.cases.update(created.id, doc("B"));
    await store.cases.remove(created.id);
    expect(store.db.prepare("SELECT action FROM audit ORDER BY id").pluck().all()).toEqual(["create", "update", "delete"]);
    expect(() => store.db.prepare("UPDATE audit SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => store.db.prepare("DELETE FROM audit").run()).toThrow(/append-only/);
  });

  it("deleting a case deletes its stored results", async () => {
    const created = await store.cases.create(doc("A"), result({ x: 1 }));
    expect((await store.cases.latestResult(created.id))?.result).toEqual({ x: 1 });
    await store.cases.remove(created.id);
    expect(new Database(join(dir, "k.db")).prepare("SELECT count(*) FROM results").pluck().get()).toBe(0);
  });

  it("keeps a version and its result together: version 1's result, then version 2's", async () => {
    const created = await store.cases.create(doc("A"), result({ total: 1 }));
    expect(await store.cases.latestResult(created.id)).toMatchObject({ caseId: created.id, version: 1, factorSet: "s", factorSetHash: "h", result: { total: 1 } });
    const updated = await store.cases.update(created.id, doc("B"), 1, result({ total: 2 }));
    expect(updated.ok && updated.saved.version).toBe(2);
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 2, result: { total: 2 } });
    expect(await store.cases.update(created.id, doc("C"), 1, result({ total: 3 }))).toEqual({ ok: false, reason: "conflict" });
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 2, result: { total: 2 } });
  });

  it("when the result cannot be written, the case version is not kept either (create and update)", async () => {
    const created = await store.cases.create(doc("A"), result({ total: 1 }));
    const before = { cases: store.db.prepare("SELECT id, version, title, document FROM cases").all(), audit: store.db.prepare("SELECT count(*) FROM audit").pluck().get() };
    store.db.exec("CREATE TRIGGER results_refused BEFORE INSERT ON results BEGIN SELECT RAISE(ABORT, 'results cannot be written'); END");
    await expect(store.cases.create(doc("New"), result({ total: 9 }))).rejects.toThrow(/results cannot be written/);
    await expect(store.cases.update(created.id, doc("B"), 1, result({ total: 2 }))).rejects.toThrow(/results cannot be written/);
    await expect(store.cases.update(created.id, doc("B"), undefined, result({ total: 2 }))).rejects.toThrow(/results cannot be written/);
    expect({ cases: store.db.prepare("SELECT id, version, title, document FROM cases").all(), audit: store.db.prepare("SELECT count(*) FROM audit").pluck().get() }).toEqual(before);
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 1, result: { total: 1 } });
  });

  it("a case that does not evaluate is saved without a result", async () => {
    const created = await store.cases.create(doc("A"));
    expect(await store.cases.latestResult(created.id)).toBeNull();
  });

  it("sessions expire", async () => {
    await store.sessions.save("s1", { lang: "en" }, 1000);
    expect(await store.sessions.load("s1", 999)).toEqual({ lang: "en" });
    expect(await store.sessions.load("s1", 1000)).toBeNull();
  });
});
