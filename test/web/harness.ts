/**
 * A real Kalkyle server for integration and browser tests: a fresh SQLite
 * file in a temp dir (or, with `database: "postgres"`, a fresh database on
 * the PostgreSQL test server, dropped at close: test/support/postgres.ts),
 * the bundled factors, the first start done (one
 * organisation, "Testkommune", its administrator, the examples seeded),
 * the real Chromium PDF renderer, listening on an ephemeral loopback port.
 *
 * Two addresses: `publicUrl` is the app as it is, where a visitor without
 * a session is sent to /login and the API answers 401 without a token;
 * `url` is the same app behind a small front that signs a request in
 * when it comes without credentials, as a browser that has logged in
 * would: a page request without a session cookie gets a new session of
 * the administrator (its cookie set in the answer, so a client keeps it,
 * and each new client has a session of its own), an /api/ request without
 * an Authorization header gets the administrator's API token (whatever
 * cookies it has: a script has a token, not a session). Requests with
 * their own cookie (pages) or token, and /login, /logout, static files and
 * the health probes, pass through unchanged. So a test that is not about
 * logging in reads like one that was written before logins, and the login
 * tests use `publicUrl`, `clientAs` and real logins.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { firstStart } from "../../src/app/first-start.js";
import { hashPassword } from "../../src/app/passwords.js";
import { loadExampleCases } from "../../src/examples.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { sha256Hex, type Role } from "../../src/store/accounts.js";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { SYSTEM_ACTOR, type CaseStore } from "../../src/store/store.js";
import type { AppContext } from "../../src/web/context.js";
import { createKalkyleApp } from "../../src/web/kalkyle-app.js";
import { silentLogger } from "../../src/web/logger.js";
import type { OidcSettings } from "../../src/web/oidc/settings.js";
import { chromiumPdfRenderer } from "../../src/web/pdf.js";
import { expiryOf, SESSION_COOKIE } from "../../src/web/session.js";
import { createTestDatabase } from "../support/postgres.js";

/** Every test user's password (the administrator's and those clientAs makes). */
export const TEST_PASSWORD = "rett-og-slett-et-testpassord";
export const ADMIN_EMAIL = "admin@test.kalkyle.no";

type SqliteTestStore = ReturnType<typeof openSqliteStore>;
type PostgresTestStore = Awaited<ReturnType<typeof openPostgresStore>>;
/** The store, with the test organisation's cases at hand (changes made by Kalkyle itself). */
type TestStore<S> = S & { cases: CaseStore };

export type TestUser = { userId: string; email: string; organisationId: string; role: Role };

export type TestServer<S = SqliteTestStore> = {
  url: string;
  publicUrl: string;
  dir: string;
  store: TestStore<S>;
  /** The PostgreSQL database's URL, for a second app process on it; undefined on SQLite. */
  databaseUrl?: string;
  pdf: ReturnType<typeof chromiumPdfRenderer>;
  ctx: AppContext;
  organisationId: string;
  admin: TestUser;
  /** The administrator's API token. */
  token: string;
  /** A client with a session of its own, as the administrator. */
  client(): TestClient;
  /** A new user with this role (in the test organisation, or another), and a client signed in as them. */
  clientAs(role: Role, options?: { organisationId?: string; email?: string }): Promise<TestClient & { user: TestUser }>;
  /** A new organisation (with no members yet). */
  createOrganisation(name: string): Promise<string>;
  /** A session for a user, made directly in the store: the cookie's value. */
  sessionFor(user: { userId: string; organisationId: string }): Promise<string>;
  close(options?: { keepData?: boolean }): Promise<void>;
};

type TestServerOptions = { dir?: string; seed?: boolean; clock?: () => Date; secureCookie?: boolean; evaluationCacheBytes?: number; trustProxy?: string; database?: "sqlite" | "postgres"; oidc?: (organisationId: string) => OidcSettings };

/** The store under test and how to get rid of its data afterwards. */
async function openTestStore(dir: string, options: TestServerOptions): Promise<{ store: SqliteTestStore | PostgresTestStore; databaseUrl?: string; drop(): Promise<void> }> {
  if (options.database !== "postgres") return { store: openSqliteStore(join(dir, "kalkyle.db"), options.clock), drop: async () => undefined };
  const database = await createTestDatabase();
  return { store: await openPostgresStore(database.url, { clock: options.clock, maxConnections: 4 }), databaseUrl: database.url, drop: database.drop };
}

/** A session for a user, made directly in the store (as a login would): the cookie's value. */
export async function makeSession(store: Pick<SqliteTestStore, "sessions">, user: { userId: string; organisationId: string }): Promise<string> {
  const value = randomBytes(32).toString("base64url");
  const at = Date.now();
  await store.sessions.create({ id: sha256Hex(value), userId: user.userId, organisationId: user.organisationId, data: {}, createdAt: at, seenAt: at, expiresAt: expiryOf(at, at) });
  return value;
}

const library = loadFactorLibrary();
let passwordHash: Promise<string> | undefined;

