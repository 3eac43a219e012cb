/**
 * CSV, Excel and PDF downloads of a stored case, against a real server:
 * formula-like text neutralised (0 formula cells), negative numbers still
 * numbers, æøå intact, BOM, the semicolon variant, attachment + nosniff,
 * and the same figures as the API.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { firstStart } from "../../src/app/first-start.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { openSqliteStore } from "../../src/store/sqlite-store.js";
import { SYSTEM_ACTOR } from "../../src/store/store.js";
import { createKalkyleApp } from "../../src/web/kalkyle-app.js";
import { silentLogger } from "../../src/web/logger.js";
import { CHROMIUM_PATH } from "../../src/web/pdf.js";
import { SESSION_COOKIE } from "../../src/web/session.js";
import { ADMIN_EMAIL, makeSession, startTestServer, TEST_PASSWORD, type TestServer } from "./harness.js";

type Json = Record<string, unknown>;
type Result = {
  factorSet: string;
  factorSetHash: string;
  alternatives: { id: string; name: string; emissions: { totalKg: number; byStage: Record<string, number> }; lcc: { presentValue: number; nominalTotal: number; presentValueWithCarbon: number } }[];
  comparison: { id: string; deltaKg: number }[];
};

const DANGEROUS = ['=HYPERLINK("http://example.com/x","klikk")', "+1", "-1+1", "@SUM(1)", "=1+1"];
const TITLE = "-Blåbær, ærfugl & Øyer (æøå ÆØÅ)";

/** Every dangerous label on items of alternative A; stage D with a negative factor on B. */
function trickyCase(): Json {
  return {
    schema: "kalkyle.case/1",
    title: TITLE,
    analysis: { startYear: 2026, years: 10, carbonPrice: { "2026": 1500, "2030": 2000 } },
    alternatives: [
      {
        id: "A",
        name: "Nye møbler på Ås",
        emissions: DANGEROUS.map((label) => ({ label, kind: "fixed", factor: { value: 10, unit: "kgCO2e/unit" }, quantity: "1" })),
        costs: [{ kind: "acquisition", amount: "180000 NOK" }],
      },
      {
        id: "=B",
        name: "@Ombruk",
        wasteLevel: "reuse",
        emissions: [
          { label: "Trekk", kind: "fixed", factor: { value: 5, unit: "kgCO2e/unit" }, quantity: "1" },
          { label: "Unngått produksjon", kind: "material", factor: { value: -2.5, unit: "kgCO2e/kg" }, quantity: "10 kg", stage: "D" },
        ],
        costs: [{ kind: "acquisition", amount: "90000 NOK" }],
      },
    ],
  };
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF), enough to read our own files back. */
function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) endField();
    else if (c === "\r" && text[i + 1] === "\n") {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

const FORMULA_START = /^[=+\-@\t\r]/;

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;").replace(/=/g, "&#x3D;").replace(/`/g, "&#x60;");

/** The /Title of a PDF's document information: a hex string in UTF-16BE (after FE FF) or a literal string. */
function pdfTitle(pdf: string): string | null {
  const hex = /\/Title\s*<FEFF([0-9A-Fa-f]*)>/.exec(pdf);
  if (hex) return Buffer.from(hex[1]!, "hex").swap16().toString("utf16le");
  const literal = /\/Title\s*\(((?:\\.|[^\\)])*)\)/.exec(pdf);
  if (!literal) return null;
  const text = literal[1]!.replace(/\\([()\\])/g, "$1");
  return text.startsWith("\u00fe\u00ff") ? Buffer.from(text.slice(2), "latin1").swap16().toString("utf16le") : text;
}
const UTC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

let server: TestServer;
let caseId: string;
let result: Result;

beforeAll(async () => {
  server = await startTestServer({ seed: false });
  const created = await fetch(`${server.url}/api/v1/cases`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(trickyCase()) });
  expect(created.status).toBe(201);
  caseId = ((await created.json()) as { id: string }).id;
  const evaluated = await fetch(`${server.url}/api/v1/evaluate`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(trickyCase()) });
  result = (await evaluated.json()) as Result;
});
afterAll(async () => {
  await server?.close();
});

