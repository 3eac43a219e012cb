/**
 * The finance page's measures against the baseline (NIST Handbook 135's
 * net savings, simple payback, SIR and AIRR; the break-even carbon price)
 * and the R-109 carbon price path for the case's years beside the
 * break-even prices. A measure that is not defined shows its reason in
 * words, never a dash alone. Figures from financeView; formatting only.
 */
import type { FinanceView, MeasuresWithPath } from "../../case/finance-view.js";
import { measureReasonText } from "../../case/measure-text.js";
import type { Lang } from "../../case/messages.js";
import type { UndefinedReason } from "../../core/finance/types.js";
import { citationParts } from "../../factors/citation.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate } from "../i18n/catalog.js";
import { carbonPathText, percentText } from "./analysis-terms.js";

/** The reason a measure has no value, in words (the result document's and the memo's words). */
function reasonText(reason: UndefinedReason | undefined, lang: Lang): string {
  return measureReasonText(reason ?? "never-pays-back", lang);
}

function simplePaybackText(m: MeasuresWithPath, startYear: number, lang: Lang): string {
  if (m.simplePaybackYear === null) return reasonText(m.reasons.simplePaybackYear, lang);
  if (m.simplePaybackYear === 0) return translate(lang, "finance.payback.fromStart");
  return translate(lang, "finance.payback.year", { index: m.simplePaybackYear, year: String(startYear + m.simplePaybackYear) });
}

/** Where the path stands against the break-even price, in words; null when either is not defined. */
function againstPath(m: MeasuresWithPath, lang: Lang): string | null {
  if (m.breakEvenCarbonPrice === null || m.pathValue === null) return null;
  if (m.breakEvenCarbonPrice.isNegative()) return translate(lang, "finance.breakEven.cheaperAlready");
  // the path's value of the avoided carbon against the extra present value (−net savings)
  const covers = m.pathValue.plus(m.netSavings).gte(0);
  // with no constant path price (mixed years) the comparison is said in kroner, as the path column says it
  if (m.pathEquivalent === null) return translate(lang, covers ? "finance.breakEven.valueCovers" : "finance.breakEven.valueShort");
  return translate(lang, covers ? "finance.breakEven.pathAbove" : "finance.breakEven.pathBelow");
}

function measureRow(m: MeasuresWithPath, name: string, startYear: number, lang: Lang) {
  return {
    id: m.id,
    name,
    addedInvestment: m.addedInvestment.toNumber(),
    operatingSavings: m.operatingSavings.toNumber(),
    netSavings: m.netSavings.toNumber(),
    simplePayback: simplePaybackText(m, startYear, lang),
    sir: m.sir === null ? null : formatNumber(m.sir.toNumber(), lang, 2),
    sirReason: m.sir === null ? reasonText(m.reasons.sir, lang) : null,
    airr: m.airr === null ? null : percentText(m.airr.toNumber(), lang),
    airrReason: m.airr === null ? reasonText(m.reasons.airr, lang) : null,
    breakEven: m.breakEvenCarbonPrice === null ? null : m.breakEvenCarbonPrice.toNumber(),
    breakEvenReason: m.breakEvenCarbonPrice === null ? reasonText(m.reasons.breakEvenCarbonPrice, lang) : null,
    pathEquivalent: m.pathEquivalent === null ? null : m.pathEquivalent.toNumber(),
    // no constant equivalent where the avoided tonnes change sign over the years: the path's value in kroner instead
    pathEquivalentReason: m.pathEquivalent === null && m.pathValue !== null ? translate(lang, "finance.path.mixedYears", { value: formatNumber(m.pathValue.toNumber(), lang, 0) }) : null,
    againstPath: againstPath(m, lang),
  };
}

/** Where the measures are shown: the finance page (its budget boxes above) or the memo; whether the case prices carbon with its own table rather than a bundled path. */
export type MeasuresOptions = { page: "finance" | "memo"; ownCarbonPrices: boolean };

/** True when the case document gives its own carbon price table (year: price) rather than naming a bundled path. */
export function hasOwnCarbonPrices(document: unknown): boolean {
  const given = (document as { analysis?: { carbonPrice?: unknown } } | null)?.analysis?.carbonPrice;
  return typeof given === "object" && given !== null;
}

function pathModel(view: FinanceView, ownCarbonPrices: boolean, lang: Lang) {
  if (view.carbonPath === null) return null;
  const { path, years } = view.carbonPath;
  const source = citationParts(path.source);
  return {
    name: carbonPathText(path, lang),
    // only where the case's years run past the path's last year
    flat: view.startYear + view.years > path.lastYear ? translate(lang, "finance.path.flat", { first: String(path.firstYear), last: String(path.lastYear) }) : null,
    ownPrices: ownCarbonPrices ? translate(lang, "finance.path.ownPrices") : null,
    citation: source.text,
    url: source.url,
    rows: years.map((y) => ({ label: translate(lang, "finance.yearValue", { index: y.year, year: String(y.calendarYear) }), price: y.nokPerTonne.toNumber() })),
  };
}

export function measuresModel(view: FinanceView, lang: Lang, options: MeasuresOptions = { page: "finance", ownCarbonPrices: false }) {
  const names = new Map(view.alternatives.map((a) => [a.id, a.name]));
  const byId = new Map(view.measures.map((m) => [m.id, m]));
  const rows = view.alternatives.filter((a) => byId.has(a.id)).map((a) => measureRow(byId.get(a.id)!, a.name, view.startYear, lang));
  return {
    baselineName: names.get(view.baseline)!,
    caption: translate(lang, "finance.measures.caption", { baseline: names.get(view.baseline)! }),
    rows,
    path: pathModel(view, options.ownCarbonPrices, lang),
    // the budget boxes split by year, the measures by kind of cost (BLCC); the two "kr per tonne" figures
    splitNote: translate(lang, "finance.measures.splitNote", { where: translate(lang, `finance.measures.splitWhere.${options.page}`) }),
    perTonneNote: translate(lang, "finance.measures.perTonneNote"),
  };
}
