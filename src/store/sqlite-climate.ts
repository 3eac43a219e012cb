/**
 * One organisation's climate data in SQLite (the ClimateStore of
 * climate.ts). Statements are prepared once and every one names the
 * organisation. Each change and its audit row are one IMMEDIATE
 * transaction (see sqlite-store.ts), so a version check reads what the
 * last writer committed.
 *
 * Ledger lines arrive a batch at a time, one transaction per batch. A
 * line is kept once per organisation by its fingerprint, but not through
 * a UNIQUE index: on random SHA-1 digests that index costs about 28 s of
 * CPU for a million lines, against about 3 s for plain appends. Instead
 * beginImport reads the organisation's fingerprints into a set of 64-bit
 * keys (fingerprint-keys.ts; about 16 MB for a million lines), held in
 * this process for that import until it is finished or abandoned, and
 * addLines inserts a line only when its key is new (and adds it). Two
 * different lines sharing a key (about n² / 2^65 for n lines: 3 in 100
 * million at a million) would make the second counted as a duplicate.
 * The set is only right while no other import of the organisation adds
 * lines, so beginImport refuses ("import-running") while another import
 * is open and was touched within STALE_IMPORT_MS; that check is in the
 * database, so it holds across processes. When lines are removed while
 * an import is open (the ledger revision moved), the next batch reads the
 * set again.
 *
 * Lines of an import still open are not read (`lines` joins the finished
 * imports), so an import that fails half-way counts nothing, and the
 * ledger revision moves exactly when the lines read change: at finish and
 * at removal.
 */
import type Database from "better-sqlite3";
import type { ClimatePlanDocument, ClimatePlanVersion, DecisionRecord } from "../core/climate/types.js";
import type { ColumnMapping, ImportSummary, MappingRule, ScreeningResult } from "../ledger/types.js";
import type { BeginImportOutcome, ClimateStore, FingerprintedLine, PlanSaveOutcome, RulesSaveOutcome } from "./climate.js";
import { importImage, LINE_COLUMNS, planImage, STALE_IMPORT_MS, toStoredLine, type LineRow } from "./climate-rows.js";
import { withStoreErrors } from "./errors.js";
import { FingerprintKeys } from "./fingerprint-keys.js";
import type { AuditWriter } from "./sqlite-audit.js";
import { newId, type Scope } from "./store.js";

/** The fingerprint set of the import this process runs for an organisation, and the ledger revision it was read at. */
type HeldKeys = { importId: string; keys: FingerprintKeys; revision: number };

type PlanRow = { version: number; saved_at: string; saved_by: string | null; document: string };

const toPlan = (row: PlanRow): ClimatePlanVersion => ({ version: row.version, document: JSON.parse(row.document) as ClimatePlanDocument, savedAt: row.saved_at, savedBy: row.saved_by });

