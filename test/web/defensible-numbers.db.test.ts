/**
 * "Numbers a buyer can defend" on the real pages, against one real server:
 * a dominated reuse alternative ranks below a dispose one and says by whom;
 * payback in words (never, from the start); warnings placed by alternative
 * and item, never by JSON path; R-109's declining schedule for a 60-year
 * case; declared levels in the pyramid and a suggested level only as a hint;
 * spend items with their price year and the EXIOBASE note; the same in the
 * report, the CSV and the Excel workbook; and the editor's service life,
 * existing-stock box, waste-level help and carbon-price choice.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { carbonPathText } from "../../src/web/view-models/analysis-terms.js";
import { startTestServer, TestClient, type TestServer } from "./harness.js";

const library = loadFactorLibrary();
const NBSP = "\u00a0";
let server: TestServer;
let client: TestClient;

/** Page text without tags, entities decoded, whitespace collapsed (no-break spaces kept). */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, "=")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[ \t\r\n]+/g, " ")
    .replace(/ ([:,.;])/g, "$1")
    .trim();
}

/** The text of one section of the comparison page, up to the next one. */
function section(html: string, id: string): string {
  const start = html.indexOf(`aria-labelledby="${id}"`);
  expect(start, id).toBeGreaterThan(-1);
  const end = html.indexOf('<section class="compare-section', start);
  return text(html.slice(start, end < 0 ? undefined : end).replace(/^[^>]*>/, ""));
}

