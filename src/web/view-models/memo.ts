/**
 * View model of the decision memo (GET /cases/:id/memo, and by Chromium its
 * PDF): what a finance officer attaches to a budget proposal, on a few
 * printed pages. In order: the question, the alternatives, the
 * recommendation under the case's ranking (the comparison page's answer),
 * lifecycle cost and CO2e with P5–P95 from the Monte Carlo run, the
 * measures against the baseline (net savings, simple payback, SIR, AIRR)
 * with the break-even carbon price beside the R-109 path, the comparison
 * page's table of payback and abatement cost, the tornado charts with the
 * switching values, the settings, the
 * factor set and every source; the date, who made it and the case's
 * version at the top and in the closing line.
 *
 * The figures are the finance page's: the same financeView, put in words
 * by the finance page's own view-model functions and partials
 * (finance-measures.ts, finance-sensitivity.ts) and the comparison page's
 * (compare.ts); nothing is computed here, only formatted.
 *
 * Example: for "Gatelys" made by Kari Nordmann on 2 December 2026 with
 * 2 000 draws and seed 42, the memo opens "Beslutningsnotat / Gatelys",
 * its meta list says "Laget av Kari Nordmann", "Dato 2. desember 2026",
 * "Usikkerhetsberegning 2 000 trekk med startverdi 42; …", and the PDF's title
 * is "Beslutningsnotat: Gatelys – Kalkyle".
 */
import type { FinanceView } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import type { Percentiles, UncertaintyResult } from "../../core/finance/types.js";
import { formatNumber } from "../../i18n/numbers.js";
import type { StoredCase } from "../../store/store.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { discountText, percentText } from "./analysis-terms.js";
import { resultSections } from "./compare.js";
import type { OkEvaluation } from "./compare-settings.js";
import { defaultRangeNote } from "./default-range-note.js";
import { hasOwnCarbonPrices, measuresModel } from "./finance-measures.js";
import { sensitivityModel } from "./finance-sensitivity.js";
import { reportDate } from "./report.js";

export const MEMO_SCRIPTS = ["/vendor/chart.js/chart.umd.min.js", "/static/js/chart-kit.js", "/static/js/finance-charts.js", "/static/js/pdf-status.js"];

export type MemoInput = {
  stored: StoredCase;
  evaluation: OkEvaluation;
  finance: FinanceView;
  /** The signed-in user's name: who made the memo. */
  madeBy: string;
  /** When it was made (ISO, UTC). */
  madeAt: string;
  /** The page's address with the run's query, without the language: the PDF link and the way back to the finance page carry it. */
  query: string;
};

/** The addresses of a case the memo links to, each with the run's query. */
export function memoLinks(id: string, query: string) {
  const base = `/cases/${encodeURIComponent(id)}`;
  const q = query === "" ? "" : `?${query}`;
  return { compare: base, finance: `${base}/finance${q}`, memo: `${base}/memo${q}`, pdf: `${base}/memo.pdf${q}` };
}

const tonnes = (kg: number, lang: Lang) => formatNumber(kg / 1000, lang, 2);
const kroner = (nok: number, lang: Lang) => formatNumber(nok, lang, 0);
const range = (p: Percentiles, format: (n: number) => string, lang: Lang) => translate(lang, "memo.range", { low: format(p.p5), high: format(p.p95) });

/** Who the alternative is in the case: recommended, the baseline, both or neither. */
function roleOf(id: string, recommended: string, baseline: string, lang: Lang): string | null {
  if (id === recommended && id === baseline) return translate(lang, "memo.role.both");
  if (id === recommended) return translate(lang, "memo.role.recommended");
  if (id === baseline) return translate(lang, "memo.role.baseline");
  return null;
}

/**
 * Lifecycle cost and CO2e of each alternative, ranked, with P5–P95 and the share of draws that beat the
 * baseline where the run was made; where the case prices carbon, the lifecycle cost with carbon cost too.
 */
