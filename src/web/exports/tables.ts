/**
 * The tables every spreadsheet export holds, built once from an evaluated
 * case so the CSV and the Excel workbook cannot disagree: about (case,
 * factor set id and hash, time made in UTC), summary (one row per
 * alternative, with the rank note beside the rank and the CO2e by data
 * tier, tier-columns.ts), comparison (with the payback in words and the
 * finance measures, a measure not defined with its reason), items (with
 * factor, source, the price basis of spend items and the data tier with
 * its EPD), sources, and notes (the warnings placed in words and the
 * result's notes), and from alternative-tables.ts the yearly figures and
 * one table per alternative. Every text is in the user's language, the
 * source of an inline factor included; a factor's source is its citation
 * (src/factors/citation.ts).
 * Numbers stay numbers (exact decimals become JSON-style numbers here, at the
 * edge, as in the result document); labels are in the user's language.
 */
import type { Evaluation } from "../../case/evaluate-document.js";
import type { Lang } from "../../case/messages.js";
import type { Decimal } from "../../core/decimal.js";
import { measureReasonText } from "../../case/measure-text.js";
import { rankNoteMessage } from "../../case/rank-note.js";
import { roundedRate, roundedRatio } from "../../case/rounding.js";
import { measuresAgainstBaseline } from "../../core/finance/measures.js";
import { STAGES, type ComparisonRow, type EmissionsResult } from "../../core/types.js";
import { factorCitation } from "../../factors/citation.js";
import { wasteLevelName } from "../../i18n/domain-terms.js";
import { translateKey } from "../i18n/catalog.js";
import { carbonPathText, discountText, hasSpendItems, usesR109 } from "../view-models/analysis-terms.js";
import { resultNotes, spendBasisText, warningsModel } from "../view-models/compare-notes.js";
import { epdCitation } from "../view-models/epd-source.js";
import { alternativeTables, yearlyTable } from "./alternative-tables.js";
import { itemTierCells, itemTierColumns, summaryTierCells, summaryTierColumns } from "./tier-columns.js";

export type Evaluated = Extract<Evaluation, { ok: true }>;
/** How a column's numbers are shown: kg CO2e, NOK, a whole number, a decimal as it comes (a factor), a share as a percentage, or text. */
export type ColumnKind = "text" | "kg" | "nok" | "int" | "decimal" | "percent";
export type Cell = string | number | null;
export type Column = { header: string; kind: ColumnKind; width: number };
export type Table = { name: "about" | "summary" | "comparison" | "items" | "sources" | "notes" | "yearly" | "alternative"; title: string; columns: Column[]; rows: Cell[][] };
/** The named tables, and one table per alternative (its emission and cost items). */
export type ExportTables = Record<"about" | "summary" | "comparison" | "items" | "sources" | "notes" | "yearly", Table> & { alternatives: Table[] };
export type ExportMeta = { caseId: string; version: number; madeAt: string };

const num = (d: Decimal | undefined | null): number | null => (d === undefined || d === null ? null : d.toNumber());

type T = (key: string, params?: Record<string, string>) => string;

/** The carbon price in words: the bundled path and its kroner, the case's own table, or none. */
function carbonPriceText(e: Evaluated, lang: Lang, t: T): string {
  const path = carbonPathText(e.context.carbonPath, lang);
  if (path !== null) return path;
  return e.resolved.carbonPrice === null ? t("export.carbonPrice.none") : t("export.carbonPrice.given");
}

function about(e: Evaluated, meta: ExportMeta, lang: Lang, t: T): Table {
  const r = e.resolved;
  const rows: Cell[][] = [
    [t("export.field.case"), r.title],
    [t("export.field.caseId"), meta.caseId],
    [t("export.field.version"), meta.version],
    [t("export.field.factorSet"), e.context.set.id],
    [t("export.field.factorSetHash"), e.context.set.hash],
    [t("export.field.madeAt"), meta.madeAt],
    [t("export.field.madeWith"), "Kalkyle"],
    [t("export.field.startYear"), r.startYear],
    [t("export.field.years"), r.years],
    [t("export.field.discountRate"), usesR109(r) ? discountText(r, lang) : num(r.discountRate)],
    [t("export.field.carbonPrice"), carbonPriceText(e, lang, t)],
    ...(hasSpendItems(r) ? [[t("export.field.priceYear"), e.context.priceYear]] : []),
    [t("export.field.electricity"), e.context.electricity.factor],
    [t("export.field.ranking"), t(`export.ranking.${e.core.ranking.method}`)],
  ];
  return { name: "about", title: t("export.about.sheet"), columns: [{ header: t("export.field.field"), kind: "text", width: 28 }, { header: t("export.field.value"), kind: "text", width: 60 }], rows };
}

