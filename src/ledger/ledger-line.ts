/**
 * One record of a ledger (the cells of a CSV line or a worksheet row) read
 * into a LedgerLine, or into a BrokenLine that says where and why. Cells
 * are text from a CSV file, and text, numbers or dates from a workbook.
 *
 * - year: the year column (a four-digit year) if mapped and filled, else
 *   the date's year; 1990–2100.
 * - date: "2025-03-31" (a time after it is ignored), "31.03.2025",
 *   "31.3.2025", "31/03/2025", "20250331", a workbook date, or a
 *   workbook serial number (days since 1899-12-30).
 * - organisation number: nine digits once spaces, "NO" and "MVA" are
 *   taken out; an empty cell is no number.
 * - account: the cell's text trimmed ("11500" or "115").
 *
 * Example: readRecord(["2025", "115", "1 234,50"], 2, columns) → { kind: "line", line: { year: 2025, account: "115", amountOre: 123450, … } }
 */
import { amountFromNumber, amountOre } from "./amount.js";
import { columnIndex } from "./columns.js";
import type { BrokenLine, BrokenLineReason, ColumnMapping, LedgerField, LedgerLine } from "./types.js";

export type Cell = string | number | Date | null | undefined;

/** The column index of each field, -1 where the mapping names none. */
export type ColumnIndexes = Record<LedgerField, number>;

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
/** Longest record read, in characters; a longer one is a broken line. */
export const MAX_LINE_LENGTH = 10_000;

export function columnIndexes(mapping: ColumnMapping, headers: string[]): ColumnIndexes {
  const at = (field: LedgerField) => (mapping[field]?.trim() ? columnIndex(mapping[field], headers) : -1);
  return { date: at("date"), year: at("year"), account: at("account"), function: at("function"), supplierName: at("supplierName"), orgNumber: at("orgNumber"), description: at("description"), amount: at("amount") };
}

export type RecordRead = { kind: "line"; line: LedgerLine } | { kind: "broken"; broken: BrokenLine } | { kind: "empty" };

const EMPTY: RecordRead = { kind: "empty" };

/** A character that cannot be white space: printable ASCII, or a letter such as æøå (U+00C0–U+1FFF). */
const isPlain = (c: number) => (c > 32 && c < 0x7f) || (c >= 0xc0 && c < 0x2000);
const text = (cell: Cell): string =>
  typeof cell === "string" ? (cell.length === 0 || (isPlain(cell.charCodeAt(0)) && isPlain(cell.charCodeAt(cell.length - 1))) ? cell : cell.trim()) : cell === null || cell === undefined ? "" : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
const optional = (cell: Cell): string | null => {
  const t = text(cell);
  return t === "" ? null : t;
};
const broken = (lineNumber: number, reason: BrokenLineReason, field: LedgerField | null, found: string): RecordRead => ({
  kind: "broken",
  broken: { lineNumber, reason, field, found: found.length > 200 ? found.slice(0, 200) : found },
});

/**
 * The texts that repeat from line to line (account, function, supplier,
 * organisation number, date), each kept once: a line then holds the kept
 * text, not its own copy, so the copies die young instead of being
 * promoted with the batch (a million lines read with half the garbage
 * collection). Bounded: a table that fills up is emptied.
 */
export class RepeatedTexts {
  static readonly LIMIT = 20_000;
  readonly #texts = new Map<string, string>();
  readonly #dates = new Map<string, string | null>();