function figuresModel(evaluation: OkEvaluation, uncertainty: UncertaintyResult | null, lang: Lang) {
  const { core, resolved } = evaluation;
  const drawn = new Map(uncertainty?.alternatives.map((a) => [a.id, a]) ?? []);
  const beats = new Map(uncertainty?.beatsBaseline.map((b) => [b.id, b]) ?? []);
  const byId = new Map(core.alternatives.map((a) => [a.id, a]));
  const rows = core.ranking.order.map((id) => {
    const a = byId.get(id)!;
    const u = drawn.get(id);
    const b = id === resolved.baseline ? undefined : beats.get(id);
    return {
      id,
      name: a.name,
      isBaseline: id === resolved.baseline,
      lcc: kroner(a.lcc.presentValue.toNumber(), lang),
      lccRange: u ? range(u.lcc, (n) => kroner(n, lang), lang) : null,
      lccWithCarbon: a.lcc.presentValueWithCarbon === undefined ? null : kroner(a.lcc.presentValueWithCarbon.toNumber(), lang),
      lccWithCarbonRange: u?.lccWithCarbon ? range(u.lccWithCarbon, (n) => kroner(n, lang), lang) : null,
      co2e: tonnes(a.emissions.totalKg.toNumber(), lang),
      co2eRange: u ? range(u.kg, (n) => tonnes(n, lang), lang) : null,
      beatsLcc: b ? percentText(b.lcc, lang) : null,
      beatsKg: b ? percentText(b.kg, lang) : null,
    };
  });
  const inputs = uncertainty?.inputs ?? [];
  const citations = [...new Set(inputs.filter((i) => i.range.basis !== "default").map((i) => i.range.citation).filter((c): c is string => c !== undefined))].sort();
  const defaultSource = defaultRangeNote(inputs.filter((i) => i.range.basis === "default").map((i) => i.range.dataKind), lang);
  return { rows, drawn: uncertainty !== null, withCarbon: resolved.carbonPrice !== null, citations: defaultSource === null ? citations : [...citations, defaultSource] };
}

