/**
 * Which column of a ledger holds which field. The user maps the columns
 * once; the mapping is remembered under the file's header signature, and
 * a first guess is made from the header names an ERP or Excel export
 * commonly uses, in Norwegian and English.
 *
 * Example: suggestColumns(["Bilagsdato", "Art", "Beløp NOK"])
 *          → { date: "Bilagsdato", account: "Art", amount: "Beløp NOK" }
 */
import type { ColumnMapping, LedgerField } from "./types.js";

/** A header as compared: trimmed, lower-case, inner white space as one space. */
export const normaliseHeader = (header: string) => header.trim().toLowerCase().replace(/\s+/g, " ");

/** The same headers in the same order give the same signature, whatever their case or surrounding spaces. */
export function headerSignature(headers: string[]): string {
  return JSON.stringify(headers.map(normaliseHeader));
}

/** Header names by field, compared with letters and digits only ("Org.nr." → "orgnr"); the first found in this order wins. */
const KNOWN: Record<LedgerField, string[]> = {
  year: ["år", "regnskapsår", "year", "fiscalyear", "aar"],
  date: ["bilagsdato", "dato", "date", "fakturadato", "posteringsdato", "bokføringsdato", "transaksjonsdato", "voucherdate", "invoicedate", "postingdate"],
  account: ["art", "artskonto", "konto", "kontonr", "kontonummer", "account", "accountno", "accountnumber", "kostraart"],
  function: ["funksjon", "kostrafunksjon", "function", "funksjonsnr"],
  supplierName: ["leverandør", "leverandørnavn", "leverandornavn", "leverandor", "supplier", "suppliername", "vendor", "vendorname", "navn"],
  orgNumber: ["orgnr", "organisasjonsnummer", "organisasjonsnr", "orgnummer", "leverandørorgnr", "organisationnumber", "orgno", "vatnumber", "mvanr"],
  description: ["tekst", "beskrivelse", "bilagstekst", "description", "text", "posteringstekst", "fritekst"],
  amount: ["beløp", "beløpnok", "beløpinok", "belop", "sum", "amount", "amountnok", "nok", "beløpkr"],
};

const compact = (header: string) => header.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/**
 * A first mapping from the header names: for each field, the first known
 * name found (each column used once); an amount column may also be one
 * whose name starts with "beløp" or "amount".
 */
export function suggestColumns(headers: string[]): ColumnMapping {
  const compacted = headers.map(compact);
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  for (const field of Object.keys(KNOWN) as LedgerField[]) {
    let index = -1;
    for (const name of KNOWN[field]) {
      index = compacted.findIndex((h, i) => h === name && !used.has(i));
      if (index >= 0) break;
    }
    if (index < 0 && field === "amount") index = compacted.findIndex((h, i) => (h.startsWith("beløp") || h.startsWith("amount")) && !used.has(i));
    if (index >= 0) {
      used.add(index);
      mapping[field] = headers[index]!.trim();
    }
  }
  return mapping;
}

export const COLUMN_PROBLEMS = ["required", "date-or-year", "not-in-file"] as const;
export type ColumnProblemCode = (typeof COLUMN_PROBLEMS)[number];

/**
 * What keeps a mapping from reading the file: account and amount are
 * required, and a date or a year; every named header must be in the file.
 */
export function columnProblems(mapping: ColumnMapping, headers: string[]): { field: LedgerField; code: ColumnProblemCode }[] {
  const problems: { field: LedgerField; code: ColumnProblemCode }[] = [];
  for (const field of ["account", "amount"] as const) if (!mapping[field]?.trim()) problems.push({ field, code: "required" });
  if (!mapping.date?.trim() && !mapping.year?.trim()) problems.push({ field: "date", code: "date-or-year" });
  for (const [field, header] of Object.entries(mapping) as [LedgerField, string | undefined][]) {
    if (header?.trim() && columnIndex(header, headers) < 0) problems.push({ field, code: "not-in-file" });
  }
  return problems;
}

/** The index of `header` among `headers`: as written (trimmed), else as normalised; -1 if absent. */
export function columnIndex(header: string, headers: string[]): number {
  const wanted = header.trim();
  const exact = headers.findIndex((h) => h.trim() === wanted);
  if (exact >= 0) return exact;
  const normal = normaliseHeader(wanted);
  return headers.findIndex((h) => normaliseHeader(h) === normal);
}
