/**
 * View model of the organisation's Klimanøytral 2027 dashboard (GET
 * /climate): the answer first (expected against the target in the
 * neutrality year, the gap, on track or not, in words), the emissions by
 * year against the target path (climate-dashboard-years.ts), what the
 * recorded decisions contribute, the hot spots of the ledger screening,
 * direct against indirect, and the cost of neutrality; each part with an
 * empty state that says what to do next. Every figure comes worked out by
 * the application layer (app.climate.dashboard) as decimal text; this
 * file rounds for display and words it, nothing more.
 */
import type { Dashboard } from "../../app/climate.js";
import type { Lang } from "../../case/messages.js";
import { PURCHASE_CATEGORIES } from "../../core/climate/categories.js";
import type { DashboardFigures } from "../../core/climate/types.js";
import type { ScreeningResult } from "../../ledger/types.js";
import { translate } from "../i18n/catalog.js";
import { pageTitle } from "../page.js";
import { climateHref, climateSubnav } from "./climate-subnav.js";
import { yearsModel } from "./climate-dashboard-years.js";
import { costsLess, lccInWords } from "./decisions.js";
import { formatShare } from "./decimal-figures.js";
import { roundedDecimal, shownDecimal, shownMagnitude, TONNES_SHOWN } from "./decimal-figure.js";

export const DASHBOARD_SCRIPTS = ["/vendor/chart.js/chart.umd.min.js", "/static/js/chart-kit.js", "/static/js/climate-dashboard.js"];

const DATE = {
  nb: new Intl.DateTimeFormat("nb-NO", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }),
  en: new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Oslo" }),
};
const shownDate = (iso: string, lang: Lang) => DATE[lang].format(new Date(iso));

const tonnes = (text: string, lang: Lang) => translate(lang, "dashboard.tonnes", { value: shownDecimal(text, lang, TONNES_SHOWN) });
const kroner = (text: string, lang: Lang) => translate(lang, "dashboard.kroner", { value: shownDecimal(text, lang, 0) });

/** The headline: where the organisation stands in the neutrality year, in a sentence and four key figures. */
function answerModel(figures: DashboardFigures, lang: Lang) {
  const gap = figures.gap;
  if (gap === null) return { hasFigures: false as const, sentence: translate(lang, "dashboard.answer.noPlan") };
  // on track or not as the page shows the gap (a tenth of a tonne), so the sentence never says "0,0 tonnes short"
  const shownGap = roundedDecimal(gap.gap, TONNES_SHOWN)!;
  const wording = shownGap > 0 ? "behind" : shownGap < 0 ? "ahead" : "atTarget";
  const params = { year: String(gap.year), expected: shownDecimal(gap.expected, lang, TONNES_SHOWN), target: shownDecimal(gap.target, lang, TONNES_SHOWN), gap: shownMagnitude(gap.gap, lang, TONNES_SHOWN) };
  const row = figures.years.find((y) => y.year === gap.year);
  const measured = row !== undefined && row.measured !== null;
  return {
    hasFigures: true as const,
    onTrack: wording !== "behind",
    sentence: translate(lang, `dashboard.answer.${wording}`, params),
    basis: translate(lang, measured ? "dashboard.answer.measured" : "dashboard.answer.projected", { year: String(gap.year) }),
    key: [
      { label: translate(lang, "dashboard.key.expected", { year: String(gap.year) }), value: tonnes(gap.expected, lang) },
      { label: translate(lang, "dashboard.key.target", { year: String(gap.year) }), value: tonnes(gap.target, lang) },
      { label: translate(lang, "dashboard.key.gap", { year: String(gap.year) }), value: tonnes(gap.gap, lang) },
      { label: translate(lang, "dashboard.key.status"), value: translate(lang, wording === "behind" ? "dashboard.status.behind" : "dashboard.status.onTrack") },
    ],
  };
}

function decisionsModel(figures: DashboardFigures, lang: Lang) {
  const d = figures.decisions;
  if (d.count === 0) return { count: 0, items: [], lccNote: false };
  return {
    count: d.count,
    // the note explains "less" only when the total has it
    lccNote: costsLess(d.lccDifference),
    items: [
      { label: translate(lang, "dashboard.decisions.count"), value: String(d.count) },
      { label: translate(lang, "dashboard.decisions.avoided"), value: tonnes(d.avoidedTonnes, lang) },
      { label: translate(lang, "dashboard.decisions.avoidedInYear", { year: String(figures.neutralityYear) }), value: tonnes(d.avoidedInNeutralityYear, lang) },
      { label: translate(lang, "dashboard.decisions.lcc"), value: lccInWords(d.lccDifference, lang) },
    ],
  };
}

