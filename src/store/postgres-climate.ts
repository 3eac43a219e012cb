/**
 * One organisation's climate data in PostgreSQL, with the semantics of
 * sqlite-climate.ts. Every statement names the organisation; each change
 * and its audit row are one transaction.
 *
 * A versioned save (plan, mapping rules) first takes a transaction-level
 * advisory lock on the organisation's key for that kind, so two saves of
 * one version wait for each other and the second finds the version moved:
 * a conflict, never a duplicate key. A batch of ledger lines is one
 * INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING (one round
 * trip per batch; rowCount gives the new ones): here the unique index on
 * (organisation_id, fingerprint) keeps a line once. Lines of an open
 * import are not read, as in SQLite. As in SQLite, an organisation runs
 * one import at a time: beginImport takes the organisation's import lock
 * and refuses ("import-running") while another import is open and not
 * stale.
 */
import type pg from "pg";
import type { ClimatePlanDocument, ClimatePlanVersion, DecisionRecord } from "../core/climate/types.js";
import type { ColumnMapping, ImportSummary, MappingRule, ScreeningResult } from "../ledger/types.js";
import type { BeginImportOutcome, ClimateStore, FingerprintedLine, PlanSaveOutcome, RulesSaveOutcome } from "./climate.js";
import { importImage, LINE_COLUMNS, planImage, STALE_IMPORT_MS, toStoredLine, type LineRow } from "./climate-rows.js";
import { withStoreErrors } from "./errors.js";
import { writeAudit } from "./postgres-audit.js";
import { inTransaction, type Queryable } from "./postgres-transaction.js";
import { newId, type Scope } from "./store.js";

type PlanRow = { version: number; saved_at: Date; saved_by: string | null; document: string };

const toPlan = (row: PlanRow): ClimatePlanVersion => ({ version: row.version, document: JSON.parse(row.document) as ClimatePlanDocument, savedAt: row.saved_at.toISOString(), savedBy: row.saved_by });

/** First key of the advisory locks that serialise versioned saves and import starts; the second is the organisation's hash. */
const VERSION_LOCK = { plan: 4_711_3001, rules: 4_711_3002, imports: 4_711_3003 } as const;

async function lockVersions(c: Queryable, kind: keyof typeof VERSION_LOCK, organisationId: string): Promise<void> {
  await c.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [VERSION_LOCK[kind], organisationId]);
}

const INSERT_LINES = `
  INSERT INTO ledger_lines (organisation_id, import_id, fingerprint, year, account, function, supplier_name, org_number, description, amount_ore)
  SELECT $1, $2, * FROM unnest($3::text[], $4::integer[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bigint[])
  ON CONFLICT (organisation_id, fingerprint) DO NOTHING`;

/** The batch as one array per column, in the order of INSERT_LINES. */
function columnsOf(lines: FingerprintedLine[]): unknown[][] {
  const columns: unknown[][] = [[], [], [], [], [], [], [], []];
  for (const { fingerprint, line: l } of lines) {
    const values = [fingerprint, l.year, l.account, l.function, l.supplierName, l.orgNumber, l.description, l.amountOre];
    for (let i = 0; i < values.length; i++) columns[i]!.push(values[i]);
  }
  return columns;
}

