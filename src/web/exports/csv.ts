/**
 * One CSV file with the export tables one after another (about, summary,
 * comparison, items, notes), a blank line and a title row between them. csv-stringify
 * neutralises text cells that a spreadsheet would read as a formula
 * (`= + - @ \t \r`, also their full-width forms) with a leading apostrophe;
 * numbers are passed as numbers, so a negative number stays a number.
 * A UTF-8 BOM makes Excel read æøå right. The semicolon variant writes a
 * decimal comma, for Excel set to Norwegian.
 *
 * Example: csvOf(tables, { semicolon: true }) → "\uFEFFSak;Kontorstoler\r\n…;-1234,5\r\n…"
 */
import { stringify } from "csv-stringify/sync";
import type { Cell, Table } from "./tables.js";

export type CsvOptions = { semicolon: boolean };

const CSV_SECTIONS = ["about", "summary", "comparison", "items", "notes"] as const;

export function csvOf(tables: Record<Table["name"], Table>, { semicolon }: CsvOptions): string {
  const records: Cell[][] = [];
  for (const name of CSV_SECTIONS) {
    const table = tables[name];
    if (records.length > 0) records.push([]);
    if (name === "about") records.push(...table.rows);
    else records.push([table.title], table.columns.map((c) => c.header), ...table.rows);
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