function hotSpotsModel(screening: ScreeningResult | null, lang: Lang) {
  if (screening === null) return null;
  const t = (text: string) => shownDecimal(text, lang, TONNES_SHOWN);
  const nok = (text: string) => shownDecimal(text, lang, 0);
  return {
    intro: translate(lang, "dashboard.hotspots.intro", { tonnes: t(screening.totalTonnes), lines: screening.lines.total }),
    unmapped: screening.lines.unmapped > 0 ? translate(lang, "dashboard.hotspots.unmapped", { lines: screening.lines.unmapped }) : null,
    categories: screening.hotSpots.categories.map((c) => ({ name: PURCHASE_CATEGORIES[c.category]?.[lang] ?? c.name, highRisk: c.highRisk, tonnesShown: t(c.tonnes), nokShown: nok(c.nok), lines: String(c.lines) })),
    anyHighRisk: screening.hotSpots.categories.some((c) => c.highRisk),
    suppliers: screening.hotSpots.suppliers.map((s) => ({ name: s.name, orgNumber: s.orgNumber ?? "", tonnesShown: t(s.tonnes), nokShown: nok(s.nok), lines: String(s.lines) })),
  };
}

/** Where each of the direct and indirect figures comes from, in words: "fra utgangspunktet 2019", "screening av regnskapet 2025". */
export function directSources(d: NonNullable<DashboardFigures["directIndirect"]>, lang: Lang): { direct: string; indirect: string } {
  return {
    direct: translate(lang, "dashboard.from.baseline", { year: String(d.directYear) }),
    indirect: translate(lang, d.source === "baseline" ? "dashboard.from.baseline" : "dashboard.from.screening", { year: String(d.year) }),
  };
}

function directModel(figures: DashboardFigures, lang: Lang) {
  const d = figures.directIndirect;
  if (d === null) return null;
  const t = (text: string) => shownDecimal(text, lang, TONNES_SHOWN);
  const from = directSources(d, lang);
  return {
    source: translate(lang, d.source === "baseline" ? "dashboard.direct.source.baseline" : "dashboard.direct.source.screening", { year: String(d.year), directYear: String(d.directYear) }),
    caption: translate(lang, "dashboard.direct.caption", { year: String(d.year) }),
    direct: t(d.directTonnes),
    indirect: t(d.indirectTonnes),
    directFrom: from.direct,
    indirectFrom: from.indirect,
  };
}

/** A measured year from a ledger covers only the spend the screening mapped: the share, said beside the year table; null without a screening. */
function mappedModel(figures: DashboardFigures, lang: Lang): string | null {
  if (figures.mappedShare === null) return null;
  return translate(lang, "dashboard.years.mappedShare", { share: formatShare(figures.mappedShare, lang, 1) });
}

/** The cost of neutrality; or why there is none: no plan yet, or no compensation price in it. */
function costModel(data: Dashboard, lang: Lang) {
  const c = data.figures.costOfNeutrality;
  if (c !== null) {
    return {
      kind: "figures" as const,
      intro: translate(lang, "dashboard.cost.intro", { year: String(c.year) }),
      items: [
        { label: translate(lang, "dashboard.cost.residual", { year: String(c.year) }), value: tonnes(c.residualTonnes, lang) },
        { label: translate(lang, "dashboard.cost.price"), value: translate(lang, "dashboard.perTonne", { value: shownDecimal(c.nokPerTonne, lang, 0) }) },
        { label: translate(lang, "dashboard.cost.source"), value: c.source, isSource: true },
        { label: translate(lang, "dashboard.cost.cost"), value: kroner(c.cost, lang) },
        { label: translate(lang, "dashboard.cost.withoutResidual"), value: tonnes(c.residualWithoutDecisions, lang) },
        { label: translate(lang, "dashboard.cost.withoutCost"), value: kroner(c.costWithoutDecisions, lang) },
        { label: translate(lang, "dashboard.cost.loweredBy"), value: kroner(c.loweredBy, lang) },
      ],
    };
  }
  if (data.plan !== null && data.plan.document.compensation === null) return { kind: "no-price" as const };
  return { kind: "no-plan" as const };
}

export function dashboardModel(data: Dashboard, lang: Lang, madeAt: string) {
  const { figures, plan, screening } = data;
  return {
    pageTitle: pageTitle(translate(lang, "dashboard.pageTitle")),
    scripts: DASHBOARD_SCRIPTS,
    subnav: climateSubnav("overview", lang),
    links: {
      csv: "/climate/dashboard.csv",
      xlsx: "/climate/dashboard.xlsx",
      plan: climateHref("plan"),
      decisions: climateHref("decisions"),
      ledgers: climateHref("ledgers"),
      screening: climateHref("screening"),
      mapping: climateHref("mapping"),
    },
    empty: plan === null || screening === null ? { plan: plan === null, ledger: screening === null } : null,
    answer: answerModel(figures, lang),
    years: yearsModel(figures, lang),
    decisions: decisionsModel(figures, lang),
    hotSpots: hotSpotsModel(screening, lang),
    direct: directModel(figures, lang),
    mappedShare: mappedModel(figures, lang),
    cost: costModel(data, lang),
    meta: {
      plan: plan === null ? translate(lang, "dashboard.meta.noPlan") : translate(lang, "dashboard.meta.plan", { version: String(plan.version), savedAt: shownDate(plan.savedAt, lang) }),
      factorSet: screening === null ? null : translate(lang, "dashboard.meta.factorSet", { set: screening.factorSet }),
      madeAt: translate(lang, "dashboard.meta.printed", { madeAt: shownDate(madeAt, lang) }),
    },
  };
}
