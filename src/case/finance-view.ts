/**
 * What the finance officer's page (GET /cases/:id/finance) and the decision
 * memo show of one evaluated case, put together in one place so that the
 * web layer does no arithmetic and the heavy parts (sensitivity, Monte
 * Carlo) run in a worker thread (the pool's "finance" task):
 *
 * - the cash flows of every alternative (cash-flows.ts), exact;
 * - the measures against the baseline (measures.ts: net savings, simple
 *   payback, SIR, AIRR, break-even carbon price), exact;
 * - the R-109 carbon price path of the case's factor set for the case's
 *   calendar years (the non-ETS path; set 2025-1's single path as
 *   published), and beside each break-even price the constant price that
 *   path is worth for that alternative's avoided emissions;
 * - the sensitivity of B − A for the chosen pair (sensitivity.ts), each
 *   factor over its range from the factor library, the costs ± percent;
 * - the uncertainty by Monte Carlo (src/case/uncertainty.ts).
 *
 * The path's constant equivalent for an alternative against the baseline,
 * with ΔT_t = (kg_baseline,t − kg_alternative,t) / 1000 and D_t the
 * discount divisor of year t:
 *
 *   P_path = Σ_t p_t · ΔT_t / D_t  ÷  Σ_t ΔT_t / D_t
 *
 * It is the constant price that gives the same carbon cost difference as
 * the path, so it reads against the break-even price directly: when
 * P_path ≥ break-even, the alternative is no dearer than the baseline once
 * carbon is priced at R-109's path.
 * Example: ΔT = [2, 0, 1] t, p = [1 000, 1 500, 2 000] NOK/t, 4 % flat:
 *   numerator 2 × 1 000 + 1 × 2 000 / 1.0816 = 3 849.11;
 *   denominator 2 + 1 / 1.0816 = 2.924556 → P_path = 1 316.14 NOK/t.
 */
import { carbonPriceIn } from "../core/carbon-price.js";
import { Decimal, sum, THOUSAND, ZERO } from "../core/decimal.js";
import { discountDivisor } from "../core/discount.js";
import { discountScheduleOf } from "../core/evaluate.js";
import { cashFlowsOf } from "../core/finance/cash-flows.js";
import { measuresAgainstBaseline } from "../core/finance/measures.js";
import { runMonteCarlo } from "../core/finance/monte-carlo.js";
import { sensitivity } from "../core/finance/sensitivity.js";
import type { CashFlows, FinanceMeasures, SensitivityResult, UncertaintyResult } from "../core/finance/types.js";
import type { CoreResult, ResolvedCase } from "../core/types.js";
import { uncertaintyOf } from "../factors/uncertainty.js";
import { bundledCarbonPath, type BundledCarbonPath } from "./carbon-path.js";
import type { Evaluation } from "./evaluate-document.js";
import type { Bilingual } from "./messages.js";
import { uncertaintyModel } from "./uncertainty.js";
import { maxSamplesFor } from "./uncertainty-bounds.js";

export type OkEvaluation = Extract<Evaluation, { ok: true }>;

/** What the finance page asks for; the web layer has checked every field (finance route). */
export type FinanceRequest = {
  /** The two alternatives the sensitivity compares (B − A); default: the baseline and the best-ranked other one. */
  a?: string;
  b?: string;
  /** ± % of the cost amounts in the sensitivity (1..50; default 10). */
  percent: number;
  /** Monte Carlo draws (100..20 000; 2 000 on the page); 0 leaves the uncertainty out. */
  samples: number;
  /** The seed of the draws; the page draws one when none is given, so every run can be repeated. */
  seed?: number;
  /** ± % of the cost items' range in the Monte Carlo (0..50; default 10). */
  costPercent: number;
};

export const FINANCE_DEFAULTS = { percent: 10, samples: 2000, costPercent: 10 } as const;
export const FINANCE_LIMITS = { percent: { min: 1, max: 50 }, samples: { min: 100, max: 20_000 }, seed: { min: 0, max: 2 ** 31 - 1 }, costPercent: { min: 0, max: 50 } } as const;

export type CarbonPathYear = { year: number; calendarYear: number; nokPerTonne: Decimal };

