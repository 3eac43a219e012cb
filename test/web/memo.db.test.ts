/**
 * The decision memo (GET /cases/:id/memo and its PDF) against a real server
 * and database: for the finance page's small case (finance.db.test.ts) the
 * memo shows the measures worked out by hand below, the same measures and
 * the same P5–P95 as the finance page for the same run, its seed, who made
 * it and the case's version; a refused query is a 400 naming the field;
 * the PDF is a tagged PDF, another organisation's case a 404 and a case
 * that no longer validates a 409; HEAD answers the headers only.
 *
 * The case (flat 4 %, N = 2, 2026–2028; D1 = 1.04, D2 = 1.0816):
 *   A (baseline): buys for 1 000 in year 0, energy 500 a year; 2 000 kg a year
 *   B:            buys for 2 000,           energy 100 a year;   400 kg a year
 *   C:            buys for 1 600,           energy 100 a year; 2 000 kg a year
 * Present values: A = 1 000 + 500/1.04 + 500/1.0816 = 1 000 + 480.77 + 462.28 = 1 943.05
 *                 B = 2 000 + 100/1.04 + 100/1.0816 = 2 000 + 96.15 + 92.46 = 2 188.61
 *                 C = 1 600 + 96.15 + 92.46 = 1 788.61
 */
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_PATH } from "../../src/web/pdf.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";
import { kr, tableRows, text } from "./page-text.js";

