/**
 * The climate plan and the decisions register over HTTP against a real
 * server and database (SQLite, and PostgreSQL when
 * KALKYLE_TEST_DATABASE_URL is set): the adviser saves a plan typed the
 * Norwegian way, then a second version, and both stay readable; a number
 * that cannot be read comes back beside its field with everything typed
 * kept; a save over a newer version is a conflict that keeps the entry; a
 * buyer sees the plan without a form and is refused a save; a buyer
 * records a decision from a case's comparison page and finds it in the
 * register with its avoided tonnes by calendar year; and deletes it after
 * a confirmation.
 *
 * The plan: target per year 2023: 2 034,5 t and 2027: 1 000 t; the years
 * between on a straight line, (2 034,5 − 1 000) / 4 = 258,625 t less each
 * year: 2024 1 775,875; 2025 1 517,25; 2026 1 258,625 (shown to a tenth).
 *
 * The case (no discounting: every figure below is in year 0 or undiscounted):
 *   A (baseline): 5 000 kg in year 0, then 2 000 kg a year (years 1–2); buys for 1 000 kr
 *   B:            1 000 kg in year 0, then   800 kg a year;             buys for   800 kr
 * A contract from January 2027 for 24 months: its year 0 is 2027 (5 − 1 = 4 t avoided),
 * its year 1 is 2028 (2 − 0,8 = 1,2 t); 5,2 t in all; LCC difference 800 − 1 000 = −200 kr.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/store/store.js";
import { postgresAvailable, POSTGRES_MISSING } from "../support/postgres.js";
import { startTestServer, type TestServer } from "./harness.js";
import { tableRows, text } from "./page-text.js";

const NBSP = "\u00a0";
const runPostgres = postgresAvailable();
const STORES = [
  { name: "SQLite", skip: false, start: () => startTestServer({ seed: false }) as Promise<TestServer<Store>> },
  { name: `PostgreSQL${runPostgres ? "" : ` (skipped: ${POSTGRES_MISSING})`}`, skip: !runPostgres, start: () => startTestServer({ seed: false, database: "postgres" }) as Promise<TestServer<Store>> },
];

const perUnit = (kg: number) => ({ factor: { value: kg, unit: "kgCO2e/unit" }, quantity: "1 unit" });
const DECIDED_CASE = {
  schema: "kalkyle.case/1",
  title: "Skolebusser",
  analysis: { startYear: 2026, years: 2, discountRate: 0 },
  baseline: "A",
  alternatives: [
    { id: "A", name: "Dieselbusser", emissions: [{ label: "Bygging", kind: "fixed", ...perUnit(5000) }, { label: "Drift", kind: "fixed", ...perUnit(2000), every: 1 }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1000 }] },
    { id: "B", name: "Elbusser", emissions: [{ label: "Bygging", kind: "fixed", ...perUnit(1000) }, { label: "Drift", kind: "fixed", ...perUnit(800), every: 1 }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 800 }] },
  ],
};

/** The plan as an adviser types it in bokmål (version: the one the form was drawn from). */
const planFields = (version: number, changes: Record<string, string> = {}): Record<string, string> => ({
  version: String(version),
  baselineYear: "2023",
  "direct-energy": "1 234,5",
  "indirect-energy": "",
  "direct-food": "",
  "indirect-food": "800",
  targetKind: "years",
  "targetYear-0": "2023",
  "targetTonnes-0": "2 034,5",
  "targetYear-1": "2027",
  "targetTonnes-1": "1 000",
  "targetYear-2": "",
  "targetTonnes-2": "",
  shape: "linear",
  neutralityYear: "2027",
  price: "1 250",
  source: "Testpris for kompensasjon",
  ...changes,
});