/** The R-109 path over the case's years, or null when the factor set holds none. */
export type FinanceCarbonPath = { path: BundledCarbonPath; years: CarbonPathYear[] };

/**
 * An alternative's measures with, beside its break-even price, the path's
 * constant equivalent (null where either is not defined, or where the
 * alternative emits more in some years) and the path's value of the
 * avoided carbon in kroner (null where there is no path or nothing avoided).
 */
export type MeasuresWithPath = FinanceMeasures & { pathEquivalent: Decimal | null; pathValue: Decimal | null };

export type FinanceView = {
  baseline: string;
  startYear: number;
  years: number;
  /** Alternatives in ranking order: id and name. */
  alternatives: { id: string; name: string }[];
  cashFlows: CashFlows[];
  measures: MeasuresWithPath[];
  carbonPath: FinanceCarbonPath | null;
  /** The pair compared: chosen, or the default; null when the case has a single alternative. */
  pair: { a: string; b: string } | null;
  sensitivity: SensitivityResult | null;
  uncertainty: UncertaintyResult | null;
  /** The factors the sensitivity and the draws vary, by input key ("factor:<id>"): named in both languages, with the unit of the value varied. */
  factorNames: Record<string, FactorName>;
  request: FinanceRequest;
};

/** The default pair: the baseline and the best-ranked alternative other than it. */
export function defaultPair(core: CoreResult, baseline: string): { a: string; b: string } | null {
  const other = core.ranking.order.find((id) => id !== baseline);
  return other === undefined ? null : { a: baseline, b: other };
}

function carbonPathOf(evaluation: OkEvaluation): FinanceCarbonPath | null {
  const { resolved, context } = evaluation;
  const found = bundledCarbonPath(context.set.economics, "default", context.priceYear);
  if (!found.ok) return null;
  const years = Array.from({ length: resolved.years + 1 }, (_, t) => ({ year: t, calendarYear: resolved.startYear + t, nokPerTonne: carbonPriceIn(found.prices, resolved.startYear + t) }));
  return { path: found.path, years };
}

/** ΔT_t / D_t for each year of the path: the tonnes the alternative avoids in year t, discounted like costs (negative where it emits more). */
function avoidedDiscountedTonnes(baselineKg: readonly Decimal[], alternativeKg: readonly Decimal[], path: readonly CarbonPathYear[], resolved: ResolvedCase): Decimal[] {
  const schedule = discountScheduleOf(resolved);
  return path.map((p) => baselineKg[p.year]!.minus(alternativeKg[p.year] ?? ZERO).div(THOUSAND).div(discountDivisor(schedule, p.year)));
}

/**
 * Σ_t p_t · ΔT_t / D_t: the present value, at the path's prices, of the
 * carbon the alternative avoids (NOK). The alternative costs no more than
 * the baseline with carbon priced at the path when this is at least its
 * extra present value (ΔPV = −net savings).
 */
export function pathValue(baselineKg: readonly Decimal[], alternativeKg: readonly Decimal[], path: readonly CarbonPathYear[], resolved: ResolvedCase): Decimal {
  return sum(avoidedDiscountedTonnes(baselineKg, alternativeKg, path, resolved).map((t, i) => t.mul(path[i]!.nokPerTonne)));
}

/**
 * P_path = Σ p_t ΔT_t / D_t ÷ Σ ΔT_t / D_t (see the file's comment); null
 * when the avoided tonnes discount to zero, and null when the alternative
 * emits more than the baseline in some year and less in another: the
 * weights then have both signs and the "average" can fall outside the path
 * (above its highest price, below its lowest), which reads as an error;
 * pathValue says the same thing in kroner.
 */
export function pathEquivalent(baselineKg: readonly Decimal[], alternativeKg: readonly Decimal[], path: readonly CarbonPathYear[], resolved: ResolvedCase): Decimal | null {
  const discountedTonnes = avoidedDiscountedTonnes(baselineKg, alternativeKg, path, resolved);
  if (discountedTonnes.some((t) => t.isNegative() && !t.isZero())) return null;
  const denominator = sum(discountedTonnes);
  if (denominator.isZero()) return null;
  return sum(discountedTonnes.map((t, i) => t.mul(path[i]!.nokPerTonne))).div(denominator);
}