const NBSP = "\u00a0";
const MINUS = "\u2212";
const fixedPerYear = (kg: number) => ({ factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit`, every: 1 });

const SMALL = {
  schema: "kalkyle.case/1",
  title: "Kjel eller varmepumpe",
  functionalUnit: "Varme til ett skolebygg i to år",
  analysis: { startYear: 2026, years: 2, discountRate: 0.04 },
  baseline: "A",
  alternatives: [
    { id: "A", name: "Gammel kjel", emissions: [{ label: "Drift", kind: "fixed", ...fixedPerYear(2000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1000 }, { label: "Strøm", kind: "energy", amount: 500, every: 1 }] },
    { id: "B", name: "Varmepumpe", emissions: [{ label: "Drift", kind: "fixed", ...fixedPerYear(400) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 2000 }, { label: "Strøm", kind: "energy", amount: 100, every: 1 }] },
    { id: "C", name: "Ny kjel", emissions: [{ label: "Drift", kind: "fixed", ...fixedPerYear(2000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 1600 }, { label: "Strøm", kind: "energy", amount: 100, every: 1 }] },
  ],
};
/** A short run, so the test is cheap: 500 draws with seed 42. */
const RUN = "samples=500&seed=42";

let server: TestServer;
let client: TestClient;
let caseId: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  client = new TestClient(server.url);
  caseId = (await server.store.cases.create(SMALL)).id;
});
afterAll(async () => server?.close());


/** The /Title of a PDF's document information: a hex string in UTF-16BE (after FE FF) or a literal string. */
function pdfTitle(pdf: string): string | null {
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(pdf);
  if (hex) return Buffer.from(hex[1]!, "hex").swap16().toString("utf16le");
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(pdf);
  return literal ? literal[1]!.replace(/\\(.)/g, "$1") : null;
}

describe("the memo of a small case", () => {
  it("shows the measures worked out by hand, the same as the finance page's for the same run", async () => {
    const memo = await client.get(`/cases/${caseId}/memo?${RUN}`);
    expect(memo.res.status).toBe(200);
    const rows = tableRows(memo.html, "cap-measures");
    // operating savings ΔS = (480.77 + 462.28) − (96.15 + 92.46) = 754.44 for both B and C
    // B: ΔI = 2 000 − 1 000 = 1 000; NS = 1 943.05 − 2 188.61 = −245.56; SIR = 754.44 / 1 000 = 0.75;
    //    AIRR = 1.04 × √0.754438 − 1 = −9.67 %; discounted tonnes A = 2/1.04 + 2/1.0816 = 3.772189,
    //    B = 0.4/1.04 + 0.4/1.0816 = 0.754438; break-even = 245.56 / 3.017751 = 81.37 NOK per tonne
    const b = rows.find((r) => r[0] === "Varmepumpe")!;
    expect(b.slice(0, 8)).toEqual(["Varmepumpe", kr(1000), kr(754.44), `${MINUS}246`, "betaler seg ikke tilbake innen perioden", "0,75", `${MINUS}9,67${NBSP}%`, expect.stringMatching(/^81\b/)]);
    // C: ΔI = 600; NS = 1 943.05 − 1 788.61 = 154.44; simple payback in year 2 (1 800 ≤ 2 000; 1 700 > 1 500 in year 1);
    //    SIR = 754.44 / 600 = 1.26; AIRR = 1.04 × √1.257396 − 1 = 16.62 %; it avoids no tonnes
    const c = rows.find((r) => r[0] === "Ny kjel")!;
    expect(c.slice(0, 8)).toEqual(["Ny kjel", kr(600), kr(754.44), kr(154.44), "år 2 (2028)", "1,26", `16,62${NBSP}%`, "ikke definert: alternativet gir ikke lavere utslipp enn referansealternativet"]);

    const finance = await client.get(`/cases/${caseId}/finance?${RUN}`);
    expect(rows).toEqual(tableRows(finance.html, "cap-measures"));
    expect(tableRows(memo.html, "cap-path")).toEqual(tableRows(finance.html, "cap-path"));

    // lifecycle cost and CO2e as calculated, in the ranking's order (the waste pyramid, no level declared, so
    // CO2e first: B 400 kg in years 1 and 2 = 0.80 t; A and C 2 000 × 2 = 4.00 t, then present value: C 1 789 < A 1 943)
    const figures = tableRows(memo.html, "cap-figures");
    expect(figures.map((r) => [r[0], r[1], r[3]])).toEqual([
      ["Varmepumpe", kr(2188.61), "0,80"],
      ["Ny kjel", kr(1788.61), "4,00"],
      ["Gammel kjel (referanse)", kr(1943.05), "4,00"],
    ]);
    // P5–P95 are the finance page's P5 and P95 of the same draws (seed 42, 500 draws)
    const percentiles = new Map(tableRows(finance.html, "cap-percentiles").map((r) => [r[0], r]));
    for (const row of figures) {
      const p = percentiles.get(row[0]!.replace(" (referanse)", ""))!;
      // finance: name, kg P5, P50, P95, lcc P5, P50, P95
      expect(row[2], row[0]).toBe(`${p[4]} – ${p[6]}`);
      expect(row[4], row[0]).toBe(`${p[1]} – ${p[3]}`);
    }
    // B has less CO2e than A in every draw: 400 kg a year against 2 000, each with a narrow default range
    expect(figures.find((r) => r[0] === "Varmepumpe")![6]).toBe(`100${NBSP}%`);
  });

  it("states the question, the recommendation, the run with its seed, who made it, the date and the case's version", async () => {
    const officer = await server.clientAs("finance");
    const { html } = await officer.get(`/cases/${caseId}/memo?${RUN}&percent=7`);
    const page = text(html);
    expect(page).toContain("Hvilket alternativ bør velges i saken «Kjel eller varmepumpe»?");
    expect(page).toContain("Alternativene dekker samme behov: Varme til ett skolebygg i to år.");
    expect(page).toContain("«Varmepumpe» anbefales når alternativene rangeres etter avfallspyramiden");
    expect(page).toContain("Laget av Test finance");
    expect(page).toContain(`500 trekk med startverdi 42; kostnadene ±10${NBSP}%`);
    expect(page).toContain(`Varmepumpe mot Gammel kjel; ±7${NBSP}% der et tall ikke har eget spenn`);
    expect(page).toContain("Versjon 1, lagret");
    // the time it was made is Norwegian time, the zone named (CET in winter, CEST in summer), never UTC
    expect(page).toMatch(/\(kl\. \d{2}:\d{2} CES?T, norsk tid\)/);
    expect(page).not.toContain(" UTC)");
    expect(page).toMatch(/Laget av Test finance \d{1,2}\. \S+ 20\d\d med Kalkyle, fra versjon 1 av saken\./);
    // the PDF link carries the run, so the PDF reports the same draws
    const pdfLink = /<a href="([^"]+)" data-pdf-link/.exec(html)![1]!.replace(/&amp;/g, "&").replace(/&#x3D;/g, "=");
    expect(pdfLink).toBe(`/cases/${caseId}/memo.pdf?a=A&b=B&percent=7&samples=500&seed=42&costPercent=10`);

    const en = text((await officer.get(`/cases/${caseId}/memo?${RUN}&lang=en`)).html);
    expect(en).toContain("Which alternative should be chosen in the case “Kjel eller varmepumpe”?");
    expect(en).toContain("500 draws with seed 42");
    expect(en).toContain("Made by Test finance");
  });

  it("adds the lifecycle cost with carbon cost, and its P5–P95, where the case prices carbon", async () => {
    const priced = await server.store.cases.create({ ...SMALL, title: "Kjel eller varmepumpe, med karbonpris", analysis: { ...SMALL.analysis, carbonPrice: { "2026": 1000 } } });
    const { html } = await client.get(`/cases/${priced.id}/memo?${RUN}`);
    const head = text(html.slice(html.indexOf('<caption id="cap-figures">'), html.indexOf("</thead>", html.indexOf('<caption id="cap-figures">'))));
    expect(head).toContain("Med karbonkostnad, nåverdi (kr) Med karbonkostnad P5–P95 (kr)");
    // 1 000 NOK a tonne on the discounted tonnes (A and C 3.772189 t, B 0.754438 t, from the measures test):
    // A 1 943.05 + 3 772.19 = 5 715.24; B 2 188.61 + 754.44 = 2 943.05; C 1 788.61 + 3 772.19 = 5 560.80
    const rows = new Map(tableRows(html, "cap-figures").map((r) => [r[0]!.replace(" (referanse)", ""), r]));
    expect([...rows.keys()]).toEqual(["Varmepumpe", "Ny kjel", "Gammel kjel"]);
    expect(rows.get("Gammel kjel")![3]).toBe(kr(5715.24));
    expect(rows.get("Varmepumpe")![3]).toBe(kr(2943.05));
    expect(rows.get("Ny kjel")![3]).toBe(kr(5560.8));
    expect(rows.get("Varmepumpe")![4]).toMatch(new RegExp(`^[\\d${NBSP}]+ – [\\d${NBSP}]+$`));
    // the case's own prices: where the R-109 path is shown, which price each figure uses; the path held flat after its last year
    // is said only of a case whose years run past it (this one ends in 2028, the path in 2030)
    expect(text(html)).toContain("Saken har sine egne karbonpriser: tallene med karbonkostnad bruker dem, mens sammenligningen med karbonprisen for lik kostnad bruker R-109-banen i tabellen.");
    expect(text(html)).not.toMatch(/år etter \d{4} får prisen for/);
    const plain = text((await client.get(`/cases/${caseId}/memo?${RUN}`)).html);
    expect(plain).not.toContain("Saken har sine egne karbonpriser");
  });

  it("is linked from the comparison page, and from the finance page with the run that page shows", async () => {
    const compare = await client.get(`/cases/${caseId}`);
    expect(compare.html).toContain(`<a href="/cases/${caseId}/memo">Beslutningsnotat</a>`);
    const finance = await client.get(`/cases/${caseId}/finance?samples=300&seed=9&percent=5`);
    const href = /<a href="([^"]+)">Beslutningsnotat<\/a>/.exec(finance.html)![1]!.replace(/&amp;/g, "&").replace(/&#x3D;/g, "=");
    const memo = text((await client.get(href)).html);
    expect(memo).toContain(`300 trekk med startverdi 9; kostnadene ±10${NBSP}%`);
    expect(memo).toContain(`±5${NBSP}% der et tall ikke har eget spenn`);
  });

  it("redirects to an address with a drawn seed when none is given, and puts that seed in the PDF link", async () => {
    const asked = await client.get(`/cases/${caseId}/memo?samples=100&lang=nb`);
    expect(asked.res.status).toBe(303);
    const location = asked.res.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^/cases/${caseId}/memo\\?samples=100&lang=nb&seed=\\d+$`));
    const { html } = await client.get(location);
    const seed = /(\d+) trekk med startverdi (\d+);/.exec(text(html))!;
    expect(location).toContain(`seed=${seed[2]}`);
    expect(seed[1]).toBe("100");
    expect(html.replace(/&#x3D;/g, "=")).toContain(`seed=${seed[2]}&amp;`);
  });

  it("refuses a query it cannot use with a 400 page naming each field, in the user's language", async () => {
    const { res, html } = await client.get(`/cases/${caseId}/memo?percent=60&seed=abc&a=Z&b=A`);
    expect(res.status).toBe(400);
    const page = text(html).replace(/ :/g, ":");
    expect(page).toContain("Variasjon, ± %: må være mellom 1 og 50");
    expect(page).toContain("Startverdi for trekkene (seed): «abc» er ikke et tall");
    expect(page).toContain("Alternativ A: «Z» er ikke et alternativ i saken");
    const pdf = await client.request(`/cases/${caseId}/memo.pdf?samples=5&lang=en`);
    expect(pdf.status).toBe(400);
    expect(text(await pdf.text()).replace(/ :/g, ":")).toContain("Number of draws: must be a whole number from 100 to 20,000");
  });
});

