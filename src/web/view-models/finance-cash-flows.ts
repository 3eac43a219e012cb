/**
 * The finance page's cash flows, one part per alternative: the budgets
 * (investment in year 0, operating in years 1..N, nominal and discounted),
 * the equivalent annual cost, the payback year in words, the year-by-year
 * table (nominal, discounted, both cumulated, and the baseline's cumulative
 * discounted cost beside an alternative's) and the chart of the cumulative
 * discounted cost against the baseline's with the payback year marked.
 * The chart is built from the table's own figures, so a screen reader
 * finds in the table exactly what is drawn. Every figure comes from
 * financeView (exact decimals, shown as numbers); nothing is computed here.
 */
import type { CashFlows } from "../../core/finance/types.js";
import type { FinanceView } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import { translate } from "../i18n/catalog.js";

/** "år 3 (2029)", "billigere fra start" or "betaler seg ikke tilbake i perioden"; null for the baseline. */
export function paybackText(flows: CashFlows, isBaseline: boolean, startYear: number, lang: Lang): string | null {
  if (isBaseline) return null;
  if (flows.paybackYear === null) return translate(lang, "finance.payback.never");
  if (flows.paybackYear === 0) return translate(lang, "finance.payback.fromStart");
  return translate(lang, "finance.payback.year", { index: flows.paybackYear, year: String(startYear + flows.paybackYear) });
}

function rowsOf(flows: CashFlows, baseline: CashFlows | null, lang: Lang) {
  return flows.years.map((y, i) => ({
    label: translate(lang, "finance.yearValue", { index: y.year, year: String(y.calendarYear) }),
    nominal: y.nominal.toNumber(),
    discounted: y.discounted.toNumber(),
    cumulativeNominal: y.cumulativeNominal.toNumber(),
    cumulativeDiscounted: y.cumulativeDiscounted.toNumber(),
    baselineCumulative: baseline === null ? null : baseline.years[i]!.cumulativeDiscounted.toNumber(),
    isPayback: flows.paybackYear !== null && flows.paybackYear > 0 && y.year === flows.paybackYear,
  }));
}

type Rows = ReturnType<typeof rowsOf>;

/** Chart.js data for public/js/finance-charts.js: the alternative's cumulative discounted cost, the baseline's beside it, the payback year marked. */
function paybackChart(name: string, baselineName: string | null, rows: Rows, flows: CashFlows, payback: string | null, lang: Lang) {
  const datasets = [{ label: name, data: rows.map((r) => r.cumulativeDiscounted) }];
  if (baselineName !== null) datasets.push({ label: translate(lang, "finance.cash.baselineLine", { name: baselineName }), data: rows.map((r) => r.baselineCumulative ?? 0) });
  const marked = flows.paybackYear !== null && flows.paybackYear > 0;
  return {
    kind: "payback",
    labels: flows.years.map((y) => String(y.calendarYear)),
    xTitle: translate(lang, "finance.col.year"),
    yTitle: translate(lang, "finance.cash.axis"),
    datasets,
    payback: marked ? { index: flows.paybackYear, label: payback } : null,
  };
}

export function cashFlowsModel(view: FinanceView, lang: Lang) {
  const names = new Map(view.alternatives.map((a) => [a.id, a.name]));
  const byId = new Map(view.cashFlows.map((f) => [f.id, f]));
  const baseline = byId.get(view.baseline)!;
  // the parts come in ranking order; each keeps the key of its place in the case ("alt2"), the same whatever the ranking
  const keyOf = new Map(view.cashFlows.map((f, i) => [f.id, `alt${i + 1}`]));
  return view.alternatives.map(({ id, name }) => {
    const flows = byId.get(id)!;
    const isBaseline = id === view.baseline;
    const payback = paybackText(flows, isBaseline, view.startYear, lang);
    const rows = rowsOf(flows, isBaseline ? null : baseline, lang);
    const chartLabel = translate(lang, isBaseline ? "finance.cash.chartLabelBaseline" : "finance.cash.chartLabel", { name, baseline: names.get(view.baseline)!, payback: payback ?? "" });
    return {
      id,
      name,
      key: keyOf.get(id)!,
      isBaseline,
      payback,
      budget: {
        investmentNominal: flows.budget.investment.nominal.toNumber(),
        investmentDiscounted: flows.budget.investment.discounted.toNumber(),
        operatingNominal: flows.budget.operating.nominal.toNumber(),
        operatingDiscounted: flows.budget.operating.discounted.toNumber(),
      },
      equivalentAnnualCost: flows.equivalentAnnualCost.toNumber(),
      rows,
      caption: translate(lang, "finance.cash.caption", { name }),
      baselineColumn: isBaseline ? null : translate(lang, "finance.col.baselineCumulative", { name: names.get(view.baseline)! }),
      chartLabel,
      chart: paybackChart(name, isBaseline ? null : names.get(view.baseline)!, rows, flows, payback, lang),
    };
  });
}
