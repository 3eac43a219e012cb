/**
 * The dashboard's emissions by year against the target path: one table
 * row per year (target, measured, avoided by decisions, projected; "–"
 * where the year has no such figure) and the same figures for the chart
 * (public/js/climate-dashboard.js), which reads them from a JSON block in
 * the page. The figures come worked out (DashboardFigures.years); here
 * they are only rounded for display and put in order.
 */
import type { Lang } from "../../case/messages.js";
import type { DashboardFigures, DecimalText } from "../../core/climate/types.js";
import { translate } from "../i18n/catalog.js";
import { shownDecimal, TONNES_SHOWN } from "./decimal-figure.js";

/** The series the chart draws, in the order of the table's columns. */
const SERIES = ["target", "measured", "avoided", "projected"] as const;

/** A figure for the chart: a plain number, null where the year has none (Chart.js leaves a gap). */
const chartValue = (text: DecimalText | null): number | null => (text === null ? null : Number(text));

export function yearsModel(figures: DashboardFigures, lang: Lang) {
  const years = figures.years;
  if (years.length === 0) return null;
  const shown = (text: DecimalText | null) => shownDecimal(text, lang, TONNES_SHOWN);
  const first = years[0]!.year;
  const last = years[years.length - 1]!.year;
  return {
    caption: translate(lang, "dashboard.years.caption"),
    chartLabel: translate(lang, "dashboard.years.chartLabel", { first: String(first), last: String(last) }),
    rows: years.map((y) => ({
      year: String(y.year),
      isNeutralityYear: y.year === figures.neutralityYear,
      target: shown(y.target),
      measured: shown(y.measured),
      avoided: shown(y.avoided),
      projected: shown(y.projected),
    })),
    chart: {
      kind: "climate-years",
      yTitle: translate(lang, "dashboard.axis"),
      labels: years.map((y) => String(y.year)),
      datasets: SERIES.map((key) => ({ key, label: translate(lang, `dashboard.col.${key}`), data: years.map((y) => chartValue(y[key])) })),
    },
  };
}
