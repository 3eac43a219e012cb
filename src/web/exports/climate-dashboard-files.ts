/**
 * The climate dashboard's tables as files (climate-dashboard-tables.ts):
 *
 * - CSV: the tables one after another, each under a title row, a blank
 *   line between them (as the case's CSV export, csv.ts): in bokmål `;`
 *   and decimal commas, in English `,` and decimal points, UTF-8 with a
 *   BOM, formula-like text neutralised, numbers as plain numbers;
 * - Excel: one sheet per table, a bold and frozen header row, set column
 *   widths, numbers as numeric cells with number formats (tonnes CO2e to
 *   three decimals, kroner whole), no formula cell ever, and under each
 *   table the line saying where the figures come from and when.
 *
 * Example: dashboardCsv(tables, { semicolon: true }) → "\uFEFFOm\r\nLaget (UTC);2026-12-02T12:00:00.000Z\r\n…"
 */
import type ExcelJS from "exceljs";
import { csvOfRows } from "./csv.js";
import type { DashboardCell, DashboardColumnKind, DashboardTable } from "./climate-dashboard-tables.js";
import { neutralisedText, sheetName } from "./xlsx.js";

/** Formats are locale-neutral in the file; Excel shows them with the reader's separators. */
const NUMBER_FORMATS: Record<DashboardColumnKind, string | undefined> = { text: undefined, tonnes: "#,##0.000", nok: "#,##0", int: "0" };

export function dashboardCsv(tables: DashboardTable[], options: { semicolon: boolean }): string {
  const records: DashboardCell[][] = [];
  tables.forEach((table, i) => {
    if (i > 0) records.push([]);
    records.push([table.title]);
    // the about table is field and value: its rows are enough
    if (i > 0) records.push(table.columns.map((c) => c.header));
    records.push(...table.rows);
  });
  return csvOfRows(records, options);
}

const cellOf = (cell: DashboardCell): string | number | null => (typeof cell === "string" ? neutralisedText(cell) : cell);

function addSheet(workbook: ExcelJS.Workbook, table: DashboardTable, name: string, sourceLine: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));
  sheet.addRow(table.columns.map((c) => neutralisedText(c.header))).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(cellOf));
  sheet.addRow([]);
  sheet.addRow([neutralisedText(sourceLine)]).font = { italic: true };
}

/** exceljs is loaded on the first Excel export, not at start. */
let excel: Promise<typeof ExcelJS> | undefined;

export async function dashboardXlsx(tables: DashboardTable[], options: { madeAt: Date; sourceLine: string }): Promise<Buffer> {
  const { Workbook } = await (excel ??= import("exceljs").then((m) => m.default));
  const workbook = new Workbook();
  workbook.creator = "Kalkyle";
  workbook.created = options.madeAt;
  workbook.modified = options.madeAt;
  const taken = new Set<string>();
  tables.forEach((table, i) => {
    const name = sheetName(table.title, taken, `${i + 1}`);
    taken.add(name.toLowerCase());
    addSheet(workbook, table, name, options.sourceLine);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
