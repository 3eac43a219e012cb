/**
 * A real Kalkyle server for integration and browser tests: a fresh SQLite
 * file in a temp dir (or, with `database: "postgres"`, a fresh database on
 * the PostgreSQL test server, dropped at close: test/support/postgres.ts),
 * the bundled factors, the examples seeded, the real Chromium PDF renderer,
 * listening on an ephemeral loopback port.
 */
import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadExampleCases } from "../../src/examples.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import type { AppContext } from "../../src/web/context.js";
import { createKalkyleApp } from "../../src/web/kalkyle-app.js";
import { silentLogger } from "../../src/web/logger.js";
import { chromiumPdfRenderer } from "../../src/web/pdf.js";
import { createTestDatabase } from "../support/postgres.js";

type SqliteTestStore = ReturnType<typeof openSqliteStore>;
type PostgresTestStore = Awaited<ReturnType<typeof openPostgresStore>>;

export type TestServer<S = SqliteTestStore> = {
  url: string;
  dir: string;
  store: S;
  /** The PostgreSQL database's URL, for a second app process on it; undefined on SQLite. */
  databaseUrl?: string;
  pdf: ReturnType<typeof chromiumPdfRenderer>;
  ctx: AppContext;
  close(options?: { keepData?: boolean }): Promise<void>;
};

type TestServerOptions = { dir?: string; seed?: boolean; clock?: () => Date; secureCookie?: boolean; evaluationCacheBytes?: number; database?: "sqlite" | "postgres" };

/** The store under test and how to get rid of its data afterwards. */
async function openTestStore(dir: string, options: TestServerOptions): Promise<{ store: SqliteTestStore | PostgresTestStore; databaseUrl?: string; drop(): Promise<void> }> {
  if (options.database !== "postgres") return { store: openSqliteStore(join(dir, "kalkyle.db"), options.clock), drop: async () => undefined };
  const database = await createTestDatabase();
  return { store: await openPostgresStore(database.url, { clock: options.clock, maxConnections: 4 }), databaseUrl: database.url, drop: database.drop };
}

const library = loadFactorLibrary();

/**
 * `clock` is the store's (it is read inside each write transaction); `secureCookie` says the app is served over HTTPS;
 * `evaluationCacheBytes` bounds the evaluation cache (default: the app's); `database: "postgres"` runs on PostgreSQL
 * (KALKYLE_TEST_DATABASE_URL must be set: check postgresAvailable() first).
 */
export async function startTestServer(options?: TestServerOptions & { database?: "sqlite" }): Promise<TestServer>;
export async function startTestServer(options: TestServerOptions & { database: "postgres" }): Promise<TestServer<PostgresTestStore>>;
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer<SqliteTestStore | PostgresTestStore>> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "kalkyle-test-"));
  const { store, databaseUrl, drop } = await openTestStore(dir, options);
  if (options.seed !== false) await store.cases.seedOnce(loadExampleCases());
  const pdf = chromiumPdfRenderer();
  const { app, ctx, setPort, close: closeApp } = createKalkyleApp({ store, library, pdf, secureCookie: options.secureCookie, evaluationCacheBytes: options.evaluationCacheBytes, logger: silentLogger() });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  setPort(port);
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    store,
    databaseUrl,
    pdf,
    ctx,
    async close({ keepData = false } = {}) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await pdf.close();
      await closeApp();
      await store.close();
      if (!keepData) {
        rmSync(dir, { recursive: true, force: true });
        await drop();
      }
    },
  };
}

/** A cookie-keeping HTTP client that reads the CSRF token from the last HTML page. */
export class TestClient {
  cookie = "";
  csrfToken = "";
  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    const set = res.headers.getSetCookie();
    for (const c of set) this.cookie = c.split(";")[0]!;
    return res;
  }

  async get(path: string): Promise<{ res: Response; html: string }> {
    const res = await this.request(path);
    const html = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html);
    if (token) this.csrfToken = token[1]!;
    return { res, html };
  }

  /** POSTs a form (urlencoded), adding the CSRF token unless the fields give one. */
  async postForm(path: string, fields: Record<string, string> | [string, string][]): Promise<Response> {
    const body = new URLSearchParams(fields as Record<string, string>);
    if (!body.has("_csrf")) body.set("_csrf", this.csrfToken);
    return this.request(path, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded" } });
  }
}