function rankingRows(html: string): { id: string; text: string }[] {
  const table = /<table class="data ranking">([\s\S]*?)<\/table>/.exec(html)![1]!;
  // the id is no text on the page (alternatives are named by their names); the row carries it as data
  return [...table.matchAll(/<tr[^>]*data-alternative-rank="\d+" data-alternative-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => ({ id: m[1]!, text: text(m[2]!) }));
}

/** An inline fixed value: `kg` kg CO2e in year 0. */
const fixed = (kg: number) => ({ factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit` });

/**
 * B (dispose) 100 kg and 6 000 kr; A (reuse) 3 000 kg and 10 000 kr, so B
 * dominates A by 2 900 kg and 4 000 kr (both in year 0, undiscounted); D
 * has no declared level, its own steel goes to recycling, and it costs
 * 5 000 kr: cheaper than B from the start. C leases, with the old chairs
 * as existing stock and a spend item.
 */
const CHAIRS = {
  schema: "kalkyle.case/1",
  title: "Kontorstoler for 60 år",
  analysis: { startYear: 2026, years: 60, carbonPrice: "default" },
  baseline: "B",
  alternatives: [
    { id: "A", name: "Ombrukte stoler", wasteLevel: "reuse", emissions: [{ label: "Oppussing", kind: "fixed", ...fixed(3000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 10000 }, { label: "Service", kind: "maintenance", amount: 100, every: 70 }] },
    { id: "B", name: "Nye stoler", wasteLevel: "dispose", emissions: [{ label: "Produksjon", kind: "fixed", ...fixed(100) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 6000 }] },
    {
      id: "C",
      name: "Leasing",
      emissions: [
        { label: "Gamle stoler", kind: "waste", factor: "waste.metal-scrap.recycling", quantity: "500 kg", existingStock: true },
        { label: "Leieavtale", kind: "spend", factor: "spend.p34-motor-vehicles", quantity: "10000 NOK" },
      ],
      costs: [{ label: "Leie", kind: "operation", amount: 1000, every: 1 }],
    },
    {
      id: "D",
      name: "Resirkulerbare stoler",
      emissions: [{ label: "Produksjon", kind: "fixed", ...fixed(200) }, { label: "Stål til gjenvinning", kind: "waste", factor: "waste.metal-scrap.recycling", quantity: "400 kg" }],
      costs: [{ label: "Innkjøp", kind: "acquisition", amount: 5000 }],
    },
  ],
};

let chairsId: string;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  client = new TestClient(server.url);
  chairsId = (await server.store.cases.create(CHAIRS)).id;
});
afterAll(async () => server.close());

describe("the result as the core gives it (what the pages below must show)", () => {
  it("ranks the dominating dispose alternative B above the dominated reuse alternative A, never pays A back, and warns", () => {
    const e = evaluateDocument(CHAIRS, library);
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    // non-dominated first (B, then D without a declared level), then A, dominated by B
    expect(e.core.ranking.order).toEqual(["B", "D", "A", "C"]);
    const a = e.core.alternatives.find((x) => x.id === "A")!;
    // 3 000 − 100 = 2 900 kg; 10 000 − 6 000 = 4 000 kr (year 0, so not discounted)
    expect([a.rankNote?.by, a.rankNote?.moreKg.toNumber(), a.rankNote?.morePresentValue.toNumber()]).toEqual(["B", 2900, 4000]);
    expect(Object.fromEntries(e.core.comparison.map((c) => [c.id, c.payback]))).toMatchObject({ A: "never", D: "from-start" });
    expect(e.warnings.map((w) => w.path)).toContain("alternatives[0].costs[1].every");
  });
});

describe("comparison page", () => {
  it("says next to A that it is dominated by B, with how much more CO2e and cost", async () => {
    const nb = rankingRows((await client.get(`/cases/${chairsId}`)).html);
    expect(nb.map((r) => r.id)).toEqual(["B", "D", "A", "C"]);
    expect(nb[2]!.text).toContain(`Ombrukte stoler dominert av «Nye stoler»: 2,9 t mer CO2e og 4${NBSP}000 kr mer`);
    expect(nb.filter((r) => r.text.includes("dominert av")).map((r) => r.id)).toEqual(["A"]);
    const en = rankingRows((await client.get(`/cases/${chairsId}?lang=en`)).html);
    expect(en[2]!.text).toContain("dominated by “Nye stoler”: 2.9 t more CO2e and NOK 4,000 more");
  });

  it("gives the payback in words: never within the period, cheaper from the start", async () => {
    const nb = (await client.get(`/cases/${chairsId}`)).html;
    const rows = new Map([...(/<table class="data deltas">([\s\S]*?)<\/table>/.exec(nb)![1]!).matchAll(/<tr data-alternative-id="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1]!, text(m[2]!)]));
    expect(rows.get("A")).toContain("betaler seg ikke tilbake innen perioden");
    expect(rows.get("D")).toContain("billigere fra start");
    const en = text((await client.get(`/cases/${chairsId}?lang=en`)).html);
    expect(en).toContain("does not pay back within the period");
    expect(en).toContain("cheaper from the start");
  });

  it("explains payback as the year from which the alternative stays at or below the baseline to the end, beside the table and the chart", async () => {
    const nb = (await client.get(`/cases/${chairsId}`)).html;
    expect(section(nb, "h-deltas")).toContain("det første året der alternativets kumulative diskonterte kostnad, fra og med det året, holder seg lik eller lavere enn referansens helt til periodens slutt");
    expect(section(nb, "h-costs")).toContain("og blir der til periodens slutt; en kryssing som går tilbake senere, teller ikke");
    const en = (await client.get(`/cases/${chairsId}?lang=en`)).html;
    expect(section(en, "h-deltas")).toContain("the first year from which the alternative's cumulative discounted cost stays at or below the baseline's through the end of the period");
    expect(section(en, "h-costs")).toContain("stays there to the end of the period; a crossing that is undone later does not count");
    for (const html of [nb, en]) expect(html).not.toMatch(/Der linjene krysser|Where the lines cross/);
  });

  it("shows each warning with the alternative's name and the item's label, never the JSON path", async () => {
    for (const path of [`/cases/${chairsId}`, `/cases/${chairsId}/report`]) {
      const { html } = await client.get(path);
      const warnings = section(html, "h-warnings");
      expect(warnings).toContain("Alternativ «Ombrukte stoler», kostnad «Service»: Gjentas hvert 70. år, men analyseperioden er 60 år");
      expect(warnings).toContain("Analyseoppsett:");
      expect(html).not.toMatch(/alternatives\[\d+\]|analysis\.(priceYear|carbonPrice)|costs\[\d+\]/);
    }
    const en = section((await client.get(`/cases/${chairsId}?lang=en`)).html, "h-warnings");
    expect(en).toContain("Alternative “Ombrukte stoler”, cost “Service”: Recurs every 70 years");
    expect(en).toContain("Analysis settings:");
  });

  it("shows R-109's declining schedule for a 60-year case without a rate, only the segments within the period", async () => {
    const settings = section((await client.get(`/cases/${chairsId}`)).html, "h-settings");
    // 60 years: 4 % to year 40, 3 % from 40; the 2 % from year 75 lies outside the period
    expect(settings).toContain(`R-109: 4${NBSP}% (år 0–40), 3${NBSP}% (40–75)`);
    expect(settings).not.toContain(`2${NBSP}%`);
    expect(section((await client.get(`/cases/${chairsId}?lang=en`)).html, "h-settings")).toContain("R-109: 4% (years 0–40), 3% (40–75)");
    const flat = await server.store.cases.create({ ...CHAIRS, title: "Flat rente", analysis: { ...CHAIRS.analysis, discountRate: 0.035 } });
    const flatSettings = section((await client.get(`/cases/${flat.id}`)).html, "h-settings");
    expect(flatSettings).toContain(`3,5${NBSP}%`);
    expect(flatSettings).not.toContain("R-109");
  });

  it("places only declared levels in the pyramid; an undeclared level is a hint with its reason", async () => {
    const { html } = await client.get(`/cases/${chairsId}`);
    const levels = Object.fromEntries([...html.matchAll(/<li class="pyramid-level pyramid-(\w+)">([\s\S]*?)<\/li>/g)].map((m) => [m[1]!, text(m[2]!)]));
    expect(levels.reuse).toContain("Ombrukte stoler");
    expect(levels.dispose).toContain("Nye stoler");
    // D's own steel goes to recycling, but D did not declare a level: it is not on the pyramid
    expect(levels.recycle).not.toContain("Resirkulerbare stoler");
    const pyramid = section(html, "h-pyramid");
    expect(pyramid).toContain(`Resirkulerbare stoler Forslag ut fra avfallsdata (rangeres ikke): 3. Materialgjenvinning; mesteparten av alternativets eget avfall etter vekt (100${NBSP}%) går til materialgjenvinning`);
    // C's only waste is existing stock: nothing to suggest from
    expect(pyramid).toContain("Leasing Ingen avfallsdata å foreslå et nivå fra.");
    expect(section(html, "h-ranking")).toContain("Bare et oppgitt nivå i avfallspyramiden rangeres.");
  });

  it("states the price year of each spend item, the basic-price note, existing stock and the carbon path", async () => {
    const { html } = await client.get(`/cases/${chairsId}`);
    const e = evaluateDocument(CHAIRS, library);
    if (!e.ok) throw new Error("the case must evaluate");
    const spend = e.core.alternatives.find((a) => a.id === "C")!.emissions.items.find((i) => i.kind === "spend")!.spend!;
    const trace = section(html, "h-trace");
    expect(trace).toContain(`Leieavtale Beløp i ${spend.priceYear}-kroner, regnet om til faktorens grunnlag: ${spend.currency} ${spend.factorPriceYear}`);
    expect(trace).toContain("Gamle stoler Avhending av eksisterende beholdning");
    expect(section(html, "h-warnings")).toContain("Utgiftsbaserte faktorer (EXIOBASE) gjelder per euro i basispriser");
    expect(section(html, "h-settings")).toContain(carbonPathText(e.context.carbonPath, "nb")!);
  });

  it("names a rebased path with its price level and the kroner year it was rebased to", () => {
    const path = { id: "ets" as const, priceLevelYear: 2024, rebasedTo: 2025, firstYear: 2025, lastYear: 2050, source: { publisher: "Finansdepartementet", title: "R-109", year: 2024, licence: "NLOD 2.0" } };
    expect(carbonPathText(path as never, "nb")).toBe("R-109-banen for kvotepliktig sektor (EU ETS), i 2024-kroner, regnet om til 2025-kroner med konsumprisindeksen");
    expect(carbonPathText({ ...path, id: "non-ets" } as never, "en")).toBe("R-109 path for the non-ETS sector, in 2024 kroner, rebased to 2025 kroner with the consumer price index");
    expect(carbonPathText(null, "nb")).toBeNull();
  });
});

describe("exports", () => {
  it("the CSV carries the payback in words, the R-109 schedule and the warnings placed in words", async () => {
    const csv = await (await client.request(`/cases/${chairsId}/export.csv`)).text();
    expect(csv).toContain("betaler seg ikke tilbake innen perioden");
    expect(csv).toContain("billigere fra start");
    expect(csv).toContain(`R-109: 4${NBSP}% (år 0–40), 3${NBSP}% (40–75)`);
    // semicolons separate the fields in bokmål, so a comma inside one needs no quotes
    expect(csv).toContain("Alternativ «Ombrukte stoler», kostnad «Service»;Gjentas hvert 70. år, men analyseperioden er 60 år: posten kommer aldri med");
    expect(csv).toContain(`Utgiftsbaserte poster;"Utgiftsbaserte faktorer (EXIOBASE) gjelder per euro i basispriser`);
    expect(csv).not.toMatch(/alternatives\[\d+\]/);
  });

  it("the workbook has a notes sheet with the warnings, and the items sheet the spend price basis", async () => {
    const res = await client.request(`/cases/${chairsId}/export.xlsx?lang=en`);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = (name: string) => (workbook.getWorksheet(name)!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1).map((c) => (c === undefined || c === null ? "" : String(c))));
    const notes = rows("Notes");
    expect(notes[0]).toEqual(["Applies to", "Note"]);
    expect(notes).toContainEqual(["Alternative “Ombrukte stoler”, cost “Service”", "Recurs every 70 years, but the analysis period is 60 years: the item never occurs"]);
    const items = rows("Items");
    const spendColumn = items[0]!.indexOf("Price basis (spend-based)");
    expect(items.find((r) => r[1] === "Leieavtale")![spendColumn]).toMatch(/^Amount in \d{4} kroner, converted to the factor's basis: EUR \d{4}, basic prices$/);
    const stockColumn = items[0]!.indexOf("Existing stock");
    expect(items.find((r) => r[1] === "Gamle stoler")![stockColumn]).toBe("yes");
  });
});

