/**
 * Security properties of the whole app, against a real server and SQLite:
 * CSRF on every state-changing HTML route (found by walking the app's
 * router, so a new route is tested without being listed here), security
 * headers on every kind of response, body limits, resilience to floods of
 * bad requests, and GET routes that write nothing.
 */
import type { Express } from "express";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { createKalkyleApp } from "../../src/web/kalkyle-app.js";
import { silentLogger } from "../../src/web/logger.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { twoAlternativeCase } from "../support/two-alternatives.js";

type Route = { method: string; path: string };
type Layer = { route?: { path: string; methods: Record<string, boolean> }; slash: boolean; handle: { stack?: Layer[] } };

/**
 * Every route of the app, walking Express 5's router: routers mounted at "/" (layer.slash) hold
 * the HTML routes; the one router mounted elsewhere is the JSON API at /api/v1.
 */
function appRoutes(app: Express): { html: Route[]; api: Route[] } {
  const html: Route[] = [];
  const api: Route[] = [];
  const walk = (stack: Layer[], into: Route[]) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) into.push({ method: method.toUpperCase(), path: layer.route.path });
      else if (layer.handle.stack) walk(layer.handle.stack, layer.slash ? into : api);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, html);
  return { html, api: api.map((r) => ({ ...r, path: `/api/v1${r.path}` })) };
}

