/**
 * Compiles a resolved case once into the model the fast evaluator runs
 * again and again: every occurrence year (service life and residual value
 * by the exact core's own occurrences.ts and lcc.ts `payments`), each
 * occurrence's kg CO2e (its own year's, for a factor that changes by
 * year) and each payment's NOK rounded once from the exact decimals, and the per-year discount, escalation and carbon-price factors
 * as Float64Arrays. What is left to do per evaluation is sums of products.
 *
 * Example: 7 000 NOK with life 7 over 20 years compiles to payments
 * 7 000 in years 0, 7 and 14 and −1 000 (residual) in year 20.
 */
import { discountScheduleOf } from "../evaluate.js";
import { itemYears, occurrenceKg, occurrenceKgIn, tierOf } from "../emissions.js";
import { payments } from "../lcc.js";
import { STAGES, WASTE_LEVELS, type CostKind, type ResolvedAlternative, type ResolvedCase, type ResolvedCostItem, type ResolvedEmissionItem } from "../types.js";
import type { CompiledAlternative, CompiledCase, CompiledCosts, CompiledEmissions, CompiledWaste } from "./types.js";
import { annuityOf, carbonPrices, discountFactors, growthFactor } from "./year-factors.js";

export function compileEmissions(items: readonly ResolvedEmissionItem[], years: number): CompiledEmissions {
  const when = items.map((item) => itemYears(item, years));
  const occurrenceStart = new Int32Array(items.length + 1);
  when.forEach((w, i) => (occurrenceStart[i + 1] = occurrenceStart[i]! + w.length));
  const onceKg = Float64Array.from(items, (item) => occurrenceKg(item).toNumber());
  // a factor that changes by year weighs each occurrence by its own year's value (emissions.ts occurrenceKgIn)
  const perOccurrence = items.flatMap((item, i) => (item.kgPerUnitByYear ? when[i]!.map((year) => occurrenceKgIn(item, year).toNumber()) : when[i]!.map(() => onceKg[i]!)));
  return {
    onceKg,
    yearVarying: Uint8Array.from(items, (item) => (item.kgPerUnitByYear ? 1 : 0)),
    occurrenceKg: Float64Array.from(perOccurrence),
    stage: Uint8Array.from(items, (item) => STAGES.indexOf(item.stage)),
    direct: Uint8Array.from(items, (item) => (item.scope === "direct" ? 1 : 0)),
    occurrenceStart,
    occurrenceYear: Int32Array.from(when.flat()),
    rows: items.map((item) => ({
      label: item.label,
      kind: item.kind,
      stage: item.stage,
      scope: item.scope,
      factor: item.factor,
      source: item.source,
      existingStock: item.existingStock === true,
      ...(item.spend && { spend: item.spend }),
      tier: tierOf(item),
      ...(item.epd && { epd: item.epd }),
      ...(item.kgPerUnitByYear && { yearVarying: true as const }),
    })),
  };
}

export function compileCosts(items: readonly ResolvedCostItem[], years: number): CompiledCosts {
  const all = items.flatMap((item, index) => payments(item, years).map((payment) => ({ ...payment, index })));
  const kinds: CostKind[] = [];
  for (const payment of all) if (!kinds.includes(payment.kind)) kinds.push(payment.kind);
  return {
    amount: Float64Array.from(all, (p) => p.amount.toNumber()),
    escalationFactor: Float64Array.from(all, (p) => growthFactor(p.escalation.toNumber(), p.year)),
    year: Int32Array.from(all, (p) => p.year),
    kind: Uint8Array.from(all, (p) => kinds.indexOf(p.kind)),
    item: Int32Array.from(all, (p) => p.index),
    kinds,
  };
}

/** The alternative's own waste items (not existing stock), as waste-level.ts counts them. */
export function compileWaste(items: readonly ResolvedEmissionItem[], years: number): CompiledWaste {
  const own = items.filter((item) => item.waste && !item.existingStock);
  return {
    level: Uint8Array.from(own, (item) => WASTE_LEVELS.indexOf(item.waste!.level)),
    onceKg: Float64Array.from(own, (item) => item.waste!.massKg.mul(item.count).toNumber()),
    occurrences: Int32Array.from(own, (item) => itemYears(item, years).length),
  };
}

function compileAlternative(alt: ResolvedAlternative, years: number): CompiledAlternative {
  return {
    id: alt.id,
    name: alt.name,
    wasteLevel: alt.wasteLevel,
    emissions: compileEmissions(alt.emissions, years),
    costs: compileCosts(alt.costs, years),
    waste: compileWaste(alt.emissions, years),
  };
}

/**
 * The model of one resolved case, to be evaluated by `evaluateCompiled`
 * as often as needed. Compile again when the case changes.
 */
export function compileCase(resolved: ResolvedCase): CompiledCase {
  const schedule = discountScheduleOf(resolved);
  const discountFactor = discountFactors(schedule, resolved.years);
  return {
    years: resolved.years,
    ranking: resolved.ranking,
    baseline: resolved.baseline,
    discountFactor,
    annuity: annuityOf(schedule, resolved.years, discountFactor),
    carbonPrice: resolved.carbonPrice === null ? null : carbonPrices(resolved.carbonPrice, resolved.startYear, resolved.years),
    alternatives: resolved.alternatives.map((alt) => compileAlternative(alt, resolved.years)),
  };
}
