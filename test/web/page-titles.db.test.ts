/**
 * Every page's <title> names the page and, on a case's pages, the case, in
 * the user's language ("Rediger sak: Gatelys – Kalkyle", "Saker – Kalkyle"),
 * and no two pages share one. The 404 page says what was not found and
 * where to go, the same for a case that does not exist and for another
 * organisation's; the 413 page says the limit in MB; both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExampleCases } from "../../src/examples.js";
import { SYSTEM_ACTOR } from "../../src/store/store.js";
import { translate } from "../../src/web/i18n/catalog.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

let server: TestServer;
let adviser: Awaited<ReturnType<TestServer["clientAs"]>>;
let example: { id: string; title: string };
/** A case of another organisation, which this organisation's users must not learn exists. */
let foreignCaseId: string;

beforeAll(async () => {
  server = await startTestServer();
  adviser = await server.clientAs("adviser");
  const first = loadExampleCases()[0]!;
  const { cases } = await server.store.cases.list({ search: String(first.title), limit: 10 });
  example = cases.find((c) => c.title === first.title)!;
  const elsewhere = await server.createOrganisation("Annenkommune");
  foreignCaseId = (await server.store.scoped({ organisationId: elsewhere, actor: SYSTEM_ACTOR }).cases.create(first)).id;
});
afterAll(async () => {
  await server?.close();
});

const LANGS = ["nb", "en"] as const;
type Lang = (typeof LANGS)[number];

/** The text between <title> and </title>, as a browser shows it. */
function titleOf(html: string): string {
  const raw = /<title>([\s\S]*?)<\/title>/.exec(html)?.[1] ?? "";
  return raw
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

function headingOf(html: string): string {
  return /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.trim() ?? "";
}

/** A client with a session of its own, switched to the language with the page's own switch. */
async function clientIn(lang: Lang, base: TestClient, start: string): Promise<TestClient> {
  await base.get(start);
  if (lang === "en") {
    const switched = await base.postForm("/lang", { lang: "en", returnTo: start });
    expect(switched.status).toBe(303);
  }
  const { html } = await base.get(start);
  expect(html).toContain(`<html lang="${lang}">`);
  return base;
}

/** A multipart body with one file field of `bytes` bytes, as a browser sends the import form. */
function multipartFile(bytes: number, csrf: string): { body: Buffer; type: string } {
  const boundary = "----kalkyle-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sak.json"\r\nContent-Type: application/json\r\n\r\n`;
  return { body: Buffer.concat([Buffer.from(head), Buffer.alloc(bytes, 0x20), Buffer.from(`\r\n--${boundary}--\r\n`)]), type: `multipart/form-data; boundary=${boundary}` };
}

describe("page titles", () => {
  for (const lang of LANGS) {
    it(`every page's title names the page and its case, and no two pages share one (${lang})`, async () => {
      const client = await clientIn(lang, server.client(), "/");
      const t = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(lang, key, params);
      const { html: account } = await client.get("/account");
      const ownToken = /href="(\/account\/tokens\/[^"]+\/revoke)"/.exec(account)![1]!;
      const { html: tokens } = await client.get("/admin/tokens");
      const anyToken = /href="(\/admin\/tokens\/[^"]+\/revoke)"/.exec(tokens)![1]!;

      // the page, its name in the page's language, the case it is about
      const pages: { path: string; name: string; about?: string; status?: number }[] = [
        { path: "/", name: t("cases.title") },
        { path: "/cases/new", name: t("editor.titleNew") },
        { path: `/cases/${example.id}/edit`, name: t("editor.titleEdit"), about: example.title },
        { path: `/cases/${example.id}`, name: lang === "nb" ? "Sammenligning" : "Comparison", about: example.title },
        { path: `/cases/${example.id}/delete`, name: t("page.caseDelete"), about: example.title },
        { path: `/cases/${example.id}/memo?samples=100&seed=1`, name: t("memo.kicker"), about: example.title },
        { path: "/import", name: t("import.title") },
        { path: "/factors", name: t("factors.title") },
        { path: "/climate", name: t("dashboard.pageTitle") },
        { path: "/climate/plan", name: t("plan.title") },
        { path: "/climate/decisions", name: t("decisions.title") },
        { path: "/climate/ledgers", name: t("ledgers.pageTitle") },
        { path: "/climate/screening", name: t("screening.pageTitle") },
        { path: "/climate/mapping", name: t("spendMapping.pageTitle") },
        { path: "/account", name: t("account.title") },
        { path: ownToken, name: t("tokens.revokeTitle") },
        { path: "/admin/users", name: t("users.title") },
        { path: `/admin/users/${adviser.user.userId}/password`, name: t("users.resetTitle", { name: `Test adviser` }) },
        { path: `/admin/users/${adviser.user.userId}/remove`, name: t("users.removeTitle", { name: "Test adviser", organisation: "Testkommune" }) },
        { path: "/admin/tokens", name: t("adminTokens.title") },
        { path: anyToken, name: t("adminTokens.revokeTitle", { name: "\u0000" }).split("\u0000")[0]! },
        { path: "/admin/audit", name: t("audit.title") },
        { path: "/finnes-ikke", name: lang === "nb" ? "Fant ikke siden" : "Page not found", status: 404 },
        { path: "/factors?set=finnes-ikke", name: lang === "nb" ? "Ugyldig forespørsel" : "Invalid request", status: 400 },
      ];
      const seen = new Map<string, string>();
      const problems: string[] = [];
      const check = (path: string, title: string, name: string, about?: string) => {
        if (title === "Kalkyle" || !title.endsWith(" – Kalkyle")) problems.push(`${path}: generic title «${title}»`);
        if (!title.includes(name)) problems.push(`${path}: «${title}» does not name the page («${name}»)`);
        if (about !== undefined && !title.includes(about)) problems.push(`${path}: «${title}» does not name the case («${about}»)`);
        const other = seen.get(title);
        if (other !== undefined) problems.push(`${path} and ${other} share the title «${title}»`);
        seen.set(title, path);
      };
      for (const page of pages) {
        const { res, html } = await client.get(page.path);
        expect(res.status, page.path).toBe(page.status ?? 200);
        check(page.path, titleOf(html), page.name, page.about);
      }
      // the printable report: its title is the case's (it becomes the PDF's title), never the comparison page's
      const { html: report } = await client.get(`/cases/${example.id}/report`);
      const reportTitle = titleOf(report);
      expect(reportTitle).toContain(example.title);
      expect([...seen.keys()]).not.toContain(reportTitle);

      // the editor's title follows the case's title as typed
      const { html: edit } = await client.get(`/cases/${example.id}/edit`);
      expect(titleOf(edit)).toBe(`${t("editor.titleEdit")}: ${example.title} – Kalkyle`);
      // the same page with a search is the same page
      expect(titleOf((await client.get("/factors?q=diesel")).html)).toBe(titleOf((await client.get("/factors")).html));

      // an adviser meets the refusal page on an administrator's page
      const refused = await clientIn(lang, adviser, "/");
      const { res: forbidden, html: forbiddenHtml } = await refused.get("/admin/users");
      expect(forbidden.status).toBe(403);
      check("/admin/users (adviser)", titleOf(forbiddenHtml), lang === "nb" ? "Ikke tillatt" : "Not allowed");
      if (lang === "en") await refused.postForm("/lang", { lang: "nb", returnTo: "/" });

      // the login page, as a visitor sees it
      const visitor = await clientIn(lang, new TestClient(server.publicUrl), "/login");
      check("/login", titleOf((await visitor.get("/login")).html), t("login.title"));

      expect(problems).toEqual([]);
    });
  }
});

