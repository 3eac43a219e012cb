/**
 * The role matrix against a real server (docs/roles.md, PERMISSIONS in
 * src/app/policy.ts): every page, form, export and API call on cases and
 * factors, one's own page and tokens, the members pages, every member's
 * tokens and the audit trail, tried by a buyer, an adviser, a finance
 * officer and an administrator of organisation A, and by an administrator
 * and an adviser of organisation B.
 * The expectation of each row comes from the policy table, so a change to
 * the table changes the test:
 *   allowed                             → 2xx or 3xx
 *   not allowed in one's organisation   → 403, nothing read or changed
 *   another organisation's case/member/ → 404 (or 403 when the role may not
 *   member's token                        do it at all), the case's title nowhere
 * The climate API (plan, decisions, ledgers, mapping) is tried the same
 * way: another organisation's decision or ledger import is a 404.
 * A few rows are also written out literally below. One server a store:
 * SQLite, and PostgreSQL when KALKYLE_TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, can, PERMISSIONS, type Action } from "../../src/app/policy.js";
import { loadExampleCases } from "../../src/examples.js";
import type { Role } from "../../src/store/accounts.js";
import type { Store } from "../../src/store/store.js";
import { postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";
import { countOf, rowsOf } from "../support/store-rows.js";
import { startTestServer, TEST_PASSWORD, type TestClient, type TestServer, type TestUser } from "./harness.js";
import { formFields } from "../support/editor-form.js";

const ROLES: Role[] = ["buyer", "adviser", "finance", "admin"];
/** Actions in the table that no page or API call reaches yet: none, every action has its requests below. */
const NOT_YET_ON_HTTP: Action[] = [];

/** The smallest example, under a title that appears nowhere else, so a body that leaks the case is easy to see. */
const example = loadExampleCases().sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)[0]!;
const SECRET_TITLE = "Hemmelig innkjøp 7f3a9c";
const secretCase = (title = SECRET_TITLE) => ({ ...example, title });

type Subject = { name: string; role: Role; client: TestClient & { user: TestUser }; token: string; sameOrganisation: boolean };
type Attempt = (s: Subject, id: string) => Promise<Response>;
/**
 * One request a user may try: the action it needs; what it is about (`case`: a case of organisation A; `member`: a
 * member of A; `member-token`: a live token of a member of A; `own-token`: one of the user's own tokens; `decision`: a
 * new decision recorded in A; `ledger-import`: a new ledger import of A; none: nothing of A's in particular); whether
 * it changes a case (then it gets a case of its own when allowed).
 */
type Row = { name: string; action: Action; target?: "case" | "member" | "member-token" | "own-token" | "decision" | "ledger-import"; changes?: boolean; send: Attempt };
/** Targets that belong to organisation A: another organisation's user gets 404 for them. */
const OF_ORGANISATION_A: Row["target"][] = ["case", "member", "member-token", "decision", "ledger-import"];

/** A small ledger as Norwegian Excel writes it (Windows-1252, `;`). */
const LEDGER = Buffer.from("År;Art;Leverandør;Beløp\r\n2025;115;Østlandske Matforsyning AS;1 234,50\r\n2025;100;Kontorrekvisita Ålesund AS;500,00\r\n", "latin1");
/** A valid climate plan: a baseline, a straight line to 0 in 2030. */
const CLIMATE_PLAN = { baseline: { year: 2019, categories: [{ category: "food", directTonnes: 0, indirectTonnes: 1200 }] }, target: { kind: "shape", shape: "linear", start: { year: 2019, tonnes: 1200 }, end: { year: 2030, tonnes: 0 } } };


let server: TestServer<Store>;
let subjects: Subject[];
/** A case of organisation A that every reading row uses. */
let sharedCase: string;
/** The editor's fields of a valid case, as the administrator's edit page gives them (the hidden version is 1). */
let editorFields: [string, string][];
/** A buyer of organisation A whose role and password the member rows try to change. */
let targetMember: string;

const api = (s: Subject, path: string, init: RequestInit = {}) =>
  fetch(`${server.publicUrl}/api/v1${path}`, { ...init, headers: { authorization: `Bearer ${s.token}`, "content-type": "application/json", ...init.headers } });