function discoverRoutes(): { html: Route[]; api: Route[] } {
  const store = openSqliteStore(":memory:");
  const { app } = createKalkyleApp({ store, library: loadFactorLibrary(), pdf: { render: async () => Buffer.alloc(0), close: async () => undefined }, logger: silentLogger() });
  const routes = appRoutes(app);
  void store.close();
  return routes;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const routes = discoverRoutes();
const stateChanging = routes.html.filter((r) => !SAFE_METHODS.has(r.method));
const getRoutes = [...routes.html, ...routes.api].filter((r) => r.method === "GET");

const validCase = twoAlternativeCase;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const count = (table: "cases" | "results" | "audit"): number => server.store.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const counts = () => ({ cases: count("cases"), results: count("results"), audit: count("audit") });
/** The path of a route with every parameter filled: :id with the given case id, others with "x". */
const fill = (path: string, id: string) => path.replace(/:id\b/g, encodeURIComponent(id)).replace(/:\w+/g, "x").replace(/\*\w+/g, "x");

async function newClient(): Promise<TestClient> {
  const client = new TestClient(server.url);
  await client.get("/");
  expect(client.csrfToken).not.toBe("");
  return client;
}

/** A urlencoded POST (or other method) with exactly these fields: no token is added. */
function send(client: TestClient, route: Route, path: string, fields: Record<string, string>): Promise<Response> {
  return client.request(path, { method: route.method, body: new URLSearchParams(fields), headers: { "content-type": "application/x-www-form-urlencoded" } });
}

const FIELDS: Record<string, Record<string, string>> = { "/lang": { lang: "en", returnTo: "/" } };

describe("CSRF on every state-changing HTML route", () => {
  it("the app's router has the routes this test must cover", () => {
    const paths = stateChanging.map((r) => `${r.method} ${r.path}`);
    expect(paths).toEqual(expect.arrayContaining(["POST /lang", "POST /cases/:id/duplicate", "POST /cases/:id/delete"]));
    console.info(`state-changing HTML routes: ${paths.join(", ")}`);
  });

  it.each(stateChanging.map((r) => [`${r.method} ${r.path}`, r] as const))("%s: no token, a wrong token, another session's token → 403 and nothing written; its own token → not 403", async (_name, route) => {
    const stored = await server.store.cases.create(validCase(`CSRF ${route.path}`));
    const path = fill(route.path, stored.id);
    const fields = FIELDS[route.path] ?? {};
    const client = await newClient();
    const other = await newClient();
    const before = counts();
    const refused = [
      await send(client, route, path, fields),
      await send(client, route, path, { ...fields, _csrf: randomBytes(32).toString("hex") }),
      await send(client, route, path, { ...fields, _csrf: other.csrfToken }),
      await client.request(path, { method: route.method, headers: { "x-csrf-token": other.csrfToken } }),
      await send(new TestClient(server.url), route, path, { ...fields, _csrf: client.csrfToken }),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(counts()).toEqual(before);
    expect(await server.store.cases.get(stored.id)).toMatchObject({ version: stored.version });

    const accepted = await send(client, route, path, { ...fields, _csrf: client.csrfToken });
    expect(accepted.status).not.toBe(403);
    expect(accepted.status).toBeLessThan(500);
  });

  it.skipIf(!stateChanging.some((r) => r.path === "/import"))("POST /import as multipart: no token or another session's token → 403; its own → not 403", async () => {
    const client = await newClient();
    const other = await newClient();
    const form = (token?: string) => {
      const data = new FormData();
      if (token !== undefined) data.set("_csrf", token);
      data.set("file", new Blob([JSON.stringify(validCase("Importert"))], { type: "application/json" }), "case.json");
      return data;
    };
    const before = counts();
    expect((await client.request("/import", { method: "POST", body: form() })).status).toBe(403);
    expect((await client.request("/import", { method: "POST", body: form(other.csrfToken) })).status).toBe(403);
    expect(counts()).toEqual(before);
    const accepted = await client.request("/import", { method: "POST", body: form(client.csrfToken) });
    expect(accepted.status).not.toBe(403);
    expect(accepted.status).toBeLessThan(500);
  });
});

describe("security headers on every kind of response", () => {
  function expectHeaders(res: Response, what: string): void {
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name = "", ...values]) => [name, values]));
    expect(directives.get("script-src"), `${what}: ${csp}`).toEqual(["'self'"]);
    expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directives.get("object-src"), what).toEqual(["'none'"]);
    expect(directives.get("base-uri"), what).toEqual(["'none'"]);
    // one frame policy, said twice: no page may be framed by anyone, itself included
    expect(directives.get("frame-ancestors"), what).toEqual(["'none'"]);
    expect(res.headers.get("x-frame-options"), what).toBe("DENY");
    // served over plain HTTP here: an HSTS header would lock browsers out of an HTTP-only install
    expect(res.headers.get("strict-transport-security"), what).toBeNull();
    expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(res.headers.get("referrer-policy"), what).toBeTruthy();
    expect(res.headers.get("x-powered-by"), what).toBeNull();
  }

  it("HTML, JSON, static files, downloads and errors all carry them", async () => {
    const stored = await server.store.cases.create(validCase("Headers"));
    const client = await newClient();
    const big = new URLSearchParams({ _csrf: client.csrfToken, lang: "x".repeat(1_500_000) });
    const responses: [string, Response][] = [
      ["HTML page", await fetch(`${server.url}/`)],
      ["JSON", await fetch(`${server.url}/api/v1/cases`)],
      ["JSON POST", await fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(validCase("x")) })],
      ["static CSS", await fetch(`${server.url}/static/css/kalkyle.css`)],
      ["vendor script", await fetch(`${server.url}/vendor/chart.js/chart.umd.min.js`)],
      ["CSV download", await fetch(`${server.url}/cases/${stored.id}/export.csv`)],
      ["HTML 404", await fetch(`${server.url}/no/such/page`)],
      ["JSON 404", await fetch(`${server.url}/api/v1/cases/none`)],
      ["JSON 400", await fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: "{" })],
      ["HTML 403", await fetch(`${server.url}/lang`, { method: "POST", body: new URLSearchParams({ lang: "en" }) })],
      ["HTML 413", await client.request("/lang", { method: "POST", body: big, headers: { "content-type": "application/x-www-form-urlencoded" } })],
    ];
    expect(responses.map(([what, r]) => `${what} ${r.status}`)).toEqual(["HTML page 200", "JSON 200", "JSON POST 200", "static CSS 200", "vendor script 200", "CSV download 200", "HTML 404 404", "JSON 404 404", "JSON 400 400", "HTML 403 403", "HTML 413 413"]);
    for (const [what, res] of responses) expectHeaders(res, what);
  });
});

describe("HSTS only over HTTPS", () => {
  it("with secureCookie (the app is behind HTTPS) every kind of response says max-age=31536000; includeSubDomains", async () => {
    const https = await startTestServer({ seed: false, secureCookie: true });
    try {
      const stored = await https.store.cases.create(validCase("HSTS"));
      const paths = ["/", "/api/v1/cases", "/static/css/kalkyle.css", `/cases/${stored.id}/export.csv`, "/no/such/page"];
      for (const path of paths) {
        const res = await fetch(https.url + path);
        await res.arrayBuffer();
        expect(res.headers.get("strict-transport-security"), path).toBe("max-age=31536000; includeSubDomains");
      }
    } finally {
      await https.close();
    }
  });
});

