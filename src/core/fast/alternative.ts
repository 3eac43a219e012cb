/**
 * One compiled alternative in plain numbers, by the exact core's formulas:
 * emissions by stage, scope, year and item (EN 15978 stages, stage D
 * beside the total; an item whose factor changes by year weighs each
 * occurrence by its year's value; emissions.ts), lifecycle cost after
 * ISO 15686-5 with present value Σ A × (1+e)^t × discount factor(t),
 * nominal total, by kind and year and the equivalent annual cost
 * (lcc.ts), the carbon cost
 * Σ_t kg_t / 1000 × price_t × discount factor(t) (evaluate.ts), and the
 * suggested waste-pyramid level (waste-level.ts).
 *
 * Example: 1 000 NOK in year 10 at a flat 4 % → 1 000 × 0.675 564… = 675.56.
 */
import { DATA_TIERS, STAGES, WASTE_LEVELS, type DataTier, type Stage, type WasteLevel } from "../types.js";
import { CompensatedSums } from "./compensated-sums.js";
import { differenceOf } from "./figures.js";
import type { CompiledAlternative, CompiledCase, CompiledCosts, CompiledEmissions, CompiledWaste, NumericAlternativeResult, NumericEmissionRow, NumericEmissionsResult, NumericLccResult } from "./types.js";

const STAGE_D = STAGES.indexOf("D");
const DIRECT = 0;
const INDIRECT = 1;

/** Σ of occurrences from..to−1, compensated: an item whose factor changes by year weighs each year its own. */
function occurrencesSum(kg: Float64Array, from: number, to: number): number {
  const sum = new CompensatedSums(1);
  for (let k = from; k < to; k++) sum.add(0, kg[k]!);
  return sum.valueAt(0);
}

export function emissionsOf(e: CompiledEmissions, years: number): NumericEmissionsResult {
  const byStage = new CompensatedSums(STAGES.length);
  const byYear = new CompensatedSums(years + 1);
  const byScope = new CompensatedSums(2);
  const byTier = new CompensatedSums(DATA_TIERS.length);
  const items: NumericEmissionRow[] = new Array(e.rows.length);
  for (let i = 0; i < e.rows.length; i++) {
    const once = e.onceKg[i]!;
    const from = e.occurrenceStart[i]!;
    const to = e.occurrenceStart[i + 1]!;
    const varying = e.yearVarying[i] === 1;
    const kg = varying ? occurrencesSum(e.occurrenceKg, from, to) : once * (to - from);
    const stage = e.stage[i]!;
    byStage.add(stage, kg);
    const row = e.rows[i]!;
    // the exact core's field order, which the equality test compares
    items[i] = { label: row.label, kind: row.kind, stage: row.stage, scope: row.scope, kg, factor: row.factor, source: row.source, existingStock: row.existingStock, ...(row.spend && { spend: row.spend }), tier: row.tier!, ...(row.epd && { epd: row.epd }), ...(row.yearVarying && { yearVarying: row.yearVarying }) };
    if (stage === STAGE_D) continue;
    byTier.add(DATA_TIERS.indexOf(row.tier!), kg);
    for (let k = from; k < to; k++) byYear.add(e.occurrenceYear[k]!, varying ? e.occurrenceKg[k]! : once);
    byScope.add(e.direct[i] === 1 ? DIRECT : INDIRECT, kg);
  }
  const total = new CompensatedSums(1);
  for (let s = 0; s < STAGES.length; s++) if (s !== STAGE_D) total.add(0, byStage.valueAt(s));
  const stages = Object.fromEntries(STAGES.map((stage, s) => [stage, byStage.valueAt(s)])) as Record<Stage, number>;
  // indirect is summed over its own items: the exact core's total − direct, without the cancellation
  const tiers = Object.fromEntries(DATA_TIERS.map((tier, k) => [tier, byTier.valueAt(k)])) as Record<DataTier, number>;
  return { totalKg: total.valueAt(0), directKg: byScope.valueAt(DIRECT), indirectKg: byScope.valueAt(INDIRECT), byStage: stages, byYear: byYear.values(), items, byTier: tiers };
}

