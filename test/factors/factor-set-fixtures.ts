/** The fixture set test-1, loaded once, and a copy of it with extra records for chain tests. */
import { fileURLToPath } from "node:url";
import type { FactorSet } from "../../src/factors/factor-set.js";
import { loadFactorSet } from "../../src/factors/load.js";
import type { FactorRecord } from "../../src/factors/schema.js";

let cached: FactorSet | undefined;
export function fixtureSet(): FactorSet {
  cached ??= loadFactorSet(fileURLToPath(new URL("../fixtures/factors/test-1/", import.meta.url)));
  return cached;
}

const SOURCE = { publisher: "Test", title: "Test factors", year: 2024, table: "T2", licence: "test" };

/** test-1 plus the given records (id, unit, value, via …), unvalidated: for the resolver, not the loader. */
export function setWith(records: (Partial<FactorRecord> & { id: string; unit: string; value: string })[]): FactorSet {
  const base = fixtureSet();
  const all = new Map(base.records);
  for (const r of records) all.set(r.id, { group: "vehicle", names: { nb: r.id, en: r.id }, source: SOURCE, ...r } as FactorRecord);
  return { ...base, records: all };
}
