/**
 * The bids page of a case (/cases/:id/bids) against a real server: the
 * bidder template downloaded in bokmål and English, a filled template
 * uploaded as a multipart form and added as one new alternative (the page
 * says so and links to the comparison, where the bid shows); a broken one
 * answered with every problem named by sheet and cell in the user's
 * language and nothing kept; the upload only for those who may change the
 * case, and only with the form's CSRF token.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { BASE_CASE, fill, supplierEntries } from "../bids/bid-fixture.js";
import { decode, formFields } from "../support/editor-form.js";
import { startTestServer, type TestClient, type TestServer } from "./harness.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const set = loadFactorLibrary().sets.get("2025-2")!;

let server: TestServer;
let buyer: TestClient;
let caseId = "";
const templates: Partial<Record<"nb" | "en", Buffer>> = {};

beforeAll(async () => {
  server = await startTestServer();
  const created = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(BASE_CASE) });
  caseId = ((await created.json()) as { id: string }).id;
  buyer = await server.clientAs("buyer");
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const admin = () => ({ userId: server.admin.userId, organisationId: server.organisationId, role: "admin" as const, via: "web" as const });
const stored = async () => await server.ctx.app.cases.get(admin(), caseId);

/** The upload form as a browser sends it: the page's token and version, then the file. */
async function upload(client: TestClient, file: Buffer | null, options: { lang?: "nb" | "en"; token?: string; replace?: boolean } = {}): Promise<Response> {
  const { html } = await client.get(`/cases/${caseId}/bids${options.lang ? `?lang=${options.lang}` : ""}`);
  const form = new FormData();
  form.set("_csrf", options.token ?? client.csrfToken);
  form.set("version", /name="version" value="(\d+)"/.exec(html)?.[1] ?? "");
  if (options.replace) form.set("replace", "true");
  form.set("file", new Blob(file ? [new Uint8Array(file)] : [], { type: XLSX }), file ? "tilbud.xlsx" : "");
  return client.request(`/cases/${caseId}/bids${options.lang ? `?lang=${options.lang}` : ""}`, { method: "POST", body: form });
}

/** The problems listed on the page, as the user reads them. */
const problemsOf = (html: string) => [...html.matchAll(/<li>([^<]*)<\/li>/g)].map((m) => decode(m[1]!.trim())).filter((t) => /^(Arket|Sheet|filen|the file)/.test(t));

