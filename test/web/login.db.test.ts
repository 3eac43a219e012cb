/**
 * Logging in and sessions over HTTP, as a browser does them (issue 8, item
 * 1): the login form and its refusals, a new session id at every login,
 * the old one dead after login and logout, the cookie's flags, throttling
 * per account and per address (and what X-Forwarded-For may change), the
 * idle (8 h) and absolute (7 days) timeouts on a clock the test moves,
 * expired rows swept, no session row for a visitor, and the password rules.
 * On SQLite, and on PostgreSQL when KALKYLE_TEST_DATABASE_URL is set.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMIT, LOGIN_WINDOW_MS } from "../../src/app/accounts.js";
import { PasswordRefusedError } from "../../src/app/errors.js";
import type { Principal } from "../../src/app/principal.js";
import { sha256Hex } from "../../src/store/accounts.js";
import type { Store } from "../../src/store/store.js";
import { classify } from "../../src/web/errors.js";
import { translate, translateKey } from "../../src/web/i18n/catalog.js";
import { ABSOLUTE_MS, IDLE_MS, SESSION_COOKIE } from "../../src/web/session.js";
import { postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";
import { startServerProcess } from "../support/server-process.js";
import { countOf, rowsOf } from "../support/store-rows.js";
import { ADMIN_EMAIL, startTestServer, TEST_PASSWORD, TestClient, type TestServer } from "./harness.js";

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

/** The server's clock: real time plus however far the test has moved it. */
let offset = 0;
const advance = (ms: number) => (offset += ms);
const now = () => Date.now() + offset;

type Database = "sqlite" | "postgres";
/** A test server on this store (no examples: these tests need none). */
const start = async (database: Database, options: { clock?: () => Date; secureCookie?: boolean; trustProxy?: string } = {}) =>
  (database === "postgres" ? await startTestServer({ ...options, seed: false, database }) : await startTestServer({ ...options, seed: false })) as TestServer<Store>;

let server: TestServer<Store>;

const sessionRows = () => countOf(server.store, "SELECT count(*) AS n FROM sessions");
const rowOf = async (cookieValue: string) => (await rowsOf(server.store, "SELECT id FROM sessions WHERE id = ?", [sha256Hex(cookieValue)]))[0];
const sessionCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
const cookieValue = (client: TestClient) => new RegExp(`${SESSION_COOKIE}=([^;]*)`).exec(client.cookie)?.[1];

/** A visitor on the login page (its double-submit CSRF cookie and token), then the form sent. */
async function login(email: string, password: string, options: { client?: TestClient; lang?: "nb" | "en"; headers?: Record<string, string>; base?: string; next?: string } = {}): Promise<{ client: TestClient; res: Response; html: string }> {
  const client = options.client ?? new TestClient(options.base ?? server.publicUrl);
  const query = options.lang ? `?lang=${options.lang}` : "";
  // A signed-in browser is sent on from the login page; its forms carry the session's token, read from the case list.
  if ((await client.get(`/login${query}`)).res.status === 303) await client.get("/");
  const res = await client.request(`/login${query}`, {
    method: "POST",
    body: new URLSearchParams({ email, password, next: options.next ?? "/", _csrf: client.csrfToken }),
    headers: { "content-type": "application/x-www-form-urlencoded", ...options.headers },
  });
  return { client, res, html: await res.text() };
}

/** Whether the client's session is still good: the case list answers 200, or 303 to the login page. */
async function signedIn(client: TestClient): Promise<boolean> {
  const res = await client.request("/");
  if (res.status === 303) expect(res.headers.get("location")).toMatch(/^\/login\?next=/);
  else expect(res.status).toBe(200);
  return res.status === 200;
}