function expectDownload(res: Response, contentType: RegExp, extension: string): void {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(contentType);
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  const disposition = res.headers.get("content-disposition") ?? "";
  expect(disposition).toMatch(new RegExp(`^attachment; filename="[a-z0-9-]+\\.${extension}"; filename\\*=UTF-8''[A-Za-z0-9%._~!-]+\\.${extension}$`));
  expect(disposition).toContain(`filename="blabaer-aerfugl-oyer-aeoa-aeoa.${extension}"`);
  expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(`${TITLE}.${extension}`);
}

describe("CSV export", () => {
  it("is a UTF-8 attachment with a BOM, nosniff, and the title as file name", async () => {
    const res = await fetch(`${server.url}/cases/${caseId}/export.csv`);
    expectDownload(res, /^text\/csv; charset=utf-8$/, "csv");
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("neutralises formula-like text, keeps negative numbers numeric and æøå intact (comma variant, English)", async () => {
    const text = (await (await fetch(`${server.url}/cases/${caseId}/export.csv?lang=en`)).text()).replace(/^\uFEFF/, "");
    const rows = parseCsv(text, ",");
    const cells = rows.flat();
    for (const label of DANGEROUS) expect(cells, label).toContain(`'${label}`);
    expect(cells).toContain(`'${TITLE}`);
    expect(cells).toContain("'=B");
    expect(cells).toContain("'@Ombruk");
    expect(cells).toContain("Nye møbler på Ås");
    // the only cells starting with a formula character are negative numbers
    expect(cells.filter((c) => FORMULA_START.test(c) && !/^-\d+(\.\d+)?(e[-+]\d+)?$/.test(c))).toEqual([]);
    const item = rows.find((r) => r.includes("Unngått produksjon"))!;
    expect(item).toContain("-25");
    expect(rows.find((r) => r[0] === "Factor set")?.[1]).toBe(result.factorSet);
    expect(rows.find((r) => r[0] === "Factor set hash")?.[1]).toBe(result.factorSetHash);
    expect(rows.find((r) => r[0] === "Made (UTC)")?.[1]).toMatch(UTC_TIME);
    // the summary agrees with the API: total and present value of each alternative
    const header = rows.find((r) => r[0] === "Alternative" && r.includes("Present value (NOK)"))!;
    for (const alternative of result.alternatives) {
      const row = rows.find((r) => r[0] === (alternative.id.startsWith("=") ? `'${alternative.id}` : alternative.id) && r.length === header.length)!;
      expect(Number(row[header.indexOf("Total emissions (kg CO2e)")])).toBe(alternative.emissions.totalKg);
      expect(Number(row[header.indexOf("Present value (NOK)")])).toBe(alternative.lcc.presentValue);
      expect(Number(row[header.indexOf("Stage D, outside the total (kg CO2e)")])).toBe(alternative.emissions.byStage.D);
    }
    const comparisonHeader = rows.findIndex((r) => r.includes("Change in emissions (kg CO2e)"));
    expect(Number(rows[comparisonHeader + 1]![2])).toBe(result.comparison[0]!.deltaKg);
    expect(result.comparison[0]!.deltaKg).toBeLessThan(0);
    expect(rows[comparisonHeader + 1]![2]).toMatch(/^-\d/);
  });

  it("?sep=semicolon writes semicolons and a decimal comma; labels follow the language (bokmål by default)", async () => {
    const res = await fetch(`${server.url}/cases/${caseId}/export.csv?sep=semicolon`);
    expectDownload(res, /^text\/csv; charset=utf-8$/, "csv");
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""), ";");
    expect(rows.find((r) => r[0] === "Faktorsett")?.[1]).toBe(result.factorSet);
    // no rate in the case: R-109's declining schedule, in words (the period lies within its first segment)
    expect(rows.find((r) => r[0] === "Kalkulasjonsrente (reell)")?.[1]).toBe("R-109: 4\u00a0% (år 0–40)");
    expect(rows.find((r) => r.includes("Unngått produksjon"))).toContain("-25");
    const header = rows.find((r) => r[0] === "Alternativ" && r.includes("Nåverdi (kr)"))!;
    const a = rows.find((r) => r[0] === "A" && r.length === header.length)!;
    expect(a[header.indexOf("Nåverdi (kr)")]).toBe(String(result.alternatives[0]!.lcc.presentValue).replace(".", ","));
    expect(rows.flat().filter((c) => FORMULA_START.test(c) && !/^-\d+(,\d+)?(e[-+]\d+)?$/.test(c))).toEqual([]);
  });
});