describe("the bids page", () => {
  it("offers the template in bokmål and English, each an .xlsx download the buyer's role may read", async () => {
    const { res, html } = await buyer.get(`/cases/${caseId}/bids`);
    expect(res.status).toBe(200);
    expect(html).toContain("<title>Tilbud: Fasadeplater, Storgata skole – Kalkyle</title>");
    for (const lang of ["nb", "en"] as const) {
      expect(decode(html)).toContain(`href="/cases/${caseId}/bids/template.xlsx?lang=${lang}"`);
      const download = await buyer.request(`/cases/${caseId}/bids/template.xlsx?lang=${lang}`);
      expect(download.status).toBe(200);
      expect(download.headers.get("content-type")).toBe(XLSX);
      expect(download.headers.get("content-disposition")).toMatch(lang === "nb" ? /filename="tilbudsskjema-/ : /filename="bid-form-/);
      templates[lang] = Buffer.from(await download.arrayBuffer());
    }
    expect(html).toContain('enctype="multipart/form-data"');
  });

  it("a broken form: every problem with its sheet and cell in the page's language, the file refused and nothing kept", async () => {
    const before = await stored();
    const entries = supplierEntries(set, "nb");
    entries.delivery = { ...entries.delivery, C4: -2 };
    entries.price = { ...entries.price, B3: "mange penger" };
    const broken = await fill(templates.nb!, "nb", entries);
    const nb = await upload(buyer, broken);
    expect(nb.status).toBe(400);
    const nbHtml = await nb.text();
    const nbProblems = problemsOf(nbHtml);
    expect(nbProblems).toHaveLength(2);
    expect(nbProblems.some((p) => p.startsWith("Arket Levering, celle C4: "))).toBe(true);
    expect(nbProblems.some((p) => p.startsWith("Arket Pris, celle B3: "))).toBe(true);
    expect(nbHtml).toContain("Tilbudet ble ikke lagt til: 2 problemer");
    // Problems in cells: correct the form and upload it again (not a new form)
    expect(nbHtml).toContain("Ingenting er lagret. Rett opp i skjemaet og last det opp igjen.");
    expect(nbHtml).not.toContain("Last ned et nytt tilbudsskjema");
    expect(nbHtml).toContain('aria-invalid="true"');

    const replaceKept = await upload(buyer, broken, { replace: true });
    expect(await replaceKept.text()).toMatch(/id="bid-replace"[^>]* checked/);

    const en = await upload(buyer, broken, { lang: "en" });
    expect(en.status).toBe(400);
    const enProblems = problemsOf(await en.text());
    expect(enProblems.some((p) => p.startsWith("Sheet Levering, cell C4: "))).toBe(true);

    const notExcel = await upload(buyer, Buffer.from("dette er ikke et regneark"));
    expect(notExcel.status).toBe(400);
    expect(problemsOf(await notExcel.text())).toEqual(["filen er ikke en Excel-arbeidsbok (.xlsx)"]);
    const tooLarge = await upload(buyer, Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(tooLarge.status).toBe(413);
    expect(problemsOf(await tooLarge.text())).toEqual(["filen er større enn 5 MB, det meste et tilbudsskjema kan være"]);
    const empty = await upload(buyer, null);
    expect(empty.status).toBe(400);
    const emptyHtml = decode(await empty.text());
    expect(emptyHtml).toContain("Velg en utfylt tilbudsfil (.xlsx) før du laster opp.");
    expect(emptyHtml).not.toContain("Rett opp i skjemaet");

    const after = await stored();
    expect(after.version).toBe(before.version);
    expect(after.document).toEqual(before.document);
  });

  it("a filled form is added as a new alternative: the page confirms it and links to the comparison, where the bid shows", async () => {
    const before = await stored();
    const res = await upload(buyer, await fill(templates.en!, "en", supplierEntries(set, "en")), { lang: "en" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/cases/${caseId}/bids?added=C&lang=en`);
    const { html } = await buyer.get(res.headers.get("location")!);
    expect(decode(html)).toContain("The bid “Leverandør AS, tilbud 1” was added as alternative C.");
    expect(html).toContain(`<a href="/cases/${caseId}">See the bid in the comparison</a>`);
    const after = await stored();
    expect(after.version).toBe(before.version + 1);
    expect((after.document.alternatives as { id: string }[]).map((a) => a.id)).toEqual(["A", "B", "C"]);
    const compare = await buyer.get(`/cases/${caseId}`);
    expect(compare.res.status).toBe(200);
    expect(decode(compare.html)).toContain("Leverandør AS, tilbud 1");

    // The same bid again: its short name is taken, unless replacing is asked for.
    const again = await upload(buyer, await fill(templates.nb!, "nb", supplierEntries(set, "nb")));
    expect(again.status).toBe(400);
    expect(problemsOf(await again.text())[0]).toMatch(/^Arket Tilbud, celle B3: saken har allerede et alternativ med kortnavnet «C»/);
    const replaced = await upload(buyer, await fill(templates.nb!, "nb", supplierEntries(set, "nb")), { replace: true });
    expect(replaced.status).toBe(303);
    expect(replaced.headers.get("location")).toBe(`/cases/${caseId}/bids?replaced=C`);
    expect((await stored()).version).toBe(after.version + 1);
  });

  it("an adviser may download the template but sees no upload form, and an upload from them is refused; without the token too", async () => {
    const adviser = await server.clientAs("adviser");
    const { res, html } = await adviser.get(`/cases/${caseId}/bids`);
    expect(res.status).toBe(200);
    expect(html).not.toContain('enctype="multipart/form-data"');
    expect(html).toContain("Bare den som kan endre saken, kan laste opp tilbud.");
    expect((await adviser.request(`/cases/${caseId}/bids/template.xlsx?lang=nb`)).status).toBe(200);
    const before = await stored();
    const filled = await fill(templates.nb!, "nb", { ...supplierEntries(set, "nb"), bid: { ...supplierEntries(set, "nb").bid, B3: "D" } });
    expect((await upload(adviser, filled)).status).toBe(403);
    expect((await upload(buyer, filled, { token: "feil" })).status).toBe(403);
    expect((await stored()).version).toBe(before.version);
    const other = await server.clientAs("buyer", { organisationId: await server.createOrganisation("Annen kommune") });
    expect((await other.get(`/cases/${caseId}/bids`)).res.status).toBe(404);
  });

  it("the case with its bid, award criteria, mark-ups and a factor given by year, opened in the editor and saved as it is, keeps them all", async () => {
    const current = await stored();
    const electricity = { label: "Strøm", kind: "energy", factor: { byYear: { "2026": 0.02, "2030": 0.01 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", every: 1 };
    const alternatives = (current.document.alternatives as { emissions: unknown[] }[]).map((a, i) => (i === 0 ? { ...a, emissions: [...a.emissions, electricity] } : a));
    const award = { criteria: [{ kind: "lcc", weight: 70, model: { type: "linear", zeroAt: 2 } }, { kind: "climate", weight: 30, model: { type: "proportional" } }] };
    const dataQuality = { markup: { spend: 0.3, generic: 0.1 } };
    const before = await server.ctx.app.cases.update(admin(), caseId, { ...current.document, alternatives, award, dataQuality }, current.version);

    const edit = await buyer.get(`/cases/${caseId}/edit`);
    expect(decode(edit.html)).toContain("Faktor per år: 2026: 0,02; 2030: 0,01 kgCO2e/kWh");
    expect(edit.html).toContain("tildelingskriterier og vekter, påslag for lavere datakvalitet");
    const saved = await buyer.postForm(`/cases/${caseId}?lang=nb`, [...formFields(edit.html), ["action", "save"]]);
    expect(saved.status).toBe(303);
    const after = await stored();
    expect(after.version).toBe(before.version + 1);
    expect(after.document.award).toEqual(award);
    expect(after.document.dataQuality).toEqual(dataQuality);
    const emissionsOf = (doc: Record<string, unknown>, a: number) => (doc.alternatives as { emissions: Record<string, unknown>[] }[])[a]!.emissions;
    expect(emissionsOf(after.document, 0).at(-1)!.factor).toEqual(electricity.factor);
    // the imported bid's tiers and EPDs, row by row
    const pick = (e: Record<string, unknown>) => ({ label: e.label, tier: e.tier, epd: e.epd });
    expect(emissionsOf(after.document, 2).map(pick)).toEqual(emissionsOf(before.document, 2).map(pick));
  });

  it("a form that no longer fits (another case, parameters changed since) is answered with a new form to download, not with corrections, in both languages", async () => {
    const entries = supplierEntries(set, "nb");
    const filled = await fill(templates.nb!, "nb", { ...entries, bid: { ...entries.bid, B3: "E" } });
    const newForm = (html: string) => {
      const text = decode(html);
      expect(text).not.toContain("Rett opp i skjemaet");
      expect(text).not.toContain("Correct the form");
      return text;
    };

    // another case: the same form uploaded to a second case
    const created = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(BASE_CASE) });
    const otherId = ((await created.json()) as { id: string }).id;
    const { html: otherPage } = await buyer.get(`/cases/${otherId}/bids`);
    const form = new FormData();
    form.set("_csrf", buyer.csrfToken);
    form.set("version", /name="version" value="(\d+)"/.exec(otherPage)?.[1] ?? "");
    form.set("file", new Blob([new Uint8Array(filled)], { type: XLSX }), "tilbud.xlsx");
    const other = await buyer.request(`/cases/${otherId}/bids`, { method: "POST", body: form });
    expect(other.status).toBe(400);
    const otherText = newForm(await other.text());
    expect(otherText).toContain("skjemaet ble laget for en annen sak");
    expect(otherText).toContain("last ned et nytt tilbudsskjema fra denne siden");
    expect(otherText).toContain('<a href="#bids-download-title">Last ned et nytt tilbudsskjema</a>');

    // the buyer's parameters changed since the form was downloaded
    const current = await stored();
    await server.ctx.app.cases.update(admin(), caseId, { ...current.document, analysis: { ...(current.document.analysis as object), years: 25 } }, current.version);
    const nb = await upload(buyer, filled);
    expect(nb.status).toBe(400);
    const nbText = newForm(await nb.text());
    expect(nbText).toContain("oppdragsgivers forutsetninger er endret siden skjemaet ble laget");
    expect(nbText).toContain("Skjemaet passer ikke til saken slik den er nå");
    const en = await upload(buyer, filled, { lang: "en" });
    const enText = newForm(await en.text());
    expect(enText).toContain("The form does not fit the case as it is now, so correcting it will not help: download a new bid form from this page");
    expect(enText).toContain('<a href="#bids-download-title">Download a new bid form</a>');
  });
});