const runPostgres = postgresAvailable();
const STORES = [
  { name: "SQLite", database: "sqlite" as const, skip: false },
  { name: `PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, database: "postgres" as const, skip: !runPostgres },
];

describe.each(STORES)("on $name", ({ database, skip }) => {
  beforeAll(async () => {
    offset = 0;
    if (!skip) server = await start(database, { clock: () => new Date(now()) });
  });
  afterAll(async () => {
    await server?.close();
  });

  describe("a visitor who is not signed in", () => {
    it.skipIf(skip)("creates no session row: GET /login, GET / (sent to /login), a language switch", async () => {
      const before = await sessionRows();
      const visitor = new TestClient(server.publicUrl);
      expect((await visitor.get("/login")).res.status).toBe(200);
      const home = await visitor.request("/");
      expect(home.status).toBe(303);
      expect(home.headers.get("location")).toBe("/login?next=%2F");
      expect((await visitor.postForm("/lang", { lang: "en", returnTo: "/login" })).status).toBe(303);
      expect((await visitor.get("/login")).html).toContain(translate("en", "login.title"));
      expect(visitor.cookie).not.toContain(`${SESSION_COOKIE}=`);
      expect(await sessionRows()).toBe(before);
    });
  });

  describe("logging in", () => {
    it.skipIf(skip)("a wrong password: 401, the form again with a message (bokmål and English), no session row, no session cookie", async () => {
      const before = await sessionRows();
      const nb = await login(ADMIN_EMAIL, "feil-passord-helt-sikkert");
      expect(nb.res.status).toBe(401);
      expect(nb.html).toContain(translate("nb", "login.failed"));
      expect(nb.html).toContain('name="password"');
      expect(sessionCookie(nb.res)).toBeUndefined();
      const en = await login("nobody@test.kalkyle.no", "feil-passord-helt-sikkert", { lang: "en" });
      expect(en.res.status).toBe(401);
      expect(en.html).toContain(translate("en", "login.failed"));
      expect(await sessionRows()).toBe(before);
    });

    it.skipIf(skip)("the right password: a new session id, never the one the browser had before, which is dead", async () => {
      // A browser that brings a session id of its own making (fixation), and one already signed in.
      const planted = "A".repeat(43);
      const visitor = new TestClient(server.publicUrl);
      visitor.cookie = `${SESSION_COOKIE}=${planted}`;
      const first = await login(ADMIN_EMAIL, TEST_PASSWORD, { client: visitor });
      expect(first.res.status).toBe(303);
      expect(first.res.headers.get("location")).toBe("/");
      const firstId = cookieValue(visitor)!;
      expect(firstId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(firstId).not.toBe(planted);
      expect(await rowOf(planted)).toBeUndefined();
      expect(await signedIn(visitor)).toBe(true);

      await login(ADMIN_EMAIL, TEST_PASSWORD, { client: visitor });
      const secondId = cookieValue(visitor)!;
      expect(secondId).not.toBe(firstId);
      expect(await rowOf(firstId)).toBeUndefined();
      const old = new TestClient(server.publicUrl);
      old.cookie = `${SESSION_COOKIE}=${firstId}`;
      expect(await signedIn(old)).toBe(false);
      expect(await signedIn(visitor)).toBe(true);
    });

    it.skipIf(skip)("after login the visitor is back where they were sent from, and never sent to another site", async () => {
      const visitor = new TestClient(server.publicUrl);
      const asked = await visitor.request("/factors?q=diesel");
      expect(asked.status).toBe(303);
      const loginPage = await visitor.get(asked.headers.get("location")!);
      const next = /name="next" value="([^"]*)"/.exec(loginPage.html)?.[1]?.replace(/&#x3D;/g, "=").replace(/&amp;/g, "&");
      expect(next).toBe("/factors?q=diesel");
      expect((await login(ADMIN_EMAIL, TEST_PASSWORD, { client: visitor, next })).res.headers.get("location")).toBe("/factors?q=diesel");
      for (const elsewhere of ["//evil.example/", "https://evil.example/", "/\\evil.example", " /x"]) {
        const { res } = await login(ADMIN_EMAIL, TEST_PASSWORD, { next: elsewhere });
        expect(res.status, elsewhere).toBe(303);
        expect(res.headers.get("location"), elsewhere).toBe("/");
      }
    });

    it.skipIf(skip)("logging out ends the session: its row gone, the cookie cleared, the old cookie sent to /login", async () => {
      const { client } = await login(ADMIN_EMAIL, TEST_PASSWORD);
      const id = cookieValue(client)!;
      expect(await rowOf(id)).toBeDefined();
      await client.get("/");
      const out = await client.postForm("/logout", {});
      expect(out.status).toBe(303);
      expect(out.headers.get("location")).toBe("/login");
      expect(sessionCookie(out)).toMatch(/Max-Age=0/i);
      expect(await rowOf(id)).toBeUndefined();
      const old = new TestClient(server.publicUrl);
      old.cookie = `${SESSION_COOKIE}=${id}`;
      expect(await signedIn(old)).toBe(false);
    });

    it.skipIf(skip)("the session cookie is HttpOnly, SameSite=Lax, for the whole site, and not Secure over plain HTTP", async () => {
      const { res } = await login(ADMIN_EMAIL, TEST_PASSWORD);
      const cookie = sessionCookie(res)!;
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
      expect(cookie).not.toMatch(/;\s*Secure/i);
    });

    it.skipIf(skip)("a server started with secureCookie (served over HTTPS) marks it Secure", async () => {
      const secure = await start(database, { secureCookie: true });
      try {
        const { res } = await login(ADMIN_EMAIL, TEST_PASSWORD, { base: secure.publicUrl });
        expect(res.status).toBe(303);
        const cookie = sessionCookie(res)!;
        expect(cookie).toMatch(/;\s*Secure/i);
        expect(cookie).toMatch(/;\s*HttpOnly/i);
        expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      } finally {
        await secure.close();
      }
    });
  });

  describe("timeouts, on the server's clock", () => {
    it.skipIf(skip)("idle: a session used every 7 h 59 min lives on; 8 h without a request ends it", async () => {
      const { client } = await login(ADMIN_EMAIL, TEST_PASSWORD);
      advance(IDLE_MS - MINUTE);
      expect(await signedIn(client)).toBe(true);
      advance(IDLE_MS - MINUTE);
      expect(await signedIn(client)).toBe(true);
      advance(IDLE_MS + MINUTE);
      expect(await signedIn(client)).toBe(false);
    });

    it.skipIf(skip)("absolute: a session used every 7 h still ends 7 days after login", async () => {
      const { client } = await login(ADMIN_EMAIL, TEST_PASSWORD);
      let elapsed = 0;
      while (elapsed + 7 * HOUR < ABSOLUTE_MS) {
        advance(7 * HOUR);
        elapsed += 7 * HOUR;
        expect(await signedIn(client)).toBe(true);
      }
      // 23 × 7 h = 161 h; one minute short of 168 h (7 days) it is still good, one minute past it is not.
      expect(elapsed).toBe(161 * HOUR);
      advance(ABSOLUTE_MS - elapsed - MINUTE);
      expect(await signedIn(client)).toBe(true);
      advance(2 * MINUTE);
      expect(await signedIn(client)).toBe(false);
    });

    it.skipIf(skip)("expired rows are removed when the next session is made", async () => {
      const { client } = await login(ADMIN_EMAIL, TEST_PASSWORD);
      const id = cookieValue(client)!;
      advance(IDLE_MS + MINUTE);
      const expired = () => countOf(server.store, "SELECT count(*) AS n FROM sessions WHERE expires_at <= ?", [now()]);
      expect(await rowOf(id)).toBeDefined();
      expect(await expired()).toBeGreaterThan(0);
      await login(ADMIN_EMAIL, TEST_PASSWORD);
      expect(await expired()).toBe(0);
      expect(await rowOf(id)).toBeUndefined();
    });
  });

  describe("throttling failed logins", () => {
    it.skipIf(skip)(`a forged X-Forwarded-For does not reset the count per address: the ${LOGIN_LIMIT + 1}th attempt from one socket is 429, even with the right password`, async () => {
      advance(LOGIN_WINDOW_MS + MINUTE); // the failures of the tests above are out of the window
      for (let i = 0; i < LOGIN_LIMIT; i += 1) {
        const { res } = await login(`nobody-${i}@test.kalkyle.no`, "feil-passord-helt-sikkert", { headers: { "x-forwarded-for": `203.0.113.${i + 1}` } });
        expect(res.status).toBe(401);
      }
      const { res, html } = await login(ADMIN_EMAIL, TEST_PASSWORD, { headers: { "x-forwarded-for": "198.51.100.77" } });
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(html).toContain(translate("nb", "error.throttled"));
      expect(sessionCookie(res)).toBeUndefined();
      advance(LOGIN_WINDOW_MS + MINUTE);
      expect((await login(ADMIN_EMAIL, TEST_PASSWORD)).res.status).toBe(303);
    });

    describe("behind a proxy (TRUST_PROXY set)", () => {
      let proxied: TestServer<Store>;
      beforeAll(async () => {
        if (!skip) proxied = await start(database, { trustProxy: "1" });
      });
      afterAll(async () => proxied?.close());
      const from = (address: string) => ({ base: proxied.publicUrl, headers: { "x-forwarded-for": address } });

      it.skipIf(skip)(`per account: after ${LOGIN_LIMIT} failures from ${LOGIN_LIMIT} addresses, the next attempt from a new address is 429, the right password too`, async () => {
        const user = (await proxied.clientAs("buyer")).user;
        // the e-mail as typed, in capitals or with spaces around it, is one account
        const typed = (i: number) => [user.email, user.email.toUpperCase(), ` ${user.email} `][i % 3]!;
        for (let i = 0; i < LOGIN_LIMIT; i += 1) expect((await login(typed(i), "feil-passord-helt-sikkert", from(`203.0.113.${i + 1}`))).res.status).toBe(401);
        const { res, html } = await login(user.email, TEST_PASSWORD, { ...from("198.51.100.1"), lang: "en" });
        expect(res.status).toBe(429);
        expect(html).toContain(translate("en", "error.throttled"));
        // Another account from that address is not held back.
        expect((await login(ADMIN_EMAIL, TEST_PASSWORD, from("198.51.100.1"))).res.status).toBe(303);
      });

      it.skipIf(skip)(`per address: after ${LOGIN_LIMIT} failures on ${LOGIN_LIMIT} accounts from one address, its next attempt is 429; another address logs in`, async () => {
        for (let i = 0; i < LOGIN_LIMIT; i += 1) expect((await login(`nobody-${i}@test.kalkyle.no`, "feil-passord-helt-sikkert", from("203.0.113.200"))).res.status).toBe(401);
        expect((await login(ADMIN_EMAIL, TEST_PASSWORD, from("203.0.113.200"))).res.status).toBe(429);
        expect((await login(ADMIN_EMAIL, TEST_PASSWORD, from("203.0.113.201"))).res.status).toBe(303);
      });
    });
  });

  describe("password rules", () => {
    const admin = (): Principal => ({ ...server.admin, via: "web" });
    const add = (password: string, email = `ny-${Math.random().toString(36).slice(2)}@test.kalkyle.no`) => server.ctx.app.accounts.addMember(admin(), { email, name: "Ny Bruker", role: "buyer", password });
    const refusal = async (password: string) => {
      const error = await add(password).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PasswordRefusedError);
      const { status, key } = classify(error);
      return { status, problem: (error as PasswordRefusedError).problem, nb: translateKey("nb", key), en: translateKey("en", key) };
    };

    it.skipIf(skip)("7 characters are refused, with the reason in bokmål and English", async () => {
      expect(await refusal("abcdefg")).toEqual({ status: 400, problem: "too-short", nb: "Passordet må ha minst 8 tegn.", en: "The password must have at least 8 characters." });
    });

    it.skipIf(skip)('"password1" and "qwerty123" are refused as too common', async () => {
      for (const password of ["password1", "qwerty123", "Password1"]) {
        expect(await refusal(password)).toMatchObject({ status: 400, problem: "common", nb: expect.stringContaining("for vanlig"), en: expect.stringContaining("too common") });
      }
    });

    it.skipIf(skip)("on one's own page: 7 characters and common passwords refused with the reason in bokmål and English, 64 characters accepted and the next login uses it", async () => {
      const hash = async () => (await rowsOf(server.store, "SELECT password_hash FROM users WHERE email = ?", [ADMIN_EMAIL]))[0]!.password_hash;
      const before = await hash();
      const { client } = await login(ADMIN_EMAIL, TEST_PASSWORD);
      await client.get("/account");
      const change = async (next: string, lang: "nb" | "en") => {
        const res = await client.postForm(`/account/password?lang=${lang}`, { current: TEST_PASSWORD, next, repeat: next });
        return { status: res.status, html: await res.text() };
      };
      for (const lang of ["nb", "en"] as const) {
        const short = await change("abcdefg", lang);
        expect(short.status).toBe(400);
        expect(short.html).toContain(translate(lang, "password.too-short"));
        for (const common of ["password1", "qwerty123"]) {
          const refused = await change(common, lang);
          expect(refused.status).toBe(400);
          expect(refused.html).toContain(translate(lang, "password.common"));
        }
      }
      expect(await hash()).toBe(before);
      const sixtyFour = "Sju fjell og sju fjorder, og en sti som aldri tar slutt i Nordland";
      expect([...sixtyFour].length).toBeGreaterThanOrEqual(64);
      const accepted = await client.postForm("/account/password", { current: TEST_PASSWORD, next: sixtyFour, repeat: sixtyFour });
      expect(accepted.status).toBe(303);
      expect((await login(ADMIN_EMAIL, TEST_PASSWORD)).res.status).toBe(401);
      expect((await login(ADMIN_EMAIL, sixtyFour)).res.status).toBe(303);
      // back to the harness's password for whatever runs after
      const again = (await login(ADMIN_EMAIL, sixtyFour)).client;
      await again.get("/account");
      expect((await again.postForm("/account/password", { current: sixtyFour, next: TEST_PASSWORD, repeat: TEST_PASSWORD })).status).toBe(303);
    });

    it.skipIf(skip)("a passphrase of 64 characters and one of 100 are accepted, and log in over HTTP", async () => {
      const sixtyFour = "et langt passord om fjorden, fjellet og vinteren i Nordland 2026";
      expect([...sixtyFour].length).toBe(64);
      const hundred = `${sixtyFour} og om sommeren ved kysten før jula.`;
      expect([...hundred].length).toBe(100);
      for (const password of [sixtyFour, hundred]) {
        const email = `lang-${[...password].length}@test.kalkyle.no`;
        await add(password, email);
        const { res } = await login(email, password);
        expect(res.status).toBe(303);
      }
    });
  });
});

describe("the server as `npm start` runs it reads TRUST_PROXY", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** The built server on a fresh data folder, with TRUST_PROXY as given; after LOGIN_LIMIT failures from one forwarded address, what the administrator's right password gets from another. */
  async function afterFailures(trustProxy: string | undefined): Promise<number> {
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-proxy-"));
    dirs.push(dir);
    const env: Record<string, string> = { DATA_DIR: dir, KALKYLE_ADMIN_EMAIL: ADMIN_EMAIL, KALKYLE_ADMIN_PASSWORD: TEST_PASSWORD };
    if (trustProxy !== undefined) env.TRUST_PROXY = trustProxy;
    const running = await startServerProcess(env);
    try {
      for (let i = 0; i < LOGIN_LIMIT; i += 1) {
        const { res } = await login(`nobody-${i}@test.kalkyle.no`, "feil-passord-helt-sikkert", { base: running.url, headers: { "x-forwarded-for": "203.0.113.50" } });
        expect(res.status).toBe(401);
      }
      return (await login(ADMIN_EMAIL, TEST_PASSWORD, { base: running.url, headers: { "x-forwarded-for": "198.51.100.50" } })).res.status;
    } finally {
      await running.kill();
    }
  }

  it("with TRUST_PROXY=1 the count is the forwarded address's: another client behind the proxy still logs in", async () => {
    expect(await afterFailures("1")).toBe(303);
  }, 60_000);

  it("without it the header is ignored: every request is the proxy's (the socket's) address, and the 11th attempt is 429", async () => {
    expect(await afterFailures(undefined)).toBe(429);
  }, 60_000);
});