function statements(db: Database.Database) {
  const p = <R = unknown>(sql: string) => db.prepare<unknown[], R>(sql);
  return {
    newestPlan: p<PlanRow>("SELECT * FROM climate_plans WHERE organisation_id = ? ORDER BY version DESC LIMIT 1"),
    planOf: p<PlanRow>("SELECT * FROM climate_plans WHERE organisation_id = ? AND version = ?"),
    planList: p<Omit<PlanRow, "document">>("SELECT version, saved_at, saved_by FROM climate_plans WHERE organisation_id = ? ORDER BY version DESC"),
    insertPlan: p("INSERT INTO climate_plans (organisation_id, version, saved_at, saved_by, document) VALUES (?, ?, ?, ?, ?)"),
    insertDecision: p("INSERT INTO decisions (id, organisation_id, case_id, recorded_at, recorded_by, document) VALUES (?, ?, ?, ?, ?, ?)"),
    decisionList: p<{ document: string }>("SELECT document FROM decisions WHERE organisation_id = ? ORDER BY recorded_at DESC, id"),
    decisionOf: p<{ document: string }>("SELECT document FROM decisions WHERE organisation_id = ? AND id = ?"),
    deleteDecision: p("DELETE FROM decisions WHERE organisation_id = ? AND id = ?"),
    columnsOf: p<{ mapping: string }>("SELECT mapping FROM ledger_columns WHERE organisation_id = ? AND signature = ?"),
    keepColumns: p("INSERT INTO ledger_columns (organisation_id, signature, mapping) VALUES (?, ?, ?) ON CONFLICT (organisation_id, signature) DO UPDATE SET mapping = excluded.mapping"),
    clearStale: p("DELETE FROM ledger_imports WHERE organisation_id = ? AND state = 'open' AND touched_at < ?"),
    openImport: p<{ id: string }>("SELECT id FROM ledger_imports WHERE organisation_id = ? AND state = 'open' LIMIT 1"),
    insertImport: p("INSERT INTO ledger_imports (id, organisation_id, file_name, state, created_at, touched_at) VALUES (?, ?, ?, 'open', ?, ?)"),
    touchImport: p("UPDATE ledger_imports SET touched_at = ? WHERE organisation_id = ? AND id = ? AND state = 'open'"),
    insertLine: p(
      `INSERT INTO ledger_lines (organisation_id, import_id, fingerprint, year, account, function, supplier_name, org_number, description, amount_ore)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    fingerprints: p<string>("SELECT fingerprint FROM ledger_lines WHERE organisation_id = ?").pluck(),
    finishImport: p("UPDATE ledger_imports SET state = 'done', summary = ?, touched_at = ? WHERE organisation_id = ? AND id = ? AND state = 'open'"),
    abandonImport: p("DELETE FROM ledger_imports WHERE organisation_id = ? AND id = ? AND state = 'open'"),
    importList: p<{ summary: string }>("SELECT summary FROM ledger_imports WHERE organisation_id = ? AND state = 'done' ORDER BY created_at DESC, id"),
    doneImport: p<{ summary: string }>("SELECT summary FROM ledger_imports WHERE organisation_id = ? AND id = ? AND state = 'done'"),
    deleteImport: p("DELETE FROM ledger_imports WHERE organisation_id = ? AND id = ?"),
    // CROSS JOIN keeps ledger_lines the outer loop: the (organisation_id, seq) index gives the order, and the LIMIT stops the scan.
    lines: p<LineRow>(
      `SELECT ${LINE_COLUMNS} FROM ledger_lines l CROSS JOIN ledger_imports i ON i.id = l.import_id
       WHERE l.organisation_id = ? AND l.seq > ? AND i.state = 'done' ORDER BY l.seq LIMIT ?`,
    ),
    bumpRevision: p("INSERT INTO ledger_revisions (organisation_id, revision) VALUES (?, 1) ON CONFLICT (organisation_id) DO UPDATE SET revision = revision + 1"),
    revision: p<{ revision: number }>("SELECT revision FROM ledger_revisions WHERE organisation_id = ?"),
    newestRules: p<{ version: number; rules: string }>("SELECT version, rules FROM mapping_rules WHERE organisation_id = ? ORDER BY version DESC LIMIT 1"),
    insertRules: p("INSERT INTO mapping_rules (organisation_id, version, saved_at, rules) VALUES (?, ?, ?, ?)"),
    screeningOf: p<{ result: string }>("SELECT result FROM climate_screenings WHERE organisation_id = ? AND key = ?"),
    keepScreening: p("INSERT INTO climate_screenings (organisation_id, key, result) VALUES (?, ?, ?) ON CONFLICT (organisation_id) DO UPDATE SET key = excluded.key, result = excluded.result"),
  };
}

export function sqliteClimate(db: Database.Database, clock: () => Date, audit: AuditWriter): (scope: Scope) => ClimateStore {
  const s = statements(db);
  const now = () => clock().toISOString();

  const savePlan = db.transaction((scope: Scope, document: ClimatePlanDocument, expected: number | undefined): PlanSaveOutcome => {
    const org = scope.organisationId;
    const before = s.newestPlan.get(org);
    const current = before?.version ?? 0;
    if (expected !== undefined && expected !== current) return { ok: false, reason: "conflict" };
    const at = now();
    s.insertPlan.run(org, current + 1, at, scope.actor.userId, JSON.stringify(document));
    const saved = toPlan(s.planOf.get(org, current + 1)!);
    audit(scope, at, { action: "climate.plan", entityType: "climate-plan", entityId: org, before: before ? planImage(toPlan(before)) : undefined, after: planImage(saved) });
    return { ok: true, saved };
  });
  const createDecision = db.transaction((scope: Scope, input: Omit<DecisionRecord, "id" | "recordedAt" | "recordedBy">): DecisionRecord => {
    const at = now();
    const record: DecisionRecord = { ...input, id: newId(), recordedAt: at, recordedBy: scope.actor.userId };
    s.insertDecision.run(record.id, scope.organisationId, record.caseId, at, record.recordedBy, JSON.stringify(record));
    audit(scope, at, { action: "decision.create", entityType: "decision", entityId: record.id, after: record });
    return record;
  });
  const removeDecision = db.transaction((scope: Scope, id: string): boolean => {
    const row = s.decisionOf.get(scope.organisationId, id);
    if (!row || s.deleteDecision.run(scope.organisationId, id).changes === 0) return false;
    audit(scope, now(), { action: "decision.delete", entityType: "decision", entityId: id, before: JSON.parse(row.document) });
    return true;
  });
  const rememberColumns = db.transaction((scope: Scope, signature: string, mapping: ColumnMapping) => {
    const before = s.columnsOf.get(scope.organisationId, signature);
    const text = JSON.stringify(mapping);
    if (before?.mapping === text) return;
    s.keepColumns.run(scope.organisationId, signature, text);
    audit(scope, now(), { action: "ledger.columns", entityType: "column-mapping", entityId: signature, before: before ? JSON.parse(before.mapping) : undefined, after: mapping });
  });
  /** Per organisation, the fingerprint set of its one open import started by this process. */
  const held = new Map<string, HeldKeys>();
  const revisionOf = (org: string) => s.revision.get(org)?.revision ?? 0;
  const readKeys = (org: string): FingerprintKeys => {
    const keys = new FingerprintKeys();
    for (const fingerprint of s.fingerprints.iterate(org)) keys.add(fingerprint);
    return keys;
  };
  const beginImport = db.transaction((scope: Scope, fileName: string): { outcome: BeginImportOutcome; keys?: HeldKeys } => {
    const org = scope.organisationId;
    const at = clock();
    s.clearStale.run(org, new Date(at.getTime() - STALE_IMPORT_MS).toISOString());
    if (s.openImport.get(org)) return { outcome: { ok: false, reason: "import-running" } };
    const importId = newId();
    s.insertImport.run(importId, org, fileName, at.toISOString(), at.toISOString());
    return { outcome: { ok: true, importId }, keys: { importId, keys: readKeys(org), revision: revisionOf(org) } };
  });
  const addLines = db.transaction((scope: Scope, importId: string, lines: FingerprintedLine[]) => {
    const org = scope.organisationId;
    const mine = held.get(org);
    if (mine?.importId !== importId || s.touchImport.run(now(), org, importId).changes === 0) throw new Error(`no open ledger import ${importId} in this organisation`);
    const revision = revisionOf(org);
    if (revision !== mine.revision) {
      // An import was removed meanwhile: its fingerprints must count as new again.
      mine.keys = readKeys(org);
      mine.revision = revision;
    }
    let inserted = 0;
    for (const { fingerprint, line: l } of lines) {
      if (!mine.keys.add(fingerprint)) continue;
      s.insertLine.run(org, importId, fingerprint, l.year, l.account, l.function, l.supplierName, l.orgNumber, l.description, l.amountOre);
      inserted++;
    }
    return { inserted, duplicates: lines.length - inserted };
  });
  /** Frees the set of this import (the organisation's entry may already be a newer import's). */
  const release = (org: string, importId: string) => {
    if (held.get(org)?.importId === importId) held.delete(org);
  };
  const finishImport = db.transaction((scope: Scope, importId: string, summary: ImportSummary) => {
    const at = now();
    const kept: ImportSummary = { ...summary, importId };
    if (s.finishImport.run(JSON.stringify(kept), at, scope.organisationId, importId).changes === 0) throw new Error(`no open ledger import ${importId} in this organisation`);
    s.bumpRevision.run(scope.organisationId);
    audit(scope, at, { action: "ledger.import", entityType: "ledger-import", entityId: importId, after: importImage(kept) });
  });
  const removeImport = db.transaction((scope: Scope, importId: string): boolean => {
    const row = s.doneImport.get(scope.organisationId, importId);
    if (!row || s.deleteImport.run(scope.organisationId, importId).changes === 0) return false;
    s.bumpRevision.run(scope.organisationId);
    audit(scope, now(), { action: "ledger.delete", entityType: "ledger-import", entityId: importId, before: importImage(JSON.parse(row.summary) as ImportSummary) });
    return true;
  });
  const saveRules = db.transaction((scope: Scope, rules: MappingRule[], expected: number): RulesSaveOutcome => {
    const org = scope.organisationId;
    const before = s.newestRules.get(org);
    const current = before?.version ?? 0;
    if (expected !== current) return { ok: false, reason: "conflict" };
    const at = now();
    s.insertRules.run(org, current + 1, at, JSON.stringify(rules));
    audit(scope, at, { action: "mapping.update", entityType: "mapping", entityId: org, before: before ? { version: current, rules: JSON.parse(before.rules) } : undefined, after: { version: current + 1, rules } });
    return { ok: true, version: current + 1 };
  });

  return (scope) => {
    const org = scope.organisationId;
    return withStoreErrors({
      plan: async () => {
        const row = s.newestPlan.get(org);
        return row ? toPlan(row) : null;
      },
      planVersion: async (version: number) => {
        const row = s.planOf.get(org, version);
        return row ? toPlan(row) : null;
      },
      planVersions: async () => s.planList.all(org).map((r) => ({ version: r.version, savedAt: r.saved_at, savedBy: r.saved_by })),
      savePlan: async (document: ClimatePlanDocument, expectedVersion?: number) => savePlan.immediate(scope, document, expectedVersion),
      createDecision: async (record: Omit<DecisionRecord, "id" | "recordedAt" | "recordedBy">) => createDecision.immediate(scope, record),
      decisions: async () => s.decisionList.all(org).map((r) => JSON.parse(r.document) as DecisionRecord),
      decision: async (id: string) => {
        const row = s.decisionOf.get(org, id);
        return row ? (JSON.parse(row.document) as DecisionRecord) : null;
      },
      removeDecision: async (id: string) => removeDecision.immediate(scope, id),
      columnMapping: async (signature: string) => {
        const row = s.columnsOf.get(org, signature);
        return row ? (JSON.parse(row.mapping) as ColumnMapping) : null;
      },
      rememberColumnMapping: async (signature: string, mapping: ColumnMapping) => rememberColumns.immediate(scope, signature, mapping),
      beginImport: async (fileName: string) => {
        const { outcome, keys } = beginImport.immediate(scope, fileName);
        if (keys) held.set(org, keys);
        return outcome;
      },
      addLines: async (importId: string, lines: FingerprintedLine[]) => addLines.immediate(scope, importId, lines),
      finishImport: async (importId: string, summary: ImportSummary) => {
        finishImport.immediate(scope, importId, summary);
        release(org, importId);
      },
      abandonImport: async (importId: string) => {
        release(org, importId);
        db.transaction(() => s.abandonImport.run(org, importId)).immediate();
      },
      imports: async () => s.importList.all(org).map((r) => JSON.parse(r.summary) as ImportSummary),
      removeImport: async (importId: string) => removeImport.immediate(scope, importId),
      lines: async (afterSeq: number, limit: number) => s.lines.all(org, afterSeq, limit).map(toStoredLine),
      ledgerRevision: async () => s.revision.get(org)?.revision ?? 0,
      mappingRules: async () => {
        const row = s.newestRules.get(org);
        return row ? { version: row.version, rules: JSON.parse(row.rules) as MappingRule[] } : { version: 0, rules: [] };
      },
      saveMappingRules: async (rules: MappingRule[], expectedVersion: number) => saveRules.immediate(scope, rules, expectedVersion),
      screening: async (key: string) => {
        const row = s.screeningOf.get(org, key);
        return row ? (JSON.parse(row.result) as ScreeningResult) : null;
      },
      keepScreening: async (key: string, result: ScreeningResult) => void s.keepScreening.run(org, key, JSON.stringify(result)),
    });
  };
}
