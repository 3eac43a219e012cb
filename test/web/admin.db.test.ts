/**
 * The administrator's pages on a real server: members (add a buyer who
 * then logs in, change a role and see it take effect, keep the last
 * administrator, reset a password, end a membership) and the audit trail
 * (filters, paging, the CSV export), every member's API tokens (narrowed
 * to one member, one revoked after a confirmation); every other role gets
 * 403 on each of them. On each store: SQLite, and PostgreSQL when KALKYLE_TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";
import { startTestServer, TestClient, TEST_PASSWORD, type TestServer } from "./harness.js";

const runPostgres = postgresAvailable();
const STORES = [
  { name: "SQLite", skip: false, start: () => startTestServer({ seed: false }) as Promise<TestServer<Store>> },
  { name: `PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, skip: !runPostgres, start: () => startTestServer({ seed: false, database: "postgres" }) as Promise<TestServer<Store>> },
];

/** The server of the store under test (one after the other). */
let server: TestServer<Store>;

/** A real login through the form: the status, and the client signed in when it worked. */
async function login(email: string, password: string): Promise<{ status: number; client: TestClient }> {
  const client = new TestClient(server.publicUrl);
  await client.get("/login");
  return { status: (await client.postForm("/login", { email, password })).status, client };
}

/** An administrator of the test organisation with a session of its own. */
async function admin(): Promise<TestClient> {
  const client = await server.clientAs("admin");
  await client.get("/admin/users");
  return client;
}

