/**
 * Sign-in with an identity provider against a real one: oidc-provider (the
 * certified Node implementation) on a loopback port, with Kalkyle as its
 * one client, its development login and consent forms driven the way a
 * browser would (redirects followed, cookies kept per site, forms posted).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oidcSettingsFrom } from "../../src/web/oidc/settings.js";
import { SESSION_COOKIE } from "../../src/web/session.js";
import type { Store } from "../../src/store/store.js";
import { postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";
import { startTestServer, type TestServer } from "./harness.js";

const CLIENT = { id: "kalkyle", secret: "a-client-secret-long-enough-for-hs256-0123456789" };
/** The people the provider knows: account id → their claims. */
const PEOPLE: Record<string, { email: string; name: string }> = {
  kari: { email: "Kari.Nordmann@Kommune.test", name: "Kari Nordmann" },
  "kari-again": { email: "KARI.NORDMANN@kommune.test", name: "Kari N." },
  ola: { email: "ola@kommune.test", name: "Ola Nordmann" },
  per: { email: "per@kommune.test", name: "Per Hansen" },
};

/** A browser: follows redirects, keeps each site's cookies (an expired one goes), remembers where it is. */
class Browser {
  private jars = new Map<string, Map<string, string>>();
  url = "";

  constructor(cookies: Record<string, Record<string, string>> = {}) {
    for (const [origin, pairs] of Object.entries(cookies)) this.jars.set(origin, new Map(Object.entries(pairs)));
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  async send(url: string, init: RequestInit = {}): Promise<Response> {
    const { origin } = new URL(url);
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const headers = new Headers(init.headers);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair = "", ...attributes] = c.split(";");
      const name = pair.slice(0, pair.indexOf("=")).trim();
      const expires = attributes.find((a) => /^\s*expires=/i.test(a));
      const gone = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || (expires !== undefined && Date.parse(expires.split("=")[1]!) < Date.now());
      if (gone) jar.delete(name);
      else jar.set(name, pair.slice(pair.indexOf("=") + 1));
    }
    this.url = url;
    return res;
  }

  /** Requests `url` and follows redirects, unless `stopBefore` says the next hop is one to look at first; the last response and its body. */
  async go(url: string, init: RequestInit = {}, stopBefore?: (next: URL) => boolean): Promise<{ res: Response; html: string; next?: URL }> {
    let res = await this.send(url, init);
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get("location")!, this.url);
      if (stopBefore?.(next)) return { res, html: "", next };
      res = await this.send(next.href);
    }
    return { res, html: await res.text() };
  }
}

const actionOf = (html: string) => /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replaceAll("&#x2F;", "/").replaceAll("&amp;", "&");
const promptOf = (html: string) => /name="prompt" value="(\w+)"/.exec(html)?.[1];