const CLOCK = {
  nb: new Intl.DateTimeFormat("nb-NO", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo", timeZoneName: "short" }),
  en: new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Oslo", timeZoneName: "short" }),
};

/** The time an instant was in Norway, the zone named: 2026-12-02T07:29Z → "kl. 08:29 CET, norsk tid", "08:29 CET, Norwegian time" (CEST in summer). */
export function osloTime(iso: string, lang: Lang): string {
  return translate(lang, "memo.madeAt", { time: CLOCK[lang].format(new Date(iso)) });
}

/** Bars in each of the memo's tornado charts: fewer than the finance page's, so that each chart and its table fit a printed page. */
export const MEMO_BARS = 8;

type TornadoChart = { labels: string[][]; datasets: { label: string; data: unknown[] }[] };

/** The chart with only its first `bars` bars (the finance page's charts come widest first). */
function widest<C extends TornadoChart>(chart: C, bars: number): C {
  return { ...chart, labels: chart.labels.slice(0, bars), datasets: chart.datasets.map((d) => ({ ...d, data: d.data.slice(0, bars) })) };
}

/**
 * The tornado charts and switching values of the pair (finance-sensitivity.ts), each chart with its
 * MEMO_BARS widest bars and the table with the inputs either chart shows; the rest are on the finance page.
 */
function memoSensitivity(finance: FinanceView, lang: Lang) {
  if (finance.sensitivity === null) return null;
  const names = new Map(finance.alternatives.map((a) => [a.id, a.name]));
  const model = sensitivityModel(finance.sensitivity, names, lang, finance.factorNames);
  type Row = (typeof model.rows)[number];
  const top = (swing: (r: Row) => number) => [...model.rows].sort((x, y) => swing(y) - swing(x)).slice(0, MEMO_BARS).map((r) => r.key);
  const shownKeys = new Set([...top((r) => Math.abs(r.lccHigh - r.lccLow)), ...top((r) => Math.abs(r.kgHigh - r.kgLow))]);
  const shown = model.rows.filter((r) => shownKeys.has(r.key));
  const lccChart = widest(model.lccChart, MEMO_BARS);
  const kgChart = widest(model.kgChart, MEMO_BARS);
  const left = model.rows.length - shown.length;
  return {
    ...model,
    intro: translate(lang, "memo.sensitivity.intro", { a: model.a, b: model.b, percent: formatNumber(finance.sensitivity.percent, lang, 0) }),
    lccChart,
    kgChart,
    lccChartLabel: translate(lang, "finance.sens.chartLabelLcc", { a: model.a, b: model.b, count: lccChart.labels.length }),
    kgChartLabel: translate(lang, "finance.sens.chartLabelKg", { a: model.a, b: model.b, count: kgChart.labels.length }),
    rows: shown,
    more: left > 0 ? translate(lang, "memo.sensitivity.more", { count: left }) : null,
  };
}

/** The run the memo reports, in words: draws, seed and cost range; the sensitivity's pair and ± %. */
function runModel(finance: FinanceView, lang: Lang) {
  const { request, uncertainty } = finance;
  const names = new Map(finance.alternatives.map((a) => [a.id, a.name]));
  return {
    uncertainty:
      uncertainty === null
        ? translate(lang, "memo.run.none")
        : translate(lang, "memo.run.value", { samples: formatNumber(uncertainty.samples, lang, 0), seed: String(uncertainty.seed), costPercent: formatNumber(request.costPercent, lang, 0) }),
    sensitivity: finance.pair === null ? null : translate(lang, "memo.run.sensitivityValue", { a: names.get(finance.pair.a)!, b: names.get(finance.pair.b)!, percent: formatNumber(request.percent, lang, 0) }),
    seed: uncertainty?.seed ?? null,
  };
}

export function memoModel(input: MemoInput, lang: Lang) {
  const { stored, evaluation, finance } = input;
  const { resolved, core, doc } = evaluation;
  const sections = resultSections(evaluation, lang);
  const recommended = core.ranking.order[0]!;
  const baselineName = sections.settings.baseline.name;
  const madeOn = reportDate(input.madeAt, lang);
  const figures = figuresModel(evaluation, finance.uncertainty, lang);
  return {
    pageTitle: pageTitle(translate(lang, "memo.kicker"), stored.title),
    title: stored.title,
    caseId: stored.id,
    version: stored.version,
    ok: true as const,
    scripts: MEMO_SCRIPTS,
    links: memoLinks(stored.id, input.query),
    meta: {
      madeBy: input.madeBy,
      madeOn,
      madeAt: osloTime(input.madeAt, lang),
      madeAtIso: input.madeAt,
      caseDate: translate(lang, "export.report.date", { date: reportDate(stored.updatedAt, lang), version: String(stored.version) }),
      caseDateIso: stored.updatedAt,
      run: runModel(finance, lang),
    },
    question: {
      text: translate(lang, "memo.question", { title: stored.title }),
      unit: doc.functionalUnit ? translate(lang, "memo.question.unit", { unit: doc.functionalUnit }) : null,
      scope: translate(lang, "memo.question.scope", { years: resolved.years, start: String(resolved.startYear), rate: discountText(resolved, lang), method: sections.ranking.method, baseline: baselineName }),
    },
    alternatives: sections.ranking.rows.map((r) => ({ rank: r.rank, name: r.name, role: roleOf(r.id, recommended, resolved.baseline, lang) })),
    answer: sections.answer,
    warnings: sections.warnings,
    notes: sections.notes,
    anyNotices: sections.anyNotices,
    settings: sections.settings,
    figures: {
      ...figures,
      note: finance.uncertainty === null ? null : translate(lang, "memo.figures.note", { samples: formatNumber(finance.uncertainty.samples, lang, 0), seed: String(finance.uncertainty.seed), costPercent: formatNumber(finance.request.costPercent, lang, 0) }),
    },
    measures: core.alternatives.length > 1 ? measuresModel(finance, lang, { page: "memo", ownCarbonPrices: hasOwnCarbonPrices(stored.document) }) : null,
    deltas: sections.deltas,
    sensitivity: memoSensitivity(finance, lang),
    sensitivityNone: translate(lang, core.alternatives.length > 1 ? "memo.sensitivity.notComputed" : "memo.sensitivity.none"),
    sources: sections.sources,
    signature: translate(lang, "memo.signature", { name: input.madeBy, date: madeOn, version: String(stored.version) }),
  };
}
