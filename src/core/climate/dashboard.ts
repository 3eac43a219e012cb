/**
 * The adviser's dashboard: the organisation's emissions by year against
 * the target path, the gap in the climate-neutrality year, what the
 * recorded decisions avoid, direct against indirect, and the cost of
 * neutrality. Rules, each with a worked example: docs/climate.md,
 * "The dashboard".
 *
 * - Years: from the earliest of the baseline year, the path's first year
 *   and the first screened year to the latest of the neutrality year, the
 *   path's last year and the last screened year.
 * - Measured: the baseline's total in its year; in a year the ledger
 *   screening covers, the screened tonnes (purchases: indirect) plus the
 *   baseline's direct tonnes, which the spend factors do not measure. The
 *   screening wins where both give a year.
 * - Projected, only in each year after the last measured one: the last
 *   measured total − the decisions' avoided tonnes in that year, never
 *   below 0. A year without a measurement before the last measured one
 *   (between the baseline and the first screened year, or a year the
 *   ledgers skip) shows neither: carrying an old total into it would draw
 *   a fall that never happened. The one exception is the neutrality year:
 *   unmeasured and before the last measured year, it is expected from the
 *   latest measurement before it − its avoided tonnes, so that the gap
 *   and the cost of neutrality stay defined.
 * - Gap in the neutrality year: expected (measured, else projected) −
 *   target.
 * - Direct and indirect: in the last measured year (screening: direct
 *   from the baseline, in the baseline's year, indirect screened; else the
 *   baseline's own split). directYear says which year the direct tonnes
 *   come from.
 * - mappedShare: the screening's share of the spend in scope that is
 *   mapped to a factor (0–1), so a measured year from a ledger can say it
 *   covers only the mapped spend; null without a screening.
 * - Cost of neutrality: expected tonnes in the neutrality year ×
 *   compensation price; without the decisions, the same year's tonnes as
 *   they would have been without their avoided tonnes.
 *
 * Without a plan there is no target, no gap, no direct tonnes (the
 * baseline carries them) and no compensation price: measured is the
 * screened tonnes alone, and the years run from the first screened year to
 * the later of 2027 and the last screened year.
 */
import { Decimal, ZERO, addTo, sum } from "../decimal.js";
import type { ScreeningResult } from "../../ledger/types.js";
import { decimalText } from "./decimal-text.js";
import { DEFAULT_NEUTRALITY_YEAR } from "./plan-input.js";
import { yearTargets } from "./target-path.js";
import type { ClimatePlanDocument, DashboardFigures, DashboardYear, DecisionRecord } from "./types.js";

export type DashboardInput = { plan: ClimatePlanDocument | null; planVersion: number | null; decisions: DecisionRecord[]; screening: ScreeningResult | null; baselineDirectTonnes?: never };

type Measured = Map<number, { tonnes: Decimal; source: "baseline" | "screening" }>;

const nonNegative = (d: Decimal): Decimal => (d.isNegative() ? ZERO : d);

/** The baseline's direct and indirect totals over its categories. */
export function baselineTotals(plan: ClimatePlanDocument): { direct: Decimal; indirect: Decimal } {
  const rows = plan.baseline.categories;
  return { direct: sum(rows.map((r) => new Decimal(r.directTonnes))), indirect: sum(rows.map((r) => new Decimal(r.indirectTonnes))) };
}

/** Measured tonnes by year: the baseline in its year, screened + the baseline's direct tonnes in a screened year (the screening wins). */
function measuredTonnes(plan: ClimatePlanDocument | null, screening: ScreeningResult | null): Measured {
  const measured: Measured = new Map();
  const totals = plan ? baselineTotals(plan) : null;
  if (plan && totals) measured.set(plan.baseline.year, { tonnes: totals.direct.plus(totals.indirect), source: "baseline" });
  const screened = new Map<number, Decimal>();
  for (const row of screening?.byYear ?? []) addTo(screened, row.year, new Decimal(row.tonnes));
  for (const [year, tonnes] of screened) measured.set(year, { tonnes: tonnes.plus(totals?.direct ?? ZERO), source: "screening" });
  return measured;
}

/** The latest measured year at or before `year`, or null. */
function latestMeasuredUpTo(measured: Measured, year: number): { year: number; tonnes: Decimal; source: "baseline" | "screening" } | null {
  let found: number | null = null;
  for (const y of measured.keys()) if (y <= year && (found === null || y > found)) found = y;
  return found === null ? null : { year: found, ...measured.get(found)! };
}

/** The decisions' avoided tonnes, summed by calendar year. */
function avoidedTonnes(decisions: readonly DecisionRecord[]): Map<number, Decimal> {
  const byYear = new Map<number, Decimal>();
  for (const d of decisions) for (const y of d.avoidedByYear) addTo(byYear, y.year, new Decimal(y.tonnes));
  return byYear;
}

/** First and last year the dashboard shows, or null when nothing gives a year. */
function yearRange(plan: ClimatePlanDocument | null, targetYears: number[], screenedYears: number[], neutralityYear: number): { first: number; last: number } | null {
  const starts = [...(plan ? [plan.baseline.year] : []), ...targetYears, ...screenedYears];
  if (starts.length === 0) return null;
  return { first: Math.min(...starts), last: Math.max(neutralityYear, ...targetYears, ...screenedYears) };
}

