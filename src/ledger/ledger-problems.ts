/**
 * Why a ledger cannot be read, as codes of the one problem catalogue
 * (PROBLEM_MESSAGES), so the application layer can refuse an import with
 * an InvalidInputError like any other input: at "file" (the file itself)
 * or at "columns.<field>" (a column the mapping needs). The words are the
 * ledger area's own (ledger-text.ts), so the page, the API and the
 * command line say the same.
 */
import { LEDGER_TEXT } from "./ledger-text.js";

export const LEDGER_PROBLEM_MESSAGES = {
  "ledger-unreadable": LEDGER_TEXT["file.unreadable"],
  "ledger-empty": LEDGER_TEXT["file.empty"],
  "ledger-no-header": LEDGER_TEXT["file.no-header"],
  "date-or-year": LEDGER_TEXT["columns.date-or-year"],
  "not-in-file": LEDGER_TEXT["columns.not-in-file"],
} as const;
