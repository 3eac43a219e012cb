/**
 * Every figure Kalkyle computes is shown rounded to what the data supports
 * (kg CO2e to one decimal, tonnes to two, or three where a table's figures
 * are all below 10 t, kroner whole), never with a float tail: the
 * comparison page, the CSV and the Excel workbook of each seeded example
 * case are read as a user gets them. The workbook keeps full figures in
 * its cells (so yearly figures sum to the totals) and shows them through
 * number formats, which are checked. Factor values are the source's own
 * figures, shown as published, and are left out of the check.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "./harness.js";

let server: TestServer;
let cases: { id: string; title: string }[] = [];

beforeAll(async () => {
  server = await startTestServer();
  cases = (await server.store.cases.list({ limit: 100 })).cases.map((c) => ({ id: c.id, title: c.title }));
});
afterAll(async () => {
  await server?.close();
});

/** The page's visible text: no scripts, styles, tags or attributes; entities decoded. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style|template)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

/**
 * Numbers in bokmål text with four or more decimals after a decimal comma
 * ("4,58891"), with what surrounds them; a factor's value as its source
 * publishes it ("0,0150 kg CO2e per kWh", "0,389 kWh/km") is data, not a
 * computed figure, and is left out.
 */
function longDecimals(text: string): string[] {
  return [...text.matchAll(/\d,\d{4,}(?!\s?(g|kg|t) ?CO2e ?(per|\/)|\s?\w+\/\w+)/g)].map((m) => text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " "));
}

/** A CSV with semicolons read into records of fields (quotes and doubled quotes understood). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ";") {
      record.push(field);
      field = "";
    } else if (!quoted && ch === "\n") {
      record.push(field.replace(/\r$/, ""));
      records.push(record);
      record = [];
      field = "";
    } else {
      field += ch;
    }
  }
  if (field !== "" || record.length > 0) records.push([...record, field]);
  return records;
}

/** The figures in the page's number cells (tables of tonnes, kroner, kg). */
const numberCells = (html: string) => [...html.matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]!.trim());

describe("figures rounded to what the data supports, in the seeded examples", () => {
  it("the seeded examples are there", () => {
    expect(cases.length).toBeGreaterThanOrEqual(5);
  });

  it("the comparison and report pages (bokmål): tables at most three decimals (tonnes to whole kg), and no computed figure anywhere with four or more", async () => {
    const found: string[] = [];
    let cells = 0;
    for (const c of cases) {
      // the comparison page, and the report page the PDF is printed from
      for (const path of [`/cases/${c.id}`, `/cases/${c.id}/report`]) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status).toBe(200);
        const html = await res.text();
        found.push(...longDecimals(visibleText(html)).map((m) => `${c.title}: ${m}`));
        for (const cell of numberCells(html)) {
          cells++;
          if (/,\d{4,}/.test(cell) || /\.\d/.test(cell)) found.push(`${c.title}: cell «${cell}»`);
        }
      }
    }
    expect(cells).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it("the comparison page in English: no computed figure with four or more decimals", async () => {
    const client = server.client();
    await client.get("/");
    await client.postForm("/lang", { lang: "en", returnTo: "/" });
    const found: string[] = [];
    for (const c of cases) {
      const { res, html } = await client.get(`/cases/${c.id}`);
      expect(res.status).toBe(200);
      expect(html).toContain('<html lang="en"');
      const text = visibleText(html);
      // a date (11.06.2024) is not a figure: a number here starts after no digit or point
      found.push(...[...text.matchAll(/(?<![\d.])\d+\.\d{4,}(?!\s?(g|kg|t) ?CO2e ?(per|\/)|\s?\w+\/\w+)/g)].map((m) => `${c.title}: ${text.slice(Math.max(0, m.index - 40), m.index + 40).replace(/\s+/g, " ")}`));
      for (const cell of numberCells(html)) if (/\.\d{4,}/.test(cell)) found.push(`${c.title}: cell «${cell}»`);
    }
    expect(found).toEqual([]);
  });

  it("the CSV (bokmål, semicolons and decimal commas): kg CO2e at most one decimal, kroner whole", async () => {
    const found: string[] = [];
    let checked = 0;
    for (const c of cases) {
      const res = await fetch(`${server.url}/cases/${c.id}/export.csv`);
      expect(res.status).toBe(200);
      let headers: string[] = [];
      let previous: string[] = [];
      for (const record of csvRecords(await res.text())) {
        // each section is a title (one field), a header row, then its rows
        if (previous.length === 1 && previous[0] !== "") headers = record;
        else
          record.forEach((field, i) => {
            const header = headers[i] ?? "";
            const allowed = /\(kg CO2e\)/.test(header) ? 1 : /\(kr\b|\(kr per/.test(header) ? 0 : undefined;
            if (allowed === undefined || !/^−?-?\d+(,\d+)?$/.test(field)) return;
            checked++;
            if ((field.split(",")[1]?.length ?? 0) > allowed) found.push(`${c.title} (${header}): ${field}`);
          });
        previous = record;
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(found).toEqual([]);
  });

  it("the Excel workbook shows kg CO2e cells with one decimal and kroner cells whole (their number formats)", async () => {
    const found: string[] = [];
    let checked = 0;
    for (const c of cases) {
      const res = await fetch(`${server.url}/cases/${c.id}/export.xlsx`);
      expect(res.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await res.arrayBuffer());
      for (const sheet of workbook.worksheets) {
        const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
        sheet.eachRow((row, r) => {
          if (r === 1) return;
          row.eachCell((cell, col) => {
            const header = headers[col] ?? "";
            const format = /\(kg CO2e\)/.test(header) ? "#,##0.0" : /\(kr\b|\(kr per/.test(header) ? "#,##0" : undefined;
            if (typeof cell.value !== "number" || format === undefined) return;
            checked++;
            if (cell.numFmt !== format) found.push(`${c.title}, ${sheet.name} R${r}C${col} (${header}): ${cell.value} shown as ${cell.numFmt ?? "General"}`);
          });
        });
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