describe("CSV variants", () => {
  const csvRows = async (query: string, delimiter: string) => parseCsv((await (await fetch(`${server.url}/cases/${caseId}/export.csv${query}`)).text()).replace(/^\uFEFF/, ""), delimiter);
  const presentValueWithCarbon = (rows: string[][], header: string) => {
    const head = rows.find((r) => r.includes(header))!;
    return rows.find((r) => r[0] === "A" && r.length === head.length)![head.indexOf(header)]!;
  };
  const a = () => result.alternatives[0]!;

  it("in bokmål the default is semicolons and decimal commas; ?sep=comma gives commas and decimal points", async () => {
    const nb = await csvRows("?lang=nb", ";");
    expect(nb.find((r) => r[0] === "Faktorsett")?.[1]).toBe(result.factorSet);
    // written whole, no group separator (the rounding of fractions: test/web/exports/tables.test.ts)
    expect(presentValueWithCarbon(nb, "Nåverdi med karbonkostnad (kr)")).toBe(String(Math.round(a().lcc.presentValueWithCarbon)));
    expect(nb.find((r) => r.includes("Unngått produksjon"))).toContain("-25");
    const comma = await csvRows("?lang=nb&sep=comma", ",");
    expect(comma.find((r) => r[0] === "Faktorsett")?.[1]).toBe(result.factorSet);
    expect(presentValueWithCarbon(comma, "Nåverdi med karbonkostnad (kr)")).toBe(String(Math.round(a().lcc.presentValueWithCarbon)));
  });

  it("in English the default is commas and decimal points; ?sep=semicolon gives Norwegian Excel's; kg to one decimal", async () => {
    const en = await csvRows("?lang=en", ",");
    expect(en.find((r) => r[0] === "Factor set")?.[1]).toBe(result.factorSet);
    const semicolon = await csvRows("?lang=en&sep=semicolon", ";");
    expect(semicolon.find((r) => r[0] === "Factor set")?.[1]).toBe(result.factorSet);
    // the yearly section: kg per year to at most one decimal, kroner whole, decimal comma in the semicolon file
    const head = semicolon.findIndex((r) => r.includes("Emissions that year (kg CO2e)"));
    const yearly = semicolon.slice(head + 1, head + 1 + 2 * 11);
    const kgColumn = semicolon[head]!.indexOf("Emissions that year (kg CO2e)");
    const nokColumn = semicolon[head]!.indexOf("Cost, discounted (NOK)");
    for (const row of yearly) {
      expect(row[kgColumn]).toMatch(/^-?\d+(,\d)?$/);
      expect(row[nokColumn]).toMatch(/^-?\d+$/);
    }
  });

  it("refuses a variant it does not know with 400, naming the parameter", async () => {
    const res = await fetch(`${server.url}/cases/${caseId}/export.csv?sep=tab&lang=en`);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(await res.text()).toContain("sep");
  });

  it("the comparison page links the language's CSV and, beside it, the other variant", async () => {
    const links = async (lang: string) => {
      const html = await (await fetch(`${server.url}/cases/${caseId}?lang=${lang}`)).text();
      return [...html.matchAll(/<a href="([^"]*export\.csv[^"]*)">([^<]*)<\/a>/g)].map((m) => [m[1]!.replace(/&#x3D;/g, "="), m[2]!]);
    };
    expect(await links("nb")).toEqual([
      [`/cases/${caseId}/export.csv`, "Eksporter til CSV (norsk Excel)"],
      [`/cases/${caseId}/export.csv?sep=comma`, "CSV med komma og desimalpunktum"],
    ]);
    expect(await links("en")).toEqual([
      [`/cases/${caseId}/export.csv`, "Export to CSV"],
      [`/cases/${caseId}/export.csv?sep=semicolon`, "CSV for Norwegian Excel (semicolons, decimal commas)"],
    ]);
  });
});

describe("Excel export", () => {
  async function workbook(query = ""): Promise<ExcelJS.Workbook> {
    const res = await fetch(`${server.url}/cases/${caseId}/export.xlsx${query}`);
    expectDownload(res, /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/, "xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    return book;
  }

  const allCells = (book: ExcelJS.Workbook): ExcelJS.Cell[] => {
    const cells: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(cell))));
    return cells;
  };

  it("has its sheets in the user's language: the tables, the yearly figures and one sheet per alternative named by its name", async () => {
    expect((await workbook()).worksheets.map((s) => s.name)).toEqual(["Sammendrag", "Utslipp per post", "Sammenligning", "Per år", "Nye møbler på Ås", "@Ombruk", "Merknader", "Kilder", "Om"]);
    expect((await workbook("?lang=en")).worksheets.map((s) => s.name)).toEqual(["Summary", "Items", "Comparison", "By year", "Nye møbler på Ås", "@Ombruk", "Notes", "Sources", "About"]);
  });

  it("has 0 formula cells, no text that starts like a formula, numeric negatives, and æøå intact", async () => {
    const book = await workbook("?lang=en");
    const cells = allCells(book);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toHaveLength(0);
    const texts = cells.filter((c) => typeof c.value === "string").map((c) => c.value as string);
    expect(texts.filter((t) => FORMULA_START.test(t))).toEqual([]);
    for (const label of DANGEROUS) expect(texts).toContain(`'${label}`);
    expect(texts).toContain("Nye møbler på Ås");
    expect(texts).toContain(`'${TITLE}`);

    const items = book.getWorksheet("Items")!;
    const avoided = items.getRows(1, items.rowCount)!.find((r) => r.getCell(2).value === "Unngått produksjon")!;
    expect(avoided.getCell(6).value).toBe(-25);
    expect(avoided.getCell(6).numFmt).toBe("#,##0.0");

    const comparison = book.getWorksheet("Comparison")!;
    expect(comparison.getRow(2).getCell(3).value).toBe(result.comparison[0]!.deltaKg);
    const summary = book.getWorksheet("Summary")!;
    const totalColumn = (summary.getRow(1).values as unknown[]).indexOf("Total emissions (kg CO2e)");
    expect(summary.getRow(2).getCell(totalColumn).value).toBe(result.alternatives[0]!.emissions.totalKg);
    expect(cells.filter((c) => typeof c.value === "number" && (c.value as number) < 0).length).toBeGreaterThanOrEqual(3);
  });

  it("the About sheet carries the factor set id and hash and the UTC time made", async () => {
    const about = (await workbook("?lang=en")).getWorksheet("About")!;
    const fields = new Map(about.getRows(2, about.rowCount - 1)!.map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(fields.get("Factor set")).toBe(result.factorSet);
    expect(fields.get("Factor set hash")).toBe(result.factorSetHash);
    expect(String(fields.get("Made (UTC)"))).toMatch(UTC_TIME);
    expect(fields.get("Case id")).toBe(caseId);
  });

  /** The sheet's rows below its header, as objects by header. */
  const records = (sheet: ExcelJS.Worksheet): Record<string, unknown>[] => {
    const headers = Array.from(sheet.getRow(1).values as unknown[], (h, i) => [i, String(h)] as const).slice(1);
    return sheet.getRows(2, sheet.rowCount - 1)!.map((row) => Object.fromEntries(headers.map(([i, h]) => [h, row.getCell(i).value])));
  };

  it("has a sheet per alternative listing its emission and cost items, a bold frozen header and number formats", async () => {
    const book = await workbook("?lang=en");
    const sheet = book.getWorksheet("Nye møbler på Ås")!;
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const rows = records(sheet);
    expect(rows.map((r) => r["Item is"])).toEqual([...DANGEROUS.map(() => "Emission"), "Cost"]);
    expect(rows.slice(0, DANGEROUS.length).map((r) => r["Item"])).toEqual(DANGEROUS.map((l) => `'${l}`));
    expect(rows[0]).toMatchObject({ "Factor value": 10, "Factor unit": "kg CO2e/unit", "Emissions (kg CO2e)": 10, Source: "Value given in the case (no published source)" });
    expect(rows.at(-1)).toMatchObject({ Kind: "Acquisition", "Amount (NOK)": 180000 });
    const amount = sheet.getRow(rows.length + 1).getCell((sheet.getRow(1).values as unknown[]).indexOf("Amount (NOK)"));
    expect([typeof amount.value, amount.numFmt]).toEqual(["number", "#,##0"]);
    const ombruk = records(book.getWorksheet("@Ombruk")!);
    expect(ombruk.find((r) => r["Item"] === "Unngått produksjon")).toMatchObject({ Stage: "D", "Quantity (as entered)": "10 kg", "Emissions (kg CO2e)": -25 });
  });

  it("has a yearly sheet whose figures add up to the result's totals, per alternative", async () => {
    const yearly = records((await workbook("?lang=en")).getWorksheet("By year")!);
    for (const alternative of result.alternatives) {
      // a text a spreadsheet would take for a formula ("@Ombruk") is written with an apostrophe
      const rows = yearly.filter((r) => r["Name"] === (FORMULA_START.test(alternative.name) ? `'${alternative.name}` : alternative.name));
      expect(rows.map((r) => r["Calendar year"])).toEqual(Array.from({ length: 11 }, (_, i) => 2026 + i));
      const total = (column: string) => rows.reduce((sum, r) => sum + (r[column] as number), 0);
      // each cell is rounded (kroner whole, kg to one decimal), so a sum is off by at most half a unit per year
      const near = (sum: number, exact: number, unit: number) => expect(Math.abs(sum - exact)).toBeLessThanOrEqual((rows.length * unit) / 2 + 1e-9);
      near(total("Cost, discounted (NOK)"), alternative.lcc.presentValue, 1);
      near(total("Cost, nominal (NOK)"), alternative.lcc.nominalTotal, 1);
      near(total("Emissions that year (kg CO2e)"), alternative.emissions.totalKg, 0.1);
      expect(rows.at(-1)!["Cumulative discounted cost (NOK)"]).toBe(Math.round(alternative.lcc.presentValue));
      for (const r of rows) {
        for (const column of ["Cost, discounted (NOK)", "Cost, nominal (NOK)", "Cumulative discounted cost (NOK)"]) expect(Number.isInteger(r[column]), column).toBe(true);
        const kg = r["Emissions that year (kg CO2e)"] as number;
        expect(Math.abs(kg * 10 - Math.round(kg * 10))).toBeLessThan(1e-6);
      }
    }
  });
});

describe("missing and invalid cases", () => {
  it("an unknown id → 404 page for every download", async () => {
    for (const file of ["export.csv", "export.xlsx", "report.pdf"]) {
      const res = await fetch(`${server.url}/cases/no-such-case/${file}`);
      expect(res.status, file).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("content-disposition")).toBeNull();
    }
  });

  it("a stored case that no longer validates → 409 page saying so, for every download", async () => {
    const stale = await server.store.cases.create({ ...trickyCase(), factorSet: "1999-1" });
    for (const file of ["export.csv", "export.xlsx", "report.pdf"]) {
      const res = await fetch(`${server.url}/cases/${stale.id}/${file}?lang=en`);
      expect(res.status, file).toBe(409);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await res.text()).toContain("The case no longer passes the checks");
    }
  });
});

