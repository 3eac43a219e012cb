/**
 * Text of the ledger pages: import with its progress, column mapping, the screening's answer and the spend mapping (bokmål first, English second).
 */
import type { AreaText } from "./catalog.js";

export const climateLedgerText = {
  nb: {
    "ledger.title": "Regnskapsscreening",
  },
  en: {
    "ledger.title": "Ledger screening",
  },
} satisfies AreaText;
