/**
 * The store's typed failures, whatever the database: another writer
 * committed first (a conflict, 409) or the database cannot take the
 * request now (busy, full, read-only, unreachable: 503). Each adapter
 * turns its driver's errors into these, so no SQLite or PostgreSQL code
 * reaches the web layer; any other error (a refused statement, a bug) is
 * passed on unchanged. A third, StoreFormatError, is the store's own: a
 * kept document this build cannot read (stored-documents.ts).
 */

export class StoreConflictError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("another save was committed first", options);
    this.name = "StoreConflictError";
  }
}

export class StoreUnavailableError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("the database cannot take the request now", options);
    this.name = "StoreUnavailableError";
  }
}

/**
 * A kept case or result this build cannot read: its `schema` field names
 * another format version (`found`, null when there is none), or a result
 * claims `kalkyle.result/1` but does not match it (`problems`, each
 * `path: message`). It is never handed on as something else; to the user
 * it is a server error (500), logged with this message.
 */
export class StoreFormatError extends Error {
  readonly document: "case" | "result";
  readonly found: string | null;
  readonly problems: readonly string[];
  constructor(details: { document: "case" | "result"; where: string; expected: string; found: string | null; problems?: readonly string[] }) {
    const { document, where, expected, found, problems = [] } = details;
    super(
      found !== expected
        ? `the stored ${document} of ${where} has format ${found === null ? "(none)" : JSON.stringify(found)}; this version of Kalkyle reads ${expected}`
        : `the stored ${document} of ${where} is not a valid ${expected}: ${problems.slice(0, 3).join("; ")}${problems.length > 3 ? ` (and ${problems.length - 3} more)` : ""}`,
    );
    this.name = "StoreFormatError";
    this.document = document;
    this.found = found;
    this.problems = problems;
  }
}

export type StoreFailure = "conflict" | "unavailable";

/**
 * What an error means to the user, from the typed errors or, for an error
 * that was not translated, from the driver's code:
 * - SQLite: SQLITE_BUSY_SNAPSHOT (another writer committed after this
 *   transaction read) is a conflict; BUSY, LOCKED, FULL, READONLY, IOERR,
 *   CANTOPEN are unavailable.
 * - PostgreSQL (SQLSTATE): 40001 serialization failure, 40P01 deadlock and
 *   23505 unique violation mean another writer won: a conflict; class 08
 *   (connection), class 53 (disk full, out of memory, too many
 *   connections), 57P01–57P03 (shutting down, cannot connect now) and 25006
 *   (read-only transaction, e.g. a standby) are unavailable.
 */
export function storeFailureOf(error: unknown): StoreFailure | null {
  if (error instanceof StoreConflictError) return "conflict";
  if (error instanceof StoreUnavailableError) return "unavailable";
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (code === "SQLITE_BUSY_SNAPSHOT" || code === "40001" || code === "40P01" || code === "23505") return "conflict";
  if (/^SQLITE_(BUSY|FULL|READONLY|IOERR|CANTOPEN|LOCKED)/.test(code)) return "unavailable";
  if (/^(08...|53...|57P0[123])$/.test(code) || code === "25006") return "unavailable";
  return null;
}

/** The typed error for a driver error that has one; any other error unchanged. */
export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreConflictError || error instanceof StoreUnavailableError) return error;
  const failure = storeFailureOf(error);
  if (failure === "conflict") return new StoreConflictError({ cause: error });
  if (failure === "unavailable") return new StoreUnavailableError({ cause: error });
  return error;
}

type AsyncMethods = Record<string, (...args: never[]) => Promise<unknown>>;

/** The same methods, each rejecting with a typed store error where the driver's error has one. */
export function withStoreErrors<T extends AsyncMethods>(methods: T): T {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] = async (...args: never[]) => {
      try {
        return await method(...args);
      } catch (error) {
        throw toStoreError(error);
      }
    };
  }
  return wrapped as T;
}