/** Every field the editor form would submit, as a browser would. */
function formFields(html: string): Map<string, string> {
  const start = html.indexOf('id="case-form"');
  const form = html.slice(start, html.indexOf("</form>", start));
  const fields = new Map<string, string>();
  for (const [tag] of form.matchAll(/<input type="(?:text|hidden)"[^>]*>/g)) fields.set(/ name="([^"]*)"/.exec(tag)![1]!, text(/ value="([^"]*)"/.exec(tag)?.[1] ?? ""));
  for (const [tag] of form.matchAll(/<input type="checkbox"[^>]*>/g)) if (/ checked[ >]/.test(tag)) fields.set(/ name="([^"]*)"/.exec(tag)![1]!, / value="([^"]*)"/.exec(tag)![1]!);
  for (const [, name, options] of form.matchAll(/<select id="[^"]*" name="([^"]*)"[^>]*>([\s\S]*?)<\/select>/g)) {
    fields.set(name!, (/<option value="([^"]*)" selected>/.exec(options!) ?? /<option value="([^"]*)"/.exec(options!))?.[1] ?? "");
  }
  return fields;
}

function fieldError(html: string, id: string): string | undefined {
  const escaped = id.replace(/[[\].]/g, "\\$&");
  const m = new RegExp(`<span class="field-error" id="${escaped}-error">([^<]*)</span>`).exec(html);
  return m ? text(m[1]!) : undefined;
}

const LIFE_FORM: [string, string][] = [
  ["title", "Møbler med levetid"],
  ["analysis.startYear", "2026"],
  ["analysis.years", "30"],
  ["analysis.discountRate", ""],
  ["analysis.carbonPrice", ""],
  ["analysis.carbonPrice.custom", ""],
  ["alternatives[0].id", "A"],
  ["alternatives[0].name", "Nye møbler"],
  ["alternatives[0].wasteLevel", ""],
  ["alternatives[0].emissions[0].label", "Produksjon"],
  ["alternatives[0].emissions[0].kind", "fixed"],
  ["alternatives[0].emissions[0].factor", "1 kgCO2e/unit"],
  ["alternatives[0].emissions[0].quantity", "100 unit"],
  ["alternatives[0].emissions[0].life", "12"],
  ["alternatives[0].emissions[1].label", "Gamle møbler"],
  ["alternatives[0].emissions[1].kind", "waste"],
  ["alternatives[0].emissions[1].factor", "waste.metal-scrap.recycling"],
  ["alternatives[0].emissions[1].quantity", "300 kg"],
  ["alternatives[0].emissions[1].existingStock", "true"],
  ["alternatives[0].costs[0].label", "Innkjøp"],
  ["alternatives[0].costs[0].kind", "acquisition"],
  ["alternatives[0].costs[0].amount", "120 000"],
  ["alternatives[0].costs[0].life", "12"],
];

const withField = (form: [string, string][], name: string, value: string): [string, string][] => form.map(([k, v]) => [k, k === name ? value : v]);

describe("case editor", () => {
  it("saves service life and existing stock, and shows them again when the case is edited", async () => {
    const editor = new TestClient(server.url);
    await editor.get("/cases/new");
    const res = await editor.postForm("/cases", [...LIFE_FORM, ["action", "save"]]);
    expect(res.status).toBe(303);
    const id = /\/cases\/([^/?]+)$/.exec(res.headers.get("location") ?? "")![1]!;
    const doc = (await server.store.cases.get(id))!.document as { analysis: Record<string, unknown>; alternatives: { emissions: Record<string, unknown>[]; costs: Record<string, unknown>[] }[] };
    // no rate typed: none stored, so R-109's schedule applies
    expect(doc.analysis).toEqual({ startYear: 2026, years: 30 });
    expect(doc.alternatives[0]!.emissions[0]).toMatchObject({ label: "Produksjon", life: 12 });
    expect(doc.alternatives[0]!.emissions[0]).not.toHaveProperty("existingStock");
    expect(doc.alternatives[0]!.emissions[1]).toMatchObject({ label: "Gamle møbler", kind: "waste", existingStock: true });
    expect(doc.alternatives[0]!.costs[0]).toEqual({ label: "Innkjøp", kind: "acquisition", amount: 120000, life: 12 });
    const fields = formFields((await editor.get(`/cases/${id}/edit`)).html);
    expect(fields.get("alternatives[0].emissions[0].life")).toBe("12");
    expect(fields.get("alternatives[0].costs[0].life")).toBe("12");
    expect(fields.get("alternatives[0].emissions[1].existingStock")).toBe("true");
    expect(fields.has("alternatives[0].emissions[0].existingStock")).toBe(false);
    // and saving the edit form unchanged gives the same alternatives and analysis (the ranking select sends its first option)
    const again = await editor.postForm(`/cases/${id}`, [...fields, ["action", "save"]]);
    expect(again.status).toBe(303);
    const resaved = (await server.store.cases.get(id))!.document as Record<string, unknown>;
    expect({ analysis: resaved.analysis, alternatives: resaved.alternatives }).toEqual({ analysis: doc.analysis, alternatives: doc.alternatives });
  });

  it("puts the errors of a life with an interval, and of existing stock on a non-waste row, at their fields", async () => {
    const editor = new TestClient(server.url);
    await editor.get("/cases/new");
    const form = [...withField(LIFE_FORM, "alternatives[0].emissions[1].kind", "material"), ["alternatives[0].costs[0].every", "5"] as [string, string]];
    const res = await editor.postForm("/cases", [...form.map(([k, v]): [string, string] => [k, k === "alternatives[0].emissions[1].factor" ? "material.wood.primary" : v]), ["action", "save"]]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "alternatives[0].costs[0].life")).toBe("oppgi enten levetid (life) eller intervall (every), ikke begge");
    expect(fieldError(html, "alternatives[0].emissions[1].existingStock")).toBeTruthy();
    expect(html).toMatch(/<input type="checkbox" id="alternatives\[0\]\.emissions\[1\]\.existingStock"[^>]* checked[^>]*aria-invalid="true"/);
  });

  it("refuses own carbon prices typed while «no carbon price» is chosen, keeping what was typed", async () => {
    const editor = new TestClient(server.url);
    await editor.get("/cases/new");
    const res = await editor.postForm("/cases", [...withField(LIFE_FORM, "analysis.carbonPrice.custom", "2026: 1 500"), ["action", "save"]]);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(fieldError(html, "analysis.carbonPrice.custom")).toContain("ikke valgt «Egne verdier»");
    expect(formFields(html).get("analysis.carbonPrice.custom")).toBe("2026: 1 500");
  });

  it("offers the set's carbon price path (ETS where the set has it), none and own prices, explains the five levels once, and hints R-109", async () => {
    const editor = new TestClient(server.url);
    const { html } = await editor.get("/cases/new");
    const select = /<select id="analysis\.carbonPrice"[^>]*>([\s\S]*?)<\/select>/.exec(html)![1]!;
    // ETS where the newest set has R-109's named paths (a set with one path as published offers the default only)
    const paths = (library.sets.get(library.newest)!.economics.carbonPricePaths ?? []).map((p) => p.id).filter((id) => id !== "non-ets");
    expect([...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(["", "default", ...paths, "custom"]);
    // the newest set has one path, used as published: the option and the hint say so (editor-carbon-price.test.ts covers named paths)
    expect(text(select)).toContain(paths.length === 0 ? "Faktorsettets prisbane (R-109, ikke-kvotepliktig sektor), slik den er publisert" : "non-ETS");
    expect(html).toContain("Tomt: R-109s fallende rente");
    const added = await (await editor.postForm("/cases/new".replace("/new", ""), [...LIFE_FORM, ["action", "add-alternative"]])).text();
    expect(added.match(/id="waste-levels-help"/g)).toHaveLength(1);
    const help = text(/<div class="waste-levels-help"[^>]*>([\s\S]*?)<\/div>/.exec(added)![1]!);
    for (const level of ["Forebygging", "Ombruk", "Materialgjenvinning", "Annen gjenvinning (energi)", "Sluttbehandling (deponi)"]) expect(help).toContain(level);
    // renting is reuse and repair is prevention, as in docs/case-format.md; biogas is material recycling
    expect(help).toMatch(/Forebygging Behovet dekkes uten å kjøpe: reparere/);
    expect(help).toMatch(/Ombruk Kjøpt brukt, istandsatt eller leid/);
    const biogas = help.indexOf("matavfall til biogass");
    expect(biogas).toBeGreaterThan(help.indexOf("Materialgjenvinning Nytt"));
    expect(biogas).toBeLessThan(help.indexOf("Annen gjenvinning (energi) Nytt"));
    expect(help).toContain("Bare et nivå du oppgir, rangeres");
    expect(added.match(/<select id="alternatives\[\d\]\.wasteLevel"/g)).toHaveLength(2);
  });
});
