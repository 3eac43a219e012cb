/**
 * The finance page's sensitivity: the tornado charts of B − A (lifecycle
 * cost and CO2e) as each input moves alone over its range, the table of
 * every bar beside them, and the switching values in words ("B stays
 * cheaper than A unless the discount rate exceeds 7.3 %"). Figures from
 * the sensitivity result (sensitivity.ts); formatting only.
 */
import type { FactorName } from "../../case/finance-view.js";
import type { Lang } from "../../case/messages.js";
import type { SensitivityInput, SensitivityResult, SwitchingValue, TornadoBar } from "../../core/finance/types.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate } from "../i18n/catalog.js";
import { percentText } from "./analysis-terms.js";
import { labelLines } from "./compare-charts.js";

/** The chart shows the widest bars; the table beside it has every one. */
export const TORNADO_BARS = 12;
/** An input's label in the chart: at most three lines of 30 characters, the rest cut with "…" (the table has it whole). */
const CHART_LINES = 3;

function chartLabel(label: string): string[] {
  const lines = labelLines(label, 30);
  return lines.length <= CHART_LINES ? lines : [...lines.slice(0, CHART_LINES - 1), `${lines[CHART_LINES - 1]!}…`];
}

/** An input's value in its own unit, the user's way: a rate as a percentage, years whole, kroner whole, a factor to 0, 2 or 4 decimals by its size, with its unit where the set names it. */
export function inputValueText(input: SensitivityInput, value: number, lang: Lang, factorNames: FactorNames = {}): string {
  switch (input.kind) {
    case "discount-rate":
    case "escalation":
      return percentText(value, lang);
    case "years":
      return translate(lang, "finance.sens.yearsValue", { years: formatNumber(value, lang, 0) });
    case "cost":
      return translate(lang, "finance.sens.nokValue", { amount: formatNumber(value, lang, 0) });
    case "factor": {
      const number = formatNumber(value, lang, Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 1 ? 2 : 4);
      const unit = factorNames[input.key]?.unit;
      return unit === undefined ? number : `${number} ${unit}`;
    }
  }
}

/** «A, B og C» / "A, B and C". */
const listOf = (items: string[], lang: Lang) => new Intl.ListFormat(lang === "nb" ? "nb-NO" : "en-GB", { type: "conjunction" }).format(items);

/** A set factor's names and unit by input key (finance-view.ts). */
export type FactorNames = Record<string, FactorName>;

/**
 * What the input is called: a set factor by its name in the page's language;
 * an item's own input ("cost:<alternative>/<index>", "escalation:…", "inline:…")
 * by its label and its alternative, «Strøm (Varmepumpe)», one cost shared by
 * several alternatives by all of them, «Kjøretjeneste (Diesel og El)»; else its own label.
 */
export function inputName(input: { key: string; label: string }, names: Map<string, string>, factorNames: FactorNames, lang: Lang): string {
  const factor = factorNames[input.key];
  if (factor !== undefined) return factor[lang];
  // "cost:A/0", or for one cost shared by several alternatives (the Monte Carlo's) "cost:A/0,B/0"
  const own = /^(?:inline|cost|escalation):(.+)$/.exec(input.key);
  const alternatives = own === null ? [] : own[1]!.split(",").map((where) => names.get(where.replace(/\/\d+$/, "")));
  if (alternatives.length === 0 || alternatives.some((a) => a === undefined)) return input.label;
  return translate(lang, "finance.itemOf", { alternative: listOf(alternatives as string[], lang), item: input.label });
}

/** The input as a row heading ("Kalkulasjonsrente", "Kostnad: Strøm (Varmepumpe)") and as the subject of a sentence ("kalkulasjonsrenten"). */
function inputLabel(input: SensitivityInput, lang: Lang, form: "heading" | "subject", label: string): string {
  return translate(lang, `finance.sens.input.${form}.${input.kind}`, { label });
}

function barRow(bar: TornadoBar, name: string, lang: Lang, factorNames: FactorNames) {
  const { input } = bar;
  const value = (v: number) => inputValueText(input, v, lang, factorNames);
  return {
    key: input.key,
    label: inputLabel(input, lang, "heading", name),
    range: translate(lang, "finance.sens.range", { low: value(input.low), base: value(input.base), high: value(input.high) }),
    basis: translate(lang, `finance.basis.${input.basis}`),
    lccLow: bar.lcc.low,
    lccHigh: bar.lcc.high,
    kgLow: bar.kg.low,
    kgHigh: bar.kg.high,
  };
}

type Row = ReturnType<typeof barRow>;

/** Below this many kilograms an input's swing in CO2e is rounding noise: it has no effect on emissions. */
const ZERO_KG = 1e-6;

