/**
 * Traceability: every emission item of every alternative with its factor
 * (linked to the factor library) and source, the cost present values by
 * kind, and the list of every source the calculation rests on.
 */
import type { Lang } from "../../case/messages.js";
import { COST_KINDS, type AlternativeResult } from "../../core/types.js";
import { citation, type FactorSet } from "../../factors/factor-set.js";
import type { Source } from "../../factors/schema.js";
import { translate } from "../i18n/catalog.js";
import { spendBasisText } from "./compare-notes.js";
import type { OkEvaluation } from "./compare-settings.js";

export function traceModel(alternative: AlternativeResult, index: number, lang: Lang) {
  const items = alternative.emissions.items.map((item) => ({
    label: item.label,
    kind: translate(lang, `compare.kind.${item.kind}`),
    stage: item.stage,
    scope: translate(lang, `compare.scope.${item.scope}`),
    kg: item.kg.toNumber(),
    factor: item.factor,
    factorHref: item.factor === null ? null : `/factors?q=${encodeURIComponent(item.factor)}`,
    source: item.factor === null ? translate(lang, "compare.trace.inlineSource") : item.source,
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

export type SourceEntry = { what: string; citation: string; licence: string; url: string | null };

function entry(what: string, source: Source, lang: Lang): SourceEntry {
  const url = source.url !== undefined && /^https?:\/\//.test(source.url) ? source.url : null;
  return { what, citation: citation(source), licence: translate(lang, "compare.sources.licence", { licence: source.licence }), url };
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

/** Every source of the calculation, each once: factors used, the electricity factor, and the economics used. */
export function sourcesModel(evaluation: OkEvaluation, lang: Lang): SourceEntry[] {
  const { context, core } = evaluation;
  const set = context.set;
  const electricity = context.electricity.factor;
  const ids = new Set<string>();
  for (const a of core.alternatives) for (const item of a.emissions.items) if (item.factor !== null) for (const id of recordChain(set, item.factor, electricity)) ids.add(id);
  ids.add(electricity);
  const out: SourceEntry[] = [];
  const spendBases = new Set<string>();
  for (const id of [...ids].sort()) {
    const record = set.records.get(id);
    if (!record) continue;
    out.push(entry(`${id} – ${record.names[lang]}`, record.source, lang));
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
  return out;
}
