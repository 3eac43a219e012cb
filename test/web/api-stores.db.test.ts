/**
 * The key HTTP flows against a real server on each store, SQLite and
 * PostgreSQL (when KALKYLE_TEST_DATABASE_URL is set; CI requires it): the
 * examples seeded and shown, the case resource round trip (create, read,
 * search, update with If-Match, conflict, delete), the result kept with
 * the version that produced it and equal to what /evaluate gives, three
 * saves of one version at the same moment, and the editor's form saved
 * through a session kept in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleCases } from "../../src/examples.js";
import type { Store } from "../../src/store/store.js";
import { postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { twoAlternativeCase, twoAlternativeFields } from "../support/two-alternatives.js";

type Json = Record<string, unknown>;

const caseNamed = twoAlternativeCase;


const runPostgres = postgresAvailable();
const STORES = [
  { name: "SQLite", start: () => startTestServer() as Promise<TestServer<Store>> },
  { name: `PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, skip: !runPostgres, start: () => startTestServer({ database: "postgres" }) as Promise<TestServer<Store>> },
];

describe.each(STORES)("HTTP on $name", ({ skip, start }) => {
  let server: TestServer<Store>;
  beforeAll(async () => {
    if (!skip) server = await start();
  });
  afterAll(() => server?.close());

  const api = (path: string, init: { method?: string; body?: Json; ifMatch?: number } = {}) =>
    fetch(`${server.url}/api/v1${path}`, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: { ...(init.body ? { "content-type": "application/json" } : {}), ...(init.ifMatch ? { "if-match": `"${init.ifMatch}"` } : {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
  const create = async (title: string) => {
    const res = await api("/cases", { body: caseNamed(title) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };

  it.skipIf(skip)("lists the seeded examples, and an example's comparison page opens", async () => {
    const listed = (await (await api("/cases?limit=100")).json()) as { total: number; cases: { id: string; title: string }[] };
    expect(listed.total).toBe(loadExampleCases().length);
    expect((await fetch(`${server.url}/cases/${listed.cases[0]!.id}`)).status).toBe(200);
  });

  it.skipIf(skip)("create, read, search (ignoring the case of ASCII letters), update with If-Match, conflict 409, delete", async () => {
    const stamp = Date.now();
    const title = `Kontorstoler Rådhuset ${stamp}`;
    const created = await api("/cases", { body: caseNamed(title) });
    expect(created.status).toBe(201);
    expect(created.headers.get("etag")).toBe('"1"');
    const { id } = (await created.json()) as { id: string };

    expect(await (await api(`/cases/${id}`)).json()).toMatchObject({ id, title, version: 1, document: caseNamed(title) });
    // SQLite's LIKE folds the case of ASCII letters only, PostgreSQL's ILIKE that of æøå too: "Rå" finds "rå" on both, "RÅ" only on PostgreSQL.
    const found = (await (await api(`/cases?q=${encodeURIComponent(`rådHUSet ${stamp}`)}`)).json()) as { total: number; cases: { id: string }[] };
    expect(found).toMatchObject({ total: 1, cases: [{ id }] });

    const updated = await api(`/cases/${id}`, { method: "PUT", body: caseNamed(`${title} (2)`), ifMatch: 1 });
    expect(updated.status).toBe(200);
    expect(updated.headers.get("etag")).toBe('"2"');
    const stale = await api(`/cases/${id}`, { method: "PUT", body: caseNamed("Utdatert"), ifMatch: 1 });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ errors: [{ code: "api.conflict" }] });
    expect(await (await api(`/cases/${id}`)).json()).toMatchObject({ version: 2, title: `${title} (2)` });

    expect((await api(`/cases/${id}`, { method: "DELETE" })).status).toBe(204);
    expect((await api(`/cases/${id}`)).status).toBe(404);
    expect((await api(`/cases/${id}`, { method: "DELETE" })).status).toBe(404);
  });

  it.skipIf(skip)("keeps each version's result, equal to what POST /evaluate gives for that version", async () => {
    const id = await create("Versjon 1");
    expect((await api(`/cases/${id}`, { method: "PUT", body: caseNamed("Versjon 2"), ifMatch: 1 })).status).toBe(200);
    const kept = await server.store.cases.latestResult(id);
    const evaluated = await (await api("/evaluate", { body: caseNamed("Versjon 2") })).json();
    expect(kept).toMatchObject({ caseId: id, version: 2, factorSet: server.ctx.library.newest });
    expect(kept!.result).toEqual(evaluated);
  });

  it.skipIf(skip)("three saves of one version at the same moment: exactly one 200, two 409, and the winner's document kept", async () => {
    const id = await create("Samtidig");
    const titles = ["Først", "Andre", "Tredje"];
    const answers = await Promise.all(titles.map((t) => api(`/cases/${id}`, { method: "PUT", body: caseNamed(t), ifMatch: 1 })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const winner = titles[answers.findIndex((a) => a.status === 200)];
    expect(await (await api(`/cases/${id}`)).json()).toMatchObject({ version: 2, title: winner });
  });

  it.skipIf(skip)("saves the editor's form through the session and CSRF token kept in the database, and refuses a stale version", async () => {
    const id = await create("Skjema");
    const client = new TestClient(server.url);
    expect((await client.get(`/cases/${id}/edit`)).res.status).toBe(200);
    expect(client.cookie).toMatch(/^kalkyle_sid=/);
    const saved = await client.postForm(`/cases/${id}`, twoAlternativeFields("Lagret i skjemaet", 1));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/cases/${id}`);
    expect(await server.store.cases.get(id)).toMatchObject({ version: 2, title: "Lagret i skjemaet" });
    const stale = await client.postForm(`/cases/${id}`, twoAlternativeFields("For sent", 1));
    expect(stale.status).toBe(409);
    expect(await server.store.cases.get(id)).toMatchObject({ version: 2, title: "Lagret i skjemaet" });
  });
});
