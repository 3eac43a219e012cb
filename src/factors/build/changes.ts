/**
 * The change list between two sets: every record added, removed or
 * changed (value, unit, chain or gases), each with a one-line reason in
 * bokmål and English. A change without a reason stops the build.
 */
import type { FactorRecord, SetChanges } from "../schema.js";

type Reason = { nb: string; en: string };
export type ReasonOf = (before: FactorRecord | undefined, after: FactorRecord | undefined) => Reason | undefined;

const snapshot = (r: FactorRecord | undefined) => (r === undefined ? null : { value: r.value, unit: r.unit, ...(r.via === undefined ? {} : { via: r.via }) });
const differs = (a: FactorRecord, b: FactorRecord) => a.value !== b.value || a.unit !== b.unit || a.via !== b.via || a.gases !== b.gases;

export function diffSets(from: { id: string; records: FactorRecord[] }, to: { id: string; records: FactorRecord[] }, reasonOf: ReasonOf, other: SetChanges["other"]): SetChanges {
  const before = new Map(from.records.map((r) => [r.id, r]));
  const after = new Map(to.records.map((r) => [r.id, r]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort();
  const records: SetChanges["records"] = [];
  for (const id of ids) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && a && !differs(b, a)) continue;
    const reason = reasonOf(b, a);
    if (!reason) throw new Error(`record "${id}" changed from ${from.id} to ${to.id} without a reason`);
    records.push({ id, change: !b ? "added" : !a ? "removed" : "changed", before: snapshot(b), after: snapshot(a), reason });
  }
  return { from: from.id, to: to.id, records, other };
}