const json = (value: unknown) => JSON.stringify(value);
/** A decision on organisation A's shared case (the smallest example), as a buyer records it. */
const decisionOn = (caseId: string) => ({ caseId, chosen: (example.alternatives as { id: string }[])[0]!.id, contractStart: "2026-01", contractMonths: 12, category: "other", strategyArea: "climate-environment" });

const ROWS: Row[] = [
  // Pages and forms
  { name: "GET / (case list)", action: "case.read", send: (s) => s.client.request("/") },
  { name: "GET /cases/:id (comparison)", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}`) },
  { name: "GET /cases/:id/report", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/report`) },
  { name: "GET export.csv", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/export.csv`) },
  { name: "GET export.xlsx", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/export.xlsx`) },
  { name: "GET case.json", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/case.json`) },
  { name: "HEAD report.pdf", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/report.pdf`, { method: "HEAD" }) },
  { name: "GET /cases/:id/memo", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/memo?samples=100&seed=1`) },
  { name: "HEAD memo.pdf", action: "case.read", target: "case", send: (s, id) => s.client.request(`/cases/${id}/memo.pdf`, { method: "HEAD" }) },
  { name: "GET /factors", action: "factors.read", send: (s) => s.client.request("/factors") },
  { name: "GET /factors/search", action: "factors.read", send: (s) => s.client.request("/factors/search?q=diesel") },
  { name: "GET /cases/new (form)", action: "case.create", send: (s) => s.client.request("/cases/new") },
  { name: "POST /cases (editor's save of a new case)", action: "case.create", send: (s) => s.client.postForm("/cases", [...editorFields.filter(([k]) => k !== "version").map(([k, v]): [string, string] => [k, k === "title" ? "Ny fra skjemaet" : v]), ["action", "save"]]) },
  { name: "GET /import (form)", action: "case.create", send: (s) => s.client.request("/import") },
  { name: "POST /import", action: "case.create", send: (s) => s.client.postForm("/import", { json: json(secretCase("Importert")) }) },
  { name: "POST /cases/:id/duplicate", action: "case.create", target: "case", send: (s, id) => s.client.postForm(`/cases/${id}/duplicate`, {}) },
  { name: "GET /cases/:id/edit (form)", action: "case.update", target: "case", send: (s, id) => s.client.request(`/cases/${id}/edit`) },
  { name: "POST /cases/:id (editor's save)", action: "case.update", target: "case", changes: true, send: (s, id) => s.client.postForm(`/cases/${id}`, [...editorFields, ["action", "save"]]) },
  { name: "GET /cases/:id/delete (confirmation)", action: "case.delete", target: "case", send: (s, id) => s.client.request(`/cases/${id}/delete`) },
  { name: "POST /cases/:id/delete", action: "case.delete", target: "case", changes: true, send: (s, id) => s.client.postForm(`/cases/${id}/delete`, {}) },
  // The JSON API
  { name: "API GET /cases", action: "case.read", send: (s) => api(s, "/cases") },
  { name: "API GET /cases/:id", action: "case.read", target: "case", send: (s, id) => api(s, `/cases/${id}`) },
  { name: "API POST /cases", action: "case.create", send: (s) => api(s, "/cases", { method: "POST", body: json(secretCase("Fra API-et")) }) },
  { name: "API PUT /cases/:id", action: "case.update", target: "case", changes: true, send: (s, id) => api(s, `/cases/${id}`, { method: "PUT", body: json(secretCase("Endret")) }) },
  { name: "API DELETE /cases/:id", action: "case.delete", target: "case", changes: true, send: (s, id) => api(s, `/cases/${id}`, { method: "DELETE" }) },
  { name: "API POST /evaluate", action: "case.evaluate", send: (s) => api(s, "/evaluate", { method: "POST", body: json(example) }) },
  { name: "API GET /factors", action: "factors.read", send: (s) => api(s, "/factors?q=diesel") },
  // The climate API
  { name: "API GET /climate/dashboard", action: "climate.read", send: (s) => api(s, "/climate/dashboard") },
  { name: "API GET /climate/plan/versions", action: "climate.read", send: (s) => api(s, "/climate/plan/versions") },
  { name: "API GET /climate/decisions", action: "climate.read", send: (s) => api(s, "/climate/decisions") },
  { name: "API GET /climate/decisions/:id", action: "climate.read", target: "decision", send: (s, id) => api(s, `/climate/decisions/${id}`) },
  { name: "API GET /climate/ledgers", action: "climate.read", send: (s) => api(s, "/climate/ledgers") },
  { name: "API GET /climate/ledgers/:id", action: "climate.read", target: "ledger-import", send: (s, id) => api(s, `/climate/ledgers/${id}`) },
  { name: "API GET /climate/mapping", action: "climate.read", send: (s) => api(s, "/climate/mapping") },
  { name: "API PUT /climate/plan", action: "climate.plan", send: (s) => api(s, "/climate/plan", { method: "PUT", body: json(CLIMATE_PLAN) }) },
  { name: "API POST /climate/decisions", action: "decision.create", target: "case", send: (s, id) => api(s, "/climate/decisions", { method: "POST", body: json(decisionOn(id)) }) },
  { name: "API DELETE /climate/decisions/:id", action: "decision.delete", target: "decision", send: (s, id) => api(s, `/climate/decisions/${id}`, { method: "DELETE" }) },
  { name: "API POST /climate/ledgers (text/csv)", action: "ledger.import", send: (s) => api(s, "/climate/ledgers?name=regnskap.csv", { method: "POST", body: new Uint8Array(LEDGER), headers: { "content-type": "text/csv; charset=windows-1252" } }) },
  { name: "API POST /climate/ledgers/inspect", action: "ledger.import", send: (s) => api(s, "/climate/ledgers/inspect", { method: "POST", body: new Uint8Array(LEDGER), headers: { "content-type": "text/csv" } }) },
  { name: "API DELETE /climate/ledgers/:id", action: "ledger.delete", target: "ledger-import", send: (s, id) => api(s, `/climate/ledgers/${id}`, { method: "DELETE" }) },
  { name: "API PUT /climate/mapping", action: "mapping.update", send: (s) => api(s, "/climate/mapping", { method: "PUT", body: json({ rules: [] }) }) },
  // One's own page and tokens
  { name: "GET /account", action: "account.own", send: (s) => s.client.request("/account") },
  { name: "POST /account/password", action: "account.own", send: (s) => s.client.postForm("/account/password", { current: TEST_PASSWORD, next: "et nytt passord for rollematrisen", repeat: "et nytt passord for rollematrisen" }) },
  { name: "POST /account/tokens", action: "token.own", send: (s) => s.client.postForm("/account/tokens", { label: "Regneark" }) },
  { name: "GET /account/tokens/:id/revoke (confirmation)", action: "token.own", target: "own-token", send: (s, id) => s.client.request(`/account/tokens/${id}/revoke`) },
  { name: "POST /account/tokens/:id/revoke", action: "token.own", target: "own-token", send: (s, id) => s.client.postForm(`/account/tokens/${id}/revoke`, {}) },
  // The organisation's members
  { name: "GET /admin/users", action: "user.read", send: (s) => s.client.request("/admin/users") },
  { name: "POST /admin/users (add a member)", action: "user.manage", send: (s) => s.client.postForm("/admin/users", { email: `ny-${Math.random().toString(36).slice(2)}@test.kalkyle.no`, name: "Ny Medarbeider", role: "adviser", passwordChoice: "generate" }) },
  { name: "POST /admin/users/:id/role", action: "user.manage", target: "member", send: (s, id) => s.client.postForm(`/admin/users/${id}/role`, { role: "buyer" }) },
  { name: "GET /admin/users/:id/password (form)", action: "user.manage", target: "member", send: (s, id) => s.client.request(`/admin/users/${id}/password`) },
  { name: "POST /admin/users/:id/password (reset)", action: "user.manage", target: "member", send: (s, id) => s.client.postForm(`/admin/users/${id}/password`, { passwordChoice: "generate" }) },
  // Every member's API tokens
  { name: "GET /admin/tokens", action: "token.manage", send: (s) => s.client.request("/admin/tokens") },
  { name: "GET /admin/tokens?member= (one member's)", action: "token.manage", send: (s) => s.client.request(`/admin/tokens?member=${targetMember}`) },
  { name: "GET /admin/tokens/:id/revoke (confirmation)", action: "token.manage", target: "member-token", send: (s, id) => s.client.request(`/admin/tokens/${id}/revoke`) },
  { name: "POST /admin/tokens/:id/revoke", action: "token.manage", target: "member-token", send: (s, id) => s.client.postForm(`/admin/tokens/${id}/revoke`, {}) },
  // The organisation's audit trail
  { name: "GET /admin/audit", action: "audit.read", send: (s) => s.client.request("/admin/audit") },
  { name: "GET /admin/audit/export.csv", action: "audit.read", send: (s) => s.client.request("/admin/audit/export.csv") },
];

/** A new case in organisation A (through the administrator's token), with the secret title. */
async function caseInA(): Promise<string> {
  const res = await fetch(`${server.publicUrl}/api/v1/cases`, { method: "POST", headers: { authorization: `Bearer ${server.token}`, "content-type": "application/json" }, body: json(secretCase()) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** What a refused request must leave as it was: the cases, the memberships, the target member's role and password, the tokens, the climate plans, decisions, ledger imports and lines, and mapping rules. */
async function state(): Promise<string> {
  return JSON.stringify([
    await countOf(server.store, "SELECT count(*) AS n FROM cases"),
    await rowsOf(server.store, "SELECT user_id, organisation_id, role FROM memberships ORDER BY user_id, organisation_id"),
    await rowsOf(server.store, "SELECT password_hash FROM users WHERE id = ?", [targetMember]),
    await rowsOf(server.store, "SELECT id, revoked_at FROM api_tokens ORDER BY id"),
    ...(await Promise.all(["climate_plans", "decisions", "ledger_imports", "ledger_lines", "mapping_rules"].map((table) => countOf(server.store, `SELECT count(*) AS n FROM ${table}`)))),
  ]);
}

async function subject(name: string, role: Role, organisationId: string): Promise<Subject> {
  const client = await server.clientAs(role, { organisationId });
  const { secret } = await server.ctx.app.tokens.create({ ...client.user, via: "web" }, { name: "role matrix" });
  await client.get("/"); // the session's CSRF token for the forms
  return { name, role, client, token: secret, sameOrganisation: organisationId === server.organisationId };
}

async function setUp(database: "sqlite" | "postgres"): Promise<void> {
  server = (database === "postgres" ? await startTestServer({ database }) : await startTestServer()) as TestServer<Store>;
  const other = await server.createOrganisation("Nabokommunen");
  // the examples were seeded in the first organisation only: a new one starts with no cases
  expect(await countOf(server.store, "SELECT count(*) AS n FROM cases WHERE organisation_id = ?", [other])).toBe(0);
  subjects = [
    ...(await Promise.all(ROLES.map((role) => subject(`${role} of A`, role, server.organisationId)))),
    await subject("admin of B", "admin", other),
    await subject("adviser of B", "adviser", other),
  ];
  sharedCase = await caseInA();
  const admin = server.client();
  targetMember = (await server.clientAs("buyer")).user.userId;
  editorFields = formFields((await admin.get(`/cases/${sharedCase}/edit`)).html).filter(([name]) => name !== "_csrf");
  expect(editorFields).toContainEqual(["version", "1"]);
}

/** What the row should answer for this subject: "allowed", "forbidden" (403) or "not found" (404). */
function expected(row: Row, s: Subject): "allowed" | "forbidden" | "not found" {
  if (!can(s.role, row.action)) return "forbidden";
  return s.sameOrganisation || !OF_ORGANISATION_A.includes(row.target) ? "allowed" : "not found";
}

/** The id the row is tried on: organisation A's shared case (or a fresh one, for a change that will be allowed), the target member, a new token of the target member's, a new token of the user's own, a new decision or ledger import of A's. */
async function targetOf(row: Row, s: Subject, want: string): Promise<string> {
  const adminOfA = { ...server.admin, via: "api" as const };
  if (row.target === "decision") return (await server.ctx.app.decisions.record(adminOfA, decisionOn(sharedCase))).id;
  if (row.target === "ledger-import") return (await server.ctx.app.ledgers.import(adminOfA, { fileName: "a.csv", source: (async function* () { yield LEDGER; })(), bytesTotal: LEDGER.length, columns: null })).importId;
  if (row.target === "member") return targetMember;
  if (row.target === "member-token") return (await server.ctx.app.tokens.create({ userId: targetMember, organisationId: server.organisationId, role: "buyer", via: "web" }, { name: "a member's" })).info.id;
  if (row.target === "own-token") return (await server.ctx.app.tokens.create({ ...s.client.user, via: "web" }, { name: "to revoke" })).info.id;
  return row.changes && want === "allowed" ? caseInA() : sharedCase;
}

const runPostgres = postgresAvailable();
const STORES = [
  { name: "SQLite", database: "sqlite" as const, skip: false },
  { name: `PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, database: "postgres" as const, skip: !runPostgres },
];