describe("the memo's PDF", () => {
  it.skipIf(!existsSync(CHROMIUM_PATH))(`is the memo rendered by Chromium: a tagged PDF titled by the memo (skipped when ${CHROMIUM_PATH} is missing)`, async () => {
    const res = await client.request(`/cases/${caseId}/memo.pdf?${RUN}&lang=en&ready=abc123def456`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''Decision%20memo%20%E2%80%93%20Kjel%20eller%20varmepumpe.pdf`);
    expect(res.headers.getSetCookie().some((c) => c.startsWith("kalkyle-pdf-ready=abc123def456;"))).toBe(true);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = bytes.toString("latin1");
    expect(pdf).toContain("/StructTreeRoot");
    expect(pdf).toMatch(/\/MarkInfo\s*<<[^>]*\/Marked true/);
    expect(pdf).toContain("/Lang (en)");
    expect(pdfTitle(pdf)).toBe("Decision memo: Kjel eller varmepumpe – Kalkyle");
  });

  it("answers HEAD with the download's headers and no body", async () => {
    const res = await client.request(`/cases/${caseId}/memo.pdf`, { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toContain(`filename="beslutningsnotat-kjel-eller-varmepumpe.pdf"`);
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it("is a 404 for another organisation's case, for the page and the PDF alike", async () => {
    const stranger = await server.clientAs("finance", { organisationId: await server.createOrganisation("Annenkommune") });
    for (const path of ["memo", "memo.pdf"]) expect((await stranger.request(`/cases/${caseId}/${path}`)).status, path).toBe(404);
    expect((await stranger.request(`/cases/${caseId}/memo.pdf`, { method: "HEAD" })).status).toBe(404);
  });

  it("is a 409 for a case that no longer validates, whose memo page lists the problems instead", async () => {
    const stale = await server.store.cases.create({ ...SMALL, factorSet: "1999-1" });
    const res = await client.request(`/cases/${stale.id}/memo.pdf?lang=en`);
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("The case no longer passes the checks");
    const page = await client.get(`/cases/${stale.id}/memo?lang=en&seed=1`);
    expect(page.res.status).toBe(200);
    expect(text(page.html)).toContain("1999-1");
  });
});
