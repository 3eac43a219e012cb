/**
 * The factor library as the web shows it: the /factors page, the JSON hits
 * of GET /api/v1/factors (the editor's factor picker) and the short factor
 * descriptions next to the editor's factor fields.
 */
import type { Lang } from "../../case/messages.js";
import { citation, citationParts, publicSource } from "../../factors/citation.js";
import type { FactorLibrary, FactorSet } from "../../factors/factor-set.js";
import { CHOSEN_ELECTRICITY } from "../../factors/resolve-factor.js";
import { factorGroups, type FactorGroup, type FactorRecord } from "../../factors/schema.js";
import { filterChoices, searchFactors } from "../../factors/search.js";
import { wasteRouteLevel } from "../../factors/waste-route.js";
import { wasteLevelName } from "../../i18n/domain-terms.js";
import { editableDecimal } from "../editor/numbers.js";
import { translate } from "../i18n/catalog.js";

export const PAGE_CAP = 200;
/** The most a search may ask: words of at most 200 characters, at most 200 hits (50 unless asked). */
export const FACTOR_QUERY_BOUNDS = { q: { max: 200 }, limit: { min: 1, max: 200, default: 50 } } as const;

/** A search of one set: its words, and the group, per-unit ("kWh") and publisher it is narrowed to. */
export type FactorQuery = { text: string; group?: FactorGroup | undefined; unit?: string | undefined; source?: string | undefined; set: FactorSet };

export const isFactorGroup = (value: unknown): value is FactorGroup => typeof value === "string" && (factorGroups as readonly string[]).includes(value);

/** "0.15738" → "0,15738" in bokmål; the published digits, never rounded. */
export function factorValueText(value: string, lang: Lang): string {
  return lang === "nb" ? editableDecimal(value) : value.replace(/^-/, "\u2212");
}

/** " × chosen electricity factor", " × fuel.diesel" or "" for a record that is a factor itself. */
export function viaText(record: FactorRecord, lang: Lang): string {
  if (record.via === undefined) return "";
  return record.via === CHOSEN_ELECTRICITY ? translate(lang, "editor.viaElectricity") : translate(lang, "editor.via", { via: record.via });
}

function basisText(record: FactorRecord, lang: Lang): string {
  if (record.electricityBasis) return translate(lang, `editor.basis.${record.electricityBasis}`);
  if (record.currency && record.priceYear !== undefined) {
    return translate(lang, "factors.spendBasis", { currency: record.currency, year: record.priceYear, basis: record.priceBasis ? translate(lang, `factors.priceBasis.${record.priceBasis}`) : "" }).replace(/, $/, "");
  }
  return "";
}

/** The level of a waste route (composting and digestion: material recycling, in every set), or "". */
function levelText(record: FactorRecord, lang: Lang): string {
  const level = wasteRouteLevel(record);
  return level === undefined ? "" : wasteLevelName(level, lang);
}

/**
 * A factor given per calendar year: each year's value written the language's
 * way, and the rule a case's years follow, or undefined for a single value.
 *
 * Example (nb): { "2022": "0.019", "2023": "0.015" } → values ["2022: 0,019", "2023: 0,015"]
 */
export function byYearModel(record: FactorRecord, lang: Lang) {
  if (record.byYear === undefined) return undefined;
  const years = Object.keys(record.byYear).sort();
  return {
    label: translate(lang, "factors.byYear.label"),
    values: years.map((year) => translate(lang, "factors.byYear.value", { year, value: factorValueText(record.byYear![year]!, lang) })),
    rule: translate(lang, "factors.byYear.rule", { first: years[0]!, last: years.at(-1)! }),
  };
}

/**
 * A factor's value with its unit, for a drop-down or hint that has one line:
 * a factor given per year says it varies and shows its first and last year,
 * so no single year's value reads as the factor's.
 *
 * Example (nb): "varierer med året (2019: 0,017 … 2023: 0,015 kgCO2e/kWh)"; otherwise "0,015 kgCO2e/kWh".
 */
export function factorValueWithUnit(record: FactorRecord, lang: Lang): string {
  const years = Object.keys(record.byYear ?? {}).sort();
  if (years.length < 2) return `${factorValueText(record.value, lang)} ${record.unit}`;
  const [first, last] = [years[0]!, years.at(-1)!];
  return translate(lang, "factors.byYear.varies", { first, firstValue: factorValueText(record.byYear![first]!, lang), last, lastValue: factorValueText(record.byYear![last]!, lang), unit: record.unit });
}

