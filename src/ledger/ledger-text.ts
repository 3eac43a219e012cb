/**
 * The ledger reader's and the screening's own words, as an area of the one
 * text catalogue under `ledger.`: the reason of each broken line, the
 * column mapping's problems, the command line's progress and table.
 */
import type { Bilingual } from "../case/messages.js";

export const LEDGER_TEXT = {
  "broken.amount-missing": { nb: "beløp mangler", en: "amount is missing" },
} as const satisfies Record<string, Bilingual>;
