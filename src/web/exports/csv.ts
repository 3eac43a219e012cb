/**
 * One CSV file with the export tables one after another (about, summary,
 * comparison, yearly figures, items, notes), a blank line and a title row
 * between them. csv-stringify neutralises text cells that a spreadsheet
 * would read as a formula (`= + - @ \t \r`, also their full-width forms)
 * with a leading apostrophe; numbers are passed as numbers, so a negative
 * number stays a number. A UTF-8 BOM makes Excel read æøå right.
 *
 * Two variants (docs/decisions.md): "semicolon" — `;` between fields and a
 * decimal comma, what Excel set to Norwegian opens in columns, the default
 * in bokmål; "comma" — `,` and a decimal point, the default in English.
 * Numbers are plain (no group separators) and rounded to what the data
 * supports: kg CO2e to one decimal, kroner whole (a CSV has no number
 * formats, so the rounding is in the figure itself).
 *
 * Example: csvOf(tables, { semicolon: true }) → "\uFEFFSak;Kontorstoler\r\n…;-1234,5\r\n…"
 */
import { stringify } from "csv-stringify/sync";
import { Decimal } from "../../core/decimal.js";
import { roundedKg, roundedNok } from "../../case/rounding.js";
import type { Cell, Column, ExportTables } from "./tables.js";

export type CsvOptions = { semicolon: boolean };
/** The CSV variants a user can ask for (?sep=): semicolons and decimal commas, or commas and decimal points. */
export const CSV_VARIANTS = ["semicolon", "comma"] as const;
export type CsvVariant = (typeof CSV_VARIANTS)[number];

/** The variant a language gets when it asks for none: Norwegian Excel reads semicolons and decimal commas. */
export const defaultCsvVariant = (lang: "nb" | "en"): CsvVariant => (lang === "nb" ? "semicolon" : "comma");

const CSV_SECTIONS = ["about", "summary", "comparison", "yearly", "items", "notes"] as const;

/** A figure as the CSV writes it: kg to one decimal, kroner whole, other numbers as they are. */
function rounded(cell: Cell, column: Column | undefined): Cell {
  if (typeof cell !== "number" || !Number.isFinite(cell) || column === undefined) return cell;
  if (column.kind === "kg") return roundedKg(new Decimal(cell));
  if (column.kind === "nok") return roundedNok(new Decimal(cell));
  return cell;
}

export function csvOf(tables: ExportTables, { semicolon }: CsvOptions): string {
  const records: Cell[][] = [];
  for (const name of CSV_SECTIONS) {
    const table = tables[name];
    if (records.length > 0) records.push([]);
    if (name === "about") records.push(...table.rows);
    else records.push([table.title], table.columns.map((c) => c.header), ...table.rows.map((row) => row.map((cell, i) => rounded(cell, table.columns[i]))));
  }
  return csvOfRows(records, { semicolon });
}

/** Rows as one CSV file, with the same BOM, separator, decimal comma and formula neutralisation (the audit trail's export uses it too). */
export function csvOfRows(records: Cell[][], { semicolon }: CsvOptions): string {
  return stringify(records, {
    bom: true,
    delimiter: semicolon ? ";" : ",",
    record_delimiter: "windows",
    escape_formulas: true,
    cast: { number: (value) => (semicolon ? String(value).replace(".", ",") : String(value)) },
  });
}
