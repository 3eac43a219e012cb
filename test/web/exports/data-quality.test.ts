/**
 * Data quality in the CSV and Excel exports: each item's tier in plain
 * words with its EPD, each alternative's CO2e by tier and the share from
 * EPDs, and, when the case sets mark-ups, the marked-up total with the
 * mark-ups named. Figures checked by hand (test-1 factors).
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../../src/case/messages.js";
import { csvOf } from "../../../src/web/exports/csv.js";
import { exportTables, type Table } from "../../../src/web/exports/tables.js";
import { xlsxOf } from "../../../src/web/exports/xlsx.js";
import { caseWith, evaluateOk, type Json } from "../../case/fixture-library.js";

const EPD = { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS" };
/** A: 12 500 NOK furniture (500 kg, spend) + 1 000 kg wood (500 kg, generic). B: 300 kg verified EPD + 200 kg unverified EPD. */
const A = [
  { label: "Møbler", kind: "spend", factor: "spend.furniture", quantity: "12500 NOK" },
  { label: "Tre", kind: "material", factor: "mat.wood", quantity: "1000 kg" },
];
const B = [
  { label: "Tre (EPD)", kind: "material", factor: { value: 0.3, unit: "kgCO2e/kg" }, quantity: "1000 kg", epd: EPD },
  { label: "Stål (EPD)", kind: "material", factor: { value: 0.4, unit: "kgCO2e/kg" }, quantity: "500 kg", epd: { registration: "NEPD-9999-1-NO" } },
];
const MARKUP = { dataQuality: { markup: { spend: 0.3, generic: 0.2, epd: 0.1 } } };

function tables(lang: Lang, top: Json = MARKUP) {
  return exportTables(evaluateOk(caseWith([{ emissions: A }, { emissions: B }], {}, top)), { caseId: "c", version: 1, madeAt: "2026-01-01T00:00:00Z" }, lang);
}

function column(table: Table, header: string): unknown[] {
  const index = table.columns.findIndex((c) => c.header === header);
  expect(index, header).toBeGreaterThan(-1);
  return table.rows.map((r) => r[index]);
}

describe("data quality in the export tables", () => {
  it("items: the tier in plain words, the EPD's registration number and verifier", () => {
    const items = tables("nb").items;
    expect(column(items, "Datakvalitet")).toEqual(["Utgiftsbasert", "Generiske aktivitetsdata", "Tredjepartsverifisert EPD", "Produktspesifikk (EPD)"]);
    expect(column(items, "EPD-registreringsnummer")).toEqual([null, null, "NEPD-1234-567-NO", "NEPD-9999-1-NO"]);
    expect(column(items, "EPD verifisert av")).toEqual([null, null, "Verifikator AS", null]);
    expect(column(tables("en").items, "Data quality")).toEqual(["Spend-based", "Generic activity data", "Third-party verified EPD", "Product-specific (EPD)"]);
  });

  it("summary: kg by tier, the EPD share, the marked-up total (A 650 + 600 = 1 250; B 220 + 300 = 520) and the mark-ups named", () => {
    const summary = tables("en").summary;
    expect(column(summary, "Spend-based (kg CO2e)")).toEqual([500, 0]);
    expect(column(summary, "Generic activity data (kg CO2e)")).toEqual([500, 0]);
    expect(column(summary, "Product-specific (EPD) (kg CO2e)")).toEqual([0, 200]);
    expect(column(summary, "Third-party verified EPD (kg CO2e)")).toEqual([0, 300]);
    expect(column(summary, "Share from EPDs")).toEqual([0, 1]);
    expect(column(summary, "Total emissions with mark-ups (kg CO2e)")).toEqual([1250, 520]);
    expect(column(summary, "Data-quality mark-ups")[0]).toBe("Spend-based +30%, Generic activity data +20%, Product-specific (EPD) +10%");
    expect(column(tables("nb").summary, "Påslag for datakvalitet")[0]).toMatch(/^Utgiftsbasert \+30\s%, Generiske aktivitetsdata \+20\s%, Produktspesifikk \(EPD\) \+10\s%$/);
  });

  it("without mark-ups in the case: no marked-up columns, the tiers still there", () => {
    const summary = tables("en", {}).summary;
    expect(summary.columns.map((c) => c.header)).not.toContain("Total emissions with mark-ups (kg CO2e)");
    expect(column(summary, "Spend-based (kg CO2e)")).toEqual([500, 0]);
  });

  it("the CSV carries the tier columns; the workbook shows the share as a percentage", async () => {
    const csv = csvOf(tables("nb"), { semicolon: true });
    expect(csv).toContain("Utgiftsbasert (kg CO2e)");
    expect(csv).toContain("Tredjepartsverifisert EPD;NEPD-1234-567-NO;Verifikator AS");
    const workbook = new ExcelJS.Workbook();
    const bytes = await xlsxOf(tables("en"), new Date("2026-01-01T00:00:00Z"));
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet("Summary")!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const share = headers.indexOf("Share from EPDs") + 1;
    expect(sheet.getRow(3).getCell(share).value).toBe(1);
    expect(sheet.getColumn(share).numFmt).toBe("0.0%");
    expect(sheet.getRow(2).getCell(headers.indexOf("Total emissions with mark-ups (kg CO2e)") + 1).value).toBe(1250);
  });
});
