/**
 * The Excel workbook: one sheet per export table (Sammendrag/Summary,
 * Utslipp per post/Items, Sammenligning/Comparison, Merknader/Notes, Kilder/Sources, Om/About),
 * numbers as numeric cells with number formats, and no formula cell ever:
 * every cell value is a plain number or string, and a string that a
 * spreadsheet would read as a formula gets a leading apostrophe.
 *
 * Example: await xlsxOf(tables, new Date()) → a Buffer starting with "PK" (an xlsx is a zip).
 */
import type ExcelJS from "exceljs";
import type { Cell, ColumnKind, Table } from "./tables.js";

const SHEET_ORDER = ["summary", "items", "comparison", "notes", "sources", "about"] as const;

/** Number formats are locale-neutral in the file; Excel shows them with the reader's separators. */
const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, kg: "#,##0.0", nok: "#,##0", int: "0" };

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell a spreadsheet would take for a formula, made plain text: "=1+1" → "'=1+1". */
export function neutralisedText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

const cellValue = (cell: Cell): string | number | null => (typeof cell === "string" ? neutralisedText(cell) : cell);

/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
const sheetName = (title: string): string => title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31);

function addSheet(workbook: ExcelJS.Workbook, table: Table): void {
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));
  const header = sheet.addRow(table.columns.map((c) => neutralisedText(c.header)));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map(cellValue));
}

/** exceljs is loaded on the first Excel export, not at start: most processes never write a workbook. */
let excel: Promise<typeof ExcelJS> | undefined;

export async function xlsxOf(tables: Record<Table["name"], Table>, madeAt: Date): Promise<Buffer> {
  const { Workbook } = await (excel ??= import("exceljs").then((m) => m.default));
  const workbook = new Workbook();
  workbook.creator = "Kalkyle";
  workbook.created = madeAt;
  workbook.modified = madeAt;
  for (const name of SHEET_ORDER) addSheet(workbook, tables[name]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
