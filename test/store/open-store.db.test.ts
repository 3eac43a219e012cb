/**
 * openStore picks the store from the environment: PostgreSQL when
 * DATABASE_URL is set, else SQLite's kalkyle.db in DATA_DIR.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/open-store.js";
import { testCases } from "../support/test-organisation.js";
import { createTestDatabase, postgresAvailable } from "../support/postgres.js";

describe("openStore", () => {
  it("without DATABASE_URL opens SQLite at DATA_DIR/kalkyle.db", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-open-"));
    try {
      const store = await openStore({ DATA_DIR: join(dir, "data"), DATABASE_URL: "  " });
      expect(store.kind).toBe("sqlite");
      await (await testCases(store)).create({ schema: "kalkyle.case/1", title: "A" });
      await store.close();
      expect(existsSync(join(dir, "data", "kalkyle.db"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.runIf(postgresAvailable())("with DATABASE_URL opens PostgreSQL there, migrated, and leaves DATA_DIR alone", async () => {
    const database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-open-"));
    try {
      const store = await openStore({ DATABASE_URL: database.url, DATA_DIR: join(dir, "data") });
      expect(store.kind).toBe("postgres");
      const cases = await testCases(store);
      const created = await cases.create({ schema: "kalkyle.case/1", title: "A" });
      expect((await cases.get(created.id))?.title).toBe("A");
      await store.close();
      expect(existsSync(join(dir, "data"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
