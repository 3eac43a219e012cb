/**
 * What only PostgreSQL can show: saves that really wait on one another (a
 * row lock held from outside, released while both wait), TRUNCATE refused
 * on the audit log, and the database's failures (unreachable, read-only,
 * connections cut) arriving as typed store errors, never as driver codes.
 */
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/store/errors.js";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import type { CaseStore, SaveOutcome, Store } from "../../src/store/store.js";
import { testCases } from "../support/test-organisation.js";
import { classify } from "../../src/web/errors.js";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../support/postgres.js";

const doc = (title: string) => ({ schema: "kalkyle.case/1", title, analysis: { startYear: 2026, years: 10 }, alternatives: [{ id: "A", name: "A" }] });
const outcome = (saved: SaveOutcome) => (saved.ok ? `ok v${saved.saved.version}` : saved.reason);

describe.runIf(postgresAvailable())("PostgreSQL store", () => {
  let database: TestDatabase;
  let side: pg.Pool;
  let one: Store & { cases: CaseStore };
  let other: Store & { cases: CaseStore };
  beforeEach(async () => {
    database = await createTestDatabase();
    side = new pg.Pool({ connectionString: database.url, max: 2 });
    // DROP DATABASE … WITH (FORCE) may cut a connection that is still closing.
    side.on("error", () => {});
    const [a, b] = [await openPostgresStore(database.url, { maxConnections: 2 }), await openPostgresStore(database.url, { maxConnections: 2 })];
    [one, other] = [Object.assign(a, { cases: await testCases(a) }), Object.assign(b, { cases: await testCases(b) })];
  });
  afterEach(async () => {
    await Promise.allSettled([one.close(), other.close(), side.end()]);
    await database.drop();
  });

  /** Holds the case's row lock from outside while `saves` start, waits until both are blocked on it, then lets go. */
  async function whileRowLocked(id: string, saves: () => Promise<SaveOutcome>[]): Promise<string[]> {
    const holder = await side.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM cases WHERE id = $1 FOR UPDATE", [id]);
      const pending = saves();
      const waiting = async () => Number((await side.query("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kalkyle' AND wait_event_type = 'Lock'")).rows[0].n);
      for (let tries = 0; (await waiting()) < pending.length; tries++) {
        if (tries > 200) throw new Error("the saves never waited on the row lock");
        await new Promise((r) => setTimeout(r, 10));
      }
      await holder.query("COMMIT");
      return (await Promise.all(pending)).map(outcome).sort();
    } finally {
      holder.release();
    }
  }

  it("two saves of version 1 waiting on the same row: once it is free, one is saved and the other is a conflict", async () => {
    const created = await one.cases.create(doc("Lamper"));
    expect(await whileRowLocked(created.id, () => [one.cases.update(created.id, doc("Min"), 1), other.cases.update(created.id, doc("Din"), 1)])).toEqual(["conflict", "ok v2"]);
  });

  it("two saves without an expected version waiting on the same row: both land, one on top of the other", async () => {
    const created = await one.cases.create(doc("Stoler"));
    expect(await whileRowLocked(created.id, () => [one.cases.update(created.id, doc("Min")), other.cases.update(created.id, doc("Din"))])).toEqual(["ok v2", "ok v3"]);
  });

  it("a save waiting on a case that is deleted meanwhile is told the case is gone", async () => {
    const created = await one.cases.create(doc("Borte"));
    const holder = await side.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("DELETE FROM cases WHERE id = $1", [created.id]);
      const pending = other.cases.update(created.id, doc("For sent"), 1);
      await new Promise((r) => setTimeout(r, 100));
      await holder.query("COMMIT");
      expect(await pending).toEqual({ ok: false, reason: "not-found" });
    } finally {
      holder.release();
    }
  });

  it("refuses TRUNCATE of the audit log as well as UPDATE and DELETE", async () => {
    await one.cases.create(doc("A"));
    await expect(side.query("TRUNCATE audit")).rejects.toThrow(/append-only/);
    expect(Number((await side.query("SELECT count(*) AS n FROM audit WHERE entity_type = 'case'")).rows[0].n)).toBe(1);
  });

  it("keeps working after the server cut its connections (a restart or a failover)", async () => {
    const created = await one.cases.create(doc("A"));
    await side.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kalkyle'");
    await new Promise((r) => setTimeout(r, 100));
    expect((await one.cases.get(created.id))?.title).toBe("A");
  });

  it("a database that has become read-only refuses saves with StoreUnavailableError (503), and reads go on", async () => {
    const created = await one.cases.create(doc("A"));
    const name = new URL(database.url).pathname.slice(1);
    await side.query(`ALTER DATABASE ${name} SET default_transaction_read_only = on`);
    await side.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'kalkyle'");
    await new Promise((r) => setTimeout(r, 100));
    const refused = await one.cases.update(created.id, doc("B"), 1).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(classify(refused)).toMatchObject({ status: 503, key: "error.unavailable" });
    await expect(one.throttle.recordFailure(["account:a@b.no"], Date.now())).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await one.cases.get(created.id))?.version).toBe(1);
  });

  it("a server that cannot be reached is StoreUnavailableError at open, not a driver code", async () => {
    const unreachable = new URL(database.url);
    unreachable.port = "1";
    const refused = await openPostgresStore(unreachable.toString()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreUnavailableError);
    expect(classify(refused).status).toBe(503);
  });
});