describe("no page with a CSRF token is kept in a cache", () => {
  it("every HTML page, error pages included, is Cache-Control: no-store; static files stay cacheable", async () => {
    const stored = await server.store.cases.create(validCase("Cache"));
    const client = await newClient();
    const pages = ["/", "/cases/new", `/cases/${stored.id}`, `/cases/${stored.id}/edit`, `/cases/${stored.id}/delete`, `/cases/${stored.id}/report`, `/cases/${stored.id}/memo?samples=100&seed=1`, "/factors", "/import", "/no/such/page", `/factors?set=none`];
    for (const path of pages) {
      const { res, html } = await client.get(path);
      expect(res.headers.get("content-type"), path).toMatch(/^text\/html/);
      expect(html, path).toContain('name="_csrf"');
      expect(res.headers.get("cache-control"), path).toBe("no-store");
    }
    const refused = await client.request("/lang", { method: "POST", body: new URLSearchParams({ lang: "en" }), headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    for (const path of ["/static/css/kalkyle.css", "/vendor/chart.js/chart.umd.min.js"]) {
      const res = await fetch(server.url + path);
      await res.arrayBuffer();
      expect(res.headers.get("cache-control"), path).toBe("public, max-age=3600");
    }
  });
});

/** Names every plain object answers to; user text must meet them as unknown values, never as the object's own members. */
const OBJECT_MEMBERS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];

describe("user text that names a member of Object", () => {
  it.each(OBJECT_MEMBERS)("?done=%s shows the page without a notice, like any unknown value", async (name) => {
    const stored = await server.store.cases.create(validCase(`Done ${name}`));
    const client = await newClient();
    for (const path of [`/?done=${name}`, `/cases/${stored.id}/edit?done=${name}`]) {
      const { res, html } = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(html, path).not.toContain('class="notice"');
      expect(html, path).not.toMatch(/\[object |function \w*\(/);
    }
    // a known value still shows its notice
    expect((await client.get(`/cases/${stored.id}/edit?done=saved`)).html).toContain('class="notice"');
  });

  it.each(OBJECT_MEMBERS)("%s as a query value, route parameter or language answers 400 or 404 with a message, never 500", async (name) => {
    const stored = await server.store.cases.create(validCase(`Query ${name}`));
    const client = await newClient();
    const expected: [string, number][] = [
      [`/factors?group=${name}`, 400],
      [`/factors?set=${name}`, 400],
      [`/api/v1/factors?group=${name}`, 400],
      [`/api/v1/factors?set=${name}`, 400],
      [`/api/v1/factors?limit=${name}`, 400],
      [`/api/v1/cases?limit=${name}`, 400],
      [`/cases/${name}`, 404],
      [`/cases/${name}/edit`, 404],
      [`/cases/${name}/export.csv`, 404],
      [`/api/v1/cases/${name}`, 404],
      [`/?lang=${name}&page=${name}&q=${name}`, 200],
      [`/cases/${stored.id}?lang=${name}`, 200],
      [`/cases/${stored.id}/export.csv?lang=${name}`, 200],
      [`/cases/${stored.id}/export.csv?sep=${name}`, 400],
    ];
    const seen: [string, number][] = [];
    for (const [path] of expected) {
      const res = await client.request(path);
      const text = await res.text();
      seen.push([path, res.status]);
      expect(text, path).not.toMatch(/\[object |function \w*\(/);
    }
    expect(seen).toEqual(expected);
  });

  it.each(OBJECT_MEMBERS)("%s in every editor field and as field names is a form problem (400), never 500", async (name) => {
    const client = await newClient();
    await client.get("/cases/new");
    const fields: Record<string, string> = {
      title: name,
      category: name,
      "analysis.startYear": "2026",
      "analysis.years": "10",
      "analysis.carbonPrice": name,
      "analysis.carbonPrice.custom": `2026: 1; ${name}`,
      "analysis.electricity": name,
      factorSet: name,
      baseline: name,
      ranking: name,
      "alternatives[0].id": name,
      "alternatives[0].name": name,
      "alternatives[0].wasteLevel": name,
      "alternatives[0].emissions[0].kind": name,
      "alternatives[0].emissions[0].factor": name,
      "alternatives[0].emissions[0].quantity": `1 ${name}`,
      "alternatives[0].emissions[0].stage": name,
      "alternatives[0].emissions[0].scope": name,
      "alternatives[0].emissions[0].at": name,
      "alternatives[0].emissions[0].existingStock": name,
      [`alternatives[0].emissions[0].${name}`]: "1",
      "alternatives[0].costs[0].kind": name,
      "alternatives[0].costs[0].amount": name,
      [name]: name,
      action: name,
    };
    const res = await client.postForm("/cases", fields);
    const html = await res.text();
    expect(res.status).toBe(400);
    expect(html).toContain('name="alternatives[0].emissions[0].factor"');
    expect(html).not.toMatch(/\[object |function \w*\(/);
  });
});

describe("body limits and floods of bad requests", () => {
  it("a 1.5 MB urlencoded form → 413 page, not 500, on every state-changing route", async () => {
    const client = await newClient();
    const stored = await server.store.cases.create(validCase("Big form"));
    const body = new URLSearchParams({ _csrf: client.csrfToken, text: "æ".repeat(750_000) });
    for (const route of stateChanging) {
      const res = await client.request(fill(route.path, stored.id), { method: route.method, body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expect(res.status, `${route.method} ${route.path}`).toBe(413);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    }
  });

  it("1,000 requests to error-prone routes (404s, bad JSON, bad tokens, oversized bodies) leave the server answering", async () => {
    const client = await newClient();
    const oversized = "x".repeat(1_100_000);
    const kinds: (() => Promise<Response>)[] = [
      () => fetch(`${server.url}/no-such-page-${randomBytes(4).toString("hex")}`),
      () => fetch(`${server.url}/api/v1/cases/${randomBytes(4).toString("hex")}`),
      () => fetch(`${server.url}/cases/${randomBytes(4).toString("hex")}/export.xlsx`),
      () => fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"schema":' }),
      () => fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: '[1,2,{"__proto__":{"x":1}}]' }),
      () => fetch(`${server.url}/api/v1/cases?limit=-1`),
      () => fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "text/xml" }, body: "<a/>" }),
      () => client.request("/lang", { method: "POST", body: new URLSearchParams({ _csrf: "nope", lang: "en" }) }),
      () => client.request("/cases/x/delete", { method: "POST", body: new URLSearchParams({ _csrf: client.csrfToken }) }),
      () => client.request("/lang", { method: "POST", body: new URLSearchParams({ _csrf: client.csrfToken, lang: oversized }) }),
    ];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < 1000) {
        const res = await kinds[next++ % kinds.length]!();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const text = await res.text();
        expect(text).not.toMatch(/\n\s+at .+:\d+:\d+|node_modules|\/work\//);
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    console.info(`1,000 error-prone requests: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(1000);
    expect([...statuses.keys()].filter((s) => s >= 500)).toEqual([]);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/cases`)).status).toBe(200);
  });
});

describe("GET routes write nothing", () => {
  it("GETting every page and download for a valid, an invalid and an unknown case leaves cases, results and audit unchanged", async () => {
    const valid = await server.store.cases.create(validCase("Read only"));
    const invalid = await server.store.cases.create({ ...validCase("No longer valid"), factorSet: "1999-1" });
    const ids = [valid.id, invalid.id, "no-such-case"];
    const client = await newClient();
    const getAll = async () => {
      const seen: string[] = [];
      for (const route of getRoutes) {
        for (const id of route.path.includes(":") ? ids : [""]) {
          const path = fill(route.path, id);
          const res = await client.request(path);
          await res.arrayBuffer();
          expect(res.status, path).toBeLessThan(500);
          seen.push(`${path} ${res.status}`);
        }
      }
      return seen;
    };
    const casesBefore = server.store.db.prepare("SELECT id, version, updated_at FROM cases ORDER BY id").all();
    const before = counts();
    const seen = await getAll();
    const afterFirst = counts();
    expect(afterFirst).toEqual(before);
    expect(server.store.db.prepare("SELECT id, version, updated_at FROM cases ORDER BY id").all()).toEqual(casesBefore);
    console.info(`GET routes read: ${seen.length} requests (${getRoutes.length} routes); rows written: 0`);
  }, 120_000);
});
