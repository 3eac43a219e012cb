/**
 * The climate store against every adapter (SQLite always, PostgreSQL when
 * KALKYLE_TEST_DATABASE_URL is set): plan and mapping rule versions with
 * their conflicts, the decisions register, ledger imports kept once per
 * fingerprint, abandoned imports, reading every line once a page at a
 * time, the one kept screening, each change's audit row, and nothing of
 * one organisation seen from another. One database per adapter, a fresh
 * organisation per test.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClimatePlanDocument, DecisionRecord } from "../../src/core/climate/types.js";
import type { ImportSummary, MappingRule, ScreeningResult } from "../../src/ledger/types.js";
import type { FingerprintedLine } from "../../src/store/climate.js";
import type { ScopedStore } from "../../src/store/store.js";
import { ADAPTERS, type TestDatabase, type TestStore } from "./adapters.js";

const plan = (tonnes: string): ClimatePlanDocument => ({
  baseline: { year: 2019, categories: [{ category: "transport", directTonnes: tonnes, indirectTonnes: "10.5" }] },
  target: { kind: "shape", shape: "linear", start: { year: 2019, tonnes }, end: { year: 2027, tonnes: "0" } },
  neutralityYear: 2027,
  compensation: null,
});

const decisionInput = (caseId: string): Omit<DecisionRecord, "id" | "recordedAt" | "recordedBy"> => ({
  caseId,
  chosen: "B",
  contractStart: "2026-01",
  contractMonths: 24,
  category: "transport",
  strategyArea: "climate-environment",
  caseTitle: "Elbiler",
  caseVersion: 3,
  chosenName: "Elbil",
  baseline: "A",
  baselineName: "Dieselbil",
  factorSet: "no-2025",
  factorSetHash: "abc",
  avoidedTonnes: "12.5",
  avoidedDirectTonnes: "10",
  avoidedIndirectTonnes: "2.5",
  avoidedByYear: [{ year: 2026, tonnes: "6.25" }, { year: 2027, tonnes: "6.25" }],
  lccDifference: "-1000",
});

/** Line n of a ledger, its fingerprint a SHA-1 of n in base64url as a reader's would be (so two files with the same n are the same lines). */
const line = (n: number): FingerprintedLine => ({
  fingerprint: createHash("sha1").update(`line ${n}`).digest("base64url"),
  line: { lineNumber: n + 2, year: 2020 + (n % 5), date: null, account: `1${n % 900}`, function: n % 3 === 0 ? null : "120", supplierName: `Leverandør ${n % 7}`, orgNumber: null, description: n % 2 ? "«kontor»" : null, amountOre: (n % 11) * 12_345 - 50_000 },
});
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => line(from + i));

const summary = (importId: string, broken: number): ImportSummary => ({
  importId,
  fileName: "hovedbok.csv",
  format: { encoding: "utf-8", delimiter: ";", kind: "csv", headers: ["Konto", "Beløp", "År"] },
  read: 10,
  imported: 10,
  duplicates: 0,
  broken,
  brokenLines: Array.from({ length: broken }, (_, i) => ({ lineNumber: i + 2, reason: "amount-missing" as const, field: "amount" as const, found: "" })),
  years: [2024],
  importedAt: "2026-03-01T00:00:00.000Z",
});

/** Starts an import that must not be refused. */
async function begin(climate: ScopedStore["climate"], fileName: string): Promise<string> {
  const outcome = await climate.beginImport(fileName);
  if (!outcome.ok) throw new Error(`import refused: ${outcome.reason}`);
  return outcome.importId;
}

/** Imports lines as one file: begin, batches, finish. */
async function importFile(climate: ScopedStore["climate"], batches: FingerprintedLine[][]) {
  const id = await begin(climate, "hovedbok.csv");
  const counts = { inserted: 0, duplicates: 0 };
  for (const batch of batches) {
    const c = await climate.addLines(id, batch);
    counts.inserted += c.inserted;
    counts.duplicates += c.duplicates;
  }
  await climate.finishImport(id, summary(id, 0));
  return { id, ...counts };
}

async function everyLine(climate: ScopedStore["climate"], pageSize: number) {
  const seen = [];
  for (let after = 0; ; ) {
    const page = await climate.lines(after, pageSize);
    if (page.length === 0) return seen;
    seen.push(...page);
    after = page[page.length - 1]!.seq;
  }
}

