/**
 * Factor search for the library page, the editor's picker, the API and
 * `kalkyle factors`: a MiniSearch full-text index (BM25), built once per
 * loaded factor set (sets are immutable) over each record's id, names in
 * both languages, group and its names, unit (what the factor is per, e.g.
 * kWh, km, kg), source (publisher, dataset, year, table) and the words of
 * search-synonyms.ts ("kontorstol" → furniture, "PC" → electronics).
 *
 * Text is folded on both sides (case, accents, ø → o, æ → ae, å → a), so
 * "kjoretoy" finds "kjøretøy". Every word of the query must match (a
 * prefix matches while typing; words of five letters or more forgive one
 * typo, of nine or more two); when no record matches every word, records
 * matching any word are given instead. Hits are ordered by relevance
 * (names weigh most, then the id, the unit, the synonyms, the group, then
 * the source); with no words the set's own order is kept. Group, unit and
 * source (publisher) filter exactly.
 *
 * Example: `searchFactors(set, { text: "kontorstol" })` → [spend.p36-furniture, …].
 */
import MiniSearch from "minisearch";
import type { FactorSet } from "./factor-set.js";
import type { FactorGroup, FactorRecord } from "./schema.js";
import { GROUP_WORDS, synonymsOf, UNIT_WORDS } from "./search-synonyms.js";

export type FactorSearchQuery = {
  text: string;
  group?: string | undefined;
  /** What the factor is per ("kWh" matches kgCO2e/kWh and gCO2e/kWh) or the whole unit ("kWh/km"). */
  unit?: string | undefined;
  /** The publisher, as the records name it ("UK DESNZ"). */
  source?: string | undefined;
  limit?: number | undefined;
};

/** Lower case without accents; ø, æ and å become o, ae and a, so one spelling finds the other. */
export function foldText(text: string): string {
  return text.toLowerCase().replace(/ø/g, "o").replace(/æ/g, "ae").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
}

/** Words joining a name ("og", "with") and the CO2e part of a unit find nothing of their own. */
const STOP_WORDS = new Set(["og", "i", "av", "for", "med", "til", "per", "fra", "the", "and", "of", "with", "to", "from", "a", "an"]);
const isEmissionUnit = (term: string) => /co2e$/.test(term);

const tokenize = (text: string) => foldText(text).split(/[^\p{L}\p{N}]+/u).filter((t) => t !== "" && !STOP_WORDS.has(t) && !isEmissionUnit(t));

/** "kgCO2e/kWh" → "kWh"; "kWh/km" → "km". */
export function perUnit(unit: string): string {
  return unit.slice(unit.lastIndexOf("/") + 1);
}

/** The unit field: the unit the factor is per, a chained record's quantity unit ("kWh" of kWh/km), and their spelled-out words. */
function unitText(unit: string): string {
  const parts = unit.split("/").filter((part) => !isEmissionUnit(foldText(part)));
  return parts.flatMap((part) => [part, ...(UNIT_WORDS[foldText(part)] ?? [])]).join(" ");
}

type FactorDocument = { id: string; code: string; nameNb: string; nameEn: string; synonyms: string; group: string; unit: string; source: string };

function documentOf(record: FactorRecord): FactorDocument {
  const s = record.source;
  return {
    id: record.id,
    code: record.id,
    nameNb: record.names.nb,
    nameEn: record.names.en,
    synonyms: synonymsOf(record),
    group: `${record.group} ${GROUP_WORDS[record.group].join(" ")}`,
    unit: unitText(record.unit),
    source: [s.publisher, s.title, s.year, s.table, s.edition ?? ""].join(" "),
  };
}

/** The relative weight of a match in each field: a name above the synonyms, above the group, above the source. */
export const FIELD_BOOSTS = { nameNb: 4, nameEn: 4, code: 3, unit: 2.5, synonyms: 2, group: 1.5, source: 1 } as const;

type FactorIndex = { search: MiniSearch<FactorDocument>; order: ReadonlyMap<string, number> };

const indexes = new WeakMap<FactorSet, FactorIndex>();

/** The set's index, built on first use and kept as long as the set is (a set never changes once loaded). */
export function factorIndex(set: FactorSet): FactorIndex {
  let index = indexes.get(set);
  if (!index) {
    const search = new MiniSearch<FactorDocument>({ fields: Object.keys(FIELD_BOOSTS), tokenize, processTerm: (term) => term });
    search.addAll([...set.records.values()].map(documentOf));
    index = { search, order: new Map([...set.records.keys()].map((id, i) => [id, i])) };
    indexes.set(set, index);
  }
  return index;
}

const fuzziness = (term: string) => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : false);

function filterOf(query: FactorSearchQuery): (record: FactorRecord) => boolean {
  const unit = query.unit ? foldText(query.unit.trim()) : "";
  const source = query.source ? foldText(query.source.trim()) : "";
  return (r) =>
    (!query.group || r.group === query.group) &&
    (unit === "" || foldText(r.unit) === unit || foldText(perUnit(r.unit)) === unit) &&
    (source === "" || foldText(r.source.publisher) === source);
}

/** The ids matching the words, best first (ties in the set's order): every word if any record has them all, else any word. */
function rankedIds(set: FactorSet, words: string, keep: (record: FactorRecord) => boolean): string[] {
  const { search, order } = factorIndex(set);
  const options = {
    boost: FIELD_BOOSTS,
    prefix: (term: string) => term.length >= 2,
    fuzzy: fuzziness,
    filter: (result: { id: unknown }) => keep(set.records.get(String(result.id))!),
  };
  let results = search.search(words, { ...options, combineWith: "AND" });
  if (results.length === 0) results = search.search(words, { ...options, combineWith: "OR" });
  const exactId = foldText(words.trim());
  const rank = (id: string) => (id === exactId ? 0 : 1);
  return results
    .map((r) => ({ id: String(r.id), score: r.score }))
    .sort((a, b) => rank(a.id) - rank(b.id) || b.score - a.score || order.get(a.id)! - order.get(b.id)!)
    .map((r) => r.id);
}

export function searchFactors(set: FactorSet, query: FactorSearchQuery): FactorRecord[] {
  const keep = filterOf(query);
  const hits =
    tokenize(query.text).length === 0
      ? [...set.records.values()].filter(keep)
      : rankedIds(set, query.text, keep).map((id) => set.records.get(id)!);
  return query.limit === undefined ? hits : hits.slice(0, query.limit);
}

/** The publishers and per-units of a set's records (filter choices), each once, in the set's order; per group when one is given. */
export function filterChoices(set: FactorSet, group?: FactorGroup): { units: string[]; publishers: string[] } {
  const records = [...set.records.values()].filter((r) => group === undefined || r.group === group);
  return { units: [...new Set(records.map((r) => perUnit(r.unit)))], publishers: [...new Set(records.map((r) => r.source.publisher))] };
}