describe("the 404 page", () => {
  for (const lang of LANGS) {
    it(`says what was not found, shortened and escaped, and where to go (${lang})`, async () => {
      const client = await clientIn(lang, server.client(), "/");
      const long = `/finnes-ikke/<script>alert(1)</script>/${"et-langt-ledd-".repeat(12)}slutt`;
      const { res, html } = await client.get(long);
      expect(res.status).toBe(404);
      expect(headingOf(html)).toBe(lang === "nb" ? "Fant ikke siden" : "Page not found");
      expect(titleOf(html)).toBe(`${headingOf(html)} – Kalkyle`);
      const asked = /<code class="asked">([^<]*)<\/code>/.exec(html)?.[1] ?? "";
      expect(asked).toContain("/finnes-ikke/&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(asked).toContain("…");
      expect(asked.endsWith("slutt")).toBe(true);
      expect(html).not.toContain("<script>alert(1)");
      expect(html).toMatch(/<a href="\/">[^<]+<\/a>/);
      expect(html).toMatch(/<a href="\/factors">[^<]+<\/a>/);
      expect(html).toContain(lang === "nb" ? "Du ba om" : "You asked for");
    });

    it(`is the same for a case that does not exist and for another organisation's case (${lang})`, async () => {
      const client = await clientIn(lang, server.client(), "/");
      const withoutAsked = (html: string) => html.replace(/<code class="asked">[^<]*<\/code>/, "").replace(/name="(_csrf|returnTo)" value="[^"]*"/g, "");
      for (const suffix of ["", "/edit", "/delete", "/report"]) {
        const missing = await client.get(`/cases/finnes-ikke-${foreignCaseId.slice(0, 4)}${suffix}`);
        const foreign = await client.get(`/cases/${foreignCaseId}${suffix}`);
        expect([missing.res.status, foreign.res.status], suffix).toEqual([404, 404]);
        expect(withoutAsked(foreign.html), suffix).toBe(withoutAsked(missing.html));
        expect(foreign.html).not.toContain(String(loadExampleCases()[0]!.title));
      }
    });
  }
});

describe("the 413 page", () => {
  for (const lang of LANGS) {
    it(`says the import's limit in MB and leads back to the import (${lang})`, async () => {
      const client = await clientIn(lang, server.client(), "/import");
      const { body, type } = multipartFile(1024 * 1024 + 10, client.csrfToken);
      const res = await client.request("/import", { method: "POST", body: new Uint8Array(body), headers: { "content-type": type } });
      const html = await res.text();
      expect(res.status).toBe(413);
      expect(headingOf(html)).toBe(lang === "nb" ? "For stort innhold" : "Content too large");
      expect(titleOf(html)).toBe(`${headingOf(html)} – Kalkyle`);
      expect(html).toContain(lang === "nb" ? "grensen på 1 MB" : "the limit of 1 MB");
      expect(html).toMatch(/<a href="\/import">[^<]+<\/a>/);
    });

    it(`says a form's limit in MB, in the user's language (${lang})`, async () => {
      const client = await clientIn(lang, server.client(), "/account");
      const res = await client.postForm("/account/tokens", { label: "x".repeat(1024 * 1024 + 10) });
      const html = await res.text();
      expect(res.status).toBe(413);
      expect(html).toContain(`<html lang="${lang}">`);
      expect(headingOf(html)).toBe(lang === "nb" ? "For stort innhold" : "Content too large");
      expect(html).toContain(lang === "nb" ? "grensen på 1 MB" : "the limit of 1 MB");
    });
  }
});
