/**
 * View model of the comparison page (GET /cases/:id): the answer first
 * (compare-answer.ts), then the ranking, the waste pyramid, the two charts
 * with their tables, the deltas against the baseline and the traceability
 * of every figure; the analysis settings fold away after them. Every
 * alternative is named by its name; the id stays out of sight (a data
 * attribute), since a user only types it in the editor. Built from the evaluated
 * case (the same result as `kalkyle evaluate` and the API); numbers stay
 * numbers here and are formatted by the template helpers.
 */
import { answerOf } from "../../case/answer.js";
import type { AuditEntry } from "../../store/audit.js";
import { caseHistoryModel } from "./audit.js";
import type { Lang } from "../../case/messages.js";
import { problemMessage } from "../../case/messages.js";
import { rankNoteMessage } from "../../case/rank-note.js";
import { suggestionMessage } from "../../case/suggestion-note.js";
import { placeOf } from "../../i18n/case-place.js";
import { wasteLevelName } from "../../i18n/domain-terms.js";
import { WASTE_LEVELS, type AlternativeResult, type ComparisonRow, type WasteLevel } from "../../core/types.js";
import type { StoredEvaluation } from "../evaluation.js";
import { translate } from "../i18n/catalog.js";
import { costChart, costTable, stageChart, stageTable } from "./compare-charts.js";
import { answerModel, quotedNames } from "./compare-answer.js";
import { resultNotes, warningsModel } from "./compare-notes.js";
import { settingsModel, type OkEvaluation } from "./compare-settings.js";
import { sourcesModel, traceModel } from "./compare-trace.js";
import { markedUpTotal, tiersModel } from "./compare-tiers.js";
import { awardSummaryModel } from "./award-results.js";

export const COMPARE_SCRIPTS = ["/vendor/chart.js/chart.umd.min.js", "/static/js/chart-kit.js", "/static/js/charts.js", "/static/js/pdf-status.js"];

export function caseLinks(id: string) {
  const base = `/cases/${encodeURIComponent(id)}`;
  return { compare: base, edit: `${base}/edit`, report: `${base}/report`, pdf: `${base}/report.pdf`, xlsx: `${base}/export.xlsx`, csv: `${base}/export.csv`, json: `${base}/case.json` };
}

const declaredLevel = (a: AlternativeResult) => (a.wasteLevelSource === "declared" ? a.wasteLevel : null);

/** "3. Materialgjenvinning": the level's name with its place in the pyramid. */
const levelLabel = (level: WasteLevel, lang: Lang) => translate(lang, "compare.level.numbered", { number: WASTE_LEVELS.indexOf(level) + 1, name: wasteLevelName(level, lang) });

/** The level an alternative's own end-of-life data suggest, with its reason: a hint, never ranked. */
function suggestionHint(a: AlternativeResult, lang: Lang): string | null {
  if (a.wasteLevelSource === "declared" || a.wasteLevelSuggestion === null) return null;
  const s = a.wasteLevelSuggestion;
  return translate(lang, "compare.level.suggestionHint", { level: levelLabel(s.level, lang), reason: suggestionMessage(s, lang) });
}

type Names = (id: string) => string;

function rankingRow(a: AlternativeResult, baseline: string, names: Names, lang: Lang) {
  const carbon = a.lcc.carbonCostPresentValue;
  const level = declaredLevel(a);
  return {
    rank: a.rank,
    id: a.id,
    name: a.name,
    isBaseline: a.id === baseline,
    wasteLevel: level === null ? translate(lang, "compare.level.none") : levelLabel(level, lang),
    wasteLevelSource: level === null ? null : translate(lang, "compare.level.declared"),
    suggestion: suggestionHint(a, lang),
    rankNote: a.rankNote === null ? null : rankNoteMessage(a.rankNote, lang, quotedNames(names, lang)(a.rankNote.by)),
    totalKg: a.emissions.totalKg.toNumber(),
    markedUpKg: markedUpTotal(a),
    directKg: a.emissions.directKg.toNumber(),
    indirectKg: a.emissions.indirectKg.toNumber(),
    presentValue: a.lcc.presentValue.toNumber(),
    carbonCost: carbon === undefined ? null : carbon.toNumber(),
    presentValueWithCarbon: a.lcc.presentValueWithCarbon === undefined ? null : a.lcc.presentValueWithCarbon.toNumber(),
    equivalentAnnualCost: a.lcc.equivalentAnnualCost.toNumber(),
    dominated: a.dominated,
  };
}

