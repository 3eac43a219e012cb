/**
 * The climate adviser's data of one organisation, behind the store's
 * scope like cases: the climate plan (baseline, target path, compensation
 * price; every save a new version), the decisions register, the imported
 * ledger lines (each kept once per organisation by its fingerprint, so a
 * re-import or an overlapping period never counts a line twice), the
 * remembered column mappings, the adviser's mapping rules and the last
 * screening computed from them. Every change writes its audit row in its
 * own transaction (audit.ts actions `climate.*`, `decision.*`,
 * `ledger.*`, `mapping.*`).
 */
import type { ClimatePlanDocument, ClimatePlanVersion, DecisionRecord } from "../core/climate/types.js";
import type { ColumnMapping, ImportSummary, LedgerLine, MappingRule, ScreeningResult } from "../ledger/types.js";

/** A ledger line with its fingerprint: a hash of its fields and of how many identical lines came before it in the same file. */
export type FingerprintedLine = { fingerprint: string; line: LedgerLine };

/** A kept ledger line, as the screening reads it back (in the order they were stored). */
export type StoredLedgerLine = Omit<LedgerLine, "lineNumber" | "date"> & { seq: number };

export type PlanSaveOutcome = { ok: true; saved: ClimatePlanVersion } | { ok: false; reason: "conflict" };
export type RulesSaveOutcome = { ok: true; version: number } | { ok: false; reason: "conflict" };
/** An import starts unless the organisation has another one open that had a batch within the last 15 minutes (STALE_IMPORT_MS). */
export type BeginImportOutcome = { ok: true; importId: string } | { ok: false; reason: "import-running" };

export interface ClimateStore {
  /** The newest version of the plan; null before the first save. */
  plan(): Promise<ClimatePlanVersion | null>;
  /** One earlier version, or null. */
  planVersion(version: number): Promise<ClimatePlanVersion | null>;
  /** Every version, newest first, without documents. */
  planVersions(): Promise<Omit<ClimatePlanVersion, "document">[]>;
  /** Saves a new version; with expectedVersion (0: none yet), refuses if someone saved in between. Audited `climate.plan`. */
  savePlan(document: ClimatePlanDocument, expectedVersion?: number): Promise<PlanSaveOutcome>;

  /** Keeps a decision as given (figures included); audited `decision.create`. */
  createDecision(record: Omit<DecisionRecord, "id" | "recordedAt" | "recordedBy">): Promise<DecisionRecord>;
  decisions(): Promise<DecisionRecord[]>;
  decision(id: string): Promise<DecisionRecord | null>;
  /** Audited `decision.delete`; false when there is no such decision. */
  removeDecision(id: string): Promise<boolean>;

  /** The column mapping remembered for files whose headers give this signature (see ledger/columns.ts), or null. */
  columnMapping(signature: string): Promise<ColumnMapping | null>;
  rememberColumnMapping(signature: string, mapping: ColumnMapping): Promise<void>;

  /**
   * Starts an import; lines are added in batches, then the import is finished (audited `ledger.import`) or abandoned (its lines removed).
   * Refused ("import-running") while another import of the organisation is open and not stale: one import at a time per organisation.
   */
  beginImport(fileName: string): Promise<BeginImportOutcome>;
  /** Inserts the lines whose fingerprint the organisation does not hold yet: how many were new and how many were already there. */
  addLines(importId: string, lines: FingerprintedLine[]): Promise<{ inserted: number; duplicates: number }>;
  finishImport(importId: string, summary: ImportSummary): Promise<void>;
  abandonImport(importId: string): Promise<void>;
  /** Finished imports, newest first. */
  imports(): Promise<ImportSummary[]>;
  /** Removes an import and its lines; audited `ledger.delete`; false when there is no such import. */
  removeImport(importId: string): Promise<boolean>;
  /** Up to `limit` lines after `afterSeq` (0 for the first), in order: the screening reads every line this way, a batch at a time. */
  lines(afterSeq: number, limit: number): Promise<StoredLedgerLine[]>;
  /** Changes whenever lines are added or removed: part of the key a kept screening is valid for. */
  ledgerRevision(): Promise<number>;

  /** The adviser's own mapping rules (beside the shipped default), with their version (0: none saved). */
  mappingRules(): Promise<{ version: number; rules: MappingRule[] }>;
  /** Audited `mapping.update`; refuses when expectedVersion is not the kept one. */
  saveMappingRules(rules: MappingRule[], expectedVersion: number): Promise<RulesSaveOutcome>;

  /** The screening kept for this key (ledger revision, rules version, factor set hash), or null. */
  screening(key: string): Promise<ScreeningResult | null>;
  keepScreening(key: string, result: ScreeningResult): Promise<void>;
}
