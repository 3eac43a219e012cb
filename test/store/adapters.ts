/**
 * Every store adapter, for the one store suite: each gives a fresh, empty
 * database on which any number of store instances can be opened (each its
 * own connection or pool: another process, as far as the database can
 * tell), and a connection beside them for the few checks that read or
 * change the database directly. SQLite always; PostgreSQL when
 * KALKYLE_TEST_DATABASE_URL is set (see test/support/postgres.ts).
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Migration } from "../../src/store/migrations.js";
import { migratePostgres, openPostgresStore } from "../../src/store/postgres-store.js";
import { migrate, openSqliteStore } from "../../src/store/sqlite-store.js";
import { SYSTEM_ACTOR, type CaseStore, type Store } from "../../src/store/store.js";
import { testOrganisation } from "../support/test-organisation.js";
import { createTestDatabase, postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";

/** A store instance with the cases of the database's test organisation at hand (changes made by Kalkyle itself). */
export type TestStore = Store & { cases: CaseStore; organisationId: string };

export type TestDatabase = {
  /** Another store instance on this database. */
  open(options?: { clock?: () => Date }): Promise<TestStore>;
  /** Rows of a statement run on a connection of its own (none for a statement that returns none). */
  rows(sql: string): Promise<Record<string, unknown>[]>;
  count(table: "cases" | "results" | "audit" | "sessions" | "schema_migrations" | "users" | "organisations" | "memberships" | "api_tokens" | "login_failures"): Promise<number>;
  tableExists(name: string): Promise<boolean>;
  migrate(migrations: readonly Migration[]): Promise<number>;
  /** From now on every insert into results fails inside the database (as a full disk or a broken constraint would). */
  refuseResults(): Promise<void>;
  /** Closes whatever is still open and deletes the database. */
  drop(): Promise<void>;
};

export type Adapter = { name: "SQLite" | "PostgreSQL"; skipped?: string; database(): Promise<TestDatabase> };

/** Store instances closed at drop if the test has not closed them; each with the test organisation (made by the first). */
function tracked() {
  const open = new Set<Store>();
  return {
    async add(store: Store): Promise<TestStore> {
      open.add(store);
      const organisationId = await testOrganisation(store);
      return { ...store, organisationId, cases: store.scoped({ organisationId, actor: SYSTEM_ACTOR }).cases, close: async () => void (open.delete(store) && (await store.close())) };
    },
    async closeAll() {
      for (const store of open) await store.close();
      open.clear();
    },
  };
}

const sqlite: Adapter = {
  name: "SQLite",
  async database() {
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-store-"));
    const file = join(dir, "k.db");
    const stores = tracked();
    let side: Database.Database | undefined;
    const db = () => (side ??= new Database(file));
    return {
      open: (options) => stores.add(openSqliteStore(file, options?.clock)),
      async rows(sql) {
        const statement = db().prepare(sql);
        if (statement.reader) return statement.all() as Record<string, unknown>[];
        statement.run();
        return [];
      },
      count: async (table) => db().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number,
      tableExists: async (name) => db().prepare("SELECT 1 FROM sqlite_schema WHERE name = ?").get(name) !== undefined,
      migrate: async (migrations) => migrate(db(), migrations),
      refuseResults: async () => void db().exec("CREATE TRIGGER results_refused BEFORE INSERT ON results BEGIN SELECT RAISE(ABORT, 'results cannot be written'); END"),
      async drop() {
        await stores.closeAll();
        side?.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgres: Adapter = {
  name: "PostgreSQL",
  async database() {
    const database = await createTestDatabase();
    const stores = tracked();
    const side = new pg.Pool({ connectionString: database.url, max: 2 });
    // DROP DATABASE … WITH (FORCE) may cut a connection that is still closing.
    side.on("error", () => {});
    const rows = async (sql: string) => (await side.query(sql)).rows as Record<string, unknown>[];
    return {
      open: async (options) => stores.add(await openPostgresStore(database.url, { clock: options?.clock, maxConnections: 4 })),
      rows,
      count: async (table) => Number((await rows(`SELECT count(*) AS n FROM ${table}`))[0]!.n),
      tableExists: async (name) => (await rows(`SELECT to_regclass('${name}') AS t`))[0]!.t !== null,
      migrate: (migrations) => migratePostgres(side, migrations),
      async refuseResults() {
        await side.query(`CREATE FUNCTION refuse_results() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'results cannot be written'; END $$;
          CREATE TRIGGER results_refused BEFORE INSERT ON results FOR EACH ROW EXECUTE FUNCTION refuse_results()`);
      },
      async drop() {
        await stores.closeAll();
        await side.end();
        await database.drop();
      },
    };
  },
};

/** SQLite, and PostgreSQL when its URL is set (in CI a missing URL throws here, failing the file). */
export const ADAPTERS: Adapter[] = [sqlite, postgresAvailable() ? postgres : { ...postgres, skipped: POSTGRES_MISSING }];
