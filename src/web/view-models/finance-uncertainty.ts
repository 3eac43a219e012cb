/**
 * The finance page's uncertainty (Monte Carlo): P5, P50 and P95 of CO2e and
 * of the lifecycle cost per alternative, as charts (the P5–P95 band with
 * the median marked) and a table with the same figures; the share of draws
 * in which each alternative beats the baseline on CO2e and on cost; the
 * seed, and a link that repeats the run; and every input's range with
 * where it comes from, a default marked as a default with its citation.
 * Figures from the uncertainty result; formatting only.
 */
import type { Lang } from "../../case/messages.js";
import type { Distribution, UncertainInput, UncertaintyResult } from "../../core/finance/types.js";
import { formatNumber } from "../../i18n/numbers.js";
import { translate } from "../i18n/catalog.js";
import { percentText } from "./analysis-terms.js";
import { labelLines } from "./compare-charts.js";
import { defaultRangeNote } from "./default-range-note.js";
import { inputName, type FactorNames } from "./finance-sensitivity.js";

/** "trekantfordeling: 0,9 – 1 – 1,1 × verdien", "log-normal: geometrisk standardavvik 1,5". */
export function distributionText(d: Distribution, lang: Lang): string {
  const n = (v: number) => formatNumber(v, lang, 2);
  if (d.shape === "triangular") return translate(lang, "finance.mc.dist.triangular", { low: n(d.low), mode: n(d.mode), high: n(d.high) });
  if (d.shape === "uniform") return translate(lang, "finance.mc.dist.uniform", { low: n(d.low), high: n(d.high) });
  return translate(lang, "finance.mc.dist.lognormal", { gsd: n(d.gsd) });
}

function inputRow(input: UncertainInput, names: Map<string, string>, lang: Lang, factorNames: FactorNames) {
  const { range } = input;
  return {
    label: inputName(input, names, factorNames, lang),
    kind: translate(lang, `finance.mc.kind.${input.kind}`),
    distribution: distributionText(range.distribution, lang),
    isDefault: range.basis === "default",
    basis: translate(lang, `finance.basis.${range.basis}`),
    dataKind: range.dataKind === undefined ? null : translate(lang, `finance.mc.dataKind.${range.dataKind}`),
    // a default range's citation is said once under the table, in the page's language (defaultRangeNote)
    citation: range.basis === "default" ? null : (range.citation ?? null),
  };
}

/** Chart.js data (public/js/finance-charts.js): per alternative the P5–P95 band and the median. */
function bandChart(labels: string[], bands: { p5: number; p50: number; p95: number }[], axis: string, lang: Lang) {
  return {
    kind: "band",
    labels: labels.map((l) => labelLines(l)),
    xTitle: axis,
    datasets: [
      { label: translate(lang, "finance.mc.band"), data: bands.map((b) => [b.p5, b.p95]) },
      { label: translate(lang, "finance.mc.median"), data: bands.map((b) => b.p50) },
    ],
  };
}

export function uncertaintyModel(result: UncertaintyResult, names: Map<string, string>, baseline: string, repeatHref: string, lang: Lang, factorNames: FactorNames = {}, requested = result.samples) {
  const rows = result.alternatives.map((a) => ({
    id: a.id,
    name: names.get(a.id) ?? a.id,
    kg: { p5: a.kg.p5, p50: a.kg.p50, p95: a.kg.p95 },
    lcc: { p5: a.lcc.p5, p50: a.lcc.p50, p95: a.lcc.p95 },
  }));
  const labels = rows.map((r) => r.name);
  const inputs = result.inputs.map((i) => inputRow(i, names, lang, factorNames));
  return {
    samples: result.samples,
    seed: result.seed,
    seedText: translate(lang, "finance.mc.seedUsed", { samples: formatNumber(result.samples, lang, 0), seed: String(result.seed) }),
    /** A large case draws fewer than asked (src/case/uncertainty-bounds.ts DRAW_BUDGET): said, with both numbers. */
    limitedText: result.samples < requested ? translate(lang, "finance.mc.limited", { asked: formatNumber(requested, lang, 0), samples: formatNumber(result.samples, lang, 0) }) : null,
    repeatHref,
    rows,
    kgChart: bandChart(labels, rows.map((r) => ({ p5: r.kg.p5 / 1000, p50: r.kg.p50 / 1000, p95: r.kg.p95 / 1000 })), translate(lang, "finance.mc.axisKg"), lang),
    lccChart: bandChart(labels, rows.map((r) => r.lcc), translate(lang, "finance.mc.axisLcc"), lang),
    beats: result.beatsBaseline
      .filter((b) => b.id !== baseline)
      .map((b) => ({ name: names.get(b.id) ?? b.id, kg: percentText(b.kg, lang), lcc: percentText(b.lcc, lang) })),
    baselineName: names.get(baseline) ?? baseline,
    inputs,
    anyDefault: inputs.some((i) => i.isDefault),
    defaultSource: defaultRangeNote(result.inputs.filter((i) => i.range.basis === "default").map((i) => i.range.dataKind), lang),
  };
}