describe.each(ADAPTERS)("$name climate store", (adapter) => {
  if (adapter.skipped) {
    it.skip(`skipped: ${adapter.skipped}`, () => {});
    return;
  }
  let database: TestDatabase;
  let store: TestStore;
  let count = 0;
  /** A fresh organisation's store, changes made by one user over the web. */
  const organisation = async () => {
    const o = await store.accounts.createOrganisation(`Kommune ${++count}`, { userId: null, via: "system" });
    return { ...store.scoped({ organisationId: o.id, actor: { userId: "u-1", via: "web" } }), organisationId: o.id };
  };
  beforeAll(async () => {
    database = await adapter.database();
    store = await database.open();
  });
  afterAll(async () => database.drop());

  it("saves plan versions 1, 2, 3, refuses a save against a stale version, and audits each save with before and after", async () => {
    const { climate, audit } = await organisation();
    expect(await climate.plan()).toBeNull();
    expect(await climate.savePlan(plan("100"), 1)).toEqual({ ok: false, reason: "conflict" });
    const first = await climate.savePlan(plan("100"), 0);
    expect(first.ok && first.saved).toMatchObject({ version: 1, savedBy: "u-1", document: plan("100") });
    expect((await climate.savePlan(plan("90"), 1)).ok).toBe(true);
    expect(await climate.savePlan(plan("80"), 1)).toEqual({ ok: false, reason: "conflict" });
    expect((await climate.savePlan(plan("70"))).ok).toBe(true);
    expect((await climate.plan())?.version).toBe(3);
    expect((await climate.plan())?.document.baseline.categories[0]?.directTonnes).toBe("70");
    expect((await climate.planVersion(2))?.document.baseline.categories[0]?.directTonnes).toBe("90");
    expect(await climate.planVersion(4)).toBeNull();
    expect((await climate.planVersions()).map((v) => v.version)).toEqual([3, 2, 1]);
    const { entries } = await audit.list({ action: "climate.plan" });
    expect(entries).toHaveLength(3);
    expect(entries[1]).toMatchObject({ actorId: "u-1", via: "web", entityType: "climate-plan", before: { version: 1, document: plan("100") }, after: { version: 2, document: plan("90") } });
  });

  it("keeps a decision as recorded, lists it, removes it once, and audits both", async () => {
    const { climate, audit } = await organisation();
    const recorded = await climate.createDecision(decisionInput("case-1"));
    expect(recorded).toMatchObject({ ...decisionInput("case-1"), recordedBy: "u-1" });
    expect(await climate.decision(recorded.id)).toEqual(recorded);
    expect(await climate.decisions()).toEqual([recorded]);
    expect(await climate.removeDecision(recorded.id)).toBe(true);
    expect(await climate.removeDecision(recorded.id)).toBe(false);
    expect(await climate.decisions()).toEqual([]);
    const { entries } = await audit.list({ entityType: "decision" });
    expect(entries.map((e) => e.action)).toEqual(["decision.delete", "decision.create"]);
    expect(entries[0]?.before).toEqual(recorded);
    expect(entries[1]?.after).toEqual(recorded);
  });

  it("shows one organisation nothing of another's plan, decisions, lines, imports, rules or screening", async () => {
    const a = await organisation();
    const b = await organisation();
    await a.climate.savePlan(plan("100"), 0);
    const decision = await a.climate.createDecision(decisionInput("case-1"));
    const imported = await importFile(a.climate, [lines(0, 10)]);
    await a.climate.saveMappingRules([], 0);
    await a.climate.keepScreening("k", { factorSet: "x" } as ScreeningResult);
    await a.climate.rememberColumnMapping("sig", { account: "Konto", amount: "Beløp", year: "År" });
    expect(await b.climate.plan()).toBeNull();
    expect(await b.climate.decisions()).toEqual([]);
    expect(await b.climate.decision(decision.id)).toBeNull();
    expect(await b.climate.removeDecision(decision.id)).toBe(false);
    expect(await b.climate.lines(0, 100)).toEqual([]);
    expect(await b.climate.imports()).toEqual([]);
    expect(await b.climate.removeImport(imported.id)).toBe(false);
    await expect(b.climate.addLines(imported.id, lines(10, 11))).rejects.toThrow(/no open ledger import/);
    expect(await b.climate.ledgerRevision()).toBe(0);
    expect(await b.climate.mappingRules()).toEqual({ version: 0, rules: [] });
    expect(await b.climate.screening("k")).toBeNull();
    expect(await b.climate.columnMapping("sig")).toBeNull();
    // The same fingerprints are new lines in another organisation.
    expect((await importFile(b.climate, [lines(0, 10)])).inserted).toBe(10);
    expect((await a.climate.lines(0, 100)).length).toBe(10);
  });

  it("counts a re-imported line as a duplicate and stores it once, also within one batch; the summary's audit keeps 20 broken lines", async () => {
    const { climate, audit } = await organisation();
    const first = await importFile(climate, [lines(0, 600), lines(600, 1000)]);
    expect(first).toMatchObject({ inserted: 1000, duplicates: 0 });
    expect(await climate.ledgerRevision()).toBe(1);
    // Overlapping period: lines 500–999 again, 1000–1199 new, and line 1100 twice in one batch.
    const second = await begin(climate, "hovedbok-2.csv");
    expect(await climate.addLines(second, [...lines(500, 1200), line(1100)])).toEqual({ inserted: 200, duplicates: 501 });
    await climate.finishImport(second, summary(second, 50));
    expect(await climate.ledgerRevision()).toBe(2);
    const kept = await everyLine(climate, 1000);
    expect(kept).toHaveLength(1200);
    expect(kept[5]).toEqual({ seq: kept[5]!.seq, year: 2020, account: "15", function: "120", supplierName: "Leverandør 5", orgNumber: null, description: "«kontor»", amountOre: 5 * 12_345 - 50_000 });
    expect((await climate.imports()).map((i) => i.importId)).toEqual([second, first.id]);
    expect((await climate.imports())[0]?.brokenLines).toHaveLength(50);
    const { entries } = await audit.list({ action: "ledger.import" });
    expect(entries).toHaveLength(2);
    expect((entries[0]?.after as ImportSummary).brokenLines).toHaveLength(20);
    expect((entries[0]?.after as ImportSummary).broken).toBe(50);
  });

  it("counts every line of the same file imported twice as a duplicate, and an overlapping file's old lines exactly", async () => {
    const { climate } = await organisation();
    expect(await importFile(climate, [lines(0, 3000), lines(3000, 5000)])).toMatchObject({ inserted: 5000, duplicates: 0 });
    expect(await importFile(climate, [lines(0, 2500), lines(2500, 5000)])).toMatchObject({ inserted: 0, duplicates: 5000 });
    expect(await importFile(climate, [lines(4000, 7000)])).toMatchObject({ inserted: 2000, duplicates: 1000 });
    expect(await everyLine(climate, 4000)).toHaveLength(7000);
  });

  it("runs one import at a time per organisation: a second start is refused while the first is open, not once it is done, stale or abandoned", async () => {
    const { climate, organisationId } = await organisation();
    const other = await organisation();
    const first = await begin(climate, "a.csv");
    expect(await climate.beginImport("b.csv")).toEqual({ ok: false, reason: "import-running" });
    // another organisation imports meanwhile
    expect((await importFile(other.climate, [lines(0, 10)])).inserted).toBe(10);
    expect(await climate.addLines(first, lines(0, 10))).toEqual({ inserted: 10, duplicates: 0 });
    await climate.finishImport(first, summary(first, 0));
    const second = await begin(climate, "b.csv");
    await climate.abandonImport(second);
    const third = await begin(climate, "c.csv");
    expect(await climate.addLines(third, lines(5, 15))).toEqual({ inserted: 5, duplicates: 5 });
    // 14 minutes after its last batch the import still runs; after 16 it is taken for one whose process stopped
    const later = async (minutes: number) => {
      const opened = await database.open({ clock: () => new Date(Date.now() + minutes * 60_000) });
      return opened.scoped({ organisationId, actor: { userId: "u-1", via: "web" } }).climate;
    };
    expect(await (await later(14)).beginImport("d.csv")).toEqual({ ok: false, reason: "import-running" });
    const afterStale = await later(16);
    const fourth = await begin(afterStale, "d.csv");
    await expect(climate.addLines(third, lines(15, 16))).rejects.toThrow(/no open ledger import/);
    expect(await afterStale.addLines(fourth, lines(5, 15))).toEqual({ inserted: 5, duplicates: 5 });
    await afterStale.finishImport(fourth, summary(fourth, 0));
    expect(await everyLine(climate, 100)).toHaveLength(15);
  });

  it("counts the lines of an import removed while another is open as new again", async () => {
    const { climate } = await organisation();
    const kept = await importFile(climate, [lines(0, 100)]);
    const open = await begin(climate, "ny.csv");
    expect(await climate.addLines(open, lines(100, 110))).toEqual({ inserted: 10, duplicates: 0 });
    expect(await climate.removeImport(kept.id)).toBe(true);
    expect(await climate.addLines(open, lines(0, 120))).toEqual({ inserted: 110, duplicates: 10 });
    await climate.finishImport(open, summary(open, 0));
    expect(await everyLine(climate, 100)).toHaveLength(120);
  });

  it("leaves nothing of an abandoned import, reads no line of an open one, and removes an import's lines with it", async () => {
    const { climate, audit } = await organisation();
    const kept = await importFile(climate, [lines(0, 100)]);
    const failed = await begin(climate, "halv.csv");
    expect(await climate.addLines(failed, lines(50, 300))).toEqual({ inserted: 200, duplicates: 50 });
    expect(await everyLine(climate, 64)).toHaveLength(100);
    await climate.abandonImport(failed);
    await expect(climate.addLines(failed, lines(300, 301))).rejects.toThrow(/no open ledger import/);
    expect(await climate.ledgerRevision()).toBe(1);
    // Lines 100–299 are new again once the abandoned import is gone.
    expect((await importFile(climate, [lines(100, 300)])).inserted).toBe(200);
    expect(await climate.removeImport(kept.id)).toBe(true);
    expect(await climate.removeImport(kept.id)).toBe(false);
    expect(await climate.ledgerRevision()).toBe(3);
    const left = await everyLine(climate, 1000);
    expect(left.map((l) => l.account)).toEqual(lines(100, 300).map((l) => l.line.account));
    const removal = (await audit.list({ action: "ledger.delete" })).entries[0];
    expect(removal).toMatchObject({ entityType: "ledger-import", entityId: kept.id, before: { importId: kept.id } });
    expect(JSON.stringify(removal)).not.toContain(line(0).fingerprint);
  });

  it("reads every line exactly once, in order, a page at a time, whatever the page size", async () => {
    const { climate } = await organisation();
    await importFile(climate, [lines(0, 2500), lines(2500, 5003)]);
    for (const size of [1, 7, 1000, 5003, 10_000]) {
      const seen = size === 1 ? await climate.lines(0, 1) : await everyLine(climate, size);
      if (size === 1) {
        expect(seen).toHaveLength(1);
        continue;
      }
      expect(seen).toHaveLength(5003);
      const seqs = seen.map((l) => l.seq);
      expect(new Set(seqs).size).toBe(5003);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      expect(seen.reduce((sum, l) => sum + l.amountOre, 0)).toBe(lines(0, 5003).reduce((sum, l) => sum + l.line.amountOre, 0));
    }
  });

  it("versions the mapping rules, refuses a stale save, and audits each save", async () => {
    const { climate, audit } = await organisation();
    const rules: MappingRule[] = [{ match: { kind: "account", account: "1429" }, target: { kind: "out-of-scope" }, reason: "Merverdiavgift" }];
    expect(await climate.mappingRules()).toEqual({ version: 0, rules: [] });
    expect(await climate.saveMappingRules(rules, 1)).toEqual({ ok: false, reason: "conflict" });
    expect(await climate.saveMappingRules(rules, 0)).toEqual({ ok: true, version: 1 });
    expect(await climate.saveMappingRules([], 0)).toEqual({ ok: false, reason: "conflict" });
    expect(await climate.mappingRules()).toEqual({ version: 1, rules });
    expect(await climate.saveMappingRules([], 1)).toEqual({ ok: true, version: 2 });
    expect(await climate.mappingRules()).toEqual({ version: 2, rules: [] });
    const { entries } = await audit.list({ action: "mapping.update" });
    expect(entries[0]).toMatchObject({ entityType: "mapping", before: { version: 1, rules }, after: { version: 2, rules: [] } });
  });

  it("keeps only the newest screening, found by its key, and remembers column mappings with an audit row per change", async () => {
    const { climate, audit } = await organisation();
    await climate.keepScreening("r1", { factorSet: "one" } as ScreeningResult);
    expect(await climate.screening("r1")).toEqual({ factorSet: "one" });
    await climate.keepScreening("r2", { factorSet: "two" } as ScreeningResult);
    expect(await climate.screening("r1")).toBeNull();
    expect(await climate.screening("r2")).toEqual({ factorSet: "two" });
    await climate.rememberColumnMapping("sig", { account: "Konto", amount: "Beløp", year: "År" });
    await climate.rememberColumnMapping("sig", { account: "Konto", amount: "Beløp", year: "År" });
    await climate.rememberColumnMapping("sig", { account: "Art", amount: "Beløp", date: "Dato" });
    expect(await climate.columnMapping("sig")).toEqual({ account: "Art", amount: "Beløp", date: "Dato" });
    const { entries } = await audit.list({ action: "ledger.columns" });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ entityType: "column-mapping", entityId: "sig", before: { account: "Konto" }, after: { account: "Art" } });
  });

  it.runIf(adapter.name === "SQLite")("imports 200 000 lines in batches of 5 000 (timing printed)", async () => {
    const { climate } = await organisation();
    const started = performance.now();
    const id = await begin(climate, "stor.csv");
    let inserted = 0;
    for (let from = 0; from < 200_000; from += 5000) inserted += (await climate.addLines(id, lines(from, from + 5000))).inserted;
    await climate.finishImport(id, summary(id, 0));
    const seconds = (performance.now() - started) / 1000;
    console.info(`SQLite: 200 000 ledger lines in ${seconds.toFixed(2)} s (${Math.round(200_000 / seconds).toLocaleString("en")} lines/s)`);
    expect(inserted).toBe(200_000);
  }, 180_000);
});
