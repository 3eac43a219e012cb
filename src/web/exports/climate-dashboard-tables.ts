/**
 * The tables of the climate dashboard's downloads (/climate/dashboard.csv
 * and .xlsx), built once from the dashboard so the two files cannot
 * disagree: about (plan version, neutrality year, the screening's factor
 * set and hash, when the file was made), emissions by year, the gap in the
 * neutrality year, the decisions in sum and one by one, direct and
 * indirect, the cost of neutrality, and the hot spots (categories and
 * suppliers). Every figure is the application layer's decimal text
 * rounded once for a file a user keeps: tonnes CO2e to three decimals
 * (whole kilograms), kroner whole; a table without figures (no plan, no
 * ledger) keeps its header and has no rows. Labels in the user's language.
 */
import type { Dashboard } from "../../app/climate.js";
import type { Lang } from "../../case/messages.js";
import { PURCHASE_CATEGORIES, STRATEGY_AREAS } from "../../core/climate/categories.js";
import type { DecimalText } from "../../core/climate/types.js";
import { translate, type MessageKey } from "../i18n/catalog.js";
import { roundedDecimal, TONNES_KEPT } from "../view-models/decimal-figure.js";
import { directSources } from "../view-models/climate-dashboard.js";

/** How a column's numbers are kept and shown: tonnes CO2e, kroner, a whole number (a year, a count), or text. */
export type DashboardColumnKind = "text" | "tonnes" | "nok" | "int";
export type DashboardCell = string | number | null;
export type DashboardColumn = { header: string; kind: DashboardColumnKind; width: number };
export type DashboardTable = { title: string; columns: DashboardColumn[]; rows: DashboardCell[][] };

const t3 = (text: DecimalText | null) => roundedDecimal(text, TONNES_KEPT);
const kr = (text: DecimalText | null) => roundedDecimal(text, 0);

type Tx = (key: MessageKey, params?: Record<string, string>) => string;

function column(t: Tx, key: MessageKey, kind: DashboardColumnKind, width = 18): DashboardColumn {
  return { header: t(key), kind, width };
}

function about(data: Dashboard, madeAt: string, t: Tx): DashboardTable {
  const { figures, screening } = data;
  const none = t("dashboard.export.none");
  const rows: DashboardCell[][] = [
    [t("dashboard.export.madeAt"), madeAt],
    [t("dashboard.export.madeWith"), "Kalkyle"],
    [t("dashboard.export.planVersion"), figures.planVersion ?? none],
    [t("dashboard.export.neutralityYear"), figures.neutralityYear],
    [t("dashboard.export.factorSet"), screening?.factorSet ?? none],
    [t("dashboard.export.factorSetHash"), screening?.factorSetHash ?? none],
  ];
  return { title: t("dashboard.export.about"), columns: [column(t, "dashboard.export.field", "text", 32), column(t, "dashboard.export.value", "text", 70)], rows };
}

function years(data: Dashboard, t: Tx): DashboardTable {
  return {
    title: t("dashboard.export.years"),
    columns: [
      column(t, "dashboard.col.year", "int", 8),
      column(t, "dashboard.export.col.target", "tonnes"),
      column(t, "dashboard.export.col.measured", "tonnes"),
      column(t, "dashboard.export.col.avoided", "tonnes", 24),
      column(t, "dashboard.export.col.projected", "tonnes"),
    ],
    rows: data.figures.years.map((y) => [y.year, t3(y.target), t3(y.measured), t3(y.avoided), t3(y.projected)]),
  };
}

function gap(data: Dashboard, t: Tx): DashboardTable {
  const g = data.figures.gap;
  return {
    title: t("dashboard.export.gap"),
    columns: [column(t, "dashboard.col.year", "int", 8), column(t, "dashboard.export.col.expected", "tonnes"), column(t, "dashboard.export.col.target", "tonnes"), column(t, "dashboard.export.col.gap", "tonnes")],
    rows: g === null ? [] : [[g.year, t3(g.expected), t3(g.target), t3(g.gap)]],
  };
}

function decisionsSummary(data: Dashboard, t: Tx): DashboardTable {
  const d = data.figures.decisions;
  return {
    title: t("dashboard.export.decisionsSummary"),
    columns: [column(t, "dashboard.export.col.count", "int", 14), column(t, "dashboard.export.col.avoidedTotal", "tonnes", 24), column(t, "dashboard.export.col.avoidedInYear", "tonnes", 24), column(t, "dashboard.export.col.lcc", "nok", 28)],
    rows: [[d.count, t3(d.avoidedTonnes), t3(d.avoidedInNeutralityYear), kr(d.lccDifference)]],
  };
}