const unescape = (html: string) => html.replace(/&#x3D;/g, "=").replace(/&amp;/g, "&").replace(/&quot;/g, '"');
/** The value attribute of the input with this id. */
const valueOf = (html: string, id: string) => new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(unescape(html))?.[1];

let server: TestServer<Store>;

describe.each(STORES)("the climate plan and the decisions register on $name", ({ skip, start }) => {
  beforeAll(async () => {
    if (!skip) server = await start();
  });
  afterAll(() => server?.close());
  if (skip) return void it.skip("needs PostgreSQL", () => undefined);

  describe("the plan", () => {
    it("an adviser saves a plan typed the Norwegian way; the years of the path and the version are shown beside the form", async () => {
      const adviser = await server.clientAs("adviser");
      const empty = await adviser.get("/climate/plan");
      expect(empty.res.status).toBe(200);
      // a new plan starts with the neutrality year 2027 and five blank target rows
      expect(valueOf(empty.html, "plan-neutrality-year")).toBe("2027");
      expect(valueOf(empty.html, "plan-target-year-4")).toBe("");
      const saved = await adviser.postForm("/climate/plan", planFields(0));
      expect(saved.status).toBe(303);
      expect(saved.headers.get("location")).toBe("/climate/plan?saved=1");
      const { html } = await adviser.get("/climate/plan?saved=1");
      expect(text(html)).toContain("Versjon 1 av planen er lagret.");
      // the form shows what was saved, the Norwegian way: 1 234,5 and the blank indirect as 0
      expect(valueOf(html, "plan-direct-energy")).toBe(`1${NBSP}234,5`);
      expect(valueOf(html, "plan-indirect-energy")).toBe("0");
      expect(valueOf(html, "plan-indirect-food")).toBe("800");
      expect(valueOf(html, "plan-direct-ict")).toBe("");
      expect(valueOf(html, "plan-price")).toBe(`1${NBSP}250`);
      // two saved target rows, then five blank ones
      expect(valueOf(html, "plan-target-year-1")).toBe("2027");
      expect(valueOf(html, "plan-target-year-6")).toBe("");
      expect(html).toContain('name="version" value="1"');
      expect(tableRows(html, "cap-plan-targets")).toEqual([
        ["2023", `2${NBSP}034,5`],
        ["2024", `1${NBSP}775,9`],
        ["2025", `1${NBSP}517,3`],
        ["2026", `1${NBSP}258,6`],
        ["2027", `1${NBSP}000,0`],
      ]);
      const history = tableRows(html, "cap-plan-history");
      expect(history).toHaveLength(1);
      expect(history[0]![0]).toBe("Versjon 1 (gjeldende)");
      expect(history[0]![2]).toBe(`Test adviser (deg)`);
    });

    it("a second version: the history lists both, and version 1 is still readable as it was", async () => {
      const adviser = await server.clientAs("adviser");
      expect((await adviser.get("/climate/plan")).res.status).toBe(200);
      const saved = await adviser.postForm("/climate/plan", planFields(1, { price: "1 300" }));
      expect(saved.headers.get("location")).toBe("/climate/plan?saved=2");
      const { html } = await adviser.get("/climate/plan");
      expect(tableRows(html, "cap-plan-history").map((row) => row[0])).toEqual(["Versjon 2 (gjeldende)", "Versjon 1"]);
      const first = await adviser.get("/climate/plan/versions/1");
      expect(first.res.status).toBe(200);
      expect(text(first.html)).toContain(`1${NBSP}250 kr per tonn CO2e`);
      expect(text(first.html)).not.toContain("Dette er den gjeldende versjonen.");
      expect(first.html).not.toContain('action="/climate/plan"');
      expect(tableRows(first.html, "plan-version-baseline-baseline")).toEqual([
        ["Energi", `1${NBSP}234,5`, "0"],
        ["Mat og drikke", "0", "800"],
      ]);
      const second = await adviser.get("/climate/plan/versions/2");
      expect(text(second.html)).toContain(`1${NBSP}300 kr per tonn CO2e`);
      expect(text(second.html)).toContain("Dette er den gjeldende versjonen.");
      expect((await adviser.get("/climate/plan/versions/3")).res.status).toBe(404);
      expect((await adviser.get("/climate/plan/versions/abc")).res.status).toBe(404);
    });

    it("a number that cannot be read comes back beside its field, in the summary, with everything typed kept (400); nothing is saved", async () => {
      const adviser = await server.clientAs("adviser");
      await adviser.get("/climate/plan");
      const res = await adviser.postForm("/climate/plan", planFields(2, { "direct-food": "12,5x", baselineYear: "20x3", source: "Min kilde" }));
      expect(res.status).toBe(400);
      const html = unescape(await res.text());
      expect(html).toMatch(/id="plan-direct-food-error">«12,5x»: tegn 5 \(«x»\) hører ikke hjemme i et tall</);
      expect(html).toMatch(/id="plan-direct-food"[^>]*value="12,5x"[^>]*aria-describedby="[^"]*plan-direct-food-error"[^>]*aria-invalid="true"/);
      expect(html).toContain('id="plan-baseline-year-error">Skriv et årstall med fire sifre, f.eks. 2027.<');
      expect(html).toContain('<a href="#plan-direct-food">Direkte utslipp, Mat og drikke: «12,5x»');
      expect(html).toContain('<a href="#plan-baseline-year">Basisår:');
      expect(valueOf(html, "plan-baseline-year")).toBe("20x3");
      expect(valueOf(html, "plan-source")).toBe("Min kilde");
      expect(valueOf(html, "plan-indirect-food")).toBe("800");
      // still version 2
      expect(tableRows(html, "cap-plan-history")).toHaveLength(2);
    });

    it("a problem the application layer finds is put beside the field it concerns: the neutrality year outside the path", async () => {
      const adviser = await server.clientAs("adviser");
      await adviser.get("/climate/plan");
      const res = await adviser.postForm("/climate/plan", planFields(2, { neutralityYear: "2030" }));
      expect(res.status).toBe(400);
      const html = unescape(await res.text());
      expect(html).toContain('id="plan-neutrality-year-error">året for klimanøytralitet (2030) må ligge innenfor målbanen (2023–2027)<');
      expect(valueOf(html, "plan-neutrality-year")).toBe("2030");
    });

    it("five more rows: the form comes back with the entry and five more blank rows, nothing saved", async () => {
      const adviser = await server.clientAs("adviser");
      await adviser.get("/climate/plan");
      const res = await adviser.postForm("/climate/plan", { ...planFields(2, { "targetTonnes-1": "999" }), addRows: "5" });
      expect(res.status).toBe(200);
      const html = unescape(await res.text());
      expect(valueOf(html, "plan-target-tonnes-1")).toBe("999");
      // two filled rows, five blank ones (one was sent) and five more
      expect(valueOf(html, "plan-target-year-11")).toBe("");
      expect(valueOf(html, "plan-target-year-12")).toBeUndefined();
      expect(tableRows(html, "cap-plan-history")).toHaveLength(2);
    });

    it("a save over a version someone else replaced is a conflict (409) that keeps the entry and offers the newest version", async () => {
      const adviser = await server.clientAs("adviser");
      await adviser.get("/climate/plan");
      const res = await adviser.postForm("/climate/plan", planFields(1, { price: "4 321" }));
      expect(res.status).toBe(409);
      const html = unescape(await res.text());
      expect(text(html)).toContain("Noen andre lagret planen mens du skrev (nå versjon 2).");
      expect(valueOf(html, "plan-price")).toBe("4 321");
      expect(html).toContain('name="version" value="2"');
    });

    it("a buyer sees the plan read-only, without a form, and a save is refused (403)", async () => {
      const buyer = await server.clientAs("buyer");
      const { res, html } = await buyer.get("/climate/plan");
      expect(res.status).toBe(200);
      expect(html).not.toContain('action="/climate/plan"');
      expect(text(html)).toContain("Gjeldende plan (versjon 2)");
      expect(text(html)).toContain(`1${NBSP}300 kr per tonn CO2e`);
      expect(tableRows(html, "cap-plan-targets")).toHaveLength(5);
      const refused = await buyer.postForm("/climate/plan", planFields(2, { price: "1" }));
      expect(refused.status).toBe(403);
      const after = await buyer.get("/climate/plan");
      expect(text(after.html)).toContain("Gjeldende plan (versjon 2)");
    });

    it("in English, numbers are typed and shown the English way", async () => {
      const adviser = await server.clientAs("adviser");
      await adviser.get("/climate/plan?lang=en");
      const res = await adviser.postForm("/climate/plan?lang=en", planFields(2, { "direct-energy": "1,234.5", "targetTonnes-0": "2,034.5", "indirect-food": "1 234,5" }));
      expect(res.status).toBe(400);
      const html = unescape(await res.text());
      // "1 234,5" is a bokmål number: refused on the English page beside its field
      expect(html).toMatch(/id="plan-indirect-food-error">“1 234,5”: the comma at character 6/);
      expect(valueOf(html, "plan-direct-energy")).toBe("1,234.5");
    });
  });

  describe("decisions", () => {
    let caseId: string;
    let decisionId: string;
    beforeAll(async () => {
      caseId = (await server.ctx.app.cases.create({ ...server.admin, via: "web" }, DECIDED_CASE)).id;
    });

    it("the comparison page offers to record the decision to a buyer, not to an adviser", async () => {
      const buyer = await server.clientAs("buyer");
      expect((await buyer.get(`/cases/${caseId}`)).html).toContain(`href="/cases/${caseId}/decision">Registrer beslutning</a>`);
      const adviser = await server.clientAs("adviser");
      expect((await adviser.get(`/cases/${caseId}`)).html).not.toContain(`/cases/${caseId}/decision`);
      expect((await adviser.get(`/cases/${caseId}/decision`)).res.status).toBe(403);
    });

    it("the form names the baseline it is measured against and the factor set, and chooses the alternative ranked first", async () => {
      const buyer = await server.clientAs("buyer");
      const { res, html } = await buyer.get(`/cases/${caseId}/decision`);
      expect(res.status).toBe(200);
      expect(text(html)).toContain("Måles mot Dieselbusser");
      expect(text(html)).toMatch(/Faktorsett \S+/);
      expect(unescape(html)).toMatch(/id="decision-chosen-1" name="chosen" value="B" checked/);
      expect(unescape(html)).not.toMatch(/value="A" checked/);
    });

    it("wrong input comes back beside its field with everything typed kept (400)", async () => {
      const buyer = await server.clientAs("buyer");
      await buyer.get(`/cases/${caseId}/decision`);
      const res = await buyer.postForm(`/cases/${caseId}/decision`, { chosen: "B", contractStart: "januar", contractMonths: "2 4x", category: "transport", strategyArea: "", note: "Vedtak i utvalget" });
      expect(res.status).toBe(400);
      const html = unescape(await res.text());
      expect(html).toMatch(/id="decision-contract-months-error">«2 4x»/);
      expect(html).toMatch(/id="decision-contract-start-error">«januar» er ikke en måned skrevet ÅÅÅÅ-MM/);
      expect(html).toContain('id="decision-area-error">må fylles ut<');
      expect(valueOf(html, "decision-contract-months")).toBe("2 4x");
      expect(valueOf(html, "decision-contract-start")).toBe("januar");
      expect(html).toMatch(/<option value="transport" selected>/);
      expect(html).toContain(">Vedtak i utvalget</textarea>");
      expect(html).toContain('<a href="#decision-contract-months">');
    });

    it("a buyer records the decision; the register shows it with the avoided tonnes by calendar year and the LCC difference", async () => {
      const buyer = await server.clientAs("buyer");
      await buyer.get(`/cases/${caseId}/decision`);
      const res = await buyer.postForm(`/cases/${caseId}/decision`, { chosen: "B", contractStart: "2027-01", contractMonths: "24", category: "transport", strategyArea: "climate-environment", note: "" });
      expect(res.status).toBe(303);
      const location = res.headers.get("location")!;
      expect(location).toMatch(/^\/climate\/decisions\?recorded=/);
      decisionId = decodeURIComponent(location.slice(location.indexOf("=") + 1));
      const { html } = await buyer.get(location);
      expect(text(html)).toContain("Beslutningen for «Skolebusser» er registrert.");
      const rows = tableRows(html, "cap-decisions");
      expect(rows).toHaveLength(1);
      const [row] = rows;
      // within the contract's 24 months 5,2 t; over the case's whole analysis (3 years) 6,4 t
      expect(row!.slice(0, 9)).toEqual([
        "Skolebusser",
        "Elbusser mot Dieselbusser",
        "fra januar 2027, 24 måneder",
        "Transport og kjøretøy",
        "Klima og miljø",
        "5,2",
        "6,4",
        "2027: 4,0 2028: 1,2",
        "200 kr mindre",
      ]);
      expect(row![10]).toMatch(/, Test buyer \(deg\)$/);
      expect(text(html)).toContain("«Unngått i kontraktsperioden» teller bare kontraktens måneder.");
      expect(text(html)).toContain("«kr mindre»: det valgte alternativet koster mindre");
      // the totals, from the dashboard's figures: one decision, 5,2 t, 200 kr less
      expect(text(html)).toContain(`Til sammen Registrerte beslutninger 1 beslutning Unngått i alt 5,2 t CO2e LCC-forskjell i alt 200 kr mindre`);
      // an adviser reads the same register: the buyer's name, not "(deg)"
      const adviser = await server.clientAs("adviser");
      const seen = tableRows((await adviser.get("/climate/decisions")).html, "cap-decisions");
      expect(seen[0]![10]).toMatch(/, Test buyer$/);
    });

    it("the register in English writes the figures the English way", async () => {
      const buyer = await server.clientAs("buyer");
      const { html } = await buyer.get("/climate/decisions?lang=en");
      const [row] = tableRows(html, "cap-decisions");
      expect(row!.slice(2, 9)).toEqual(["from January 2027, 24 months", "Transport and vehicles", "Climate and environment", "5.2", "6.4", "2027: 4.0 2028: 1.2", "NOK 200 less"]);
    });

    it("a case kept without a result (as the examples are seeded) is evaluated when its decision is recorded", async () => {
      const kept = await server.store.scoped({ organisationId: server.admin.organisationId, actor: { userId: null, via: "system" } }).cases.create({ ...DECIDED_CASE, title: "Seeded" });
      expect(await server.store.scoped({ organisationId: server.admin.organisationId, actor: { userId: null, via: "system" } }).cases.latestResult(kept.id)).toBeNull();
      const buyer = await server.clientAs("buyer");
      expect((await buyer.get(`/cases/${kept.id}/decision`)).res.status).toBe(200);
      const res = await buyer.postForm(`/cases/${kept.id}/decision`, { chosen: "B", contractStart: "2027-01", contractMonths: "24", category: "transport", strategyArea: "climate-environment", note: "" });
      expect(res.status).toBe(303);
      const rows = tableRows((await buyer.get("/climate/decisions")).html, "cap-decisions");
      const seeded = rows.find((r) => r[0] === "Seeded")!;
      expect(seeded.slice(5, 8)).toEqual(["5,2", "6,4", "2027: 4,0 2028: 1,2"]);
      const id = (await server.ctx.app.decisions.list({ ...server.admin, via: "web" })).find((d) => d.caseTitle === "Seeded")!.id;
      await server.ctx.app.decisions.remove({ ...server.admin, via: "web" }, id);
    });

    it("a case that cannot be evaluated: the form and the recording say so in plain words with a link back to the case (400)", async () => {
      const system = server.store.scoped({ organisationId: server.admin.organisationId, actor: { userId: null, via: "system" } });
      const broken = await system.cases.create({ ...DECIDED_CASE, title: "Uferdig", baseline: "Z" });
      const buyer = await server.clientAs("buyer");
      const shown = await buyer.get(`/cases/${broken.id}/decision`);
      expect(shown.res.status).toBe(400);
      const res = await buyer.postForm(`/cases/${broken.id}/decision`, { chosen: "B", contractStart: "2027-01", contractMonths: "24", category: "transport", strategyArea: "climate-environment", note: "" });
      expect(res.status).toBe(400);
      for (const html of [shown.html, unescape(await res.text())]) {
        expect(text(html)).toContain("Beslutningen kan ikke registreres ennå");
        expect(text(html)).toContain("Saken må kunne beregnes i sin nåværende versjon før en beslutning kan registreres");
        expect(html).toContain(`href="/cases/${broken.id}">Tilbake til saken</a>`);
        expect(text(html)).not.toContain("caseId");
        expect(text(html)).not.toContain("En uventet feil oppstod");
      }
    });

    it("a decision is deleted after a confirmation; finance may read the register but not delete", async () => {
      const finance = await server.clientAs("finance");
      expect((await finance.get("/climate/decisions")).res.status).toBe(200);
      expect((await finance.get("/climate/decisions")).html).not.toContain("/delete");
      expect((await finance.get(`/climate/decisions/${decisionId}/delete`)).res.status).toBe(403);
      const buyer = await server.clientAs("buyer");
      const confirm = await buyer.get(`/climate/decisions/${decisionId}/delete`);
      expect(confirm.res.status).toBe(200);
      expect(text(confirm.html)).toContain("Beslutningen for «Skolebusser» (Elbusser, registrert");
      const deleted = await buyer.postForm(`/climate/decisions/${decisionId}/delete`, {});
      expect(deleted.status).toBe(303);
      expect(deleted.headers.get("location")).toBe("/climate/decisions?deleted=1");
      const { html } = await buyer.get("/climate/decisions?deleted=1");
      expect(text(html)).toContain("Beslutningen er slettet.");
      expect(text(html)).toContain("Ingen beslutninger er registrert ennå.");
      expect((await buyer.postForm(`/climate/decisions/${decisionId}/delete`, {})).status).toBe(404);
    });
  });
});