function summary(e: Evaluated, lang: Lang, t: T): Table {
  const stageColumns: Column[] = STAGES.map((stage) => ({ header: stage === "D" ? t("export.col.stageD") : t("export.col.stageKg", { stage }), kind: "kg", width: 16 }));
  const columns: Column[] = [
    { header: t("export.col.alternative"), kind: "text", width: 12 },
    { header: t("export.col.name"), kind: "text", width: 30 },
    { header: t("export.col.rank"), kind: "int", width: 8 },
    { header: t("export.col.rankNote"), kind: "text", width: 50 },
    { header: t("export.col.wasteLevel"), kind: "text", width: 20 },
    { header: t("export.col.wasteLevelSource"), kind: "text", width: 16 },
    { header: t("export.col.totalKg"), kind: "kg", width: 18 },
    { header: t("export.col.directKg"), kind: "kg", width: 16 },
    { header: t("export.col.indirectKg"), kind: "kg", width: 16 },
    ...stageColumns,
    ...summaryTierColumns(e.resolved.dataQuality, lang, t),
    { header: t("export.col.presentValue"), kind: "nok", width: 18 },
    { header: t("export.col.nominalTotal"), kind: "nok", width: 18 },
    { header: t("export.col.eac"), kind: "nok", width: 18 },
    { header: t("export.col.carbonCost"), kind: "nok", width: 18 },
    { header: t("export.col.pvWithCarbon"), kind: "nok", width: 18 },
    { header: t("export.col.dominated"), kind: "text", width: 10 },
  ];
  const rows = e.core.alternatives.map((a): Cell[] => [
    a.id,
    a.name,
    a.rank,
    a.rankNote === null ? null : rankNoteMessage(a.rankNote, lang, nameOf(e)(a.rankNote.by)),
    a.wasteLevel ? wasteLevelName(a.wasteLevel, lang) : null,
    a.wasteLevelSource ? t(`export.levelSource.${a.wasteLevelSource}`) : null,
    num(a.emissions.totalKg),
    num(a.emissions.directKg),
    num(a.emissions.indirectKg),
    ...STAGES.map((stage) => num(a.emissions.byStage[stage])),
    ...summaryTierCells(a, e.resolved.dataQuality, lang, t),
    num(a.lcc.presentValue),
    num(a.lcc.nominalTotal),
    num(a.lcc.equivalentAnnualCost),
    num(a.lcc.carbonCostPresentValue),
    num(a.lcc.presentValueWithCarbon),
    t(a.dominated ? "export.yes" : "export.no"),
  ]);
  return { name: "summary", title: t("export.summary.title"), columns, rows };
}

/** An alternative named as a reader knows it (its name), its id where it has none. */
const nameOf = (e: Evaluated) => {
  const names = new Map(e.core.alternatives.map((a) => [a.id, a.name]));
  return (id: string) => names.get(id) || id;
};

function paybackText(c: ComparisonRow, t: T): string {
  if (c.payback === "from-start") return t("export.payback.fromStart");
  if (c.payback === "never" || c.paybackYear === null) return t("export.payback.never");
  return t("export.payback.inYear", { year: String(c.paybackYear) });
}

/** The measures that may be undefined, in the order of the columns. */
const MEASURES = ["simplePaybackYear", "sir", "airr", "breakEvenCarbonPrice"] as const;

function comparison(e: Evaluated, lang: Lang, t: T): Table {
  const columns: Column[] = [
    { header: t("export.col.alternative"), kind: "text", width: 12 },
    { header: t("export.col.baseline"), kind: "text", width: 16 },
    { header: t("export.col.deltaKg"), kind: "kg", width: 20 },
    { header: t("export.col.deltaPresentValue"), kind: "nok", width: 20 },
    { header: t("export.col.abatementCost"), kind: "nok", width: 20 },
    { header: t("export.col.paybackYear"), kind: "int", width: 14 },
    { header: t("export.col.payback"), kind: "text", width: 40 },
    { header: t("export.col.netSavings"), kind: "nok", width: 20 },
    { header: t("export.col.addedInvestment"), kind: "nok", width: 20 },
    { header: t("export.col.operatingSavings"), kind: "nok", width: 20 },
    { header: t("export.col.simplePaybackYear"), kind: "int", width: 16 },
    { header: t("export.col.sir"), kind: "decimal", width: 14 },
    { header: t("export.col.airr"), kind: "percent", width: 14 },
    { header: t("export.col.breakEven"), kind: "nok", width: 20 },
    { header: t("export.col.measureNotes"), kind: "text", width: 50 },
  ];
  const name = nameOf(e);
  const measures = new Map(measuresAgainstBaseline(e.resolved, e.core).map((m) => [m.id, m]));
  const rows = e.core.comparison.map((c): Cell[] => {
    const m = measures.get(c.id)!;
    const notes = MEASURES.flatMap((measure) => {
      const reason = m.reasons[measure];
      return reason === undefined ? [] : [t("export.measureNote", { measure: t(`export.measure.${measure}`), reason: measureReasonText(reason, lang) })];
    });
    return [
      name(c.id),
      name(c.baseline),
      num(c.deltaKg),
      num(c.deltaPresentValue),
      num(c.abatementCostPerTonne),
      c.paybackYear,
      paybackText(c, t),
      num(m.netSavings),
      num(m.addedInvestment),
      num(m.operatingSavings),
      m.simplePaybackYear,
      m.sir === null ? null : roundedRatio(m.sir),
      m.airr === null ? null : roundedRate(m.airr),
      num(m.breakEvenCarbonPrice),
      notes.join("; "),
    ];
  });
  return { name: "comparison", title: t("export.comparison.title"), columns, rows };
}

