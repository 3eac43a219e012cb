/**
 * Why a ledger could not be read at all, as typed errors the edges turn
 * into their answers (the command line: exit 2; the web: 400 with a
 * problem at ["file"] or ["columns", field]). A broken line is no error:
 * it is reported and the rest is read.
 */
import type { ColumnProblemCode } from "./columns.js";
import type { LedgerField } from "./types.js";

/** "unreadable": binary or not a spreadsheet we read; "empty": no bytes or no lines after the header; "no-header": no header line of at least two columns. */
export type LedgerFileProblem = "unreadable" | "empty" | "no-header";

export class LedgerFileError extends Error {
  constructor(readonly problem: LedgerFileProblem) {
    super(`ledger file: ${problem}`);
    this.name = "LedgerFileError";
  }
}

/** The column mapping cannot read this file: each problem with its field. */
export class LedgerColumnsError extends Error {
  constructor(
    readonly problems: { field: LedgerField; code: ColumnProblemCode }[],
    readonly headers: string[],
  ) {
    super(`ledger columns: ${problems.map((p) => `${p.field} ${p.code}`).join(", ")}`);
    this.name = "LedgerColumnsError";
  }
}