/**
 * The inverted pyramid, best level first, with the alternatives whose level
 * is declared placed on it; the others beside it, each with the level its
 * own end-of-life data suggest as a hint (which never ranks).
 */
function pyramidModel(ranked: readonly AlternativeResult[], lang: Lang) {
  return {
    levels: WASTE_LEVELS.map((level) => ({
      level,
      label: levelLabel(level, lang),
      alternatives: ranked.filter((a) => declaredLevel(a) === level).map((a) => ({ id: a.id, name: a.name })),
    })),
    unplaced: ranked.filter((a) => declaredLevel(a) === null).map((a) => ({ id: a.id, name: a.name, suggestion: suggestionHint(a, lang) ?? translate(lang, "compare.level.noSuggestion") })),
  };
}

function paybackText(row: ComparisonRow, startYear: number, lang: Lang): string {
  if (row.payback === "from-start") return translate(lang, "compare.deltas.fromStart");
  if (row.payback === "never" || row.paybackYear === null) return translate(lang, "compare.deltas.never");
  return translate(lang, "compare.deltas.payback", { index: row.paybackYear, year: String(startYear + row.paybackYear) });
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
    payback: paybackText(row, startYear, lang),
  };
}

/** The figures of a case that evaluates; shared by the comparison page and the report. */
export function resultSections(evaluation: OkEvaluation, lang: Lang) {
  const { core, resolved } = evaluation;
  const byId = new Map(core.alternatives.map((a) => [a.id, a]));
  const names: Names = (id) => byId.get(id)?.name ?? id;
  const ranked = core.ranking.order.map((id) => byId.get(id)!);
  const stages = stageTable(ranked, lang);
  const costs = costTable(ranked, resolved.startYear, lang);
  const hasCarbon = resolved.carbonPrice !== null;
  const warnings = warningsModel(evaluation, lang);
  const notes = resultNotes(evaluation, lang);
  const { sources, numbers } = sourcesModel(evaluation, lang);
  return {
    answer: answerModel(answerOf(core, { baseline: resolved.baseline, startYear: resolved.startYear }), names, resolved.years, lang),
    settings: settingsModel(evaluation, lang),
    warnings,
    notes,
    anyNotices: warnings.length > 0 || notes.length > 0,
    ranking: { method: translate(lang, `compare.method.${core.ranking.method}`), order: core.ranking.order, hasCarbon, rows: ranked.map((a) => rankingRow(a, resolved.baseline, names, lang)), anyDominated: ranked.some((a) => a.dominated), anyRankNote: ranked.some((a) => a.rankNote !== null) },
    pyramid: pyramidModel(ranked, lang),
    stages,
    stageChart: stageChart(stages, lang),
    tiers: tiersModel(evaluation, lang),
    costs,
    costChart: costChart(costs, lang),
    deltas: { baseline: resolved.baseline, baselineLabel: names(resolved.baseline), rows: core.comparison.map((c) => deltaRow(c, byId, resolved.startYear, lang)) },
    trace: ranked.map((a, i) => traceModel(a, i, lang, numbers, { resolved, set: evaluation.context.set, electricity: evaluation.context.electricity.factor })),
    sources,
  };
}

export function problemsModel(evaluated: StoredEvaluation, lang: Lang) {
  if (evaluated.evaluation.ok) return [];
  const document = evaluated.stored.document;
  return evaluated.evaluation.problems.map((p) => ({ place: placeOf(p.path, document, lang), message: problemMessage(p, lang) }));
}

export function compareModel(evaluated: StoredEvaluation, lang: Lang, extras: { history?: AuditEntry[] } = {}) {
  const { stored, evaluation } = evaluated;
  const common = { pageTitle: translate(lang, "compare.pageTitle", { title: stored.title }), title: stored.title, caseId: stored.id, version: stored.version, links: caseLinks(stored.id), history: caseHistoryModel(extras.history ?? [], lang) };
  if (!evaluation.ok) return { ...common, ok: false as const, problems: problemsModel(evaluated, lang) };
  return { ...common, ok: true as const, scripts: COMPARE_SCRIPTS, ...resultSections(evaluation, lang), awardSummary: awardSummaryModel(evaluation, stored.id, lang) };
}
