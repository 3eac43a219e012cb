/**
 * The decisions register (/climate/decisions), its delete confirmation and
 * the page of the form that records a case's decision. Every figure comes
 * worked out from the application layer (a decision's avoided tonnes,
 * by calendar year, and its LCC difference as recorded; the register's
 * totals from the dashboard figures); here they are only rounded to be
 * shown and written the language's way.
 */
import { problemMessage, type Lang, type Problem } from "../../case/messages.js";
import { PURCHASE_CATEGORIES, STRATEGY_AREAS } from "../../core/climate/categories.js";
import type { DashboardFigures, DecisionRecord } from "../../core/climate/types.js";
import type { DecisionForm } from "../../app/decisions.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { formatDateTime } from "./case-list.js";
import { climateSubnav } from "./climate-subnav.js";
import { shownDecimal, TONNES_SHOWN, type NameOf } from "./climate-plan.js";
import type { DecisionFormModel } from "./decision-form.js";

const MONTHS = { nb: new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }), en: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }) };

/** "2027-01" → "januar 2027" / "January 2027"; other text as it is. */
export function monthName(month: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? MONTHS[lang].format(new Date(`${m[1]}-${m[2]}-01T00:00:00Z`)) : month;
}

const categoryName = (id: string, lang: Lang) => (Object.hasOwn(PURCHASE_CATEGORIES, id) ? PURCHASE_CATEGORIES[id as keyof typeof PURCHASE_CATEGORIES][lang] : id);
const areaName = (id: string, lang: Lang) => (Object.hasOwn(STRATEGY_AREAS, id) ? STRATEGY_AREAS[id as keyof typeof STRATEGY_AREAS][lang] : id);

/**
 * An LCC difference (chosen − baseline, NOK, as the application layer
 * worked it out) in words: "543 862 kr mer", "12 000 kr mindre", "ingen
 * forskjell" / "NOK 543,862 more", "NOK 12,000 less", "no difference".
 * The sign is read off the text; the amount is the text without it.
 */
export function lccInWords(text: string, lang: Lang): string {
  const negative = text.startsWith("-");
  const amount = negative ? text.slice(1) : text;
  if (Number(amount) === 0) return translate(lang, "decisions.lcc.none");
  return translate(lang, negative ? "decisions.lcc.less" : "decisions.lcc.more", { kroner: shownDecimal(amount, lang, 0) });
}

/** True when the text is a difference below zero (the chosen costs less). */
export const costsLess = (text: string): boolean => text.startsWith("-") && Number(text.slice(1)) !== 0;

/** One decision as a row of the register. */
export function decisionRow(d: DecisionRecord, nameOf: NameOf, lang: Lang, options: { mayDelete: boolean }) {
  return {
    id: d.id,
    caseHref: `/cases/${encodeURIComponent(d.caseId)}`,
    caseTitle: d.caseTitle,
    chosenVsBaseline: translate(lang, "decisions.chosenVsBaseline", { chosen: d.chosenName, baseline: d.baselineName }),
    period: translate(lang, "decisions.period", { start: monthName(d.contractStart, lang), months: d.contractMonths }),
    category: categoryName(d.category, lang),
    area: areaName(d.strategyArea, lang),
    avoided: shownDecimal(d.avoidedTonnes, lang, TONNES_SHOWN),
    analysisAvoided: d.analysisAvoidedTonnes === undefined ? undefined : shownDecimal(d.analysisAvoidedTonnes, lang, TONNES_SHOWN),
    byYear: d.avoidedByYear.map((y) => translate(lang, "decisions.byYear", { year: y.year, tonnes: shownDecimal(y.tonnes, lang, TONNES_SHOWN) })),
    lcc: lccInWords(d.lccDifference, lang),
    factorSet: d.factorSet,
    recordedAt: formatDateTime(d.recordedAt, lang),
    recordedBy: nameOf(d.recordedBy),
    recordedIso: d.recordedAt,
    note: d.note ? translate(lang, "decisions.note", { note: d.note }) : undefined,
    deleteHref: options.mayDelete ? `/climate/decisions/${encodeURIComponent(d.id)}/delete` : undefined,
  };
}

/** The register's totals as the dashboard worked them out: count, avoided tonnes, LCC difference. */
export function totalsModel(figures: DashboardFigures, lang: Lang) {
  return {
    count: translate(lang, "decisions.totals.count", { count: figures.decisions.count }),
    avoided: shownDecimal(figures.decisions.avoidedTonnes, lang, TONNES_SHOWN),
    lcc: lccInWords(figures.decisions.lccDifference, lang),
  };
}

export type RegisterInput = { decisions: DecisionRecord[]; figures: DashboardFigures; nameOf: NameOf; mayDelete: boolean; recorded?: string; deleted: boolean; lang: Lang };

export function registerModel(input: RegisterInput): Record<string, unknown> {
  const { lang } = input;
  const recorded = input.recorded === undefined ? undefined : input.decisions.find((d) => d.id === input.recorded);
  return {
    pageTitle: translate(lang, "decisions.title"),
    subnav: climateSubnav("decisions", lang),
    notice: recorded ? translate(lang, "decisions.recorded", { title: recorded.caseTitle }) : input.deleted ? translate(lang, "decisions.deleted") : undefined,
    rows: input.decisions.map((d) => ({ ...decisionRow(d, input.nameOf, lang, { mayDelete: input.mayDelete }), justRecorded: d.id === recorded?.id })),
    mayDelete: input.mayDelete,
    totals: input.decisions.length > 0 ? totalsModel(input.figures, lang) : undefined,
    // the note explains "less" only where a row or the total has it
    lccNote: input.decisions.some((d) => costsLess(d.lccDifference)) || costsLess(input.figures.decisions.lccDifference),
  };
}

export function decisionDeleteModel(d: DecisionRecord, lang: Lang): Record<string, unknown> {
  return {
    pageTitle: pageTitle(translate(lang, "decisions.deleteTitle"), d.caseTitle),
    id: d.id,
    text: translate(lang, "decisions.deleteText", { title: d.caseTitle, chosen: d.chosenName, at: formatDateTime(d.recordedAt, lang) }),
  };
}

/** The page of the form: the case, the alternative the decision is measured against, the factor set, and the form. */
export function decisionPageModel(form: DecisionForm, model: DecisionFormModel, lang: Lang): Record<string, unknown> {
  return {
    pageTitle: pageTitle(translate(lang, "decision.title"), form.caseTitle),
    caseTitle: form.caseTitle,
    caseHref: `/cases/${encodeURIComponent(form.caseId)}`,
    action: `/cases/${encodeURIComponent(form.caseId)}/decision`,
    baselineName: form.baseline.name,
    factorSet: form.factorSet,
    form: model,
  };
}

/** The page for a case that cannot be decided on: what is wrong, in plain words (the problems' messages, no path), and the way back to the case. */
export function decisionUnavailableModel(caseId: string, problems: readonly Problem[], lang: Lang): Record<string, unknown> {
  const sentence = (message: string) => `${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
  return {
    pageTitle: translate(lang, "decision.unavailableTitle"),
    messages: problems.map((p) => sentence(problemMessage(p, lang))),
    caseHref: `/cases/${encodeURIComponent(caseId)}`,
  };
}