/** Chart.js data for a tornado chart (public/js/finance-charts.js): per input a bar from B − A at the low end and one at the high end, from the base line. */
function tornadoChart(rows: Row[], measure: "lcc" | "kg", base: number, lang: Lang) {
  const swing = (r: Row) => (measure === "lcc" ? Math.abs(r.lccHigh - r.lccLow) : Math.abs(r.kgHigh - r.kgLow));
  // an input that does not move CO2e at all (a cost, say) has no bar in the emissions chart; the table keeps it
  const moving = measure === "kg" ? rows.filter((r) => swing(r) > ZERO_KG) : rows;
  const widest = [...moving].sort((x, y) => swing(y) - swing(x)).slice(0, TORNADO_BARS);
  const low = (r: Row) => (measure === "lcc" ? r.lccLow : r.kgLow / 1000);
  const high = (r: Row) => (measure === "lcc" ? r.lccHigh : r.kgHigh / 1000);
  const at = measure === "lcc" ? base : base / 1000;
  return {
    kind: "tornado",
    labels: widest.map((r) => chartLabel(r.label)),
    xTitle: translate(lang, measure === "lcc" ? "finance.sens.axisLcc" : "finance.sens.axisKg"),
    base: at,
    datasets: [
      { label: translate(lang, "finance.sens.lowEnd"), data: widest.map((r) => [at, low(r)]) },
      { label: translate(lang, "finance.sens.highEnd"), data: widest.map((r) => [at, high(r)]) },
    ],
  };
}

/** "B er fortsatt billigere enn A med mindre kalkulasjonsrenten blir høyere enn 7,3 %." */
function switchingSentence(s: SwitchingValue, baseDifference: number, names: { a: string; b: string }, name: string, lang: Lang, factorNames: FactorNames): string | null {
  if (s.value === null || baseDifference === 0) return null;
  const better = baseDifference < 0 ? names.b : names.a;
  const worse = baseDifference < 0 ? names.a : names.b;
  const direction = s.value > s.input.base ? "above" : "below";
  return translate(lang, `finance.sens.switch.${s.measure}.${direction}`, {
    better,
    worse,
    input: inputLabel(s.input, lang, "subject", name),
    value: inputValueText(s.input, s.value, lang, factorNames),
  });
}

/**
 * The sources of the factor ranges the bars use (published or default), each once: `citations` by input key,
 * from the Monte Carlo's inputs, which carry the same keys and ranges.
 */
function rangeSources(result: SensitivityResult, citations: ReadonlyMap<string, string>): string[] {
  const used = result.bars.filter((b) => b.input.kind === "factor" && b.input.basis !== "user").map((b) => citations.get(b.input.key));
  return [...new Set(used.filter((c): c is string => c !== undefined))];
}

export function sensitivityModel(result: SensitivityResult, names: Map<string, string>, lang: Lang, factorNames: FactorNames = {}, citations: ReadonlyMap<string, string> = new Map()) {
  const pair = { a: names.get(result.a)!, b: names.get(result.b)! };
  const nameOf = (input: SensitivityInput) => inputName(input, names, factorNames, lang);
  const rows = result.bars.map((bar) => barRow(bar, nameOf(bar.input), lang, factorNames));
  const switching = result.switching
    .map((s) => ({ measure: s.measure, text: switchingSentence(s, s.measure === "lcc" ? result.base.lcc : result.base.kg, pair, nameOf(s.input), lang, factorNames), bracketed: s.method === "bracketed" }))
    .filter((s): s is { measure: "lcc" | "kg"; text: string; bracketed: boolean } => s.text !== null);
  const lccChart = tornadoChart(rows, "lcc", result.base.lcc, lang);
  const kgChart = tornadoChart(rows, "kg", result.base.kg, lang);
  return {
    a: pair.a,
    b: pair.b,
    intro: translate(lang, "finance.sens.intro", { a: pair.a, b: pair.b, percent: formatNumber(result.percent, lang, 0) }),
    baseLcc: result.base.lcc,
    baseKg: result.base.kg,
    rows,
    lccChart,
    kgChart,
    lccChartLabel: translate(lang, "finance.sens.chartLabelLcc", { a: pair.a, b: pair.b, count: lccChart.labels.length }),
    kgChartLabel: translate(lang, "finance.sens.chartLabelKg", { a: pair.a, b: pair.b, count: kgChart.labels.length }),
    caption: translate(lang, "finance.sens.caption", { a: pair.a, b: pair.b }),
    switching,
    switchingLcc: switching.filter((s) => s.measure === "lcc"),
    switchingKg: switching.filter((s) => s.measure === "kg"),
    anyBracketed: switching.some((s) => s.bracketed),
    rangeSources: rangeSources(result, citations),
    withCarbon: result.lccIncludesCarbon ? translate(lang, "finance.sens.withCarbon") : null,
    omitted: result.omitted > 0 ? translate(lang, "finance.sens.omitted", { count: result.omitted }) : null,
  };
}