const runPostgres = postgresAvailable();
const STORES = [
  { name: "SQLite", skip: false, database: "sqlite" as const },
  { name: `PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, skip: !runPostgres, database: "postgres" as const },
];

describe.each(STORES)("sign-in with the municipality's identity provider (a real OpenID provider), on $name", ({ skip, database }) => {
  let idp: Server;
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  let issuer = "";
  let server: TestServer<Store>;
  let callbackUri = "";

  beforeAll(async () => {
    if (skip) return;
    // The provider's port first: the app must know the issuer, the provider the app's redirect URI.
    idp = createServer((req, res) => handle(req, res));
    await new Promise<void>((resolve) => idp.listen(0, "127.0.0.1", resolve));
    issuer = `http://127.0.0.1:${(idp.address() as { port: number }).port}`;
    const options = {
      seed: false,
      oidc: (organisationId: string) => oidcSettingsFrom({ OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT.id, OIDC_CLIENT_SECRET: CLIENT.secret, OIDC_NAME: "Testportalen" }, organisationId)!,
    };
    server = (database === "postgres" ? await startTestServer({ ...options, database }) : await startTestServer(options)) as TestServer<Store>;
    callbackUri = `${server.publicUrl}/login/oidc/callback`;
    const provider = new Provider(issuer, {
      clients: [{ client_id: CLIENT.id, client_secret: CLIENT.secret, redirect_uris: [callbackUri], grant_types: ["authorization_code"], response_types: ["code"] }],
      pkce: { required: () => true },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      cookies: { keys: ["test-cookie-key-0123456789"] },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      findAccount: async (_ctx, id) => (PEOPLE[id] ? { accountId: id, claims: async () => ({ sub: id, email: PEOPLE[id]!.email, email_verified: true, name: PEOPLE[id]!.name }) } : undefined),
    });
    handle = provider.callback();
  }, 30_000);

  afterAll(async () => {
    await server?.close();
    idp?.closeAllConnections();
    await new Promise((resolve) => (idp ? idp.close(resolve) : resolve(undefined)));
  });

  const toCallback = (next: URL) => next.href.startsWith(callbackUri);

  /** From the app's button to the provider's login form, logged in there as `account` and consent given: stops before the way back to Kalkyle. */
  async function signInAtProvider(browser: Browser, account: string): Promise<URL> {
    let step = await browser.go(`${server.publicUrl}/login/oidc?next=%2F`, {}, toCallback);
    for (let i = 0; !step.next && i < 3; i++) {
      expect(step.res.status, step.html).toBe(200);
      const prompt = promptOf(step.html);
      const fields: Record<string, string> = prompt === "login" ? { prompt, login: account, password: "anything" } : { prompt: prompt! };
      step = await browser.go(new URL(actionOf(step.html)!, browser.url).href, { method: "POST", body: new URLSearchParams(fields) }, toCallback);
    }
    return step.next!;
  }

  it.skipIf(skip)("the login page offers the provider's button", async () => {
    const { html } = await new Browser().go(`${server.publicUrl}/login`);
    expect(html).toContain("Logg inn med Testportalen");
    expect(html).toContain('href="/login/oidc?next&#x3D;%2F"'); // "=" as Handlebars escapes it
  });

  it.skipIf(skip)("the first sign-in makes the user a buyer in the configured organisation and opens the case list; the second finds the same user", async () => {
    const before = (await server.store.scoped({ organisationId: server.organisationId, actor: { userId: null, via: "system" } }).members.list()).length;
    const browser = new Browser();
    const back = await signInAtProvider(browser, "kari");
    // the redirect back carries code and state, never a token
    expect([...back.searchParams.keys()].sort()).toEqual(["code", "iss", "state"]);
    const { res, html } = await browser.go(back.href);
    expect(res.status).toBe(200);
    expect(browser.url).toBe(`${server.publicUrl}/`);
    expect(html).toContain('action="/logout"');
    expect(browser.cookie(server.publicUrl, SESSION_COOKIE)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browser.cookie(server.publicUrl, "kalkyle_oidc")).toBeUndefined();

    const user = (await server.store.accounts.userByEmail("kari.nordmann@kommune.test"))!;
    expect(user).toMatchObject({ email: "Kari.Nordmann@Kommune.test", name: "Kari Nordmann", passwordHash: null });
    expect(await server.store.accounts.memberships(user.id)).toEqual([{ organisationId: server.organisationId, organisationName: "Testkommune", role: "buyer" }]);
    const audit = await server.store.scoped({ organisationId: server.organisationId, actor: { userId: null, via: "system" } }).audit.list({ action: "user.create", entityId: user.id });
    expect(audit.entries).toHaveLength(1);
    expect(audit.entries[0]).toMatchObject({ actorId: null, via: "web", after: { email: "Kari.Nordmann@Kommune.test", name: "Kari Nordmann", role: "buyer" } });

    // again, in another browser, the provider giving the address in other letters: the same user, no second one
    const again = new Browser();
    await again.go((await signInAtProvider(again, "kari-again")).href);
    expect(again.url).toBe(`${server.publicUrl}/`);
    const members = await server.store.scoped({ organisationId: server.organisationId, actor: { userId: null, via: "system" } }).members.list();
    expect(members).toHaveLength(before + 1);
    expect(members.filter((m) => m.email.toLowerCase() === "kari.nordmann@kommune.test").map((m) => m.id)).toEqual([user.id]);
  });

  it.skipIf(skip)("a state altered on the way back shows the login page with an error, and no session or user is made", async () => {
    const browser = new Browser();
    const back = await signInAtProvider(browser, "ola");
    back.searchParams.set("state", `${back.searchParams.get("state")}x`);
    const { res, html } = await browser.go(back.href);
    expect(res.status).toBe(400);
    expect(html).toContain("Innloggingen hos Testportalen var utløpt eller ble ikke startet i denne nettleseren");
    expect(html).toContain('action="/login"');
    expect(browser.cookie(server.publicUrl, SESSION_COOKIE)).toBeUndefined();
    expect(await server.store.accounts.userByEmail("ola@kommune.test")).toBeNull();
    expect((await browser.go(`${server.publicUrl}/`)).res.status).toBe(200);
    expect(browser.url).toBe(`${server.publicUrl}/login?next=%2F`);
  });

  it.skipIf(skip)("a user who refuses at the provider comes back to the login page with a message in their language", async () => {
    const browser = new Browser({ [server.publicUrl]: { kalkyle_lang: "en" } });
    const login = await browser.go(`${server.publicUrl}/login/oidc`);
    expect(promptOf(login.html)).toBe("login");
    // the provider's own "abort" (its development form's cancel link)
    const { res, html } = await browser.go(`${new URL(actionOf(login.html)!, browser.url).href}/abort`);
    expect(browser.url).toContain(`${callbackUri}?error=access_denied`);
    expect(res.status).toBe(401);
    expect(html).toContain("The sign-in with Testportalen was cancelled or refused.");
    expect(browser.cookie(server.publicUrl, SESSION_COOKIE)).toBeUndefined();
  });

  it.skipIf(skip)("a provider that stops answering before the code is exchanged gives the login page with 503, not an error page", async () => {
    const browser = new Browser();
    const back = await signInAtProvider(browser, "per");
    handle = (req) => req.socket.destroy();
    const { res, html } = await browser.go(back.href);
    expect(res.status).toBe(503);
    expect(html).toContain("Testportalen svarer ikke akkurat nå");
    expect(browser.cookie(server.publicUrl, SESSION_COOKIE)).toBeUndefined();
    expect(await server.store.accounts.userByEmail("per@kommune.test")).toBeNull();
  });
});
