/**
 * What the two climate stores (sqlite-climate.ts, postgres-climate.ts)
 * share: the audit images, kept small (an import's summary with its first
 * broken lines only, never a ledger line), the mapping of a kept line's
 * row, and how long an open import may go without a batch before a new
 * import takes it for one whose process stopped.
 */
import type { ClimatePlanVersion } from "../core/climate/types.js";
import type { ImportSummary } from "../ledger/types.js";
import type { StoredLedgerLine } from "./climate.js";

/** Broken lines an audit row keeps of an import's summary (the summary itself keeps up to 1 000). */
export const AUDITED_BROKEN_LINES = 20;

/** An open import with no batch for this long is one whose process stopped: the next import of the organisation removes it. */
export const STALE_IMPORT_MS = 15 * 60 * 1000;

/** The summary as the audit trail keeps it. */
export function importImage(summary: ImportSummary): ImportSummary {
  return { ...summary, brokenLines: summary.brokenLines.slice(0, AUDITED_BROKEN_LINES) };
}

/** A plan version as the audit trail keeps it. */
export function planImage(plan: ClimatePlanVersion): Pick<ClimatePlanVersion, "version" | "document"> {
  return { version: plan.version, document: plan.document };
}

export type LineRow = {
  seq: number | string;
  year: number;
  account: string;
  function: string | null;
  supplier_name: string | null;
  org_number: string | null;
  description: string | null;
  amount_ore: number | string;
};

/** A kept line from its row (PostgreSQL gives BIGINT columns as text). */
export function toStoredLine(row: LineRow): StoredLedgerLine {
  return {
    seq: Number(row.seq),
    year: row.year,
    account: row.account,
    function: row.function,
    supplierName: row.supplier_name,
    orgNumber: row.org_number,
    description: row.description,
    amountOre: Number(row.amount_ore),
  };
}

/** The columns `lines()` reads, in the order of LineRow. */
export const LINE_COLUMNS = "l.seq, l.year, l.account, l.function, l.supplier_name, l.org_number, l.description, l.amount_ore";
