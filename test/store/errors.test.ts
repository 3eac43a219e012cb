/**
 * The store's typed errors: what each driver's codes mean to the user, the
 * same whichever store is behind the app, and how the web layer answers.
 */
import { describe, expect, it } from "vitest";
import { StoreConflictError, StoreUnavailableError, storeFailureOf, toStoreError, withStoreErrors } from "../../src/store/errors.js";
import { classify } from "../../src/web/errors.js";

const driverError = (code: string) => Object.assign(new Error(`driver says ${code}`), { code });

describe("store errors", () => {
  it.each([
    ["SQLITE_BUSY_SNAPSHOT", "conflict"],
    ["40001", "conflict"], // PostgreSQL serialization_failure
    ["40P01", "conflict"], // deadlock_detected
    ["23505", "conflict"], // unique_violation
    ["SQLITE_BUSY", "unavailable"],
    ["SQLITE_FULL", "unavailable"],
    ["SQLITE_READONLY", "unavailable"],
    ["08006", "unavailable"], // connection_failure
    ["53100", "unavailable"], // disk_full
    ["53300", "unavailable"], // too_many_connections
    ["57P01", "unavailable"], // admin_shutdown
    ["57P03", "unavailable"], // cannot_connect_now
    ["25006", "unavailable"], // read_only_sql_transaction
  ])("%s means %s", (code, failure) => {
    expect(storeFailureOf(driverError(code))).toBe(failure);
  });

  it.each(["SQLITE_CONSTRAINT_TRIGGER", "P0001", "42P01", "23503", "ECONNRESET"])("%s is none of them: passed on unchanged", (code) => {
    const error = driverError(code);
    expect(storeFailureOf(error)).toBeNull();
    expect(toStoreError(error)).toBe(error);
  });

  it("a translated error keeps the driver's error as its cause and no driver code of its own", () => {
    const error = driverError("40001");
    const typed = toStoreError(error) as StoreConflictError;
    expect(typed).toBeInstanceOf(StoreConflictError);
    expect(typed.cause).toBe(error);
    expect((typed as { code?: string }).code).toBeUndefined();
  });

  it("wrapped store methods reject with the typed error and resolve as before", async () => {
    const methods = withStoreErrors({ ok: async (n: number) => n * 2, full: async () => Promise.reject(driverError("53100")) });
    expect(await methods.ok(21)).toBe(42);
    await expect(methods.full()).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it("the web layer answers a conflict with 409 and an unavailable database with 503, from either store", () => {
    expect(classify(new StoreConflictError())).toMatchObject({ status: 409, key: "error.conflict" });
    expect(classify(new StoreUnavailableError())).toMatchObject({ status: 503, key: "error.unavailable" });
    expect(classify(driverError("40001"))).toMatchObject({ status: 409, key: "error.conflict" });
    expect(classify(driverError("57P01"))).toMatchObject({ status: 503, key: "error.unavailable" });
    expect(classify(driverError("P0001"))).toMatchObject({ status: 500 });
  });
});
