/**
 * Factor search for the picker and `kalkyle factors`: every word must match
 * the id, a name or the publisher, case- and accent-insensitively.
 */
import type { FactorSet } from "./factor-set.js";
import type { FactorRecord } from "./schema.js";

const fold = (s: string) => s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

export function searchFactors(set: FactorSet, query: { text: string; group?: string | undefined; limit?: number }): FactorRecord[] {
  const words = fold(query.text).split(/\s+/).filter(Boolean);
  const hits: FactorRecord[] = [];
  for (const r of set.records.values()) {
    if (query.group && r.group !== query.group) continue;
    const hay = fold(`${r.id} ${r.names.nb} ${r.names.en} ${r.source.publisher} ${r.group}`);
    if (words.every((w) => hay.includes(w))) hits.push(r);
    if (query.limit !== undefined && hits.length >= query.limit) break;
  }
  return hits;
}