describe.each(STORES)("on $name", ({ database, skip }) => {
  beforeAll(async () => {
    if (!skip) await setUp(database);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  describe("the role matrix, generated from PERMISSIONS", () => {
    it.skipIf(skip)("every action of the table is tried by some request, or is named as having none yet", () => {
      const tried = new Set(ROWS.map((r) => r.action));
      expect(ACTIONS.filter((a) => !tried.has(a) && !NOT_YET_ON_HTTP.includes(a))).toEqual([]);
      expect(NOT_YET_ON_HTTP.filter((a) => tried.has(a))).toEqual([]);
    });

    it.skipIf(skip)("each role of A and each user of B gets exactly what docs/roles.md says, and nothing of another organisation's case", async () => {
      const outcomes: string[] = [];
      const wrong: string[] = [];
      const table = new Map(ROWS.map((row) => [row.name, [] as number[]]));
      for (const s of subjects) {
        for (const row of ROWS) {
          const want = expected(row, s);
          const id = await targetOf(row, s, want);
          const before = await state();
          const res = await row.send(s, id);
          const body = await res.text();
          const got = res.status < 400 ? "allowed" : res.status === 403 ? "forbidden" : res.status === 404 ? "not found" : `status ${res.status}`;
          outcomes.push(`${s.name} · ${row.name} → ${res.status}`);
          table.get(row.name)!.push(res.status);
          if (got !== want) wrong.push(`${s.name} · ${row.name}: ${res.status}, expected ${want}`);
          if (want !== "allowed") {
            if (body.includes(SECRET_TITLE)) wrong.push(`${s.name} · ${row.name}: the refusal shows the case's title`);
            if ((await state()) !== before) wrong.push(`${s.name} · ${row.name}: refused, but cases, members, a password or tokens changed`);
            const stored = await server.store.cases.get(sharedCase);
            if (stored?.version !== 1 || stored.title !== SECRET_TITLE) wrong.push(`${s.name} · ${row.name}: refused, but the shared case changed`);
          }
          if (!s.sameOrganisation && body.includes(SECRET_TITLE)) wrong.push(`${s.name} · ${row.name}: organisation A's case shows (a list, the audit trail, …)`);
        }
      }
      // The matrix as it was answered, one line a request, one status a user (in the order of the header line).
      console.info([`role matrix: ${subjects.map((s) => s.name).join(" | ")}`, ...[...table].map(([name, statuses]) => `${name}: ${statuses.join(" | ")}`)].join("\n"));
      expect(wrong).toEqual([]);
      expect(outcomes).toHaveLength(subjects.length * ROWS.length);
    }, 240_000);

    it.skipIf(skip)("organisation B's case list, page and API list hold none of A's cases", async () => {
      const b = subjects.find((s) => s.name === "admin of B")!;
      const page = await b.client.get("/");
      expect(page.res.status).toBe(200);
      expect(page.html).not.toContain(SECRET_TITLE);
      const listed = await api(b, "/cases");
      expect(listed.status).toBe(200);
      expect(await listed.text()).not.toContain(SECRET_TITLE);
    });
  });

  describe("rows written out, whatever the table says", () => {
    const by = (role: Role, sameOrganisation = true) => subjects.find((s) => s.role === role && s.sameOrganisation === sameOrganisation)!;

    it.skipIf(skip)("the table itself: a buyer may delete, an adviser and a finance officer may only read and evaluate", () => {
      expect(PERMISSIONS["case.delete"]).toEqual(["buyer", "admin"]);
      expect(ROLES.filter((role) => can(role, "case.read"))).toEqual(ROLES);
      expect(ROLES.filter((role) => can(role, "case.update"))).toEqual(["buyer", "admin"]);
      expect(ROLES.filter((role) => can(role, "audit.read"))).toEqual(["admin"]);
    });

    it.skipIf(skip)("a buyer deletes a case through the API (204); an adviser is refused (403) and the case stays", async () => {
      const forAdviser = await caseInA();
      const refused = await api(by("adviser"), `/cases/${forAdviser}`, { method: "DELETE" });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ errors: [{ code: "error.notAllowed" }] });
      expect(await server.store.cases.get(forAdviser)).not.toBeNull();
      const deleted = await api(by("buyer"), `/cases/${forAdviser}`, { method: "DELETE" });
      expect(deleted.status).toBe(204);
      expect(await server.store.cases.get(forAdviser)).toBeNull();
    });

    it.skipIf(skip)("the pages offer each role only what it may do: no new case, import, edit, duplicate, delete or members links for an adviser or a finance officer", async () => {
      const links = async (s: Subject) => {
        const { html } = await s.client.get(`/?q=${encodeURIComponent(SECRET_TITLE)}`);
        return {
          newCase: html.includes('href="/cases/new"'),
          importing: html.includes('href="/import"'),
          edit: html.includes(`href="/cases/${sharedCase}/edit"`),
          duplicate: html.includes(`action="/cases/${sharedCase}/duplicate"`),
          remove: html.includes(`href="/cases/${sharedCase}/delete"`),
          members: html.includes('href="/admin/users"'),
          audit: html.includes('href="/admin/audit"'),
          account: html.includes('href="/account"'),
        };
      };
      const none = { newCase: false, importing: false, edit: false, duplicate: false, remove: false, members: false, audit: false, account: true };
      expect(await links(by("adviser"))).toEqual(none);
      expect(await links(by("finance"))).toEqual(none);
      expect(await links(by("buyer"))).toEqual({ ...none, newCase: true, importing: true, edit: true, duplicate: true, remove: true });
      expect(await links(by("admin"))).toEqual({ newCase: true, importing: true, edit: true, duplicate: true, remove: true, members: true, audit: true, account: true });
    });

    it.skipIf(skip)("A's administrator finds A's case in A's audit trail (CSV); B's administrator finds nothing of it in B's", async () => {
      const csvOf = async (s: Subject) => {
        const res = await s.client.request("/admin/audit/export.csv");
        expect(res.status).toBe(200);
        return res.text();
      };
      expect(await csvOf(by("admin"))).toContain(sharedCase);
      const theirs = await csvOf(subjects.find((s) => s.name === "admin of B")!);
      expect(theirs).not.toContain(sharedCase);
      expect(theirs).not.toContain(SECRET_TITLE);
    });

    it.skipIf(skip)("a token acts with its user's present role: a buyer's token may delete until the administrator makes them an adviser, and so may their session", async () => {
      const buyer = await subject("a buyer who becomes an adviser", "buyer", server.organisationId);
      const [first, second] = [await caseInA(), await caseInA()];
      expect((await api(buyer, `/cases/${first}`, { method: "DELETE" })).status).toBe(204);
      await server.ctx.app.accounts.setRole({ ...server.admin, via: "web" }, buyer.client.user.userId, "adviser");
      expect((await api(buyer, `/cases/${second}`, { method: "DELETE" })).status).toBe(403);
      expect((await buyer.client.postForm(`/cases/${second}/delete`, {})).status).toBe(403);
      expect((await buyer.client.request(`/cases/${second}`)).status).toBe(200);
      expect(await server.store.cases.get(second)).not.toBeNull();
    });

    it.skipIf(skip)("a finance officer reads a case's page and CSV but may not open its editor (403)", async () => {
      const finance = by("finance");
      expect((await finance.client.request(`/cases/${sharedCase}`)).status).toBe(200);
      expect((await finance.client.request(`/cases/${sharedCase}/export.csv`)).status).toBe(200);
      expect((await finance.client.request(`/cases/${sharedCase}/edit`)).status).toBe(403);
    });

    it.skipIf(skip)("an administrator of B asking for A's case gets the same 404 as for a case that does not exist", async () => {
      const b = subjects.find((s) => s.name === "admin of B")!;
      const theirs = await b.client.request(`/cases/${sharedCase}`);
      const nobodys = await b.client.request(`/cases/00000000-0000-4000-8000-000000000000`);
      expect([theirs.status, nobodys.status]).toEqual([404, 404]);
      const [a, n] = [await theirs.text(), await nobodys.text()];
      expect(a).not.toContain(SECRET_TITLE);
      expect(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(a)?.[1]).toBe(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(n)?.[1]);
      const apiTheirs = await api(b, `/cases/${sharedCase}`);
      expect(apiTheirs.status).toBe(404);
      expect(await apiTheirs.json()).toMatchObject({ errors: [{ code: "error.notFound" }] });
    });
  });
});