function decisions(data: Dashboard, lang: Lang, t: Tx): DashboardTable {
  return {
    title: t("dashboard.export.decisions"),
    columns: [
      column(t, "dashboard.export.col.case", "text", 30),
      column(t, "dashboard.export.col.chosen", "text", 24),
      column(t, "dashboard.export.col.baseline", "text", 24),
      column(t, "dashboard.export.col.contractStart", "text", 12),
      column(t, "dashboard.export.col.contractMonths", "int", 10),
      column(t, "dashboard.export.col.category", "text", 24),
      column(t, "dashboard.export.col.strategyArea", "text", 28),
      column(t, "dashboard.export.col.avoidedTotal", "tonnes", 20),
      column(t, "dashboard.export.col.lcc", "nok", 24),
      column(t, "dashboard.export.col.factorSet", "text", 24),
      column(t, "dashboard.export.col.recordedAt", "text", 22),
    ],
    rows: data.decisions.map((d) => [
      d.caseTitle,
      d.chosenName,
      d.baselineName,
      d.contractStart,
      d.contractMonths,
      PURCHASE_CATEGORIES[d.category]?.[lang] ?? d.category,
      STRATEGY_AREAS[d.strategyArea]?.[lang] ?? d.strategyArea,
      t3(d.avoidedTonnes),
      kr(d.lccDifference),
      d.factorSet,
      d.recordedAt,
    ]),
  };
}

/** The last measured year's direct and indirect tonnes, each with where it comes from ("utgangspunktet 2019", "screening av regnskapet 2025"). */
function direct(data: Dashboard, lang: Lang, t: Tx): DashboardTable {
  const d = data.figures.directIndirect;
  const from = d === null ? null : directSources(d, lang);
  return {
    title: t("dashboard.export.direct"),
    columns: [
      column(t, "dashboard.col.year", "int", 8),
      column(t, "dashboard.export.col.direct", "tonnes"),
      column(t, "dashboard.export.col.directFrom", "text", 26),
      column(t, "dashboard.export.col.indirect", "tonnes"),
      column(t, "dashboard.export.col.indirectFrom", "text", 32),
    ],
    rows: d === null || from === null ? [] : [[d.year, t3(d.directTonnes), from.direct, t3(d.indirectTonnes), from.indirect]],
  };
}

function cost(data: Dashboard, t: Tx): DashboardTable {
  const c = data.figures.costOfNeutrality;
  return {
    title: t("dashboard.export.cost"),
    columns: [
      column(t, "dashboard.col.year", "int", 8),
      column(t, "dashboard.export.col.price", "nok", 20),
      column(t, "dashboard.export.col.priceSource", "text", 40),
      column(t, "dashboard.export.col.residual", "tonnes"),
      column(t, "dashboard.export.col.cost", "nok"),
      column(t, "dashboard.export.col.residualWithout", "tonnes", 24),
      column(t, "dashboard.export.col.costWithout", "nok", 22),
      column(t, "dashboard.export.col.loweredBy", "nok"),
    ],
    rows: c === null ? [] : [[c.year, kr(c.nokPerTonne), c.source, t3(c.residualTonnes), kr(c.cost), t3(c.residualWithoutDecisions), kr(c.costWithoutDecisions), kr(c.loweredBy)]],
  };
}

function categories(data: Dashboard, lang: Lang, t: Tx): DashboardTable {
  return {
    title: t("dashboard.export.categories"),
    columns: [column(t, "dashboard.export.col.category", "text", 30), column(t, "dashboard.export.col.highRisk", "text", 20), column(t, "dashboard.export.col.tonnes", "tonnes"), column(t, "dashboard.export.col.nok", "nok"), column(t, "dashboard.export.col.lines", "int", 10)],
    rows: (data.screening?.hotSpots.categories ?? []).map((c) => [PURCHASE_CATEGORIES[c.category]?.[lang] ?? c.name, t(c.highRisk ? "dashboard.export.yes" : "dashboard.export.no"), t3(c.tonnes), kr(c.nok), c.lines]),
  };
}

function suppliers(data: Dashboard, t: Tx): DashboardTable {
  return {
    title: t("dashboard.export.suppliers"),
    columns: [column(t, "dashboard.export.col.supplier", "text", 36), column(t, "dashboard.export.col.orgNumber", "text", 20), column(t, "dashboard.export.col.tonnes", "tonnes"), column(t, "dashboard.export.col.nok", "nok"), column(t, "dashboard.export.col.lines", "int", 10)],
    rows: (data.screening?.hotSpots.suppliers ?? []).map((s) => [s.name, s.orgNumber, t3(s.tonnes), kr(s.nok), s.lines]),
  };
}

/** Every table of the downloads, in the order the files hold them; `madeAt` is an ISO time in UTC. */
export function dashboardTables(data: Dashboard, lang: Lang, madeAt: string): DashboardTable[] {
  const t: Tx = (key, params) => translate(lang, key, params);
  return [about(data, madeAt, t), years(data, t), gap(data, t), decisionsSummary(data, t), decisions(data, lang, t), direct(data, lang, t), cost(data, t), categories(data, lang, t), suppliers(data, t)];
}
