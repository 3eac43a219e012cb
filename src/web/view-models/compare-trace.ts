/**
 * Traceability: every emission item of every alternative with its factor
 * (linked to the factor library) and the number of its source, the cost
 * present values by kind, and the numbered list of every source the
 * calculation rests on. Each source is cited once, in that list: a case
 * with hundreds of items from one dataset repeats its number, not its
 * citation. An item whose factor changes by year says so in words, with
 * the factor of the period's first and last year, or, when the period lies
 * beyond the years given, which year's value is used throughout.
 */
import type { Lang } from "../../case/messages.js";
import type { Decimal } from "../../core/decimal.js";
import { COST_KINDS, type AlternativeResult, type ResolvedCase, type ResolvedEmissionItem } from "../../core/types.js";
import { parseFactorUnit } from "../../core/units.js";
import { citationParts } from "../../factors/citation.js";
import type { FactorSet } from "../../factors/factor-set.js";
import type { Source } from "../../factors/schema.js";
import { translate } from "../i18n/catalog.js";
import { spendBasisText } from "./compare-notes.js";
import { epdCitation } from "./epd-source.js";
import { factorValueText } from "./factors.js";
import type { OkEvaluation } from "./compare-settings.js";

/** The number of the source an item's factor rests on, in the page's list of sources. */
export type SourceNumbers = ReadonlyMap<string, number>;

/** A factor's value as a sentence writes it: four significant digits, the language's decimal sign. */
const factorShown = (value: Decimal, lang: Lang) => factorValueText(value.toSignificantDigits(4).toFixed(), lang);

/**
 * A factor by year that is the same in every year of the period: the period
 * lies past the last given year (or before the first), so that year's value
 * is used throughout; «Faktoren er gitt per år til og med 2023; 2023-verdien
 * 0,015 kg CO2e per kWh brukes for alle årene i analysen». Null when the
 * factor changes within the period or the given years are not known.
 */
function flatText(item: ResolvedEmissionItem, startYear: number, per: string, lang: Lang): string | null {
  const byYear = item.kgPerUnitByYear!;
  if (!byYear.every((v) => v.equals(byYear[0]!))) return null;
  const endYear = startYear + byYear.length - 1;
  const given = [...(item.kgPerUnitGiven?.keys() ?? [])];
  if (given.length === 0) return null;
  const value = factorShown(byYear[0]!, lang);
  const [firstGiven, lastGiven] = [Math.min(...given), Math.max(...given)];
  if (lastGiven < startYear) return translate(lang, "compare.trace.byYear.afterLast", { year: String(lastGiven), value, per });
  if (firstGiven > endYear) return translate(lang, "compare.trace.byYear.beforeFirst", { year: String(firstGiven), value, per });
  if (byYear.length === 1) return null;
  return translate(lang, "compare.trace.byYear.same", { value, per, firstYear: String(startYear), lastYear: String(endYear) });
}

/**
 * «Faktoren endres fra år til år: 0,02 kg CO2e per kWh i 2026 … 0,01 i 2028»:
 * the factor of the period's first and last year, per the unit of the
 * record it comes from (per unit of the quantity for a factor given in the case).
 * A factor that does not change within the period says why (flatText).
 */
export function yearVaryingText(item: ResolvedEmissionItem, startYear: number, unit: string | null, lang: Lang): string | null {
  const byYear = item.kgPerUnitByYear;
  if (byYear === undefined) return null;
  const per = unit ?? translate(lang, "compare.trace.byYear.unit");
  const flat = flatText(item, startYear, per, lang);
  if (flat !== null) return flat;
  const first = { first: factorShown(byYear[0]!, lang), firstYear: String(startYear), per };
  if (byYear.length === 1) return translate(lang, "compare.trace.byYear.one", first);
  return translate(lang, "compare.trace.byYear.range", { ...first, last: factorShown(byYear.at(-1)!, lang), lastYear: String(startYear + byYear.length - 1) });
}

/** The unit a record's factor is per (the denominator: kWh of "gCO2e/kWh", km of "kWh/km"), or null. */
function unitOf(resolved: ResolvedCase | undefined, factorId: string | null, set: FactorSet | undefined, electricity: string | undefined): string | null {
  if (resolved === undefined || factorId === null || set === undefined) return null;
  const record = set.records.get(factorId === "electricity" ? (electricity ?? factorId) : factorId);
  return (record && parseFactorUnit(record.unit)?.denominator) ?? null;
}

/** What the trace needs of the case beyond its result: the resolved items (for factors given by year) and the set. */
export type TraceCase = { resolved: ResolvedCase; set: FactorSet; electricity: string };

