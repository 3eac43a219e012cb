/**
 * Two app processes on one PostgreSQL database, as a shared deployment runs
 * them behind a load balancer: the built server (dist/server.js) started
 * twice at the same moment with the same DATABASE_URL, each on its own
 * port. What one saves the other reads; a session begun on one is honoured
 * by the other; two saves of one version, one through each, give exactly
 * one 200 and one 409; both are ready, and both stop cleanly on SIGTERM.
 * Skipped with a message without KALKYLE_TEST_DATABASE_URL (CI requires it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleCases } from "../../src/examples.js";
import { createTestDatabase, postgresAvailable, POSTGRES_MISSING, type TestDatabase } from "../support/postgres.js";
import { DEFAULT_ADMIN_EMAIL } from "../../src/app/first-start.js";
import { tokenUseCases } from "../../src/app/tokens.js";
import { openPostgresStore } from "../../src/store/postgres-store.js";
import { startServerProcess, type ServerProcess } from "../support/server-process.js";
import { TestClient } from "./harness.js";
import { twoAlternativeCase } from "../support/two-alternatives.js";

const caseNamed = twoAlternativeCase;

const put = (server: ServerProcess, id: string, title: string, version: number) =>
  api(`${server.url}/api/v1/cases/${id}`, { method: "PUT", headers: { "content-type": "application/json", "if-match": `"${version}"` }, body: JSON.stringify(caseNamed(title)) });

const runPostgres = postgresAvailable();
const PASSWORD = "to-prosesser-ett-passord";
let token = "";
/** A call of the API with the administrator's token (made in the database both processes use). */
const api = (url: string, init: RequestInit = {}) => fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });

describe.skipIf(!runPostgres)(`two app processes on one PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, () => {
  let database: TestDatabase;
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    // At the same moment: both migrate and seed the empty database, and each step happens once.
    const env = { DATABASE_URL: database.url, KALKYLE_ADMIN_PASSWORD: PASSWORD };
    [one, two] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    const store = await openPostgresStore(database.url, { maxConnections: 1 });
    try {
      const admin = (await store.accounts.userByEmail(DEFAULT_ADMIN_EMAIL))!;
      const [membership] = await store.accounts.memberships(admin.id);
      token = (await tokenUseCases({ store }).create({ userId: admin.id, organisationId: membership!.organisationId, role: "admin", via: "cli" }, { name: "two processes" })).secret;
    } finally {
      await store.close();
    }
  }, 60_000);
  afterAll(async () => {
    await one?.kill();
    await two?.kill();
    await database?.drop();
  });

  it("started together, they seed the examples once between them and are both ready on PostgreSQL", async () => {
    const started = [one, two].map((p) => p.log.find((line) => String(line.msg).startsWith("Kalkyle listening"))!);
    expect(started.map((line) => line.store)).toEqual(["postgres", "postgres"]);
    expect(started.map((line) => line.seeded as number).sort()).toEqual([0, loadExampleCases().length]);
    for (const p of [one, two]) expect(await (await fetch(`${p.url}/readyz`)).json()).toEqual({ status: "ready" });
    const totals = await Promise.all([one, two].map(async (p) => ((await (await api(`${p.url}/api/v1/cases`)).json()) as { total: number }).total));
    expect(totals).toEqual([loadExampleCases().length, loadExampleCases().length]);
  });

  it("a case saved through one is read through the other, and a change through the other is read back through the first", async () => {
    const created = await api(`${one.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(caseNamed("Lagret i prosess 1")) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await (await api(`${two.url}/api/v1/cases/${id}`)).json()).toMatchObject({ id, version: 1, document: caseNamed("Lagret i prosess 1") });
    expect((await put(two, id, "Endret i prosess 2", 1)).status).toBe(200);
    expect(await (await api(`${one.url}/api/v1/cases/${id}`)).json()).toMatchObject({ id, version: 2, title: "Endret i prosess 2" });
    expect((await fetch(`${one.url}/cases/${id}`, { redirect: "manual" })).status).toBe(303);
  });

  it("two saves of one version, one through each process at the same moment: exactly one 200 and one 409, five times over", async () => {
    const created = await api(`${one.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(caseNamed("Kappløp")) });
    const { id } = (await created.json()) as { id: string };
    for (let version = 1; version <= 5; version++) {
      const [a, b] = await Promise.all([put(one, id, `Prosess 1, runde ${version}`, version), put(two, id, `Prosess 2, runde ${version}`, version)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(await loser.json()).toMatchObject({ errors: [{ code: "api.conflict" }] });
      const winner = a.status === 200 ? "Prosess 1" : "Prosess 2";
      expect(await (await api(`${two.url}/api/v1/cases/${id}`)).json()).toMatchObject({ version: version + 1, title: `${winner}, runde ${version}` });
    }
  });

  it("a login on one process (its session cookie and CSRF token) is honoured by the other", async () => {
    const created = await api(`${one.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(caseNamed("Økt")) });
    const { id } = (await created.json()) as { id: string };
    const client = new TestClient(one.url);
    await client.get("/login");
    expect((await client.postForm("/login", { email: DEFAULT_ADMIN_EMAIL, password: PASSWORD })).status).toBe(303);
    await client.get(`/cases/${id}/edit`);
    expect(client.csrfToken).not.toBe("");
    const onTwo = Object.assign(new TestClient(two.url), { cookie: client.cookie, csrfToken: client.csrfToken });
    const copied = await onTwo.postForm(`/cases/${id}/duplicate`, {});
    expect(copied.status).toBe(303);
    const copyId = /\/cases\/([^/]+)\/edit/.exec(copied.headers.get("location") ?? "")![1]!;
    expect(await (await api(`${one.url}/api/v1/cases/${copyId}`)).json()).toMatchObject({ title: "Økt (kopi)" });
    const forged = Object.assign(new TestClient(two.url), { cookie: client.cookie, csrfToken: "not-the-token" });
    expect((await forged.postForm(`/cases/${id}/duplicate`, {})).status).toBe(403);
  });

  it("both stop on SIGTERM with exit code 0", async () => {
    one.child.kill("SIGTERM");
    two.child.kill("SIGTERM");
    expect(await Promise.all([one.exited, two.exited])).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    expect(one.stderr() + two.stderr()).not.toMatch(/error/i);
  });
});
