/**
 * Traceability: every emission item of every alternative with its factor
 * (linked to the factor library) and the number of its source, the cost
 * present values by kind, and the numbered list of every source the
 * calculation rests on. Each source is cited once, in that list: a case
 * with hundreds of items from one dataset repeats its number, not its
 * citation.
 */
import type { Lang } from "../../case/messages.js";
import { COST_KINDS, type AlternativeResult } from "../../core/types.js";
import { citationParts } from "../../factors/citation.js";
import type { FactorSet } from "../../factors/factor-set.js";
import type { Source } from "../../factors/schema.js";
import { translate } from "../i18n/catalog.js";
import { spendBasisText } from "./compare-notes.js";
import type { OkEvaluation } from "./compare-settings.js";

/** The number of the source an item's factor rests on, in the page's list of sources. */
export type SourceNumbers = ReadonlyMap<string, number>;

export function traceModel(alternative: AlternativeResult, index: number, lang: Lang, sourceNumbers: SourceNumbers) {
  const items = alternative.emissions.items.map((item) => ({
    label: item.label,
    kind: translate(lang, `compare.kind.${item.kind}`),
    stage: item.stage,
    scope: translate(lang, `compare.scope.${item.scope}`),
    kg: item.kg.toNumber(),
    factor: item.factor,
    factorHref: item.factor === null ? null : `/factors?q=${encodeURIComponent(item.factor)}`,
    // an item whose record is somehow not in the list keeps its citation in the row rather than lose it
    source: item.factor === null ? { text: translate(lang, "compare.trace.inlineSource") } : sourceNumbers.has(item.factor) ? { number: sourceNumbers.get(item.factor)! } : { text: item.source },
    spend: item.spend === undefined ? null : spendBasisText(item.spend, lang),
    existingStock: item.existingStock,
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