export function postgresClimate(pool: pg.Pool, clock: () => Date): (scope: Scope) => ClimateStore {
  const now = () => clock().toISOString();
  return (scope) => {
    const org = scope.organisationId;
    const newestPlan = async (c: Queryable) => (await c.query<PlanRow>("SELECT * FROM climate_plans WHERE organisation_id = $1 ORDER BY version DESC LIMIT 1", [org])).rows[0];
    const newestRules = async (c: Queryable) => (await c.query<{ version: number; rules: string }>("SELECT version, rules FROM mapping_rules WHERE organisation_id = $1 ORDER BY version DESC LIMIT 1", [org])).rows[0];
    const bumpRevision = (c: Queryable) => c.query("INSERT INTO ledger_revisions (organisation_id, revision) VALUES ($1, 1) ON CONFLICT (organisation_id) DO UPDATE SET revision = ledger_revisions.revision + 1", [org]);
    const noOpenImport = (importId: string) => new Error(`no open ledger import ${importId} in this organisation`);

    return withStoreErrors({
      plan: async () => {
        const row = await newestPlan(pool);
        return row ? toPlan(row) : null;
      },
      planVersion: async (version: number) => {
        const { rows } = await pool.query<PlanRow>("SELECT * FROM climate_plans WHERE organisation_id = $1 AND version = $2", [org, version]);
        return rows[0] ? toPlan(rows[0]) : null;
      },
      planVersions: async () => {
        const { rows } = await pool.query<Omit<PlanRow, "document">>("SELECT version, saved_at, saved_by FROM climate_plans WHERE organisation_id = $1 ORDER BY version DESC", [org]);
        return rows.map((r) => ({ version: r.version, savedAt: r.saved_at.toISOString(), savedBy: r.saved_by }));
      },
      savePlan: async (document: ClimatePlanDocument, expectedVersion?: number): Promise<PlanSaveOutcome> =>
        inTransaction(pool, async (c) => {
          await lockVersions(c, "plan", org);
          const before = await newestPlan(c);
          const current = before?.version ?? 0;
          if (expectedVersion !== undefined && expectedVersion !== current) return { ok: false, reason: "conflict" };
          const at = now();
          const { rows } = await c.query<PlanRow>(
            "INSERT INTO climate_plans (organisation_id, version, saved_at, saved_by, document) VALUES ($1, $2, $3, $4, $5) RETURNING *",
            [org, current + 1, at, scope.actor.userId, JSON.stringify(document)],
          );
          const saved = toPlan(rows[0]!);
          await writeAudit(c, scope, at, { action: "climate.plan", entityType: "climate-plan", entityId: org, before: before ? planImage(toPlan(before)) : undefined, after: planImage(saved) });
          return { ok: true, saved };
        }),
      createDecision: async (input: Omit<DecisionRecord, "id" | "recordedAt" | "recordedBy">) =>
        inTransaction(pool, async (c) => {
          const at = now();
          const record: DecisionRecord = { ...input, id: newId(), recordedAt: at, recordedBy: scope.actor.userId };
          await c.query("INSERT INTO decisions (id, organisation_id, case_id, recorded_at, recorded_by, document) VALUES ($1, $2, $3, $4, $5, $6)", [record.id, org, record.caseId, at, record.recordedBy, JSON.stringify(record)]);
          await writeAudit(c, scope, at, { action: "decision.create", entityType: "decision", entityId: record.id, after: record });
          return record;
        }),
      decisions: async () => (await pool.query<{ document: string }>("SELECT document FROM decisions WHERE organisation_id = $1 ORDER BY recorded_at DESC, id", [org])).rows.map((r) => JSON.parse(r.document) as DecisionRecord),
      decision: async (id: string) => {
        const { rows } = await pool.query<{ document: string }>("SELECT document FROM decisions WHERE organisation_id = $1 AND id = $2", [org, id]);
        return rows[0] ? (JSON.parse(rows[0].document) as DecisionRecord) : null;
      },
      removeDecision: async (id: string) =>
        inTransaction(pool, async (c) => {
          const { rows } = await c.query<{ document: string }>("DELETE FROM decisions WHERE organisation_id = $1 AND id = $2 RETURNING document", [org, id]);
          if (!rows[0]) return false;
          await writeAudit(c, scope, now(), { action: "decision.delete", entityType: "decision", entityId: id, before: JSON.parse(rows[0].document) });
          return true;
        }),
      columnMapping: async (signature: string) => {
        const { rows } = await pool.query<{ mapping: string }>("SELECT mapping FROM ledger_columns WHERE organisation_id = $1 AND signature = $2", [org, signature]);
        return rows[0] ? (JSON.parse(rows[0].mapping) as ColumnMapping) : null;
      },
      rememberColumnMapping: async (signature: string, mapping: ColumnMapping) =>
        inTransaction(pool, async (c) => {
          const before = (await c.query<{ mapping: string }>("SELECT mapping FROM ledger_columns WHERE organisation_id = $1 AND signature = $2 FOR UPDATE", [org, signature])).rows[0];
          const text = JSON.stringify(mapping);
          if (before?.mapping === text) return;
          await c.query("INSERT INTO ledger_columns (organisation_id, signature, mapping) VALUES ($1, $2, $3) ON CONFLICT (organisation_id, signature) DO UPDATE SET mapping = excluded.mapping", [org, signature, text]);
          await writeAudit(c, scope, now(), { action: "ledger.columns", entityType: "column-mapping", entityId: signature, before: before ? JSON.parse(before.mapping) : undefined, after: mapping });
        }),
      beginImport: async (fileName: string): Promise<BeginImportOutcome> =>
        inTransaction(pool, async (c) => {
          await lockVersions(c, "imports", org);
          const at = clock();
          await c.query("DELETE FROM ledger_imports WHERE organisation_id = $1 AND state = 'open' AND touched_at < $2", [org, new Date(at.getTime() - STALE_IMPORT_MS).toISOString()]);
          const open = await c.query("SELECT 1 FROM ledger_imports WHERE organisation_id = $1 AND state = 'open' LIMIT 1", [org]);
          if (open.rowCount) return { ok: false, reason: "import-running" };
          const importId = newId();
          await c.query("INSERT INTO ledger_imports (id, organisation_id, file_name, state, created_at, touched_at) VALUES ($1, $2, $3, 'open', $4, $4)", [importId, org, fileName, at.toISOString()]);
          return { ok: true, importId };
        }),
      addLines: async (importId: string, lines: FingerprintedLine[]) =>
        inTransaction(pool, async (c) => {
          const touched = await c.query("UPDATE ledger_imports SET touched_at = $3 WHERE organisation_id = $1 AND id = $2 AND state = 'open'", [org, importId, now()]);
          if (!touched.rowCount) throw noOpenImport(importId);
          if (lines.length === 0) return { inserted: 0, duplicates: 0 };
          const inserted = (await c.query(INSERT_LINES, [org, importId, ...columnsOf(lines)])).rowCount ?? 0;
          return { inserted, duplicates: lines.length - inserted };
        }),
      finishImport: async (importId: string, summary: ImportSummary) =>
        inTransaction(pool, async (c) => {
          const at = now();
          const kept: ImportSummary = { ...summary, importId };
          const done = await c.query("UPDATE ledger_imports SET state = 'done', summary = $3, touched_at = $4 WHERE organisation_id = $1 AND id = $2 AND state = 'open'", [org, importId, JSON.stringify(kept), at]);
          if (!done.rowCount) throw noOpenImport(importId);
          await bumpRevision(c);
          await writeAudit(c, scope, at, { action: "ledger.import", entityType: "ledger-import", entityId: importId, after: importImage(kept) });
        }),
      abandonImport: async (importId: string) => void (await pool.query("DELETE FROM ledger_imports WHERE organisation_id = $1 AND id = $2 AND state = 'open'", [org, importId])),
      imports: async () => (await pool.query<{ summary: string }>("SELECT summary FROM ledger_imports WHERE organisation_id = $1 AND state = 'done' ORDER BY created_at DESC, id", [org])).rows.map((r) => JSON.parse(r.summary) as ImportSummary),
      removeImport: async (importId: string) =>
        inTransaction(pool, async (c) => {
          const { rows } = await c.query<{ summary: string }>("DELETE FROM ledger_imports WHERE organisation_id = $1 AND id = $2 AND state = 'done' RETURNING summary", [org, importId]);
          if (!rows[0]) return false;
          await bumpRevision(c);
          await writeAudit(c, scope, now(), { action: "ledger.delete", entityType: "ledger-import", entityId: importId, before: importImage(JSON.parse(rows[0].summary) as ImportSummary) });
          return true;
        }),
      lines: async (afterSeq: number, limit: number) => {
        const { rows } = await pool.query<LineRow>(
          `SELECT ${LINE_COLUMNS} FROM ledger_lines l JOIN ledger_imports i ON i.id = l.import_id
           WHERE l.organisation_id = $1 AND l.seq > $2 AND i.state = 'done' ORDER BY l.seq LIMIT $3`,
          [org, afterSeq, limit],
        );
        return rows.map(toStoredLine);
      },
      ledgerRevision: async () => Number((await pool.query<{ revision: string }>("SELECT revision FROM ledger_revisions WHERE organisation_id = $1", [org])).rows[0]?.revision ?? 0),
      mappingRules: async () => {
        const row = await newestRules(pool);
        return row ? { version: row.version, rules: JSON.parse(row.rules) as MappingRule[] } : { version: 0, rules: [] };
      },
      saveMappingRules: async (rules: MappingRule[], expectedVersion: number): Promise<RulesSaveOutcome> =>
        inTransaction(pool, async (c) => {
          await lockVersions(c, "rules", org);
          const before = await newestRules(c);
          const current = before?.version ?? 0;
          if (expectedVersion !== current) return { ok: false, reason: "conflict" };
          const at = now();
          await c.query("INSERT INTO mapping_rules (organisation_id, version, saved_at, rules) VALUES ($1, $2, $3, $4)", [org, current + 1, at, JSON.stringify(rules)]);
          await writeAudit(c, scope, at, { action: "mapping.update", entityType: "mapping", entityId: org, before: before ? { version: current, rules: JSON.parse(before.rules) } : undefined, after: { version: current + 1, rules } });
          return { ok: true, version: current + 1 };
        }),
      screening: async (key: string) => {
        const { rows } = await pool.query<{ result: string }>("SELECT result FROM climate_screenings WHERE organisation_id = $1 AND key = $2", [org, key]);
        return rows[0] ? (JSON.parse(rows[0].result) as ScreeningResult) : null;
      },
      keepScreening: async (key: string, result: ScreeningResult) =>
        void (await pool.query(
          "INSERT INTO climate_screenings (organisation_id, key, result) VALUES ($1, $2, $3) ON CONFLICT (organisation_id) DO UPDATE SET key = excluded.key, result = excluded.result",
          [org, key, JSON.stringify(result)],
        )),
    });
  };
}