function measuresWithPath(evaluation: OkEvaluation, path: FinanceCarbonPath | null): MeasuresWithPath[] {
  const { resolved, core } = evaluation;
  const kgOf = new Map(core.alternatives.map((a) => [a.id, a.emissions.byYear]));
  const baselineKg = kgOf.get(resolved.baseline)!;
  return measuresAgainstBaseline(resolved, core).map((m) => {
    const priced = path !== null && m.breakEvenCarbonPrice !== null;
    return {
      ...m,
      pathEquivalent: priced ? pathEquivalent(baselineKg, kgOf.get(m.id)!, path.years, resolved) : null,
      pathValue: priced ? pathValue(baselineKg, kgOf.get(m.id)!, path.years, resolved) : null,
    };
  });
}

/** A factor's names and the unit its value is varied in: kg CO2e per the record's denominator ("kWh/km" × electricity → "kg CO2e/km"). */
export type FactorName = Bilingual & { unit: string };

/** Each set factor the case's items use, by its input key, named in both languages (the inputs carry an id or one language's name). */
function factorNamesOf(evaluation: OkEvaluation): Record<string, FactorName> {
  const names: Record<string, FactorName> = {};
  for (const item of evaluation.resolved.alternatives.flatMap((a) => a.emissions)) {
    const record = item.factor === null ? undefined : evaluation.context.set.records.get(item.factor);
    const per = record?.unit.split("/").slice(1).join("/");
    if (record !== undefined) names[`factor:${item.factor}`] = { nb: record.names.nb, en: record.names.en, unit: `kg CO2e/${per}` };
  }
  return names;
}

/** The Monte Carlo draws of every alternative; none when no draws are asked for. */
function drawsOf(evaluation: OkEvaluation, request: FinanceRequest): UncertaintyResult | null {
  if (request.samples === 0 || request.seed === undefined) return null;
  const model = uncertaintyModel(evaluation.resolved, evaluation.context, request.costPercent);
  // A large case draws fewer (DRAW_BUDGET); the result says how many, and the page says why.
  return runMonteCarlo(evaluation.resolved, model, { samples: Math.min(request.samples, maxSamplesFor(evaluation.resolved)), seed: request.seed });
}

/**
 * The sensitivity of B − A: every factor over its range from the factor
 * library (its source's published range, else the default for its kind of
 * data, marked by its basis; docs/decisions.md "Sensitivity ranges"), the
 * cost amounts by ± percent.
 */
function sensitivityOf(evaluation: OkEvaluation, pair: { a: string; b: string }, percent: number): SensitivityResult {
  const { set } = evaluation.context;
  return sensitivity(evaluation.resolved, { a: pair.a, b: pair.b, percent, factorRange: (item) => uncertaintyOf(set, item.factor, item) });
}

/**
 * Everything the finance page shows of an evaluated case.
 * Example: financeView(evaluation, { percent: 10, samples: 2000, seed: 42, costPercent: 10 })
 * → cash flows and measures of every alternative, the sensitivity of the
 *   best-ranked alternative against the baseline and 2 000 draws with seed 42.
 */
export function financeView(evaluation: OkEvaluation, request: FinanceRequest): FinanceView {
  const { resolved, core } = evaluation;
  const carbonPath = carbonPathOf(evaluation);
  const chosen = request.a !== undefined && request.b !== undefined && request.a !== request.b ? { a: request.a, b: request.b } : null;
  const pair = chosen ?? defaultPair(core, resolved.baseline);
  return {
    baseline: resolved.baseline,
    startYear: resolved.startYear,
    years: resolved.years,
    alternatives: core.ranking.order.map((id) => ({ id, name: core.alternatives.find((a) => a.id === id)!.name })),
    cashFlows: cashFlowsOf(resolved, core),
    measures: measuresWithPath(evaluation, carbonPath),
    carbonPath,
    pair,
    sensitivity: pair === null ? null : sensitivityOf(evaluation, pair, request.percent),
    uncertainty: drawsOf(evaluation, request),
    factorNames: factorNamesOf(evaluation),
    request,
  };
}