export function traceModel(alternative: AlternativeResult, index: number, lang: Lang, sourceNumbers: SourceNumbers, traced?: TraceCase) {
  const resolvedItems = traced?.resolved.alternatives.find((a) => a.id === alternative.id)?.emissions;
  const items = alternative.emissions.items.map((item, i) => ({
    label: item.label,
    kind: translate(lang, `compare.kind.${item.kind}`),
    stage: item.stage,
    scope: translate(lang, `compare.scope.${item.scope}`),
    kg: item.kg.toNumber(),
    factor: item.factor,
    factorHref: item.factor === null ? null : `/factors?q=${encodeURIComponent(item.factor)}`,
    // an item whose record is somehow not in the list keeps its citation in the row rather than lose it
    source: item.factor === null ? { text: epdCitation(item.epd, lang) ?? translate(lang, "compare.trace.inlineSource") } : sourceNumbers.has(item.factor) ? { number: sourceNumbers.get(item.factor)! } : { text: item.source },
    spend: item.spend === undefined ? null : spendBasisText(item.spend, lang),
    existingStock: item.existingStock,
    byYear: item.yearVarying && resolvedItems?.[i] ? yearVaryingText(resolvedItems[i], traced!.resolved.startYear, unitOf(traced?.resolved, item.factor, traced?.set, traced?.electricity), lang) : null,
  }));
  const costs = COST_KINDS.filter((k) => alternative.lcc.byKind[k] !== undefined).map((kind) => ({
    kind: translate(lang, `compare.costKind.${kind}`),
    presentValue: alternative.lcc.byKind[kind]!.toNumber(),
  }));
  return {
    anchor: `alternative-${index + 1}`,
    id: alternative.id,
    name: alternative.name,
    items,
    totalKg: alternative.emissions.totalKg.toNumber(),
    stageDKg: alternative.emissions.byStage.D.isZero() ? null : alternative.emissions.byStage.D.toNumber(),
    costs,
    presentValue: alternative.lcc.presentValue.toNumber(),
  };
}

export type SourceEntry = { number: number; what: string; citation: string; licence: string; url: string | null };

function entry(what: string, source: Source, lang: Lang): Omit<SourceEntry, "number"> {
  const { text, url } = citationParts(source);
  return { what, citation: text, licence: translate(lang, "compare.sources.licence", { licence: source.licence }), url };
}

/** The factor records an id rests on: itself and, for a chained record, what it goes via. */
function recordChain(set: FactorSet, id: string, electricity: string): string[] {
  const chain: string[] = [];
  let next: string | undefined = id;
  while (next !== undefined && !chain.includes(next) && chain.length < 6) {
    const recordId: string = next === "electricity" ? electricity : next;
    chain.push(recordId);
    next = set.records.get(recordId)?.via;
  }
  return chain;
}

/**
 * Every source of the calculation, each once and numbered from 1: factors
 * used, the electricity factor, and the economics used; and the number
 * each factor id the items name is cited under (its own record's).
 */
export function sourcesModel(evaluation: OkEvaluation, lang: Lang): { sources: SourceEntry[]; numbers: SourceNumbers } {
  const { context, core } = evaluation;
  const set = context.set;
  const electricity = context.electricity.factor;
  const ids = new Set<string>();
  for (const a of core.alternatives) for (const item of a.emissions.items) if (item.factor !== null) for (const id of recordChain(set, item.factor, electricity)) ids.add(id);
  ids.add(electricity);
  const out: Omit<SourceEntry, "number">[] = [];
  const numbers = new Map<string, number>();
  const spendBases = new Set<string>();
  for (const id of [...ids].sort()) {
    const record = set.records.get(id);
    if (!record) continue;
    out.push(entry(`${id} – ${record.names[lang]}`, record.source, lang));
    numbers.set(id, out.length);
    if (record.currency !== undefined && record.priceYear !== undefined) spendBases.add(`${record.currency} ${record.priceYear}`);
  }
  const economics = set.economics;
  if (spendBases.size > 0) {
    out.push(entry(`${translate(lang, "compare.sources.priceIndex")}: ${economics.priceIndex.name}`, economics.priceIndex.source, lang));
    for (const rate of economics.exchangeRates) {
      if (spendBases.has(`${rate.currency} ${rate.year}`)) out.push(entry(translate(lang, "compare.sources.exchangeRate", { currency: rate.currency, year: String(rate.year) }), rate.source, lang));
    }
  }
  if (context.carbonPath !== null) out.push(entry(translate(lang, "compare.sources.carbonPath"), context.carbonPath.source, lang));
  // the items name "electricity" for the case's electricity factor
  if (numbers.has(electricity)) numbers.set("electricity", numbers.get(electricity)!);
  return { sources: out.map((e, i) => ({ number: i + 1, ...e })), numbers };
}
