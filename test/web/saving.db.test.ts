/**
 * Saving a case against a real server and a real SQLite file, with a second
 * server (another thread, its own connection) on the same file: two saves
 * of one version at the same moment give one success and one 409, never a
 * 503. The first server is held inside its write transaction (through the
 * store's clock) while the rival's request goes in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classify } from "../../src/web/errors.js";
import { startRival, type Rival } from "../store/rival.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { twoAlternativeCase, twoAlternativeFields } from "../support/two-alternatives.js";

type Json = Record<string, unknown>;
type Answer = { status: number; text: string };

const HOLD_MS = 500;

const validCase = twoAlternativeCase;


let server: TestServer;
let rival: Rival;
let duringTransaction: (() => void) | undefined;

beforeAll(async () => {
  server = await startTestServer({
    seed: false,
    clock: () => {
      const act = duringTransaction;
      duringTransaction = undefined;
      act?.();
      return new Date();
    },
  });
  rival = await startRival(new URL("./rival-server.ts", import.meta.url), { dir: server.dir });
  // Both servers' evaluation threads are started before the race, so that the rival's save reaches the database while this one holds it.
  await fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(validCase("Oppvarming")) });
  rival.actNow({ method: "POST", path: "/api/v1/evaluate", headers: { "content-type": "application/json" }, body: JSON.stringify(validCase("Oppvarming")) }, 0);
  expect(await rival.next<Answer>()).toMatchObject({ status: 200 });
});
afterAll(async () => {
  await rival?.close();
  await server?.close();
});

const putJson = (path: string, body: Json, version: number) => ({ method: "PUT", path, headers: { "content-type": "application/json", "if-match": `"${version}"` }, body: JSON.stringify(body) });

async function createViaApi(title: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(validCase(title)) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("two servers on one SQLite file save the same version at once", () => {
  it("PUT with If-Match 1 on both: one 200, the other 409 in JSON, no 503; the winner's document is kept at version 2", async () => {
    const id = await createViaApi("Kontorstoler");
    const path = `/api/v1/cases/${id}`;
    duringTransaction = () => rival.actNow(putJson(path, validCase("Rivalens versjon"), 1), HOLD_MS);
    const mine = await fetch(server.url + path, { ...putJson(path, validCase("Min versjon"), 1) });
    const theirs = await rival.next<Answer>();
    expect({ mine: mine.status, theirs: theirs.status }).toEqual({ mine: 200, theirs: 409 });
    expect(JSON.parse(theirs.text)).toMatchObject({ errors: [{ code: "api.conflict" }] });
    const stored = (await (await fetch(server.url + path)).json()) as { title: string; version: number };
    expect(stored).toMatchObject({ title: "Min versjon", version: 2 });
  });
});

describe("a case version and its result are written together", () => {
  it("when the result cannot be written, neither a new case nor a new version is kept (API and editor), and the old result stays", async () => {
    const id = await createViaApi("Før feilen");
    const cases = () => server.store.db.prepare("SELECT id, version, title FROM cases ORDER BY id").all();
    const before = cases();
    const client = new TestClient(server.url);
    await client.get(`/cases/${id}/edit`);
    server.store.db.exec("CREATE TRIGGER results_refused BEFORE INSERT ON results BEGIN SELECT RAISE(ABORT, 'results cannot be written'); END");
    try {
      const put = await fetch(`${server.url}/api/v1/cases/${id}`, { method: "PUT", headers: { "content-type": "application/json", "if-match": '"1"' }, body: JSON.stringify(validCase("Etter feilen")) });
      const post = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(validCase("Ny sak")) });
      const form = await client.postForm(`/cases/${id}`, twoAlternativeFields("Etter feilen i skjemaet", 1));
      expect([put.status, post.status, form.status]).toEqual([500, 500, 500]);
    } finally {
      server.store.db.exec("DROP TRIGGER results_refused");
    }
    expect(cases()).toEqual(before);
    expect(await server.store.cases.latestResult(id)).toMatchObject({ version: 1, result: { title: "Før feilen" } });
  });

  it("a saved version's result is the one computed from that version", async () => {
    const id = await createViaApi("Versjon 1");
    const put = await fetch(`${server.url}/api/v1/cases/${id}`, { ...putJson(`/api/v1/cases/${id}`, validCase("Versjon 2"), 1) });
    expect(put.status).toBe(200);
    expect(await server.store.cases.latestResult(id)).toMatchObject({ caseId: id, version: 2, result: { title: "Versjon 2" } });
  });
});

describe("how a failed write is answered", () => {
  it("a write refused because another writer committed after this one read (SQLITE_BUSY_SNAPSHOT) is a 409 conflict; a lock held past the busy timeout is a 503", () => {
    expect(classify(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY_SNAPSHOT" }))).toMatchObject({ status: 409, key: "error.conflict" });
    expect(classify(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }))).toMatchObject({ status: 503, key: "error.unavailable" });
  });
});