  text(value: string | null): string | null {
    if (value === null) return null;
    const kept = this.#texts.get(value);
    if (kept !== undefined) return kept;
    if (this.#texts.size >= RepeatedTexts.LIMIT) this.#texts.clear();
    this.#texts.set(value, value);
    return value;
  }

  date(cell: Cell): string | null {
    if (typeof cell !== "string") return readDate(cell);
    const kept = this.#dates.get(cell);
    if (kept !== undefined) return kept;
    const date = readDate(cell);
    if (this.#dates.size >= RepeatedTexts.LIMIT) this.#dates.clear();
    this.#dates.set(cell, date);
    return date;
  }
}

/** A record of cells as a ledger line, a broken line, or nothing (an empty line). */
export function readRecord(cells: ArrayLike<Cell>, lineNumber: number, columns: ColumnIndexes, repeated = new RepeatedTexts()): RecordRead {
  if (isEmptyRecord(cells)) return EMPTY;
  const needed = Math.max(columns.account, columns.amount, columns.date, columns.year);
  if (cells.length <= needed) return broken(lineNumber, "columns-missing", null, Array.from(cells, text).join(" | "));
  const account = repeated.text(text(cells[columns.account]))!;
  if (account === "") return broken(lineNumber, "account-missing", "account", "");
  const amountCell = cells[columns.amount];
  const amount = typeof amountCell === "number" ? amountFromNumber(amountCell) : amountOre(text(amountCell));
  if (typeof amount !== "number" && !amount.ok) return broken(lineNumber, amount.reason, "amount", text(amountCell));
  let date: string | null = null;
  if (columns.date >= 0) {
    const cell = cells[columns.date];
    if (text(cell) !== "") {
      date = repeated.date(cell);
      if (date === null) return broken(lineNumber, "date-unreadable", "date", text(cell));
    }
  }
  let year: number | null = null;
  let yearField: LedgerField = "date";
  if (columns.year >= 0 && text(cells[columns.year]) !== "") {
    year = readYear(cells[columns.year]);
    yearField = "year";
    if (year === null) return broken(lineNumber, "year-missing", "year", text(cells[columns.year]));
  } else if (date !== null) year = Number(date.slice(0, 4));
  if (year === null) return broken(lineNumber, "year-missing", columns.year >= 0 ? "year" : "date", "");
  if (year < MIN_YEAR || year > MAX_YEAR) return broken(lineNumber, "year-out-of-range", yearField, String(year));
  let orgNumber: string | null = null;
  if (columns.orgNumber >= 0) {
    const found = text(cells[columns.orgNumber]);
    if (found !== "") {
      orgNumber = repeated.text(readOrgNumber(found));
      if (orgNumber === null) return broken(lineNumber, "org-number-unreadable", "orgNumber", found);
    }
  }
  const line: LedgerLine = {
    lineNumber,
    year,
    date,
    account,
    function: columns.function >= 0 ? repeated.text(optional(cells[columns.function])) : null,
    supplierName: columns.supplierName >= 0 ? repeated.text(optional(cells[columns.supplierName])) : null,
    orgNumber,
    description: columns.description >= 0 ? optional(cells[columns.description]) : null,
    amountOre: typeof amount === "number" ? amount : amount.ore,
  };
  return { kind: "line", line };
}

function isEmptyRecord(cells: ArrayLike<Cell>): boolean {
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === "string" ? cell.length > 0 && cell.trim() !== "" : cell !== null && cell !== undefined) return false;
  }
  return true;
}

/** A four-digit year, as text or a whole number; null otherwise. */
export function readYear(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isInteger(cell) ? cell : null;
  const t = text(cell);
  return /^\d{4}$/.test(t) ? Number(t) : null;
}

const NINE_DIGITS = /^\d{9}$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A calendar date as "YYYY-MM-DD", or null when it is no real date. */
function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]! || (month === 2 && day === 29 && !isLeap(year))) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date cell as "YYYY-MM-DD" (the forms in the header comment), or null. */
export function readDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1 || cell > 2_958_465) return null;
    return new Date(EXCEL_EPOCH + cell * DAY_MS).toISOString().slice(0, 10);
  }
  const t = text(cell);
  const quick = quickDate(t);
  if (quick !== undefined) return quick;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?: .*)?$/.exec(t);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return null;
}

const digit = (t: string, i: number) => t.charCodeAt(i) - 48;
const twoDigits = (t: string, i: number) => {
  const a = digit(t, i);
  const b = digit(t, i + 1);
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
};

/** The two commonest forms read without a regular expression: "2025-03-31" (returned as it is) and "31.03.2025"; undefined for the others. */
function quickDate(t: string): string | null | undefined {
  if (t.length !== 10) return undefined;
  if (t.charCodeAt(4) === 45 && t.charCodeAt(7) === 45) {
    const century = twoDigits(t, 0);
    const year = twoDigits(t, 2);
    const month = twoDigits(t, 5);
    const day = twoDigits(t, 8);
    if (century < 0 || year < 0 || month < 0 || day < 0) return undefined;
    return isoDate(century * 100 + year, month, day) === null ? null : t;
  }
  if (t.charCodeAt(2) === 46 && t.charCodeAt(5) === 46) {
    const day = twoDigits(t, 0);
    const month = twoDigits(t, 3);
    const century = twoDigits(t, 6);
    const year = twoDigits(t, 8);
    if (century < 0 || year < 0 || month < 0 || day < 0) return undefined;
    return isoDate(century * 100 + year, month, day);
  }
  return undefined;
}

/** Nine digits from "NO 912 345 678 MVA", "912345678" or 912345678; null otherwise. */
export function readOrgNumber(found: string): string | null {
  if (found.length === 9 && NINE_DIGITS.test(found)) return found;
  let t = found.replace(/[\s\u00a0\u202f]/g, "").toUpperCase();
  if (t.startsWith("NO")) t = t.slice(2);
  if (t.endsWith("MVA")) t = t.slice(0, -3);
  return NINE_DIGITS.test(t) ? t : null;
}