describe("PDF export", () => {
  it.skipIf(!existsSync(CHROMIUM_PATH))(`renders the report page to a PDF with Chromium (skipped when ${CHROMIUM_PATH} is missing)`, async (ctx) => {
    const page = await fetch(`${server.url}/cases/${caseId}/report?lang=en`);
    ctx.skip(page.status === 404, "the report page /cases/:id/report does not exist yet");
    const res = await fetch(`${server.url}/cases/${caseId}/report.pdf?lang=en&ready=abc123def456`);
    expectDownload(res, /^application\/pdf$/, "pdf");
    // the comparison page's script (pdf-status.js) learns from this cookie that the download has started
    expect(res.headers.getSetCookie().filter((c) => c.startsWith("kalkyle-pdf-ready="))).toEqual([expect.stringMatching(/^kalkyle-pdf-ready=abc123def456; Max-Age=120; Path=\/; Expires=[^;]+; SameSite=Strict$/)]);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pdf = bytes.toString("latin1");
    // tagged: a structure tree and the mark that says so; an outline from the headings
    expect(pdf).toContain("/StructTreeRoot");
    expect(pdf).toMatch(/\/MarkInfo\s*<<[^>]*\/Marked true/);
    expect(pdf).toContain("/Lang (en)");
    expect(pdf).toContain("/Outlines");
    // the title metadata is the page's <title>: the case's title
    expect(pdfTitle(pdf)).toBe(`${TITLE} – Kalkyle`);
  }, 60_000);

  it("the report page carries the case's title as its heading and <title>, and the date of the case version in the language", async () => {
    const stored = (await server.store.cases.get(caseId))!;
    const html = await (await fetch(`${server.url}/cases/${caseId}/report?lang=nb`)).text();
    expect(html).toContain(`<title>${escapeHtml(TITLE)} – Kalkyle</title>`);
    expect(html).toContain(`<h1>${escapeHtml(TITLE)}</h1>`);
    const date = new Intl.DateTimeFormat("nb-NO", { dateStyle: "long", timeZone: "Europe/Oslo" }).format(new Date(stored.updatedAt));
    expect(html).toContain(`<time datetime="${stored.updatedAt}">Versjon ${stored.version}, lagret ${date}</time>`);
    const en = await (await fetch(`${server.url}/cases/${caseId}/report?lang=en`)).text();
    expect(en).toContain(`, saved ${new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "Europe/Oslo" }).format(new Date(stored.updatedAt))}</time>`);
  });

  it("a ?ready= token that is not letters and digits is refused with 400 before anything is rendered", async () => {
    const res = await fetch(`${server.url}/cases/${caseId}/report.pdf?lang=en&ready=${encodeURIComponent("x; Path=/admin")}`);
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().filter((c) => c.startsWith("kalkyle-pdf-ready="))).toEqual([]);
  });

  it("answers 503 with the error page, not 500, when Chromium cannot start", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-nopdf-"));
    const store = openSqliteStore(join(dir, "kalkyle.db"));
    const first = await firstStart(store, { KALKYLE_ADMIN_EMAIL: ADMIN_EMAIL, KALKYLE_ADMIN_PASSWORD: TEST_PASSWORD }, []);
    const admin = { userId: (await store.accounts.userByEmail(ADMIN_EMAIL))!.id, organisationId: first.organisationId };
    const pdf = { render: () => Promise.reject(new Error("Failed to launch chromium")), close: async () => undefined };
    const { app, setPort, close } = createKalkyleApp({ store, library: loadFactorLibrary(), pdf, logger: silentLogger() });
    const listening: Server = await new Promise((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const port = (listening.address() as { port: number }).port;
    setPort(port);
    try {
      const stored = await store.scoped({ organisationId: admin.organisationId, actor: SYSTEM_ACTOR }).cases.create(trickyCase());
      const res = await fetch(`http://127.0.0.1:${port}/cases/${stored.id}/report.pdf?lang=en`, { headers: { cookie: `${SESSION_COOKIE}=${await makeSession(store, admin)}` } });
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(await res.text()).toContain("The PDF cannot be made right now");
    } finally {
      await new Promise<void>((resolve) => listening.close(() => resolve()));
      listening.closeAllConnections();
      await close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("file names from a hostile title", () => {
  // U+202E turns the rest around on screen ("Faktura<U+202E>fdp.exe" shows as "Fakturaexe.pdf"); U+2066/U+2069 isolate; U+0085 is a C1 control
  const HOSTILE = "Faktura\u202efdp.exe \u2066Blåbær\u2069\u0085Øyer\u200f";

  it("CSV, Excel, PDF and the case file are named without bidi or control characters, æøå kept", async () => {
    const stored = await server.store.cases.create({ ...trickyCase(), title: HOSTILE });
    const downloads: [string, "GET" | "HEAD", string][] = [
      ["export.csv", "GET", "csv"],
      ["export.xlsx", "GET", "xlsx"],
      ["report.pdf", "HEAD", "pdf"],
      ["case.json", "GET", "kalkyle.json"],
    ];
    for (const [file, method, extension] of downloads) {
      const res = await fetch(`${server.url}/cases/${stored.id}/${file}`, { method });
      await res.arrayBuffer();
      expect(res.status, file).toBe(200);
      const disposition = res.headers.get("content-disposition") ?? "";
      expect(disposition, file).toContain(`filename="faktura-fdp-exe-blabaer-oyer.${extension}"`);
      expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!), file).toBe(`Fakturafdp.exe Blåbær Øyer.${extension}`);
    }
  });
});