const unescape = (html: string) => html.replace(/&#x3D;/g, "=").replace(/&#x60;/g, "`").replace(/&amp;/g, "&");

describe.each(STORES)("the administrator's pages on $name", ({ skip, start }) => {
  beforeAll(async () => {
    if (!skip) server = await start();
  });
  afterAll(() => server?.close());
  if (skip) return void it.skip("needs PostgreSQL", () => undefined);

  describe("the members page", () => {
    it("lists the organisation's members with their roles, never cached", async () => {
      const buyer = await server.clientAs("buyer");
      const client = await admin();
      const { res, html } = await client.get("/admin/users");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(html).toContain(server.admin.email);
      expect(html).toContain(buyer.user.email);
      expect(html).toMatch(new RegExp(`action="/admin/users/${buyer.user.userId}/role"[\\s\\S]*?<option value="buyer" selected>Innkjøper</option>`));
      expect(html).toContain('href="/admin/users"');
      expect(html).toContain('href="/admin/audit"');
    });

    it("adds a buyer with a password the administrator sets, who can then log in as a buyer", async () => {
      const client = await admin();
      const res = await client.postForm("/admin/users", { email: "kari.nordmann@kommune.no", name: "Kari Nordmann", role: "buyer", passwordChoice: "set", password: "stolene i rådhuset er gamle" });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Kari Nordmann (kari.nordmann@kommune.no) er lagt til som Innkjøper.");
      expect(html).not.toContain('id="made-password"');
      const { status, client: kari } = await login("kari.nordmann@kommune.no", "stolene i rådhuset er gamle");
      expect(status).toBe(303);
      expect((await kari.get("/cases/new")).res.status).toBe(200);
      expect((await kari.get("/admin/users")).res.status).toBe(403);
    });

    it("adds a user with a password Kalkyle makes, shown once, that works at login", async () => {
      const client = await admin();
      const res = await client.postForm("/admin/users", { email: "ola@kommune.no", name: "Ola", role: "finance", passwordChoice: "generate" });
      const html = unescape(await res.text());
      const password = /id="made-password"[^>]*value="([^"]+)"/.exec(html)?.[1];
      expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect(html).toContain("Det vises bare denne ene gangen");
      expect((await client.get("/admin/users")).html).not.toContain(password!);
      expect((await login("ola@kommune.no", password!)).status).toBe(303);
    });

    it("keeps every typed value but the password and names each problem next to its field", async () => {
      const client = await admin();
      const res = await client.postForm("/admin/users", { email: "ikke-en-adresse", name: "", role: "boss", passwordChoice: "set", password: "kort" });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('id="new-email-error">Skriv en e-postadresse');
      expect(html).toContain('value="ikke-en-adresse"');
      expect(html).toContain('id="new-name-error">Fyll ut feltet.');
      expect(html).toContain('id="new-role-error">Velg en rolle.');
      expect(html).toMatch(/id="new-email"[^>]*aria-describedby="new-email-error"[^>]*aria-invalid="true"/);
      expect(html).toContain('href="#new-email"');

      const weak = await client.postForm("/admin/users", { email: "per@kommune.no", name: "Per", role: "adviser", passwordChoice: "set", password: "kort" });
      expect(weak.status).toBe(400);
      const weakHtml = await weak.text();
      expect(weakHtml).toContain('id="new-password-error">Passordet må ha minst 8 tegn.');
      expect(weakHtml).toContain('value="per@kommune.no"');
      expect(weakHtml).toMatch(/<option value="adviser" selected>/);
      expect(weakHtml).not.toContain('value="kort"');

      const taken = await client.postForm("/admin/users", { email: server.admin.email, name: "Noen", role: "buyer", passwordChoice: "generate" });
      expect(taken.status).toBe(409);
      expect(await taken.text()).toContain('id="new-email-error">E-postadressen er allerede i bruk.');
    });

    it("changes a role, which takes effect on the member's next request", async () => {
      const buyer = await server.clientAs("buyer");
      expect((await buyer.get("/cases/new")).res.status).toBe(200);
      const client = await admin();
      const res = await client.postForm(`/admin/users/${buyer.user.userId}/role`, { role: "adviser" });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("Rollen til Test buyer er nå Klimarådgiver.");
      expect((await buyer.get("/cases/new")).res.status).toBe(403);
      await client.postForm(`/admin/users/${buyer.user.userId}/role`, { role: "admin" });
      expect((await buyer.get("/admin/users")).res.status).toBe(200);
    });

    it("keeps the last administrator: the refusal is said next to the role", async () => {
      const lone = await server.createOrganisation("Enkommune");
      const only = await server.clientAs("admin", { organisationId: lone });
      await only.get("/admin/users");
      const res = await only.postForm(`/admin/users/${only.user.userId}/role`, { role: "buyer" });
      expect(res.status).toBe(409);
      const html = await res.text();
      expect(html).toContain(`id="role-${only.user.userId}-error">Organisasjonen må ha minst én administrator.`);
      expect(html).toContain(`href="#role-${only.user.userId}"`);
      expect((await only.get("/admin/users")).res.status).toBe(200);
    });

    it("resets a member's password: the old one fails, the one shown once works", async () => {
      const finance = await server.clientAs("finance");
      const client = await admin();
      const form = await client.get(`/admin/users/${finance.user.userId}/password`);
      expect(form.res.status).toBe(200);
      const res = await client.postForm(`/admin/users/${finance.user.userId}/password`, { passwordChoice: "generate" });
      expect(res.status).toBe(200);
      const password = /id="made-password"[^>]*value="([^"]+)"/.exec(unescape(await res.text()))?.[1];
      expect(password).toBeDefined();
      // the member's sessions have ended
      expect((await finance.get("/")).res.status).toBe(303);
      expect((await login(finance.user.email, TEST_PASSWORD)).status).toBe(401);
      expect((await login(finance.user.email, password!)).status).toBe(303);

      const refused = await client.postForm(`/admin/users/${finance.user.userId}/password`, { passwordChoice: "set", password: "password" });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('id="reset-password-error">Passordet er for vanlig.');
    });

    it("ends a membership after a confirmation: the member's session and API token stop working, the trail says so", async () => {
      const leaver = await server.clientAs("buyer");
      await leaver.get("/account");
      const made = unescape(await (await leaver.postForm("/account/tokens", { label: "Slutter snart" })).text());
      const secret = /id="new-token"[^>]*value="([^"]+)"/.exec(made)![1]!;
      const api = () => fetch(`${server.publicUrl}/api/v1/cases`, { headers: { authorization: `Bearer ${secret}` } });
      expect((await api()).status).toBe(200);
      const client = await admin();
      const confirm = await client.get(`/admin/users/${leaver.user.userId}/remove`);
      expect(confirm.res.status).toBe(200);
      expect(confirm.html).toContain("Fjerne Test buyer fra Testkommune?");
      const res = await client.postForm(`/admin/users/${leaver.user.userId}/remove`, {});
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Test buyer er ikke lenger medlem.");
      expect(html).not.toContain(leaver.user.email);
      expect((await leaver.get("/")).res.status).toBe(303);
      expect((await api()).status).toBe(401);
      expect((await login(leaver.user.email, TEST_PASSWORD)).status).toBe(401);
      const trail = (await client.get(`/admin/audit?entityId=${leaver.user.userId}&action=user.remove`)).html;
      expect(trail).toContain("Medlemskap avsluttet");
      expect((await client.postForm(`/admin/users/${leaver.user.userId}/remove`, {})).status).toBe(404);
    });

    it("keeps the last administrator's membership", async () => {
      const lone = await server.createOrganisation("Sistekommune");
      const only = await server.clientAs("admin", { organisationId: lone });
      await only.get("/admin/users");
      const res = await only.postForm(`/admin/users/${only.user.userId}/remove`, {});
      expect(res.status).toBe(409);
      expect(await res.text()).toContain(`id="role-${only.user.userId}-error">Organisasjonen må ha minst én administrator.`);
      expect((await only.get("/admin/users")).res.status).toBe(200);
    });

    it("answers a member of another organisation as not found", async () => {
      const elsewhere = await server.createOrganisation("Annenkommune");
      const stranger = await server.clientAs("buyer", { organisationId: elsewhere });
      const client = await admin();
      expect((await client.get(`/admin/users/${stranger.user.userId}/password`)).res.status).toBe(404);
      expect((await client.postForm(`/admin/users/${stranger.user.userId}/role`, { role: "admin" })).status).toBe(404);
      expect((await client.get("/admin/users")).html).not.toContain(stranger.user.email);
    });
  });

  describe("the organisation's API tokens", () => {
    /** A member of the given role with a token made on their own page: the member's client, the secret, and an API call with it. */
    async function memberWithToken(role: "buyer" | "adviser", label: string, organisationId?: string) {
      const member = await server.clientAs(role, organisationId ? { organisationId } : {});
      await member.get("/account");
      const made = unescape(await (await member.postForm("/account/tokens", { label })).text());
      const secret = /id="new-token"[^>]*value="([^"]+)"/.exec(made)![1]!;
      const [info] = (await server.ctx.app.tokens.list({ ...member.user, via: "web" })).filter((t) => t.name === label);
      const api = () => fetch(`${server.publicUrl}/api/v1/cases`, { headers: { authorization: `Bearer ${secret}` } });
      return { member, secret, id: info!.id, api };
    }

    it("lists every member's tokens without their secrets, narrowed to one member from the members page, never cached", async () => {
      const buyer = await memberWithToken("buyer", "Regneark for innkjøp");
      const adviser = await memberWithToken("adviser", "Klimarapport");
      const client = await admin();
      const users = (await client.get("/admin/users")).html;
      expect(users).toContain(`href="/admin/tokens?member=${buyer.member.user.userId}"`);
      expect(users).toContain('href="/admin/tokens"');
      const all = await client.get("/admin/tokens");
      expect(all.res.status).toBe(200);
      expect(all.res.headers.get("cache-control")).toBe("no-store");
      expect(all.html).toContain("Regneark for innkjøp");
      expect(all.html).toContain("Klimarapport");
      expect(all.html).toContain(`<code>${buyer.secret.slice(0, 12)}…</code>`);
      expect(all.html).not.toContain(buyer.secret);
      const one = await client.get(`/admin/tokens?member=${buyer.member.user.userId}`);
      expect(one.html).toContain("Regneark for innkjøp");
      expect(one.html).not.toContain("Klimarapport");
      expect(one.html).toContain("1 nøkkel");
      expect(one.html).toMatch(new RegExp(`<option value="${buyer.member.user.userId}" selected>`));
      expect(one.html).toContain(`href="/admin/tokens/${buyer.id}/revoke"`);
      expect(adviser.id).not.toBe(buyer.id);
    });

    it("revokes a buyer's token after a confirmation: the buyer's API call gets 401, the trail says who did it", async () => {
      const buyer = await memberWithToken("buyer", "Økonomisystemet");
      expect((await buyer.api()).status).toBe(200);
      const client = await admin();
      const confirm = await client.get(`/admin/tokens/${buyer.id}/revoke`);
      expect(confirm.res.status).toBe(200);
      expect(confirm.html).toContain("Trekke tilbake API-nøkkelen til Test buyer?");
      expect(confirm.html).toContain(`action="/admin/tokens/${buyer.id}/revoke"`);
      expect((await buyer.api()).status).toBe(200);
      const res = await client.postForm(`/admin/tokens/${buyer.id}/revoke`, {});
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`/admin/tokens?member=${buyer.member.user.userId}&done=revoked`);
      const after = await client.get(res.headers.get("location")!);
      expect(after.html).toContain("API-nøkkelen er trukket tilbake.");
      expect(after.html).toContain("Trukket tilbake");
      expect(after.html).not.toContain(`href="/admin/tokens/${buyer.id}/revoke"`);
      expect((await buyer.api()).status).toBe(401);
      const trail = (await client.get(`/admin/audit?entityId=${buyer.id}&action=token.revoke`)).html;
      expect(trail).toContain("API-nøkkel trukket tilbake");
      expect(trail).toContain("Test admin");
      // a token revoked is gone from the forms
      expect((await client.postForm(`/admin/tokens/${buyer.id}/revoke`, {})).status).toBe(404);
    });

    it("answers 403 to a buyer on the page, the confirmation and the revocation, and the token keeps working", async () => {
      const owner = await memberWithToken("adviser", "Beholdes");
      const buyer = await server.clientAs("buyer");
      await buyer.get("/account");
      expect((await buyer.get("/")).html).not.toContain('href="/admin/tokens"');
      expect((await buyer.get("/admin/tokens")).res.status).toBe(403);
      expect((await buyer.get(`/admin/tokens/${owner.id}/revoke`)).res.status).toBe(403);
      expect((await buyer.postForm(`/admin/tokens/${owner.id}/revoke`, {})).status).toBe(403);
      expect((await owner.api()).status).toBe(200);
    });

    it("answers another organisation's token as not found, and leaves it working", async () => {
      const elsewhere = await server.createOrganisation("Tokenkommune");
      const stranger = await memberWithToken("buyer", "Annen kommune", elsewhere);
      const client = await admin();
      expect((await client.get(`/admin/tokens/${stranger.id}/revoke`)).res.status).toBe(404);
      expect((await client.postForm(`/admin/tokens/${stranger.id}/revoke`, {})).status).toBe(404);
      expect((await client.get("/admin/tokens")).html).not.toContain("Annen kommune");
      expect((await client.get(`/admin/tokens?member=${stranger.member.user.userId}`)).html).not.toContain("Annen kommune");
      expect((await stranger.api()).status).toBe(200);
    });
  });

  /** RFC 4180 records (quoted fields, doubled quotes, CRLF): enough to read the export back. */
  function parseCsv(text: string, delimiter: string): string[][] {
    const records: string[][] = [[]];
    let field = "";
    let quoted = false;
    const endField = () => {
      records.at(-1)!.push(field);
      field = "";
    };
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted && c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = !quoted;
      else if (!quoted && c === delimiter) endField();
      else if (!quoted && c === "\r" && text[i + 1] === "\n") {
        endField();
        records.push([]);
        i++;
      } else field += c;
    }
    if (records.at(-1)!.length === 0 && field === "") records.pop();
    return records;
  }

  /** Today in Norway, as yyyy-mm-dd, `days` from now. */
  const osloDate = (days = 0) => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date(Date.now() + days * 86_400_000));

  const rowsOf = (html: string) => [...html.matchAll(/<tr>\s*<th scope="row"><time/g)].length;

  describe("the audit trail", () => {
    let organisationId = "";
    let logAdmin: TestClient & { user: { userId: string } };
    let buyer: TestClient & { user: { userId: string; email: string } };
    beforeAll(async () => {
      organisationId = await server.createOrganisation("Loggkommune");
      logAdmin = await server.clientAs("admin", { organisationId });
      buyer = await server.clientAs("buyer", { organisationId });
      await logAdmin.get("/admin/users");
      // the administrator adds a member whose name a spreadsheet would read as a formula, and changes the buyer's role twice
      await logAdmin.postForm("/admin/users", { email: "formel@kommune.no", name: "=SUM(1+1)", role: "finance", passwordChoice: "generate" });
      await logAdmin.postForm(`/admin/users/${buyer.user.userId}/role`, { role: "adviser" });
      await logAdmin.postForm(`/admin/users/${buyer.user.userId}/role`, { role: "buyer" });
      // the buyer makes a token on their own page
      await buyer.get("/account");
      await buyer.postForm("/account/tokens", { label: "Budsjettrapport" });
    });

    it("shows every change newest first, who did it and what changed in words, never cached", async () => {
      const { res, html } = await logAdmin.get("/admin/audit");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      // organisation.create, two members made by Kalkyle, one added, two role changes, one token
      expect(html).toContain("7 endringer");
      expect(rowsOf(html)).toBe(7);
      const order = ["API-nøkkel laget", "Rolle endret", "Rolle endret", "Bruker lagt til", "Bruker lagt til", "Bruker lagt til", "Organisasjon opprettet"];
      const whats = [...html.matchAll(/<\/td>\s*<td>([^<]+)<\/td>\s*<td><a href="[^"]*">(?:Sak|Organisasjon|Bruker|API-nøkkel)/g)].map((m) => m[1]);
      expect(whats).toEqual(order);
      expect(html).toContain("<li>rolle: Klimarådgiver → Innkjøper</li>");
      expect(html).toContain("<li>rolle: Innkjøper → Klimarådgiver</li>");
      expect(html).toContain("<li>navn: Budsjettrapport</li>");
      expect(html).toContain("<li>bruker: Test buyer</li>");
      expect(html).not.toContain("{&quot;");
    });

    it("filters by action, actor, entity and dates, and names a bad date next to its field", async () => {
      const byAction = (await logAdmin.get("/admin/audit?action=user.role")).html;
      expect(rowsOf(byAction)).toBe(2);
      expect(byAction).toMatch(/<option value="user.role" selected>/);
      const byActor = (await logAdmin.get(`/admin/audit?actor=${buyer.user.userId}`)).html;
      expect(rowsOf(byActor)).toBe(1);
      expect(byActor).toContain("API-nøkkel laget");
      expect(rowsOf((await logAdmin.get("/admin/audit?entity=user")).html)).toBe(5);
      const oneMember = (await logAdmin.get(`/admin/audit?entity=user&entityId=${buyer.user.userId}`)).html;
      expect(rowsOf(oneMember)).toBe(3);
      expect(oneMember).toContain(`Bare endringer av id ${buyer.user.userId}.`);
      expect(unescape(byActor)).toContain(`<a href="/admin/audit?entity=token&entityId=`);
      expect(rowsOf((await logAdmin.get(`/admin/audit?from=${osloDate()}&to=${osloDate()}`)).html)).toBe(7);
      expect(rowsOf((await logAdmin.get(`/admin/audit?from=${osloDate(1)}`)).html)).toBe(0);
      expect(rowsOf((await logAdmin.get(`/admin/audit?to=${osloDate(-1)}`)).html)).toBe(0);
      // an unknown action or actor is no filter at all, never passed on
      expect(rowsOf((await logAdmin.get("/admin/audit?action=__proto__&actor=nobody")).html)).toBe(7);
      const bad = await logAdmin.get("/admin/audit?from=2026-02-30&to=i+går");
      expect(bad.res.status).toBe(400);
      expect(bad.html).toContain('id="audit-from-error">Skriv datoen som åååå-mm-dd.');
      expect(bad.html).toMatch(/id="audit-to"[^>]*aria-describedby="audit-to-hint audit-to-error"[^>]*aria-invalid="true"/);
      expect(bad.html).toContain('value="i går"');
      const backwards = await logAdmin.get(`/admin/audit?from=${osloDate()}&to=${osloDate(-2)}`);
      expect(backwards.html).toContain("Til-datoen er før fra-datoen.");
    });

    it("shows another organisation's trail to nobody", async () => {
      const html = (await logAdmin.get("/admin/audit?entity=user")).html;
      expect(html).not.toContain(server.admin.email);
      const other = (await (await admin()).get("/admin/audit?action=token.create")).html;
      expect(other).not.toContain("Budsjettrapport");
    });

    it("pages 50 rows at a time, the filter kept in the links", async () => {
      const principal = { userId: logAdmin.user.userId, organisationId, role: "admin" as const, via: "web" as const };
      for (let i = 1; i <= 52; i++) await server.ctx.app.tokens.create(principal, { name: `Nøkkel ${i}` });
      const first = (await logAdmin.get("/admin/audit?entity=token")).html;
      expect(first).toContain("53 endringer");
      expect(rowsOf(first)).toBe(50);
      expect(first).toContain("<li>navn: Nøkkel 52</li>");
      expect(unescape(first)).toContain('href="/admin/audit?entity=token&page=2" rel="next"');
      const second = (await logAdmin.get("/admin/audit?entity=token&page=2")).html;
      expect(rowsOf(second)).toBe(3);
      expect(second).toContain("<li>navn: Budsjettrapport</li>");
      expect(second).toContain("<li>navn: Nøkkel 1</li>");
    });

    it("exports the filtered view as CSV: BOM, semicolons for bokmål, every row, formulas neutralised", async () => {
      const page = (await logAdmin.get("/admin/audit?entity=user")).html;
      const link = /href="(\/admin\/audit\/export\.csv[^"]*)" download/.exec(unescape(page))?.[1];
      expect(link).toBe("/admin/audit/export.csv?entity=user&sep=semicolon");
      const res = await logAdmin.request(link!);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="endringslogg-\d{4}-\d{2}-\d{2}\.csv"/);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString("utf8");
      const rows = parseCsv(text, ";");
      expect(rows[0]).toEqual(["Tid (UTC)", "Hvem", "E-post", "Kanal", "Hva", "Handling (kode)", "Gjelder", "Id", "Navn", "Endret"]);
      expect(rows).toHaveLength(1 + 5);
      expect(rows.slice(1).map((r) => r[5])).toEqual(["user.role", "user.role", "user.create", "user.create", "user.create"]);
      expect(rows[1]![9]).toBe("rolle: Klimarådgiver → Innkjøper");
      expect(rows[1]![0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(rows.slice(1).every((r) => r.length === 10)).toBe(true);
      // the member named "=SUM(1+1)" is text in a spreadsheet, never a formula
      expect(text).toContain("'=SUM(1+1)");
      expect(text).not.toMatch(/(^|;)=SUM/m);

      const english = await logAdmin.request("/admin/audit/export.csv?action=user.role&lang=en");
      const en = parseCsv((await english.text()).replace(/^\uFEFF/, ""), ",");
      expect(en[0]![0]).toBe("Time (UTC)");
      expect(en).toHaveLength(3);
      expect(en[1]![9]).toBe("role: Climate adviser → Buyer");
    });
  });

  describe("every administrator's page refuses the other roles", () => {
    it("answers 403 to a buyer, an adviser and finance on each page and form, and changes nothing", async () => {
      const target = await server.clientAs("buyer");
      for (const role of ["buyer", "adviser", "finance"] as const) {
        const client = await server.clientAs(role);
        const { html } = await client.get("/");
        expect(html, role).not.toContain('href="/admin/users"');
        for (const path of ["/admin/users", "/admin/tokens", "/admin/audit", "/admin/audit/export.csv", `/admin/users/${target.user.userId}/password`, `/admin/users/${target.user.userId}/remove`]) {
          expect((await client.get(path)).res.status, `${role} GET ${path}`).toBe(403);
        }
        await client.get("/account");
        expect((await client.postForm("/admin/users", { email: `${role}-made@kommune.no`, name: "X", role: "admin", passwordChoice: "set", password: "et langt passord her" })).status, role).toBe(403);
        expect((await client.postForm(`/admin/users/${target.user.userId}/role`, { role: "admin" })).status, role).toBe(403);
        expect((await client.postForm(`/admin/users/${target.user.userId}/password`, { passwordChoice: "set", password: "et langt passord her" })).status, role).toBe(403);
        expect((await client.postForm(`/admin/users/${target.user.userId}/remove`, {})).status, role).toBe(403);
      }
      expect(await server.store.accounts.roleIn(target.user.userId, server.organisationId)).toBe("buyer");
      expect((await target.get("/")).res.status).toBe(200);
      expect(await server.store.accounts.userByEmail("buyer-made@kommune.no")).toBeNull();
    });
  });
});
