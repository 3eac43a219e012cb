/**
 * Ledger screening: the municipality's accounting ledger (supplier ledger
 * or general ledger export) read line by line, each line mapped to a
 * spend factor through the organisation's mapping (the default for the
 * KOSTRA artskontoplan, then the adviser's own rules), totalled per
 * factor and price year and converted with decimal.js once per group.
 * Rules and worked examples: docs/ledger-screening.md.
 */
import type { PurchaseCategory } from "../core/climate/categories.js";
import type { DecimalText } from "../core/climate/types.js";

/** The fields Kalkyle reads from a ledger; the user says once which column of the file holds which. */
export const LEDGER_FIELDS = ["date", "year", "account", "function", "supplierName", "orgNumber", "description", "amount"] as const;
export type LedgerField = (typeof LEDGER_FIELDS)[number];

/** Field → the header of the file's column that holds it, as written in the file. Needs account, amount, and date or year. */
export type ColumnMapping = Partial<Record<LedgerField, string>>;

/** One ledger line as read: amount in whole øre (a credit note is negative). */
export type LedgerLine = {
  /** The line's number in the file, counting the header as line 1. */
  lineNumber: number;
  year: number;
  /** "YYYY-MM-DD" when the file gives a date. */
  date: string | null;
  account: string;
  function: string | null;
  supplierName: string | null;
  /** Nine digits, without spaces or "MVA". */
  orgNumber: string | null;
  description: string | null;
  amountOre: number;
};

export const BROKEN_LINE_REASONS = [
  "amount-missing",
  "amount-unreadable",
  "amount-too-large",
  "date-unreadable",
  "year-missing",
  "year-out-of-range",
  "account-missing",
  "org-number-unreadable",
  "columns-missing",
  "line-too-long",
  "quote-not-closed",
] as const;
export type BrokenLineReason = (typeof BROKEN_LINE_REASONS)[number];

/** A line that could not be read: where, why, and the text found (cut to 200 characters). */
export type BrokenLine = { lineNumber: number; reason: BrokenLineReason; field: LedgerField | null; found: string };

/** What the reader detected about a file. */
export type LedgerFormat = { encoding: "utf-8" | "utf-8-bom" | "windows-1252"; delimiter: ";" | "," | "\t"; kind: "csv" | "xlsx"; headers: string[] };

/** Progress during an import, reported every few thousand lines. */
export type ImportProgress = { bytesRead: number; bytesTotal: number | null; lines: number };

/** What a mapping rule sends a line to: a spend factor in a purchase category, or out of scope with the reason. */
export type MappingTarget =
  | { kind: "factor"; factor: string; category: PurchaseCategory }
  | { kind: "out-of-scope" };

/**
 * One rule. Which wins for a line, most specific first: a description
 * keyword (case-insensitive substring), then the supplier (organisation
 * number, or else the supplier name compared trimmed and case-folded),
 * then the account (the longest matching prefix; a rule of the
 * adviser's beats the default's for the same prefix). `reason` says why
 * the line goes there, in the adviser's words (or the default's).
 */
export type MappingRule = {
  match: { kind: "account"; account: string } | { kind: "supplier"; orgNumber: string } | { kind: "supplier-name"; name: string } | { kind: "keyword"; keyword: string };
  target: MappingTarget;
  reason: string;
};

/** The default mapping as shipped: KOSTRA art (3 digits) → target, with the reason in both languages. */
export type DefaultAccountRule = { account: string; name: { nb: string; en: string }; target: MappingTarget; reason: { nb: string; en: string } };
export type DefaultMapping = { id: string; title: { nb: string; en: string }; source: string; rules: DefaultAccountRule[] };

/** How a line was mapped: which rule (by kind) and to what; `null` rule kind: nothing matched (unmapped). */
export type LineMapping = {
  rule: MappingRule["match"]["kind"] | "default-account" | null;
  target: MappingTarget | null;
  /** Why the line goes there: the adviser's words, or the default's in both languages; absent when unmapped. */
  reason?: string | { nb: string; en: string };
};

export type ScreeningRow = { key: string; name: string; nok: DecimalText; tonnes: DecimalText; lines: number };

/** The screening's answer for a set of lines under one mapping and one factor set. */
export type ScreeningResult = {
  factorSet: string;
  factorSetHash: string;
  lines: { total: number; mapped: number; outOfScope: number; unmapped: number; creditNotes: number };
  spend: { totalNok: DecimalText; mappedNok: DecimalText; outOfScopeNok: DecimalText; unmappedNok: DecimalText; mappedShare: DecimalText };
  totalTonnes: DecimalText;
  byCategory: (ScreeningRow & { category: PurchaseCategory; highRisk: boolean })[];
  bySupplier: (ScreeningRow & { orgNumber: string | null })[];
  byFunction: ScreeningRow[];
  byYear: (ScreeningRow & { year: number })[];
  byFactor: (ScreeningRow & { factor: string })[];
  /** The largest categories and suppliers by tonnes, with the categories on DFØ's high-risk list flagged. */
  hotSpots: { categories: (ScreeningRow & { category: PurchaseCategory; highRisk: boolean })[]; suppliers: (ScreeningRow & { orgNumber: string | null })[] };
  /** Lines no rule maps, by account: counted and listed, never dropped. */
  unmapped: { account: string; lines: number; nok: DecimalText }[];
  outOfScope: { account: string; reason: string; lines: number; nok: DecimalText }[];
  /** Ledger years the factor set's price index does not cover, each converted at the index year a case would take for it (defaultPriceYear). */
  priceYearClamped: number[];
};

/** What one import did. */
export type ImportSummary = {
  importId: string;
  fileName: string;
  format: LedgerFormat;
  /** Lines read (header not counted), stored, skipped as already imported, broken. */
  read: number;
  imported: number;
  duplicates: number;
  broken: number;
  /** The first broken lines (at most 1 000), each with its line number and reason. */
  brokenLines: BrokenLine[];
  years: number[];
  importedAt: string;
};
