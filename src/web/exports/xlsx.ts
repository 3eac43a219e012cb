/**
 * The Excel workbook: one sheet per export table (Sammendrag/Summary,
 * Utslipp per post/Items, Sammenligning/Comparison, Per år/By year, one
 * sheet per alternative named by the alternative's name, Merknader/Notes,
 * Kilder/Sources, Om/About), a bold and frozen header row and set column
 * widths on each,
 * numbers as numeric cells with number formats (kg CO2e to one decimal and
 * kroner whole in the cell itself), and no formula cell ever:
 * every cell value is a plain number or string, and a string that a
 * spreadsheet would read as a formula gets a leading apostrophe.
 *
 * Example: await xlsxOf(tables, new Date()) → a Buffer starting with "PK" (an xlsx is a zip).
 */
import type ExcelJS from "exceljs";
import { roundedKg, roundedNok } from "../../case/rounding.js";
import { Decimal } from "../../core/decimal.js";
import type { Cell, Column, ColumnKind, ExportTables, Table } from "./tables.js";

const SHEETS_BEFORE = ["summary", "items", "comparison", "yearly"] as const;
const SHEETS_AFTER = ["notes", "sources", "about"] as const;

/** Number formats are locale-neutral in the file; Excel shows them with the reader's separators. */
const NUMBER_FORMATS: Record<ColumnKind, string | undefined> = { text: undefined, kg: "#,##0.0", nok: "#,##0", int: "0", decimal: undefined, percent: "0.0%" };

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell a spreadsheet would take for a formula, made plain text: "=1+1" → "'=1+1". */
export function neutralisedText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * A cell as the workbook holds it: text made safe, kg CO2e to one decimal
 * and kroner whole (as the CSV), so a cell a buyer copies into a budget
 * carries no float tail; the exact decimals stay in the result document.
 */
function cellValue(cell: Cell, column: Column | undefined): string | number | null {
  if (typeof cell === "string") return neutralisedText(cell);
  if (typeof cell !== "number" || column === undefined) return cell;
  if (column.kind === "kg") return roundedKg(new Decimal(cell));
  if (column.kind === "nok") return roundedNok(new Decimal(cell));
  return cell;
}

const MAX_SHEET_NAME = 31;

/** The first `max` UTF-16 units of a text, never half a surrogate pair. */
function cut(text: string, max: number): string {
  let out = "";
  for (const c of text) {
    if (out.length + c.length > max) break;
    out += c;
  }
  return out;
}

/**
 * A sheet name Excel accepts, unique in the workbook: at most 31
 * characters, none of []:*?/\ nor control characters, no apostrophe at
 * either end, not "History" (reserved), and unlike every name in `taken`
 * (Excel compares them without case): a second "Nye stoler" becomes
 * "Nye stoler (2)". An empty name becomes `fallback`.
 *
 * Example: sheetName("Alt: 1/2 [ny]", new Set(), "A") → "Alt 1 2 ny"
 */
export function sheetName(title: string, taken: ReadonlySet<string>, fallback: string): string {
  const cleaned = title.replace(/[[\]:*?/\\\p{Cc}\p{Cf}]/gu, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  let base = cut(cleaned, MAX_SHEET_NAME).trim();
  if (base === "" || base.toLowerCase() === "history") base = cut(fallback, MAX_SHEET_NAME);
  const free = (name: string) => !taken.has(name.toLowerCase());
  if (free(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${cut(base, MAX_SHEET_NAME - suffix.length).trimEnd()}${suffix}`;
    if (free(name)) return name;
  }
}

function addSheet(workbook: ExcelJS.Workbook, table: Table, name: string): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = table.columns.map((c) => ({ width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {} }));
  const header = sheet.addRow(table.columns.map((c) => neutralisedText(c.header)));
  header.font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell, i) => cellValue(cell, table.columns[i])));
}

/** exceljs is loaded on the first Excel export, not at start: most processes never write a workbook. */
let excel: Promise<typeof ExcelJS> | undefined;

export async function xlsxOf(tables: ExportTables, madeAt: Date): Promise<Buffer> {
  const { Workbook } = await (excel ??= import("exceljs").then((m) => m.default));
  const workbook = new Workbook();
  workbook.creator = "Kalkyle";
  workbook.created = madeAt;
  workbook.modified = madeAt;
  const sheets: Table[] = [...SHEETS_BEFORE.map((n) => tables[n]), ...tables.alternatives, ...SHEETS_AFTER.map((n) => tables[n])];
  const taken = new Set<string>();
  sheets.forEach((table, i) => {
    const name = sheetName(table.title, taken, `${i + 1}`);
    taken.add(name.toLowerCase());
    addSheet(workbook, table, name);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
