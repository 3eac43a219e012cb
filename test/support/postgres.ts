/**
 * PostgreSQL for the tests: the server named by KALKYLE_TEST_DATABASE_URL
 * (`.ci/run` starts a throw-away one with test/support/postgres.sh; locally:
 * `eval "$(bash test/support/postgres.sh start)"`). Each test gets its own
 * database, kalkyle_test_<random>, dropped afterwards, so test files run in
 * parallel on one server.
 *
 * Without the URL the PostgreSQL tests are skipped with a message, except
 * in CI or with KALKYLE_REQUIRE_POSTGRES=1, where a missing URL fails the run.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";

export const POSTGRES_URL = process.env.KALKYLE_TEST_DATABASE_URL?.trim() || undefined;

const isSet = (value: string | undefined) => value !== undefined && value !== "" && value !== "0" && value !== "false";
export const POSTGRES_REQUIRED = isSet(process.env.CI) || process.env.KALKYLE_REQUIRE_POSTGRES === "1";

export const POSTGRES_MISSING = "KALKYLE_TEST_DATABASE_URL is not set: start a server with `eval \"$(bash test/support/postgres.sh start)\"`";

/** Whether the PostgreSQL variants run; a missing URL throws where PostgreSQL is required, so the file fails. */
export function postgresAvailable(): boolean {
  if (POSTGRES_URL) return true;
  if (POSTGRES_REQUIRED) throw new Error(`PostgreSQL is required here (CI or KALKYLE_REQUIRE_POSTGRES=1) but ${POSTGRES_MISSING}`);
  console.warn(`PostgreSQL tests skipped: ${POSTGRES_MISSING}`);
  return false;
}

async function onServer(sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export type TestDatabase = { url: string; drop(): Promise<void> };

/** A new, empty database on the test server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!POSTGRES_URL) throw new Error(POSTGRES_MISSING);
  const name = `kalkyle_test_${randomBytes(6).toString("hex")}`;
  await onServer(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
