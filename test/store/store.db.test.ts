/**
 * The one store suite, run against every adapter (SQLite always,
 * PostgreSQL when KALKYLE_TEST_DATABASE_URL is set): the same cases, the
 * same answers. Each test gets a fresh database.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MIGRATIONS } from "../../src/store/migrations.js";
import type { Store } from "../../src/store/store.js";
import { ADAPTERS, type TestDatabase } from "./adapters.js";

const result = (value: unknown) => ({ factorSet: "s", factorSetHash: "h", result: value, computedAt: "2026-01-01T00:00:00Z" });
const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }, { id: "B", name: "B" }] });
const LATEST = Math.max(...MIGRATIONS.map((m) => m.version));

describe.each(ADAPTERS)("$name store", (adapter) => {
  if (adapter.skipped) {
    it.skip(`skipped: ${adapter.skipped}`, () => {});
    return;
  }
  let database: TestDatabase;
  let store: Store;
  beforeEach(async () => {
    database = await adapter.database();
    store = await database.open();
  });
  afterEach(async () => database.drop());

  it("running the migrations again is a no-op", async () => {
    expect(await database.migrate(MIGRATIONS)).toBe(0);
    expect(await database.count("schema_migrations")).toBe(MIGRATIONS.length);
  });

  it("a failing migration step changes nothing and can be retried", async () => {
    const next = LATEST + 1;
    await expect(database.migrate([{ version: next, sql: "CREATE TABLE extra (x INTEGER); INSERT INTO nowhere VALUES (1);" }])).rejects.toThrow(/nowhere/);
    expect(await database.tableExists("extra")).toBe(false);
    expect(await database.rows("SELECT max(version) AS v FROM schema_migrations")).toEqual([{ v: LATEST }]);
    expect(await database.migrate([{ version: next, sql: "CREATE TABLE extra (x INTEGER);" }])).toBe(1);
    expect(await database.rows("SELECT max(version) AS v FROM schema_migrations")).toEqual([{ v: next }]);
  });

  it("keeps what was saved across a reopen, the document exactly as saved (key order, text, æøå)", async () => {
    const document = { ...doc("Kontorstoler på Tøyen"), zeta: "1234.50", alpha: { b: [1, 2.5, null], a: "«sitat»" } };
    const created = await store.cases.create(document);
    await store.close();
    store = await database.open();
    const again = await store.cases.get(created.id);
    expect(JSON.stringify(again?.document)).toBe(JSON.stringify(document));
    expect(again).toMatchObject({ title: "Kontorstoler på Tøyen", alternatives: 2, version: 1 });
  });

  it("stamps a save with the store's clock, to the millisecond, and says the same in get, stamp and list", async () => {
    const at = new Date("2026-03-01T10:20:30.456Z");
    const clocked = await database.open({ clock: () => at });
    const created = await clocked.cases.create(doc("A"));
    expect(created).toMatchObject({ createdAt: at.toISOString(), updatedAt: at.toISOString() });
    expect(await store.cases.stamp(created.id)).toEqual({ version: 1, updatedAt: "2026-03-01T10:20:30.456Z" });
    expect((await store.cases.list({})).cases[0]?.updatedAt).toBe("2026-03-01T10:20:30.456Z");
    expect(await store.cases.stamp("missing")).toBeNull();
  });

  it("refuses an update against a stale version and bumps the version otherwise", async () => {
    const created = await store.cases.create(doc("A"));
    const first = await store.cases.update(created.id, doc("B"), 1);
    expect(first.ok && first.saved.version).toBe(2);
    expect(await store.cases.update(created.id, doc("C"), 1)).toEqual({ ok: false, reason: "conflict" });
    expect(await store.cases.update("missing", doc("C"))).toEqual({ ok: false, reason: "not-found" });
    expect(await store.cases.update("missing", doc("C"), 1)).toEqual({ ok: false, reason: "not-found" });
  });

  it("searches titles with % and _ taken literally, whatever the case of the letters", async () => {
    await store.cases.create(doc("100% ombruk"));
    await store.cases.create(doc("1000 ombruk"));
    expect((await store.cases.list({ search: "100%" })).cases.map((c) => c.title)).toEqual(["100% ombruk"]);
    expect((await store.cases.list({ search: "OMBRUK" })).total).toBe(2);
    expect((await store.cases.list({ search: "' OR 1=1 --" })).total).toBe(0);
    expect((await store.cases.list({ search: "\\" })).total).toBe(0);
  });

  it("lists the newest first, a page at a time, with the total of all", async () => {
    let tick = Date.parse("2026-01-01T00:00:00Z");
    const clocked = await database.open({ clock: () => new Date((tick += 1000)) });
    for (const title of ["a", "b", "c", "d", "e"]) await clocked.cases.create(doc(title));
    const page = await store.cases.list({ limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 5, cases: [{ title: "d", alternatives: 2, version: 1 }, { title: "c" }] });
  });

  it("seeds the examples once, and never again after the user deleted them", async () => {
    expect(await store.cases.seedOnce([doc("E1"), doc("E2")])).toBe(2);
    const { cases } = await store.cases.list({});
    for (const c of cases) await store.cases.remove(c.id);
    expect(await store.cases.seedOnce([doc("E1"), doc("E2")])).toBe(0);
    expect((await store.cases.list({})).total).toBe(0);
    expect(await store.cases.remove(cases[0]!.id)).toBe(false);
  });

  it("writes one audit row per change and refuses to alter the audit log", async () => {
    const created = await store.cases.create(doc("A"));
    await store.cases.update(created.id, doc("B"));
    await store.cases.remove(created.id);
    expect((await database.rows("SELECT action FROM audit ORDER BY id")).map((r) => r.action)).toEqual(["create", "update", "delete"]);
    await expect(database.rows("UPDATE audit SET action = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.rows("DELETE FROM audit")).rejects.toThrow(/append-only/);
    expect(await database.count("audit")).toBe(3);
  });

  it("deleting a case deletes its stored results", async () => {
    const created = await store.cases.create(doc("A"), result({ x: 1 }));
    expect((await store.cases.latestResult(created.id))?.result).toEqual({ x: 1 });
    await store.cases.remove(created.id);
    expect(await database.count("results")).toBe(0);
  });

  it("keeps a version and its result together: version 1's result, then version 2's", async () => {
    const created = await store.cases.create(doc("A"), result({ total: 1 }));
    expect(await store.cases.latestResult(created.id)).toEqual({ caseId: created.id, version: 1, factorSet: "s", factorSetHash: "h", result: { total: 1 }, computedAt: "2026-01-01T00:00:00Z" });
    const updated = await store.cases.update(created.id, doc("B"), 1, result({ total: 2 }));
    expect(updated.ok && updated.saved.version).toBe(2);
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 2, result: { total: 2 } });
    expect(await store.cases.update(created.id, doc("C"), 1, result({ total: 3 }))).toEqual({ ok: false, reason: "conflict" });
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 2, result: { total: 2 } });
  });

  it("when the result cannot be written, the case version is not kept either (create and update)", async () => {
    const created = await store.cases.create(doc("A"), result({ total: 1 }));
    const snapshot = async () => ({ cases: await database.rows("SELECT id, version, title, document FROM cases ORDER BY id"), audit: await database.count("audit") });
    const before = await snapshot();
    await database.refuseResults();
    await expect(store.cases.create(doc("New"), result({ total: 9 }))).rejects.toThrow(/results cannot be written/);
    await expect(store.cases.update(created.id, doc("B"), 1, result({ total: 2 }))).rejects.toThrow(/results cannot be written/);
    await expect(store.cases.update(created.id, doc("B"), undefined, result({ total: 2 }))).rejects.toThrow(/results cannot be written/);
    expect(await snapshot()).toEqual(before);
    expect(await store.cases.latestResult(created.id)).toMatchObject({ version: 1, result: { total: 1 } });
    // The store goes on working after the refusals.
    expect((await store.cases.update(created.id, doc("B"), 1)).ok).toBe(true);
  });

  it("a case that does not evaluate is saved without a result", async () => {
    const created = await store.cases.create(doc("A"));
    expect(await store.cases.latestResult(created.id)).toBeNull();
  });

  it("sessions expire, change and can be destroyed", async () => {
    await store.sessions.save("s1", { lang: "en" }, 1000);
    expect(await store.sessions.load("s1", 999)).toEqual({ lang: "en" });
    expect(await store.sessions.load("s1", 1000)).toBeNull();
    await store.sessions.save("s1", { lang: "nb", csrfToken: "t" }, 2_000_000_000_000);
    expect(await store.sessions.load("s1", 1000)).toEqual({ lang: "nb", csrfToken: "t" });
    await store.sessions.destroy("s1");
    expect(await store.sessions.load("s1", 1000)).toBeNull();
  });
});
