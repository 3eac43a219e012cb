/**
 * The two charts of the comparison page and the data tables beside them.
 * Each chart is built from its table, so the figures a screen reader finds
 * in the table are exactly the figures drawn (WCAG 1.1.1).
 *
 * - Emissions by stage: t CO2e per stage (A1-A3 … C) split by scope, one
 *   row per stage and scope that has any emission; stage D on its own row
 *   and its own bar, never stacked into the total.
 * - Cumulative discounted cost: Σ present value of years 0..t per alternative.
 */
import type { Lang } from "../../case/messages.js";
import { sum, THOUSAND, type Decimal } from "../../core/decimal.js";
import { cumulative } from "../../core/lcc.js";
import { STAGES, type AlternativeResult, type Scope, type Stage } from "../../core/types.js";
import { translate } from "../i18n/catalog.js";

export type ChartColumn = { id: string; name: string };
export type StageRow = { stage: Stage; scope: Scope | null; label: string; values: number[] };
/** decimals: 3 when every figure is below 10 t, so that small items do not show as 0,00. */
export type StageTable = { columns: ChartColumn[]; rows: StageRow[]; total: number[]; stageD: StageRow | null; decimals: 2 | 3 };
export type CostRow = { index: number; year: number; label: string; values: number[] };
export type CostTable = { columns: ChartColumn[]; rows: CostRow[] };

const SCOPES: Scope[] = ["direct", "indirect"];
const tonnes = (kg: Decimal): number => kg.div(THOUSAND).toNumber();
const LINE_WIDTH = 20;

/**
 * An alternative's name as the lines of a chart label, never cut short:
 * broken between words into lines of at most 20 characters (a longer word
 * keeps a line of its own).
 *
 * Example: "Ombrukte stoler med nytt trekk" → ["Ombrukte stoler med", "nytt trekk"]
 */
export function labelLines(name: string, width = LINE_WIDTH): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of name.split(/\s+/).filter(Boolean)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.length > 0 ? lines : [name];
}

function stageKg(alternative: AlternativeResult, stage: Stage, scope: Scope | null): Decimal {
  return sum(alternative.emissions.items.filter((i) => i.stage === stage && (scope === null || i.scope === scope)).map((i) => i.kg));
}

export function stageTable(alternatives: readonly AlternativeResult[], lang: Lang): StageTable {
  const rows: StageRow[] = [];
  for (const stage of STAGES.filter((s) => s !== "D")) {
    for (const scope of SCOPES) {
      const kg = alternatives.map((a) => stageKg(a, stage, scope));
      if (kg.every((v) => v.isZero())) continue;
      const label = translate(lang, "compare.stages.dataset", { stage: translate(lang, `compare.stage.${stage}`), scope: translate(lang, `compare.scope.${scope}`) });
      rows.push({ stage, scope, label, values: kg.map(tonnes) });
    }
  }
  const d = alternatives.map((a) => a.emissions.byStage.D);
  const small = [...alternatives.map((a) => a.emissions.totalKg), ...d].every((kg) => kg.abs().lt(10_000));
  return {
    decimals: small ? 3 : 2,
    columns: alternatives.map((a) => ({ id: a.id, name: a.name })),
    rows,
    total: alternatives.map((a) => tonnes(a.emissions.totalKg)),
    stageD: d.every((v) => v.isZero()) ? null : { stage: "D", scope: null, label: translate(lang, "compare.stages.d"), values: d.map(tonnes) },
  };
}

/** Chart.js data for the stacked bar chart; read by public/js/charts.js. */
export function stageChart(table: StageTable, lang: Lang) {
  const datasets = table.rows.map((r) => ({ label: r.label, stage: r.stage, scope: r.scope, stack: "total", data: r.values }));
  if (table.stageD) datasets.push({ label: translate(lang, "compare.stages.dShort"), stage: "D", scope: null, stack: "D", data: table.stageD.values });
  return { kind: "stages", labels: table.columns.map((c) => labelLines(c.name)), yTitle: translate(lang, "compare.stages.axis"), datasets };
}

export function costTable(alternatives: readonly AlternativeResult[], startYear: number, lang: Lang): CostTable {
  const running = alternatives.map((a) => cumulative(a.lcc.byYear));
  const years = running[0]?.length ?? 0;
  return {
    columns: alternatives.map((a) => ({ id: a.id, name: a.name })),
    rows: Array.from({ length: years }, (_, index) => ({
      index,
      year: startYear + index,
      label: translate(lang, "compare.costs.yearValue", { index, year: String(startYear + index) }),
      values: running.map((r) => r[index]!.toNumber()),
    })),
  };
}

/** Chart.js data for the line chart of cumulative discounted cost, one line per alternative named by its name. */
export function costChart(table: CostTable, lang: Lang) {
  return {
    kind: "cumulative",
    labels: table.rows.map((r) => String(r.year)),
    xTitle: translate(lang, "compare.costs.year"),
    yTitle: translate(lang, "compare.costs.axis"),
    // the whole name: the legend under the chart wraps it, the tooltip shows it
    datasets: table.columns.map((c, i) => ({ label: c.name, data: table.rows.map((r) => r.values[i]!) })),
  };
}
