/**
 * Two store instances on one database, for every adapter: two SQLite
 * connections on one file, two PostgreSQL pools (two app processes behind
 * a load balancer, as far as the database can tell). What one saves the
 * other reads; the same version saved through both at once gives exactly
 * one save and one conflict.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SaveOutcome } from "../../src/store/store.js";
import { ADAPTERS, type TestDatabase, type TestStore } from "./adapters.js";

const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }, { id: "B", name: "B" }] });
const outcome = (saved: SaveOutcome) => (saved.ok ? "ok" : saved.reason);

describe.each(ADAPTERS)("two $name store instances on one database", (adapter) => {
  if (adapter.skipped) {
    it.skip(`skipped: ${adapter.skipped}`, () => {});
    return;
  }
  let database: TestDatabase;
  let one: TestStore;
  let other: TestStore;
  beforeEach(async () => {
    database = await adapter.database();
    [one, other] = [await database.open(), await database.open()];
  });
  afterEach(async () => database.drop());

  it("a case saved through one is read and listed by the other, and the other's update is seen by the first", async () => {
    const created = await one.cases.create(doc("Kontorstoler"));
    expect((await other.cases.get(created.id))?.title).toBe("Kontorstoler");
    expect((await other.cases.list({})).cases.map((c) => c.id)).toEqual([created.id]);
    const updated = await other.cases.update(created.id, doc("Kontorstoler, brukte"), 1);
    expect(updated.ok).toBe(true);
    expect(await one.cases.stamp(created.id)).toEqual({ version: 2, updatedAt: updated.ok ? updated.saved.updatedAt : "" });
  });

  it("a session saved through one is loaded by the other, and destroyed through the other is gone from the first", async () => {
    const user = await one.scoped({ organisationId: one.organisationId, actor: { userId: null, via: "system" } }).members.create({ email: "kari@kommune.no", name: "Kari", passwordHash: null }, "buyer");
    const userId = user.ok ? user.member.id : "";
    await one.sessions.create({ id: "browser-1", userId, organisationId: one.organisationId, data: { csrfToken: "token", lang: "en" }, createdAt: 0, seenAt: 0, expiresAt: 2_000_000_000_000 });
    expect((await other.sessions.load("browser-1", Date.now()))?.data).toEqual({ csrfToken: "token", lang: "en" });
    await other.sessions.destroy("browser-1");
    expect(await one.sessions.load("browser-1", Date.now())).toBeNull();
  });

  it("the same version saved through both at once: exactly one save and one conflict", async () => {
    const created = await one.cases.create(doc("Lamper"));
    const outcomes = await Promise.all([one.cases.update(created.id, doc("Min"), 1), other.cases.update(created.id, doc("Din"), 1)]);
    expect(outcomes.map(outcome).sort()).toEqual(["conflict", "ok"]);
    const winner = outcomes.find((o) => o.ok);
    expect(await other.cases.get(created.id)).toMatchObject({ version: 2, title: winner?.ok ? winner.saved.title : "" });
    expect((await database.rows(`SELECT action FROM audit WHERE entity_type = 'case' ORDER BY id`)).map((r) => r.action)).toEqual(["case.create", "case.update"]);
  });

  it("twenty saves of version 1 at once, ten through each: one is saved, nineteen are conflicts", async () => {
    const created = await one.cases.create(doc("Ryddig"));
    const saves = Array.from({ length: 20 }, (_, n) => (n % 2 === 0 ? one : other).cases.update(created.id, doc(`Versjon ${n}`), 1));
    const counts = (await Promise.all(saves)).map(outcome).reduce<Record<string, number>>((c, o) => ({ ...c, [o]: (c[o] ?? 0) + 1 }), {});
    expect(counts).toEqual({ ok: 1, conflict: 19 });
    expect((await one.cases.get(created.id))?.version).toBe(2);
  });

  it("saves without an expected version through both at once all land, one after the other", async () => {
    const created = await one.cases.create(doc("Stoler"));
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, n) => (n % 2 === 0 ? one : other).cases.update(created.id, doc(`Versjon ${n}`))));
    expect(outcomes.map((o) => (o.ok ? o.saved.version : 0)).sort()).toEqual([2, 3, 4, 5, 6, 7]);
    expect(await database.rows("SELECT action FROM audit WHERE entity_type = 'case'")).toHaveLength(7);
  });

  it("both seeding the examples at once seeds them once", async () => {
    const examples = [doc("E1"), doc("E2"), doc("E3")];
    const seeded = await Promise.all([one.cases.seedOnce(examples), other.cases.seedOnce(examples)]);
    expect(seeded.sort()).toEqual([0, 3]);
    expect((await other.cases.list({})).total).toBe(3);
  });

  it("both opening a new database at once migrate it once", async () => {
    const fresh = await adapter.database();
    try {
      await Promise.all([fresh.open(), fresh.open(), fresh.open()]);
      expect(await fresh.count("schema_migrations")).toBe((await database.rows("SELECT version FROM schema_migrations")).length);
    } finally {
      await fresh.drop();
    }
  });
});
