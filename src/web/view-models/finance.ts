/**
 * View model of the finance officer's page (GET /cases/:id/finance):
 * the cash flows of every alternative, the measures against the baseline
 * beside the R-109 carbon price path, the sensitivity of the chosen pair
 * and the Monte Carlo uncertainty, with the two GET forms that choose
 * them. Three states: the figures (200), or with a refused field the
 * figures worked out with its default, the field's problem beside it and
 * summed up at the top (400); the forms alone with each refused field's
 * problem where even the defaults cannot be used (400); a case that no
 * longer validates, or a run stopped by the time limit, with its problems.
 * Every figure comes from financeView (src/case/finance-view.ts), worked
 * out in a worker thread; this file only arranges and words them.
 */
import type { FinanceView } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import type { StoredCase } from "../../store/store.js";
import { translate } from "../i18n/catalog.js";
import { cashFlowsModel } from "./finance-cash-flows.js";
import { financeHref, type FinanceForms, type FinanceQuery } from "./finance-form.js";
import { hasOwnCarbonPrices, measuresModel } from "./finance-measures.js";
import { sensitivityModel } from "./finance-sensitivity.js";
import { uncertaintyModel } from "./finance-uncertainty.js";
import { defaultRangeNote } from "./default-range-note.js";
import { caseLinks } from "./compare.js";

export const FINANCE_SCRIPTS = ["/vendor/chart.js/chart.umd.min.js", "/static/js/chart-kit.js", "/static/js/finance-charts.js"];

export type FinancePage =
  | { kind: "figures"; view: FinanceView; forms: FinanceForms; query: FinanceQuery }
  | { kind: "refused"; forms: FinanceForms }
  | { kind: "problems"; problems: { place: string; message: string }[] };

function common(stored: StoredCase, lang: Lang) {
  const links = caseLinks(stored.id);
  return {
    pageTitle: translate(lang, "finance.pageTitle", { title: stored.title }),
    title: stored.title,
    caseId: stored.id,
    links: { ...links, finance: `${links.compare}/finance` },
  };
}

/** The sensitivity's range sources with the one note on default ranges (in the page's language) where a bar uses one. */
function withDefaultSource<M extends { rangeSources: string[] }>(model: M, view: FinanceView, lang: Lang): M {
  const barKeys = new Set((view.sensitivity?.bars ?? []).map((b) => b.input.key));
  const kinds = (view.uncertainty?.inputs ?? []).filter((i) => barKeys.has(i.key) && i.range.basis === "default").map((i) => i.range.dataKind);
  const note = defaultRangeNote(kinds, lang);
  return note === null ? model : { ...model, rangeSources: [...model.rangeSources, note] };
}

function figures(stored: StoredCase, view: FinanceView, query: FinanceQuery, lang: Lang) {
  const names = new Map(view.alternatives.map((a) => [a.id, a.name]));
  const seed = view.uncertainty === null ? "" : String(view.uncertainty.seed);
  const repeatHref = financeHref(stored.id, { ...query, seed });
  // published ranges' sources by input; a default range's source is the one note (default-range-note.ts)
  const citations = new Map((view.uncertainty?.inputs ?? []).flatMap((i) => (i.range.citation === undefined || i.range.basis === "default" ? [] : [[i.key, i.range.citation] as const])));
  return {
    // the decision memo of this very run: the same pair, ranges, draws and seed
    memoHref: financeHref(stored.id, { ...query, seed }, "memo"),
    years: view.years,
    baselineName: names.get(view.baseline)!,
    single: view.alternatives.length < 2,
    cashFlows: cashFlowsModel(view, lang),
    measures: measuresModel(view, lang, { page: "finance", ownCarbonPrices: hasOwnCarbonPrices(stored.document) }),
    sensitivity: view.sensitivity === null ? null : withDefaultSource(sensitivityModel(view.sensitivity, names, lang, view.factorNames, citations), view, lang),
    uncertainty: view.uncertainty === null ? null : uncertaintyModel(view.uncertainty, names, view.baseline, repeatHref, lang, view.factorNames, view.request.samples),
  };
}

export function financeModel(stored: StoredCase, page: FinancePage, lang: Lang) {
  const base = common(stored, lang);
  if (page.kind === "problems") return { ...base, ok: false as const, problems: page.problems };
  if (page.kind === "refused") return { ...base, ok: true as const, refused: true, forms: page.forms, message: translate(lang, "finance.refused") };
  return { ...base, ok: true as const, refused: false, scripts: FINANCE_SCRIPTS, forms: page.forms, ...figures(stored, page.view, page.query, lang) };
}
