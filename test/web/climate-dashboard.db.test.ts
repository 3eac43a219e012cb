/**
 * The Klimanøytral 2027 dashboard (GET /climate) and its downloads against
 * a real server: first with nothing entered (each part says what to do
 * next and links to the page where it is done), then with a climate plan,
 * one recorded decision and a small ledger, all made through the
 * application layer. The year table, the gap, the decisions' sums, direct
 * and indirect and the cost of neutrality on the page, in the CSV and in
 * the Excel workbook (read back with exceljs) must equal the figures
 * worked out by hand below from those inputs.
 */
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../src/app/principal.js";
import type { DecisionRecord } from "../../src/core/climate/types.js";
import { Decimal } from "../../src/core/decimal.js";
import { loadExampleCases } from "../../src/examples.js";
import { defaultMapping } from "../../src/ledger/default-mapping.js";
import { startTestServer, type TestServer } from "./harness.js";
import { tableRows, text } from "./page-text.js";

let server: TestServer;
let admin: Principal;

beforeAll(async () => {
  server = await startTestServer();
  admin = { ...server.admin, via: "web" };
});
afterAll(async () => {
  await server?.close();
});

/** Tonnes as the page writes them in bokmål: one decimal, U+00A0 groups, U+2212 minus. */
const shown = (d: Decimal) => new Intl.NumberFormat("nb-NO", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(d.toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber());
/** Tonnes as the files keep them: three decimals (whole kilograms). */
const kept = (d: Decimal) => d.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toNumber();
/** Kroner as the page and the files write them: whole. */
const whole = (d: Decimal) => d.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
const kroner = (d: Decimal) => new Intl.NumberFormat("nb-NO", { maximumFractionDigits: 0 }).format(whole(d));

/** One section of the CSV (title row, header, rows up to the blank line), cells as text. */
function csvSection(records: string[][], title: string): string[][] {
  const start = records.findIndex((r) => r.length === 1 && r[0] === title);
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = records.findIndex((r, i) => i > start && r.every((c) => c === ""));
  return records.slice(start + 2, end < 0 ? undefined : end);
}

/** A number of the bokmål CSV: decimal comma, a minus; an empty cell is null. */
const csvNumber = (cell: string): number | null => (cell === "" ? null : Number(cell.replace(",", ".")));

async function workbook(buffer: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(buffer);
  return book;
}

/** The rows under a sheet's header, up to the blank row before the source line. */
function sheetRows(book: ExcelJS.Workbook, name: string): (string | number | null)[][] {
  const sheet = book.getWorksheet(name);
  expect(sheet, name).toBeDefined();
  const rows: (string | number | null)[][] = [];
  for (let r = 2; r <= sheet!.rowCount; r++) {
    const row = sheet!.getRow(r);
    if (row.cellCount === 0 || row.values === undefined || (row.values as unknown[]).every((v) => v === undefined || v === null)) break;
    rows.push(Array.from({ length: sheet!.columnCount }, (_, i) => (row.getCell(i + 1).value as string | number | null) ?? null));
  }
  return rows;
}

describe("the climate dashboard with nothing entered yet", () => {
  it("says in each part what is missing and links to the page that fills it in (bokmål)", async () => {
    const res = await server.client().request("/climate");
    expect(res.status).toBe(200);
    const html = await res.text();
    const page = text(html);
    expect(page).toContain("Det er ingen klimaplan ennå");
    expect(page).toContain("Det er ikke importert noe regnskap ennå");
    expect(page).toContain("Kalkyle kan ikke si hvor dere står mot målet før klimaplanen har et utgangspunkt og en målbane.");
    expect(page).toContain("Ingen beslutninger er registrert ennå.");
    expect(page).toContain("Varmepunktene kommer fra screeningen av regnskapet.");
    expect(html).toContain('href="/climate/plan"');
    expect(html).toContain('href="/climate/ledgers"');
    expect(html).toContain('href="/climate/decisions"');
    expect(html).not.toContain("chart-climate-years");
    // the navigation for every signed-in user, the sub-navigation with this page current
    expect(html).toContain('<a href="/climate">Klima 2027</a>');
    expect(html).toMatch(/<a href="\/climate" aria-current="page">Oversikt<\/a>/);
  });

  it("is in English when asked, and every role may read it", async () => {
    const buyer = await server.clientAs("buyer");
    const res = await buyer.request("/climate?lang=en");
    expect(res.status).toBe(200);
    const page = text(await res.text());
    expect(page).toContain("There is no climate plan yet");
    expect(page).toContain("No ledger has been imported yet");
    for (const role of ["finance", "adviser"] as const) expect((await (await server.clientAs(role)).request("/climate")).status, role).toBe(200);
  });

  it("sends the downloads with their headers and no figures", async () => {
    const csv = await server.client().request("/climate/dashboard.csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toContain("attachment;");
    const body = await csv.text();
    const records = parse(body, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];
    expect(csvSection(records, "Utslipp per år")).toEqual([]);
    expect(csvSection(records, "Beslutninger sammendrag")).toEqual([["0", "0", "0", "0"]]);
    const xlsx = await server.client().request("/climate/dashboard.xlsx");
    expect(xlsx.status).toBe(200);
    const book = await workbook(await xlsx.arrayBuffer());
    expect(sheetRows(book, "Utslipp per år")).toEqual([]);
    expect((await server.client().request("/climate/dashboard.csv?sep=tab")).status).toBe(400);
  });
});

/**
 * The inputs. A plan with a baseline in 2023 (food 120 t indirect; transport
 * 40 t direct and 10 t indirect), a target per year to 0 t in 2027 and a
 * compensation price of 1 500 kr per tonne; a ledger of 2024 (food 250 000 kr
 * and a credit note of −10 000 kr from one supplier, office supplies 40 000 kr
 * from another, pay out of scope, one account the default mapping leaves
 * unmapped); one decision on the office chairs case, from July 2026 for 18 months.
 */
const PLAN = {
  baseline: { year: 2023, categories: [{ category: "food", directTonnes: "0", indirectTonnes: "120" }, { category: "transport", directTonnes: "40", indirectTonnes: "10" }] },
  target: { kind: "years", targets: [{ year: 2023, tonnes: "170" }, { year: 2024, tonnes: "150" }, { year: 2025, tonnes: "100" }, { year: 2026, tonnes: "50" }, { year: 2027, tonnes: "0" }] },
  neutralityYear: 2027,
  compensation: { nokPerTonne: "1500", source: "Testkilde for kompensasjonspris, 2026" },
};
const LEDGER = [
  "År;Art;Leverandør;Orgnr;Tekst;Beløp",
  "2024;115;Mat AS;912345678;Matvarer til sykehjem;250 000,00",
  "2024;115;Mat AS;912345678;Kreditnota;-10 000,00",
  "2024;100;Papir AS;998877665;Kopipapir;40 000,00",
  "2024;010;;;Fastlønn;1 000 000,00",
  "2024;160;Ukjent AS;911111111;Ukjent kjøp;5 000,00",
].join("\r\n");

describe("the climate dashboard with a plan, a decision and a ledger", () => {
  let decision: DecisionRecord;
  /** Worked out by hand from the inputs. */
  const hand = {} as Record<"measured2023" | "screened2024" | "measured2024" | "avoided2025" | "avoided2026" | "avoided2027" | "projected2025" | "projected2026" | "projected2027" | "gap" | "cost" | "costWithout" | "loweredBy" | "avoidedTotal" | "lcc", Decimal>;

  beforeAll(async () => {
    const { app, library } = server.ctx;
    await app.climate.savePlan(admin, PLAN, 0);
    const chairs = loadExampleCases().find((c) => String(c.title).startsWith("Kontorstoler"))!;
    const stored = await app.cases.create(admin, chairs);
    const form = await app.decisions.form(admin, stored.id);
    const chosen = form.alternatives.find((a) => a.id !== form.baseline.id)!.id;
    decision = await app.decisions.record(admin, { caseId: stored.id, chosen, contractStart: "2026-07", contractMonths: 18, category: "furniture", strategyArea: "climate-environment" });
    const bytes = Buffer.from(LEDGER, "utf8");
    await app.ledgers.import(admin, { fileName: "hovedbok-2024.csv", source: (async function* () { yield bytes; })(), bytesTotal: bytes.length, columns: null });

    // The spend factors the default mapping gives accounts 115 and 100, and the set's price index and exchange rate.
    const set = library.sets.get(library.newest)!;
    const factorOf = (account: string) => {
      const target = defaultMapping().rules.find((r) => r.account === account)!.target;
      if (target.kind !== "factor") throw new Error(`account ${account} is not mapped to a factor`);
      const record = set.records.get(target.factor)!;
      return { kgPerUnit: new Decimal(record.value), currency: record.currency!, priceYear: record.priceYear! };
    };
    const food = factorOf("115");
    const paper = factorOf("100");
    /** One factor's spend of 2024 in tonnes: NOK × CPI(factor's year) ÷ CPI(2024) ÷ NOK per unit of its currency (factor's year) × kg per unit ÷ 1000. */
    const tonnesOf = (nok: Decimal, f: typeof food) => {
      const cpi = set.economics.priceIndex.values;
      const rate = set.economics.exchangeRates.find((r) => r.currency === f.currency && r.year === f.priceYear)!;
      return nok.mul(cpi[String(f.priceYear)]!).div(cpi["2024"]!).div(rate.nokPerUnit).mul(f.kgPerUnit).div(1000);
    };
    // food: 250 000 − 10 000 = 240 000 kr; office supplies 40 000 kr; pay is out of scope, account 160 unmapped
    hand.screened2024 = tonnesOf(new Decimal(240000), food).plus(tonnesOf(new Decimal(40000), paper));
    // measured: the baseline's total in 2023 (0 + 120 + 40 + 10); in 2024 the screened tonnes + the baseline's direct 40 t
    hand.measured2023 = new Decimal(170);
    hand.measured2024 = hand.screened2024.plus(40);
    const avoidedIn = (year: number) => new Decimal(decision.avoidedByYear.find((y) => y.year === year)?.tonnes ?? "0");
    hand.avoided2025 = avoidedIn(2025);
    hand.avoided2026 = avoidedIn(2026);
    hand.avoided2027 = avoidedIn(2027);
    // projected after the last measured year (2024): 2024's total − what the decision avoids in the year, not below 0
    const projected = (avoided: Decimal) => Decimal.max(hand.measured2024.minus(avoided), 0);
    hand.projected2025 = projected(hand.avoided2025);
    hand.projected2026 = projected(hand.avoided2026);
    hand.projected2027 = projected(hand.avoided2027);
    // the gap in 2027: expected (projected) − the target of 0 t
    hand.gap = hand.projected2027.minus(0);
    // cost of neutrality: residual × 1 500 kr; without the decision, 2024's total × 1 500 kr
    hand.cost = hand.projected2027.mul(1500);
    hand.costWithout = hand.measured2024.mul(1500);
    hand.loweredBy = hand.costWithout.minus(hand.cost);
    hand.avoidedTotal = new Decimal(decision.avoidedTonnes);
    hand.lcc = new Decimal(decision.lccDifference);
  });

  it("the decision spreads over 2026–2027 (the contract runs from July 2026 for 18 months) and lowers the cost of neutrality", () => {
    expect(decision.avoidedByYear.map((y) => y.year)).toEqual([2026, 2027]);
    expect(hand.avoided2027.isPositive() && !hand.avoided2027.isZero()).toBe(true);
    expect(hand.loweredBy.isZero()).toBe(false);
  });

  it("shows the year table, the answer and every sum as worked out by hand (bokmål)", async () => {
    const html = await (await server.client().request("/climate")).text();
    expect(tableRows(html, "cap-years")).toEqual([
      ["2023", shown(new Decimal(170)), shown(hand.measured2023), shown(new Decimal(0)), "–"],
      ["2024", shown(new Decimal(150)), shown(hand.measured2024), shown(new Decimal(0)), "–"],
      ["2025", shown(new Decimal(100)), "–", shown(hand.avoided2025), shown(hand.projected2025)],
      ["2026", shown(new Decimal(50)), "–", shown(hand.avoided2026), shown(hand.projected2026)],
      ["2027", shown(new Decimal(0)), "–", shown(hand.avoided2027), shown(hand.projected2027)],
    ]);
    const page = text(html);
    expect(page).toContain(`I 2027 ventes utslippene å bli ${shown(hand.projected2027)} tonn CO2e, mot et mål på ${shown(new Decimal(0))} tonn. Dere er ikke i rute: det mangler ${shown(hand.gap)} tonn.`);
    expect(page).toContain(`Gap til målet i 2027 ${shown(hand.gap)} t CO2e`);
    // the decisions
    expect(page).toContain("Registrerte beslutninger 1");
    expect(page).toContain(`Unngått over kontraktene ${shown(hand.avoidedTotal)} t CO2e`);
    expect(page).toContain(`Unngått i 2027 ${shown(hand.avoided2027)} t CO2e`);
    // the LCC difference in words: kroner more or less, the note on "less" only when it applies
    const less = hand.lcc.isNegative();
    expect(page).toContain(`Livssykluskostnad, valgt minus referanse ${kroner(hand.lcc.abs())} kr ${less ? "mindre" : "mer"}`);
    expect(page.includes("«kr mindre»: de valgte alternativene koster til sammen mindre")).toBe(less);
    // direct and indirect in the last measured year, each saying where it comes from
    expect(tableRows(html, "cap-direct")).toEqual([
      ["Direkte (kommunens egne og entreprenørenes drivstoff på anlegg og leveranser)", shown(new Decimal(40)), "utgangspunktet 2023"],
      ["Indirekte (utslippene i det som kjøpes inn)", shown(hand.screened2024), "screening av regnskapet 2024"],
    ]);
    expect(page).not.toMatch(/scope/i);
    // a measured year from the ledger covers only the mapped spend: 280 000 of 285 000 kr in scope (account 160 unmapped)
    expect(page).toMatch(/Et målt år fra regnskapet dekker bare utgiftene som screeningen har koblet til en utslippsfaktor: 98,2\s?% av utgiftene i omfang\./);
    // the cost of neutrality, with its source
    expect(page).toContain(`Restutslipp i 2027 ${shown(hand.projected2027)} t CO2e`);
    expect(page).toContain(`Kompensasjonspris ${kroner(new Decimal(1500))} kr per tonn CO2e`);
    expect(page).toContain("Testkilde for kompensasjonspris, 2026");
    expect(page).toContain(`Kostnad for å kompensere ${kroner(hand.cost)} kr`);
    expect(page).toContain(`Kostnad uten beslutningene ${kroner(hand.costWithout)} kr`);
    expect(page).toContain(`Beslutningene senker kostnaden med ${kroner(hand.loweredBy)} kr`);
    // the hot spots: food first, the unmapped line counted and the mapping page offered
    expect(tableRows(html, "cap-hot-categories")[0]![0]).toBe("Mat og drikke");
    expect(tableRows(html, "cap-hot-suppliers").map((r) => r[0])).toEqual(expect.arrayContaining(["Mat AS", "Papir AS"]));
    expect(page).toContain("1 linje er ikke koblet til en utslippsfaktor ennå");
    expect(html).toContain('href="/climate/mapping"');
    expect(html).toContain('href="/climate/screening"');
    // the chart's figures are the table's
    const chart = JSON.parse(html.match(/<script type="application\/json" id="chart-climate-years-data">([\s\S]*?)<\/script>/)![1]!.replace(/&quot;/g, '"'));
    expect(chart.labels).toEqual(["2023", "2024", "2025", "2026", "2027"]);
    expect(chart.datasets.map((d: { key: string }) => d.key)).toEqual(["target", "measured", "avoided", "projected"]);
    expect(chart.datasets[1].data[1]).toBeCloseTo(hand.measured2024.toNumber(), 6);
    // nothing is missing any more
    expect(html).not.toContain("h-empty");
  });

  it("holds the same figures in the CSV: semicolons and decimal commas in bokmål", async () => {
    const bytes = Buffer.from(await (await server.client().request("/climate/dashboard.csv")).arrayBuffer());
    // a UTF-8 BOM, so Excel reads æøå right
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = bytes.toString("utf8");
    const records = parse(body, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];
    const years = csvSection(records, "Utslipp per år").map((r) => r.map(csvNumber));
    expect(years).toEqual([
      [2023, 170, kept(hand.measured2023), 0, null],
      [2024, 150, kept(hand.measured2024), 0, null],
      [2025, 100, null, kept(hand.avoided2025), kept(hand.projected2025)],
      [2026, 50, null, kept(hand.avoided2026), kept(hand.projected2026)],
      [2027, 0, null, kept(hand.avoided2027), kept(hand.projected2027)],
    ]);
    expect(csvSection(records, "Gap").map((r) => r.map(csvNumber))).toEqual([[2027, kept(hand.projected2027), 0, kept(hand.gap)]]);
    expect(csvSection(records, "Beslutninger sammendrag").map((r) => r.map(csvNumber))).toEqual([[1, kept(hand.avoidedTotal), kept(hand.avoided2027), whole(hand.lcc)]]);
    const [cost] = csvSection(records, "Kostnad klimanøytralitet");
    expect(cost).toEqual(["2027", "1500", "Testkilde for kompensasjonspris, 2026", String(kept(hand.projected2027)).replace(".", ","), String(whole(hand.cost)), String(kept(hand.measured2024)).replace(".", ","), String(whole(hand.costWithout)), String(whole(hand.loweredBy))]);
    const [split] = csvSection(records, "Direkte og indirekte");
    expect([csvNumber(split![0]!), csvNumber(split![1]!), split![2], csvNumber(split![3]!), split![4]]).toEqual([2024, 40, "utgangspunktet 2023", kept(hand.screened2024), "screening av regnskapet 2024"]);
    // no repository or JSON paths in the file
    expect(body).not.toMatch(/emission-factors\/|\.json|figures\.|src\//);
  });

  it("writes commas and decimal points in English", async () => {
    const body = await (await server.client().request("/climate/dashboard.csv?lang=en")).text();
    const records = parse(body, { delimiter: ",", bom: true, relax_column_count: true }) as string[][];
    const row2024 = csvSection(records, "Emissions by year")[1]!;
    expect(row2024.slice(0, 3)).toEqual(["2024", "150", String(kept(hand.measured2024))]);
  });

  it("holds the same figures in the workbook, one sheet per table, numbers as numbers with formats and a bold header", async () => {
    const res = await server.client().request("/climate/dashboard.xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = await workbook(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(["Om", "Utslipp per år", "Gap", "Beslutninger sammendrag", "Beslutninger", "Direkte og indirekte", "Kostnad klimanøytralitet", "Varmepunkter kategorier", "Varmepunkter leverandører"]);
    expect(sheetRows(book, "Utslipp per år")).toEqual([
      [2023, 170, kept(hand.measured2023), 0, null],
      [2024, 150, kept(hand.measured2024), 0, null],
      [2025, 100, null, kept(hand.avoided2025), kept(hand.projected2025)],
      [2026, 50, null, kept(hand.avoided2026), kept(hand.projected2026)],
      [2027, 0, null, kept(hand.avoided2027), kept(hand.projected2027)],
    ]);
    expect(sheetRows(book, "Kostnad klimanøytralitet")).toEqual([[2027, 1500, "Testkilde for kompensasjonspris, 2026", kept(hand.projected2027), whole(hand.cost), kept(hand.measured2024), whole(hand.costWithout), whole(hand.loweredBy)]]);
    expect(sheetRows(book, "Direkte og indirekte")).toEqual([[2024, 40, "utgangspunktet 2023", kept(hand.screened2024), "screening av regnskapet 2024"]]);
    const sheet = book.getWorksheet("Utslipp per år")!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getCell("C3").numFmt).toBe("#,##0.000");
    // the source and date line under the table
    expect(String(sheet.getCell("A8").value)).toMatch(/^Kilde: Kalkyle, Klimanøytral 2027; laget \d{4}-\d{2}-\d{2}T/);
  });
});
