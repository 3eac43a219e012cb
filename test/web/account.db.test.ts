/**
 * One's own page on a real server: name and e-mail shown, the password
 * changed (the old one no longer logs in, the new one does, the rules
 * answered next to the field), and an API token made there, used on
 * /api/v1 and revoked (then 401). On each store: SQLite, and PostgreSQL
 * when KALKYLE_TEST_DATABASE_URL is set.
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

/** A real login through the form; the status of the answer. */
async function login(email: string, password: string): Promise<number> {
  const client = new TestClient(server.publicUrl);
  await client.get("/login");
  return (await client.postForm("/login", { email, password })).status;
}

const unescape = (html: string) => html.replace(/&#x3D;/g, "=").replace(/&amp;/g, "&");

describe.each(STORES)("one's own page on $name", ({ skip, start }) => {
  beforeAll(async () => {
    if (!skip) server = await start();
  });
  afterAll(() => server?.close());
  if (skip) return void it.skip("needs PostgreSQL", () => undefined);

  describe("one's own page", () => {
    it("shows the user's name, e-mail and role, and is never cached", async () => {
      const buyer = await server.clientAs("buyer");
      const { res, html } = await buyer.get("/account");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(html).toContain("Test buyer");
      expect(html).toContain(buyer.user.email);
      expect(html).toContain("Innkjøper");
      expect(html).toContain('href="/account"');
    });

    it("changes the password: the old one fails at login, the new one works", async () => {
      const buyer = await server.clientAs("buyer");
      await buyer.get("/account");
      const next = "en ganske lang setning om stoler";
      const res = await buyer.postForm("/account/password", { current: TEST_PASSWORD, next, repeat: next });
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe("/account?done=password");
      // this session stays
      const { res: after, html } = await buyer.get("/account?done=password");
      expect(after.status).toBe(200);
      expect(html).toContain("Passordet er byttet");
      expect(await login(buyer.user.email, TEST_PASSWORD)).toBe(401);
      expect(await login(buyer.user.email, next)).toBe(303);
    });

    it("answers each refused password next to its field, in the user's language, and sends no password back", async () => {
      const buyer = await server.clientAs("buyer");
      await buyer.get("/account");
      const cases: [Record<string, string>, string, string][] = [
        [{ current: "feil passord her", next: "en ganske lang setning", repeat: "en ganske lang setning" }, "password-current", "Det nåværende passordet er feil."],
        [{ current: TEST_PASSWORD, next: "kort", repeat: "kort" }, "password-new", "Passordet må ha minst 8 tegn."],
        [{ current: TEST_PASSWORD, next: "password1", repeat: "password1" }, "password-new", "Passordet er for vanlig."],
        [{ current: TEST_PASSWORD, next: "en ganske lang setning", repeat: "en annen lang setning" }, "password-repeat", "De to nye passordene er ikke like."],
        [{ current: "", next: "en ganske lang setning", repeat: "en ganske lang setning" }, "password-current", "Fyll ut feltet."],
      ];
      for (const [fields, id, message] of cases) {
        const res = await buyer.postForm("/account/password", fields);
        const html = await res.text();
        expect(res.status, id).toBe(400);
        expect(html).toContain(`<span class="field-error" id="${id}-error">${message}`);
        expect(html).toMatch(new RegExp(`id="${id}"[^>]*aria-describedby="[^"]*${id}-error"[^>]*aria-invalid="true"`));
        expect(html).toContain(`href="#${id}"`);
        for (const value of Object.values(fields).filter(Boolean)) expect(html).not.toContain(`value="${value}"`);
      }
      await buyer.postForm("/lang", { lang: "en" });
      const res = await buyer.postForm("/account/password", { current: TEST_PASSWORD, next: "kort", repeat: "kort" });
      expect(await res.text()).toContain("The password must have at least 8 characters.");
      expect(await login(buyer.user.email, TEST_PASSWORD)).toBe(303);
    });

    it("makes an API token shown once, which works on /api/v1 until it is revoked (then 401)", async () => {
      const adviser = await server.clientAs("adviser");
      await adviser.get("/account");
      const made = await adviser.postForm("/account/tokens", { label: "Rapport til økonomisystemet" });
      expect(made.status).toBe(200);
      const html = await made.text();
      const secret = /id="new-token"[^>]*value="(kalkyle_[^"]+)"/.exec(unescape(html))?.[1];
      expect(secret).toMatch(/^kalkyle_[A-Za-z0-9_-]{43}$/);
      expect(html).toContain("Kopier nøkkelen nå");

      const api = () => fetch(`${server.publicUrl}/api/v1/cases`, { headers: { authorization: `Bearer ${secret}` } });
      expect((await api()).status).toBe(200);

      const { html: page } = await adviser.get("/account");
      expect(page).not.toContain(secret!);
      expect(page).toContain("Rapport til økonomisystemet");
      expect(page).toContain(`<code>${secret!.slice(0, 12)}…</code>`);
      const id = /href="\/account\/tokens\/([^/"]+)\/revoke"/.exec(page)?.[1];
      expect(id).toBeDefined();

      const confirm = await adviser.get(`/account/tokens/${id}/revoke`);
      expect(confirm.res.status).toBe(200);
      expect(confirm.html).toContain("Trekke tilbake API-nøkkelen?");
      // without the CSRF token nothing happens
      expect((await adviser.postForm(`/account/tokens/${id}/revoke`, { _csrf: "nope" })).status).toBe(403);
      expect((await api()).status).toBe(200);
      const revoked = await adviser.postForm(`/account/tokens/${id}/revoke`, {});
      expect(revoked.status).toBe(303);
      expect(revoked.headers.get("location")).toBe("/account?done=revoked");
      const answer = await api();
      expect(answer.status).toBe(401);
      expect(((await answer.json()) as { errors: unknown[] }).errors).toHaveLength(1);
      expect((await adviser.get("/account")).html).toContain("Trukket tilbake");
    });

    it("keeps the typed label and names the problem when a token's label is empty or too long", async () => {
      const buyer = await server.clientAs("buyer");
      await buyer.get("/account");
      const empty = await buyer.postForm("/account/tokens", { label: "   " });
      expect(empty.status).toBe(400);
      expect(await empty.text()).toContain('id="token-label-error">Fyll ut feltet.');
      const long = "x".repeat(101);
      const tooLong = await buyer.postForm("/account/tokens", { label: long });
      expect(tooLong.status).toBe(400);
      const html = await tooLong.text();
      expect(html).toContain("Høyst 100 tegn.");
      expect(html).toContain(`value="${"x".repeat(100)}"`);
    });

    it("does not show or revoke another member's token from one's own page (404)", async () => {
      const owner = await server.clientAs("buyer");
      await owner.get("/account");
      await owner.postForm("/account/tokens", { label: "Eierens nøkkel" });
      const id = /href="\/account\/tokens\/([^/"]+)\/revoke"/.exec((await owner.get("/account")).html)?.[1];
      const other = await server.clientAs("buyer");
      await other.get("/account");
      expect((await other.get(`/account/tokens/${id}/revoke`)).res.status).toBe(404);
      expect((await other.postForm(`/account/tokens/${id}/revoke`, {})).status).toBe(404);
      expect((await owner.get("/account")).html).toContain(`/account/tokens/${id}/revoke`);
    });
  });
});