/**
 * `clock` is the store's (it is read inside each write transaction) and the sessions' and login throttling's; `secureCookie` says the app is served over HTTPS;
 * `evaluationCacheBytes` bounds the evaluation cache (default: the app's); `database: "postgres"` runs on PostgreSQL
 * (KALKYLE_TEST_DATABASE_URL must be set: check postgresAvailable() first); `trustProxy` is the app's TRUST_PROXY.
 */
export async function startTestServer(options?: TestServerOptions & { database?: "sqlite" }): Promise<TestServer>;
export async function startTestServer(options: TestServerOptions & { database: "postgres" }): Promise<TestServer<PostgresTestStore>>;
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer<SqliteTestStore | PostgresTestStore>> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), "kalkyle-test-"));
  const { store: opened, databaseUrl, drop } = await openTestStore(dir, options);
  const env = { KALKYLE_ADMIN_EMAIL: ADMIN_EMAIL, KALKYLE_ADMIN_PASSWORD: TEST_PASSWORD, KALKYLE_ORGANISATION: "Testkommune" };
  const first = await firstStart(opened, env, options.seed !== false ? loadExampleCases() : []);
  const adminUser = (await opened.accounts.userByEmail(ADMIN_EMAIL))!;
  const organisationId = first.organisationId;
  const admin: TestUser = { userId: adminUser.id, email: ADMIN_EMAIL, organisationId, role: "admin" };
  const store: TestStore<SqliteTestStore | PostgresTestStore> = Object.assign(opened, { cases: opened.scoped({ organisationId, actor: SYSTEM_ACTOR }).cases });
  const pdf = chromiumPdfRenderer();
  const { app, ctx, setPort, close: closeApp } = createKalkyleApp({ store, library, pdf, secureCookie: options.secureCookie, evaluationCacheBytes: options.evaluationCacheBytes, trustProxy: options.trustProxy, clock: options.clock, oidc: options.oidc?.(organisationId), logger: silentLogger() });
  const token = (await ctx.app.tokens.create({ ...admin, via: "web" }, { name: "test harness" })).secret;

  const sessionFor = (user: { userId: string; organisationId: string }) => makeSession(store, user);
  const signedIn = createServer(async (req, res) => {
    const path = req.url ?? "/";
    const api = path.startsWith("/api/");
    const passes = /^\/(healthz|readyz|static\/|vendor\/|login|logout)/.test(path) || req.headers.authorization !== undefined || (!api && new RegExp(`(^|;\\s*)${SESSION_COOKIE}=`).test(req.headers.cookie ?? ""));
    if (!passes && api) req.headers.authorization = `Bearer ${token}`;
    else if (!passes) {
      const value = await sessionFor(admin).catch(() => undefined);
      if (value) {
        req.headers.cookie = [req.headers.cookie, `${SESSION_COOKIE}=${value}`].filter(Boolean).join("; ");
        res.setHeader("Set-Cookie", [`${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax`]);
      }
    }
    app(req, res);
  });
  const listen = (server: Server) => new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as { port: number }).port)));
  const server: Server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const port = (server.address() as { port: number }).port;
  setPort(port);
  const url = `http://127.0.0.1:${await listen(signedIn)}`;

  const clientAs = async (role: Role, o: { organisationId?: string; email?: string } = {}) => {
    const org = o.organisationId ?? organisationId;
    const email = o.email ?? `${role}-${randomBytes(4).toString("hex")}@test.kalkyle.no`;
    const created = await store.scoped({ organisationId: org, actor: SYSTEM_ACTOR }).members.create({ email, name: `Test ${role}`, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)) }, role);
    if (!created.ok) throw new Error(`could not make ${email}`);
    const user: TestUser = { userId: created.member.id, email, organisationId: org, role };
    const client = new TestClient(url);
    client.cookie = `${SESSION_COOKIE}=${await sessionFor(user)}`;
    return Object.assign(client, { user });
  };
  return {
    url,
    publicUrl: `http://127.0.0.1:${port}`,
    dir,
    store,
    databaseUrl,
    pdf,
    ctx,
    organisationId,
    admin,
    token,
    client: () => new TestClient(url),
    clientAs,
    createOrganisation: async (name) => (await store.accounts.createOrganisation(name, SYSTEM_ACTOR)).id,
    sessionFor,
    async close({ keepData = false } = {}) {
      await Promise.all([server, signedIn].map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      server.closeAllConnections?.();
      signedIn.closeAllConnections?.();
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
  /** The cookies as the client sends them back ("a=1; b=2"); a cookie set again replaces its old value, one with Max-Age=0 goes. */
  cookie = "";
  csrfToken = "";
  constructor(readonly base: string) {}

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookie) headers.set("cookie", this.cookie);
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    const jar = new Map(this.cookie.split("; ").filter(Boolean).map((c) => [c.slice(0, c.indexOf("=")), c] as const));
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0]!;
      const name = pair.slice(0, pair.indexOf("="));
      if (/;\s*Max-Age=0/i.test(c)) jar.delete(name);
      else jar.set(name, pair);
    }
    this.cookie = [...jar.values()].join("; ");
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