/** The factor's citation (src/factors/citation.ts); an inline factor cites its EPD when it names one, else has none published, said in the user's language (the result's text is English). */
const sourceOf = (e: Evaluated, i: EmissionsResult["items"][number], lang: Lang, t: T): string =>
  i.factor === null ? (epdCitation(i.epd, lang) ?? t("export.inlineSource")) : (factorCitation(e.context.set, i.factor, e.context.electricity.factor) ?? i.source);

function items(e: Evaluated, lang: Lang, t: T): Table {
  const columns: Column[] = [
    { header: t("export.col.alternative"), kind: "text", width: 12 },
    { header: t("export.col.label"), kind: "text", width: 28 },
    { header: t("export.col.kind"), kind: "text", width: 20 },
    { header: t("export.col.stage"), kind: "text", width: 8 },
    { header: t("export.col.scope"), kind: "text", width: 12 },
    { header: t("export.col.kg"), kind: "kg", width: 16 },
    { header: t("export.col.factor"), kind: "text", width: 36 },
    { header: t("export.col.source"), kind: "text", width: 80 },
    { header: t("export.col.spendBasis"), kind: "text", width: 50 },
    { header: t("export.col.existingStock"), kind: "text", width: 14 },
    ...itemTierColumns(t),
  ];
  const rows = e.core.alternatives.flatMap((a) =>
    a.emissions.items.map((i): Cell[] => [
      a.id,
      i.label,
      t(`export.kind.${i.kind}`),
      i.stage,
      t(`export.scope.${i.scope}`),
      num(i.kg),
      i.factor ?? t("export.inlineFactor"),
      sourceOf(e, i, lang, t),
      i.spend === undefined ? null : spendBasisText(i.spend, lang),
      i.existingStock ? t("export.yes") : null,
      ...itemTierCells(i, lang),
    ]),
  );
  return { name: "items", title: t("export.items.title"), columns, rows };
}

function sources(e: Evaluated, lang: Lang, t: T): Table {
  const used = new Map<string, { factor: string; source: string; count: number }>();
  for (const i of e.core.alternatives.flatMap((a) => a.emissions.items)) {
    const factor = i.factor ?? t("export.inlineFactor");
    const source = sourceOf(e, i, lang, t);
    const key = `${factor}\u0000${source}`;
    const entry = used.get(key) ?? { factor, source, count: 0 };
    entry.count++;
    used.set(key, entry);
  }
  const columns: Column[] = [
    { header: t("export.col.factor"), kind: "text", width: 36 },
    { header: t("export.col.source"), kind: "text", width: 100 },
    { header: t("export.col.items"), kind: "int", width: 12 },
  ];
  return { name: "sources", title: t("export.sources.title"), columns, rows: [...used.values()].map((s) => [s.factor, s.source, s.count]) };
}

/** The warnings, each placed in words (alternative and item, or the analysis settings), and the result's notes. */
function notes(e: Evaluated, lang: Lang, t: T): Table {
  const columns: Column[] = [
    { header: t("export.col.place"), kind: "text", width: 50 },
    { header: t("export.col.note"), kind: "text", width: 100 },
  ];
  const rows: Cell[][] = [...warningsModel(e, lang).map((w) => [w.place, w.message]), ...resultNotes(e, lang).map((n) => [t("export.place.spend"), n])];
  return { name: "notes", title: t("export.notes.title"), columns, rows };
}

export function exportTables(evaluated: Evaluated, meta: ExportMeta, lang: Lang): ExportTables {
  const t = (key: string, params: Record<string, string> = {}) => translateKey(lang, key, params);
  return {
    about: about(evaluated, meta, lang, t),
    summary: summary(evaluated, lang, t),
    comparison: comparison(evaluated, lang, t),
    items: items(evaluated, lang, t),
    sources: sources(evaluated, lang, t),
    notes: notes(evaluated, lang, t),
    yearly: yearlyTable(evaluated, t),
    alternatives: alternativeTables(evaluated, lang, t),
  };
}
