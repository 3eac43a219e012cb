/**
 * What only the SQLite store has: the pragmas it opens with. Everything
 * the stores share is in store.db.test.ts and two-instances.db.test.ts,
 * run against every adapter.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { StoreUnavailableError } from "../../src/store/errors.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { testCases } from "../support/test-organisation.js";

let dir: string;
let store: ReturnType<typeof openSqliteStore>;

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

  it("a database that has become read-only refuses saves with StoreUnavailableError, and reads go on", async () => {
    const cases = await testCases(store);
    const created = await cases.create({ schema: "kalkyle.case/1", title: "A", alternatives: [] });
    store.db.pragma("query_only = ON");
    await expect(cases.update(created.id, { schema: "kalkyle.case/1", title: "B", alternatives: [] })).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.throttle.recordFailure(["account:a@b.no"], Date.now())).rejects.toBeInstanceOf(StoreUnavailableError);
    expect((await cases.get(created.id))?.title).toBe("A");
  });
});
