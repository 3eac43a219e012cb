/**
 * View model of the comparison page (GET /cases/:id): the ranking, the
 * waste pyramid, the two charts with their tables, the deltas against the
 * baseline and the traceability of every figure. Built from the evaluated
 * case (the same result as `kalkyle evaluate` and the API); numbers stay
 * numbers here and are formatted by the template helpers.
 */
import type { Lang } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { WASTE_LEVELS, type AlternativeResult, type ComparisonRow } from "../../core/types.js";
import type { StoredEvaluation } from "../evaluation.js";
import { translate } from "../i18n/catalog.js";
import { costChart, costTable, stageChart, stageTable } from "./compare-charts.js";
import { settingsModel, type OkEvaluation } from "./compare-settings.js";
import { sourcesModel, traceModel } from "./compare-trace.js";

export const COMPARE_SCRIPTS = ["/vendor/chart.js/chart.umd.min.js", "/static/js/charts.js"];

export function caseLinks(id: string) {
  const base = `/cases/${encodeURIComponent(id)}`;
  return { compare: base, edit: `${base}/edit`, report: `${base}/report`, pdf: `${base}/report.pdf`, xlsx: `${base}/export.xlsx`, csv: `${base}/export.csv`, json: `${base}/case.json` };
}

function rankingRow(a: AlternativeResult, baseline: string, lang: Lang) {
  const carbon = a.lcc.carbonCostPresentValue;
  return {
    rank: a.rank,
    id: a.id,
    name: a.name,
    isBaseline: a.id === baseline,
    wasteLevel: a.wasteLevel === null ? translate(lang, "compare.level.none") : translate(lang, `compare.level.${a.wasteLevel}`),
    wasteLevelSource: a.wasteLevelSource === null ? null : translate(lang, `compare.level.${a.wasteLevelSource}`),
    totalKg: a.emissions.totalKg.toNumber(),
    directKg: a.emissions.directKg.toNumber(),
    indirectKg: a.emissions.indirectKg.toNumber(),
    presentValue: a.lcc.presentValue.toNumber(),
    carbonCost: carbon === undefined ? null : carbon.toNumber(),
    presentValueWithCarbon: a.lcc.presentValueWithCarbon === undefined ? null : a.lcc.presentValueWithCarbon.toNumber(),
    equivalentAnnualCost: a.lcc.equivalentAnnualCost.toNumber(),
    dominated: a.dominated,
  };
}

/** The inverted pyramid, best level first, each with the alternatives placed on it. */
function pyramidModel(ranked: readonly AlternativeResult[], lang: Lang) {
  return {
    levels: WASTE_LEVELS.map((level) => ({
      level,
      label: translate(lang, `compare.level.${level}`),
      alternatives: ranked.filter((a) => a.wasteLevel === level).map((a) => ({ id: a.id, name: a.name, suggested: a.wasteLevelSource === "suggested" })),
    })),
    unplaced: ranked.filter((a) => a.wasteLevel === null).map((a) => ({ id: a.id, name: a.name })),
  };
}

function deltaRow(row: ComparisonRow, byId: Map<string, AlternativeResult>, startYear: number, lang: Lang) {
  const notAvoided = row.abatementCostPerTonne === null ? translate(lang, row.deltaKg.isZero() ? "compare.deltas.notAvoidedSame" : "compare.deltas.notAvoidedMore") : null;
  return {
    id: row.id,
    name: byId.get(row.id)?.name ?? row.id,
    deltaKg: row.deltaKg.toNumber(),
    deltaPresentValue: row.deltaPresentValue.toNumber(),
    abatementCostPerTonne: row.abatementCostPerTonne === null ? null : row.abatementCostPerTonne.toNumber(),
    notAvoided,
    paybackYear: row.paybackYear,
    payback: row.paybackYear === null ? translate(lang, "compare.deltas.noPayback") : translate(lang, "compare.deltas.payback", { index: row.paybackYear, year: String(startYear + row.paybackYear) }),
  };
}

/** The figures of a case that evaluates; shared by the comparison page and the report. */
export function resultSections(evaluation: OkEvaluation, lang: Lang) {
  const { core, resolved } = evaluation;
  const byId = new Map(core.alternatives.map((a) => [a.id, a]));
  const ranked = core.ranking.order.map((id) => byId.get(id)!);
  const stages = stageTable(ranked, lang);
  const costs = costTable(ranked, resolved.startYear, lang);
  const hasCarbon = resolved.carbonPrice !== null;
  return {
    settings: settingsModel(evaluation, lang),
    ranking: { method: translate(lang, `compare.method.${core.ranking.method}`), order: core.ranking.order, hasCarbon, rows: ranked.map((a) => rankingRow(a, resolved.baseline, lang)), anyDominated: ranked.some((a) => a.dominated) },
    pyramid: pyramidModel(ranked, lang),
    stages,
    stageChart: stageChart(stages, lang),
    costs,
    costChart: costChart(costs, lang),
    deltas: { baseline: resolved.baseline, baselineLabel: `${resolved.baseline} – ${byId.get(resolved.baseline)?.name ?? ""}`, rows: core.comparison.map((c) => deltaRow(c, byId, resolved.startYear, lang)) },
    trace: ranked.map((a, i) => traceModel(a, i, lang)),
    sources: sourcesModel(evaluation, lang),
  };
}

export function problemsModel(evaluated: StoredEvaluation, lang: Lang) {
  return evaluated.evaluation.ok ? [] : evaluated.evaluation.problems.map((p) => ({ path: p.path, message: problemMessage(p, lang) }));
}

export function compareModel(evaluated: StoredEvaluation, lang: Lang) {
  const { stored, evaluation } = evaluated;
  const common = { pageTitle: stored.title, title: stored.title, caseId: stored.id, version: stored.version, links: caseLinks(stored.id) };
  if (!evaluation.ok) return { ...common, ok: false as const, problems: problemsModel(evaluated, lang) };
  return { ...common, ok: true as const, scripts: COMPARE_SCRIPTS, ...resultSections(evaluation, lang) };
}