export function lifecycleCostOf(k: CompiledCosts, c: CompiledCase): NumericLccResult {
  const byYear = new CompensatedSums(c.years + 1);
  const byKind = new CompensatedSums(k.kinds.length);
  const nominal = new CompensatedSums(1);
  for (let p = 0; p < k.amount.length; p++) {
    const escalated = k.amount[p]! * k.escalationFactor[p]!;
    const year = k.year[p]!;
    const pv = escalated * c.discountFactor[year]!;
    byYear.add(year, pv);
    byKind.add(k.kind[p]!, pv);
    nominal.add(0, escalated);
  }
  const presentValue = new CompensatedSums(1);
  for (let t = 0; t <= c.years; t++) presentValue.add(0, byYear.valueAt(t));
  const pv = presentValue.valueAt(0);
  const kinds: NumericLccResult["byKind"] = {};
  k.kinds.forEach((kind, i) => (kinds[kind] = byKind.valueAt(i)));
  return { presentValue: pv, nominalTotal: nominal.valueAt(0), byKind: kinds, byYear: byYear.values(), equivalentAnnualCost: pv / c.annuity };
}

/** Σ_t kg_t / 1000 × price_t × discount factor(t). */
export function carbonCostOf(byYearKg: readonly number[], carbonPrice: Float64Array, discountFactor: Float64Array): number {
  let total = 0;
  for (let t = 0; t < byYearKg.length; t++) total += ((byYearKg[t]! / 1000) * carbonPrice[t]!) * discountFactor[t]!;
  return total;
}

const SUGGESTIBLE = [WASTE_LEVELS.indexOf("recycle"), WASTE_LEVELS.indexOf("recover"), WASTE_LEVELS.indexOf("dispose")];

/** The route that takes most of the own waste mass (a tie to the worse level), and its share; null without waste. */
export function suggestedWasteLevel(w: CompiledWaste): { level: WasteLevel; share: number } | null {
  const mass = new Float64Array(WASTE_LEVELS.length);
  for (let i = 0; i < w.level.length; i++) {
    const level = w.level[i]!;
    mass[level] = mass[level]! + w.onceKg[i]! * w.occurrences[i]!;
  }
  let best = -1;
  for (const level of SUGGESTIBLE) {
    if (mass[level] === 0) continue;
    if (best === -1 || differenceOf(mass[level]!, mass[best]!) >= 0) best = level;
  }
  if (best === -1) return null;
  let total = 0;
  for (let level = 0; level < mass.length; level++) total += mass[level]!;
  return { level: WASTE_LEVELS[best]!, share: mass[best]! / total };
}

export type EvaluatedAlternative = Omit<NumericAlternativeResult, "rank" | "dominated" | "dominatedBy" | "rankNote">;

export function evaluateAlternative(alt: CompiledAlternative, c: CompiledCase): EvaluatedAlternative {
  const emissions = emissionsOf(alt.emissions, c.years);
  const lcc = lifecycleCostOf(alt.costs, c);
  if (c.carbonPrice !== null) {
    lcc.carbonCostPresentValue = carbonCostOf(emissions.byYear, c.carbonPrice, c.discountFactor);
    lcc.presentValueWithCarbon = lcc.presentValue + lcc.carbonCostPresentValue;
  }
  const suggestion = suggestedWasteLevel(alt.waste);
  const declared = alt.wasteLevel !== null;
  return {
    id: alt.id,
    name: alt.name,
    wasteLevel: declared ? alt.wasteLevel : (suggestion?.level ?? null),
    wasteLevelSource: declared ? "declared" : suggestion === null ? null : "suggested",
    wasteLevelSuggestion: suggestion,
    emissions,
    lcc,
  };
}
