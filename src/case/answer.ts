/**
 * The answer a comparison opens with: which alternative the chosen ranking
 * puts first and why (the ranking key that separates it from the next, or
 * dominance), and how it stands against the baseline over the period: CO2e
 * avoided in tonnes and as a share of the baseline's total, the difference
 * in present value, the abatement cost and the payback of its comparison
 * row. Pure and exact (decimal.js); the pages only put it in words.
 *
 * Example: baseline A 10 t / NOK 100 000, B 6.5 t / NOK 112 000, ranked by
 * emissions → B first ("emissions", 3.5 t below A); against A it avoids
 * 3.5 t (3.5 / 10 = 35 %) for NOK 12 000 more, 12 000 / 3.5 = NOK 3 428.57
 * per tonne avoided.
 */
import { Decimal, THOUSAND } from "../core/decimal.js";
import { rankingReason, type RankingReason } from "../core/ranking.js";
import type { AlternativeResult, ComparisonRow, CoreResult, DominatedBy, RankingMethod, WasteLevel } from "../core/types.js";

const HUNDRED = new Decimal(100);

/** less: below the baseline; more: above it; same: equal. */
export type Direction = "less" | "more" | "same";

/** One alternative against the baseline: magnitudes (never negative) with their direction. */
export type AgainstBaseline = {
  id: string;
  emissions: { direction: Direction; tonnes: Decimal; percent: Decimal | null };
  cost: { direction: Direction; kroner: Decimal };
  abatementCostPerTonne: Decimal | null;
  payback: ComparisonRow["payback"];
  paybackYear: number | null;
  paybackCalendarYear: number | null;
};

/**
 * Why the first ranks above the runner-up: the deciding reason, the keys
 * they tie on before it, the margin on emissions and on the cost the
 * method ranks by (runner-up minus first), the first's declared level, and
 * the alternatives with a better level it dominates (their rank notes).
 */
export type Why = {
  reason: RankingReason;
  tiedOn: RankingReason[];
  runnerUp: string;
  marginTonnes: Decimal;
  marginKroner: Decimal;
  level: WasteLevel | null;
  outranked: { id: string; note: DominatedBy }[];
};

export type Answer =
  | { kind: "single"; method: RankingMethod; recommended: string; totalTonnes: Decimal; presentValue: Decimal }
  | { kind: "baseline"; method: RankingMethod; recommended: string; why: Why; runnerUp: AgainstBaseline }
  | { kind: "alternative"; method: RankingMethod; recommended: string; baseline: string; why: Why; against: AgainstBaseline };

const direction = (d: Decimal): Direction => (d.isZero() ? "same" : d.isNegative() ? "less" : "more");

/** The present value the method ranks by: with the carbon cost under lcc-with-carbon, else without. */
const rankedCost = (a: AlternativeResult, method: RankingMethod) => (method === "lcc-with-carbon" ? (a.lcc.presentValueWithCarbon ?? a.lcc.presentValue) : a.lcc.presentValue);

/** A comparison row as magnitudes: 3.5 t less is { less, 3.5 }, never −3.5. */
export function againstBaseline(row: ComparisonRow, baseline: AlternativeResult, startYear: number): AgainstBaseline {
  const baseKg = baseline.emissions.totalKg;
  const tonnes = row.deltaKg.abs().div(THOUSAND);
  return {
    id: row.id,
    emissions: { direction: direction(row.deltaKg), tonnes, percent: baseKg.isPositive() && !baseKg.isZero() ? row.deltaKg.abs().div(baseKg).mul(HUNDRED) : null },
    cost: { direction: direction(row.deltaPresentValue), kroner: row.deltaPresentValue.abs() },
    abatementCostPerTonne: row.abatementCostPerTonne,
    payback: row.payback,
    paybackYear: row.paybackYear,
    paybackCalendarYear: row.paybackYear === null ? null : startYear + row.paybackYear,
  };
}

function whyFirst(result: CoreResult, first: AlternativeResult, runnerUp: AlternativeResult): Why {
  const method = result.ranking.method;
  const { reason, tiedOn } = rankingReason(result.alternatives, method, first, runnerUp);
  return {
    reason,
    tiedOn,
    runnerUp: runnerUp.id,
    marginTonnes: runnerUp.emissions.totalKg.minus(first.emissions.totalKg).div(THOUSAND),
    marginKroner: rankedCost(runnerUp, method).minus(rankedCost(first, method)),
    level: first.wasteLevelSource === "declared" ? first.wasteLevel : null,
    outranked: result.alternatives.filter((a) => a.rankNote !== null && a.rankNote.by === first.id).map((a) => ({ id: a.id, note: a.rankNote! })),
  };
}

/** The answer of an evaluated case with its baseline and start year. */
export function answerOf(result: CoreResult, options: { baseline: string; startYear: number }): Answer {
  const byId = new Map(result.alternatives.map((a) => [a.id, a]));
  const [firstId, secondId] = result.ranking.order;
  const first = byId.get(firstId!)!;
  const method = result.ranking.method;
  if (secondId === undefined) return { kind: "single", method, recommended: first.id, totalTonnes: first.emissions.totalKg.div(THOUSAND), presentValue: first.lcc.presentValue };
  const baseline = byId.get(options.baseline)!;
  const why = whyFirst(result, first, byId.get(secondId)!);
  const rowOf = (id: string) => result.comparison.find((r) => r.id === id)!;
  if (first.id === baseline.id) return { kind: "baseline", method, recommended: first.id, why, runnerUp: againstBaseline(rowOf(secondId), baseline, options.startYear) };
  return { kind: "alternative", method, recommended: first.id, baseline: baseline.id, why, against: againstBaseline(rowOf(first.id), baseline, options.startYear) };
}
