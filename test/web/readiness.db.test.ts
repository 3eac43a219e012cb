/**
 * GET /readyz on both stores: 200 {"status":"ready"} while the database
 * answers, 503 JSON when it does not (SQLite closed; PostgreSQL cut off, or
 * not answering at all), ready again when PostgreSQL is back; never a
 * cookie, never a session row, never cached.
 */
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import type { Store } from "../../src/store/store.js";
import { createKalkyleApp } from "../../src/web/kalkyle-app.js";
import { silentLogger } from "../../src/web/logger.js";
import { READY_TIMEOUT_MS } from "../../src/web/routes/health.js";
import { createTestDatabase, postgresAvailable, POSTGRES_MISSING, type TestDatabase } from "../support/postgres.js";
import { startTcpProxy, type TcpProxy } from "../support/tcp-proxy.js";
import { startTestServer, type TestServer } from "./harness.js";

async function probe(url: string): Promise<{ status: number; body: unknown; cacheControl: string | null; cookie: string | null; type: string | null; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${url}/readyz`);
  const body = await res.json();
  return { status: res.status, body, cacheControl: res.headers.get("cache-control"), cookie: res.headers.get("set-cookie"), type: res.headers.get("content-type"), ms: performance.now() - started };
}

describe("GET /readyz on SQLite", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ seed: false });
  });
  afterAll(() => server.close());

  it("is 200 {status: ready}, not cached, with no cookie and no session row", async () => {
    const ready = await probe(server.url);
    expect(ready).toMatchObject({ status: 200, body: { status: "ready" }, cacheControl: "no-store", cookie: null });
    expect(ready.type).toMatch(/^application\/json/);
    expect(server.store.db.prepare("SELECT count(*) FROM sessions").pluck().get()).toBe(0);
  });

  it("is 503 JSON once the database cannot be read, while /healthz still answers", async () => {
    server.store.db.close();
    const down = await probe(server.url);
    expect(down).toMatchObject({ status: 503, body: { status: "unavailable" }, cacheControl: "no-store", cookie: null });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

const runPostgres = postgresAvailable();

describe.skipIf(!runPostgres)(`GET /readyz on PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let store: Store;
  let http: Server;
  let url = "";
  let closeApp: () => Promise<void>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const target = new URL(database.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port) });
    const viaProxy = new URL(database.url);
    viaProxy.port = String(proxy.port);
    store = await openPostgresStore(viaProxy.toString(), { maxConnections: 2 });
    const pdf = { render: async () => Buffer.alloc(0), close: async () => undefined };
    const app = createKalkyleApp({ store, library: loadFactorLibrary(), pdf, logger: silentLogger() });
    closeApp = app.close;
    http = app.app.listen(0, "127.0.0.1");
    await new Promise((resolve) => http.once("listening", resolve));
    url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => http?.close(resolve));
    await closeApp?.();
    await proxy?.restore();
    await store?.close();
    await proxy?.close();
    await database?.drop();
  });

  it("is 200 while the server answers, 503 at once when it is cut off, and 200 again when it is back", async () => {
    expect(await probe(url)).toMatchObject({ status: 200, body: { status: "ready" }, cacheControl: "no-store", cookie: null });

    await proxy.cut();
    const down = await probe(url);
    expect(down).toMatchObject({ status: 503, body: { status: "unavailable" }, cacheControl: "no-store", cookie: null });
    expect(down.ms).toBeLessThan(READY_TIMEOUT_MS);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    await proxy.restore();
    expect(await probe(url)).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("is 503 after READY_TIMEOUT_MS when the server takes connections but never answers", async () => {
    proxy.blackhole();
    const silent = await probe(url);
    expect(silent).toMatchObject({ status: 503, body: { status: "unavailable" } });
    expect(silent.ms).toBeGreaterThanOrEqual(READY_TIMEOUT_MS - 50);
    expect(silent.ms).toBeLessThan(READY_TIMEOUT_MS + 1_500);
    await proxy.restore();
    expect(await probe(url)).toMatchObject({ status: 200, body: { status: "ready" } });
  });
});