/** Only http(s) links are shown as links. */
const safeUrl = (url: string | undefined) => (url && /^https?:\/\//i.test(url) ? url : undefined);

/** The editor's one-line description of a chosen factor. */
export function factorHint(record: FactorRecord, lang: Lang): string {
  return translate(lang, "editor.factorHint", { name: record.names[lang], value: factorValueWithUnit(record, lang), via: viaText(record, lang), publisher: record.source.publisher, year: record.source.year });
}

export function groupOptions(lang: Lang, selected: string | undefined) {
  return factorGroups.map((g) => ({ value: g, label: translate(lang, `factors.groupName.${g}`), selected: g === selected }));
}

/** One hit of GET /api/v1/factors. */
export function factorHitJson(record: FactorRecord, lang: Lang) {
  return {
    id: record.id,
    group: record.group,
    name: record.names[lang],
    names: record.names,
    value: record.value,
    valueText: factorValueText(record.value, lang),
    /** A factor given per calendar year: { "2023": "0.015", … } in the record's unit, and each year's value written the language's way. */
    byYear: record.byYear ?? null,
    byYearText: byYearModel(record, lang)?.values.join(" · ") ?? null,
    unit: record.unit,
    via: record.via ?? null,
    viaText: viaText(record, lang).trim(),
    stage: record.stage ?? null,
    basis: record.electricityBasis ?? null,
    basisText: basisText(record, lang),
    wasteLevel: wasteRouteLevel(record) ?? null,
    currency: record.currency ?? null,
    priceYear: record.priceYear ?? null,
    source: publicSource(record.source),
    /** The source as every page cites it (citation.ts), for the picker to show. */
    citation: citation(record.source),
  };
}

/** The records matching the query, best first when it has words, else in the set's order. */
export function findFactors(query: FactorQuery): FactorRecord[] {
  return searchFactors(query.set, { text: query.text, group: query.group, unit: query.unit, source: query.source });
}

export function factorSearchJson(query: FactorQuery, limit: number, lang: Lang) {
  const all = findFactors(query);
  const hits = all.slice(0, limit);
  return { factorSet: query.set.id, total: all.length, count: hits.length, hits: hits.map((r) => factorHitJson(r, lang)) };
}

const CHANGE_KINDS = ["added", "changed", "removed"] as const;

/** Parts of a set other than its records that a change list names; said in words, while record ids stay ids as in the table. */
const NAMED_PARTS = {
  "defaults.electricity": "factors.changes.item.defaults.electricity",
  sources: "factors.changes.item.sources",
  "economics.carbonPricePath": "factors.changes.item.economics.carbonPricePath",
  "economics.exchangeRates": "factors.changes.item.economics.exchangeRates",
} as const;

function otherItem(item: string, lang: Lang): { label: string | undefined; ids: string | undefined } {
  const key = Object.hasOwn(NAMED_PARTS, item) ? NAMED_PARTS[item as keyof typeof NAMED_PARTS] : undefined;
  return key === undefined ? { label: undefined, ids: item } : { label: translate(lang, key), ids: undefined };
}

/** "2,51279 kgCO2e/l" (× chained factor), or "–" for a record the set does not hold. */
function changedValueText(v: { value: string; unit: string; via?: string | undefined } | null, lang: Lang): string {
  if (v === null) return "\u2013";
  return `${factorValueText(v.value, lang)} ${v.unit}${v.via === undefined ? "" : ` × ${v.via}`}`;
}

/** The change list a set carries (what changed from the set before it), as table rows. */
export function setChangesModel(set: FactorSet, lang: Lang) {
  const changes = set.changes;
  if (!changes) return undefined;
  const rank = (kind: string) => CHANGE_KINDS.indexOf(kind as (typeof CHANGE_KINDS)[number]);
  return {
    from: changes.from,
    to: changes.to,
    caption: translate(lang, "factors.changes.caption", { from: changes.from, to: changes.to }),
    rows: [...changes.records]
      .sort((a, b) => rank(a.change) - rank(b.change) || a.id.localeCompare(b.id))
      .map((c) => ({ id: c.id, change: translate(lang, `factors.changes.kind.${c.change}`), before: changedValueText(c.before, lang), after: changedValueText(c.after, lang), reason: c.reason[lang] })),
    other: changes.other.map((o) => ({ ...otherItem(o.item, lang), reason: o.reason[lang] })),
  };
}

/** The unit and publisher choices of the page's filters, those of the chosen group's records. */
function filterOptions(query: FactorQuery) {
  const choices = filterChoices(query.set, query.group);
  // A choice that another group's records have stays offered while chosen, so the form shows what was asked.
  const units = query.unit !== undefined && !choices.units.includes(query.unit) ? [...choices.units, query.unit] : choices.units;
  const publishers = query.source !== undefined && !choices.publishers.includes(query.source) ? [...choices.publishers, query.source] : choices.publishers;
  return {
    units: units.map((u) => ({ value: u, selected: u === query.unit })),
    publishers: publishers.map((p) => ({ value: p, selected: p === query.source })),
  };
}

/** The /factors page. */
export function factorLibraryModel(library: FactorLibrary, query: FactorQuery, lang: Lang) {
  const all = findFactors(query);
  const shown = all.slice(0, PAGE_CAP);
  return {
    pageTitle: translate(lang, "factors.title"),
    search: query.text,
    setId: query.set.id,
    setName: query.set.manifest.names[lang],
    sets: [...library.sets.values()].map((s) => ({ value: s.id, label: `${s.id} – ${s.manifest.names[lang]}`, selected: s.id === query.set.id })),
    multipleSets: library.sets.size > 1,
    currentId: library.newest,
    currentName: library.sets.get(library.newest)?.manifest.names[lang] ?? library.newest,
    currentReleased: library.sets.get(library.newest)?.manifest.released ?? "",
    showingCurrent: query.set.id === library.newest,
    changes: setChangesModel(query.set, lang),
    groups: groupOptions(lang, query.group),
    ...filterOptions(query),
    total: all.length,
    shown: shown.length,
    capped: all.length > shown.length,
    rows: shown.map((r) => ({
      id: r.id,
      name: r.names[lang],
      group: translate(lang, `factors.groupName.${r.group}`),
      value: factorValueText(r.value, lang),
      byYear: byYearModel(r, lang),
      unit: r.unit,
      via: viaText(r, lang).trim(),
      stage: r.stage,
      basis: basisText(r, lang),
      wasteLevel: levelText(r, lang),
      gwp: r.gwp,
      source: { licence: r.source.licence, url: safeUrl(r.source.url) },
      citation: citationParts(r.source).text,
    })),
  };
}