/** Each year's target, measured, avoided and projected tonnes (unrounded); `projectedFrom`: the measured total a projection starts from. */
type YearFigures = { year: number; target: Decimal | null; measured: Decimal | null; avoided: Decimal; projected: Decimal | null; projectedFrom: Decimal | null };

/** The last measured year, or null when nothing is measured. */
function lastMeasuredYear(measured: Measured): number | null {
  return measured.size === 0 ? null : Math.max(...measured.keys());
}

/** `expectAlways`: project even before the last measured year (the neutrality year, whose gap and cost need a figure). */
function yearFigures(year: number, targets: Map<number, Decimal>, measured: Measured, avoided: Map<number, Decimal>, expectAlways = false): YearFigures {
  const avoidedInYear = avoided.get(year) ?? ZERO;
  const own = measured.get(year)?.tonnes ?? null;
  const last = lastMeasuredYear(measured);
  const projects = own === null && last !== null && (year > last || expectAlways);
  const from = projects ? (latestMeasuredUpTo(measured, year)?.tonnes ?? null) : null;
  const projected = from === null ? null : nonNegative(from.minus(avoidedInYear));
  return { year, target: targets.get(year) ?? null, measured: own, avoided: avoidedInYear, projected, projectedFrom: from };
}

const textOrNull = (d: Decimal | null): string | null => (d === null ? null : decimalText(d));

function rowText(y: YearFigures): DashboardYear {
  return { year: y.year, target: textOrNull(y.target), measured: textOrNull(y.measured), avoided: decimalText(y.avoided), projected: textOrNull(y.projected) };
}

/**
 * Residual tonnes in the neutrality year × the price, with and without the
 * decisions. Without them, a measured year would have been its measured
 * tonnes + the tonnes the decisions avoided in it; a projected year, the
 * measured total it is projected from (nothing avoided); neither below 0.
 */
function costOfNeutrality(plan: ClimatePlanDocument, year: YearFigures): DashboardFigures["costOfNeutrality"] {
  const price = plan.compensation;
  const expected = year.measured ?? year.projected;
  if (price === null || expected === null) return null;
  const nokPerTonne = new Decimal(price.nokPerTonne);
  const residual = nonNegative(expected);
  const without = nonNegative(year.measured !== null ? year.measured.plus(year.avoided) : year.projectedFrom!);
  const cost = residual.mul(nokPerTonne);
  const costWithout = without.mul(nokPerTonne);
  return {
    year: year.year,
    nokPerTonne: decimalText(nokPerTonne),
    source: price.source,
    residualTonnes: decimalText(residual),
    cost: decimalText(cost),
    residualWithoutDecisions: decimalText(without),
    costWithoutDecisions: decimalText(costWithout),
    loweredBy: decimalText(costWithout.minus(cost)),
  };
}

function directIndirect(plan: ClimatePlanDocument | null, measured: Measured): DashboardFigures["directIndirect"] {
  if (plan === null) return null;
  const totals = baselineTotals(plan);
  const last = latestMeasuredUpTo(measured, Number.POSITIVE_INFINITY)!;
  const directYear = plan.baseline.year;
  if (last.source === "baseline") return { source: "baseline", year: directYear, directYear, directTonnes: decimalText(totals.direct), indirectTonnes: decimalText(totals.indirect) };
  return { source: "screening", year: last.year, directYear, directTonnes: decimalText(totals.direct), indirectTonnes: decimalText(last.tonnes.minus(totals.direct)) };
}

export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const { plan, decisions, screening } = input;
  const neutralityYear = plan?.neutralityYear ?? DEFAULT_NEUTRALITY_YEAR;
  const targetList = plan ? yearTargets(plan.target) : [];
  const targets = new Map(targetList.map((t) => [t.year, new Decimal(t.tonnes)]));
  const measured = measuredTonnes(plan, screening);
  const avoided = avoidedTonnes(decisions);
  const range = yearRange(plan, targetList.map((t) => t.year), (screening?.byYear ?? []).map((r) => r.year), neutralityYear);
  const inNeutralityYear = yearFigures(neutralityYear, targets, measured, avoided, true);
  const years = range === null ? [] : Array.from({ length: range.last - range.first + 1 }, (_, i) => (range.first + i === neutralityYear ? inNeutralityYear : yearFigures(range.first + i, targets, measured, avoided)));
  const expected = inNeutralityYear.measured ?? inNeutralityYear.projected;
  const target = inNeutralityYear.target;
  return {
    planVersion: input.planVersion,
    neutralityYear,
    years: years.map(rowText),
    gap: plan && expected !== null && target !== null ? { year: neutralityYear, expected: decimalText(expected), target: decimalText(target), gap: decimalText(expected.minus(target)) } : null,
    decisions: {
      count: decisions.length,
      avoidedTonnes: decimalText(sum(decisions.map((d) => new Decimal(d.avoidedTonnes)))),
      avoidedInNeutralityYear: decimalText(inNeutralityYear.avoided),
      lccDifference: decimalText(sum(decisions.map((d) => new Decimal(d.lccDifference)))),
    },
    directIndirect: directIndirect(plan, measured),
    costOfNeutrality: plan ? costOfNeutrality(plan, inNeutralityYear) : null,
    mappedShare: screening === null ? null : screening.spend.mappedShare,
  };
}
