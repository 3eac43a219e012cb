/**
 * A compiled case over another analysis period N, built in plain numbers
 * from per-item figures taken once from the decimals, for the sensitivity
 * analysis, which asks for up to 200 periods. compileCase would give the
 * same model: the same occurrence years (occurrences.ts, by the rules
 * lcc.ts `payments` and emissions.ts `itemYears` follow), each payment the
 * item's signed amount, the residual value of a copy's unused service life
 * −A × unused / L in year N (lcc.ts), (1 + e)^t, kg per occurrence (for
 * a factor that changes by year, the factor of each calendar year spread
 * from the values as given, so a longer period reaches later given years),
 * and the discount factors and carbon prices of years 0..N. Only the rounding
 * differs: A × unused / L is rounded from doubles rather than from the
 * exact decimal, within a rounding or two of it.
 *
 * Example: 7 000 NOK with a 7-year life, N = 20 → 7 000 in years 0, 7, 14
 * and −7 000 × 1 / 7 = −1 000 in year 20; with N = 18 → −7 000 × 3 / 7 = −3 000 in year 18.
 */
import { discountScheduleOf } from "../evaluate.js";
import { itemYears } from "../emissions.js";
import { compileWaste } from "../fast/compile.js";
import type { CompiledAlternative, CompiledCase, CompiledCosts } from "../fast/types.js";
import { annuityOf, carbonPrices, discountFactors, growthFactor } from "../fast/year-factors.js";
import { signedAmount } from "../lcc.js";
import { occurrenceYears, unusedLifeYears } from "../occurrences.js";
import type { Decimal } from "../decimal.js";
import type { At, CostKind, ResolvedCase, ResolvedCostItem, ResolvedEmissionItem } from "../types.js";
import { valuesByYearIndex } from "../year-values.js";

/** When a payment falls without `at`: an end-of-life cost and a residual value at N, the rest in year 0 (as lcc.ts). */
function defaultAt(kind: CostKind): At {
  return kind === "endOfLife" || kind === "residual" ? "end" : 0;
}

type CostFigures = { item: ResolvedCostItem; amount: number; escalation: number };

function costsOver(items: readonly CostFigures[], years: number): CompiledCosts {
  // each item's payments: its occurrences, then the residual value of unused life (lcc.ts `payments`)
  const plans = items.map(({ item, amount }) => {
    const unused = unusedLifeYears(item, years);
    return { when: occurrenceYears(item, years, defaultAt(item.kind)), residual: unused > 0 ? -((amount * unused) / item.life!) : null };
  });
  const count = plans.reduce((n, plan) => n + plan.when.length + (plan.residual === null ? 0 : 1), 0);
  const out = { amount: new Float64Array(count), escalationFactor: new Float64Array(count), year: new Int32Array(count), kind: new Uint8Array(count), item: new Int32Array(count) };
  // the kinds in the order the payments first meet them (fast/compile.ts)
  const kinds: CostKind[] = [];
  const kindIndex = (kind: CostKind) => (kinds.includes(kind) ? kinds : kinds.concat(kind)).indexOf(kind);
  let p = 0;
  const add = (i: number, kind: number, year: number, amount: number) => {
    out.amount[p] = amount;
    out.escalationFactor[p] = growthFactor(items[i]!.escalation, year);
    out.year[p] = year;
    out.kind[p] = kind;
    out.item[p++] = i;
  };
  plans.forEach((plan, i) => {
    const { item, amount } = items[i]!;
    if (plan.when.length > 0) {
      const kind = kindIndex(item.kind);
      if (kind === kinds.length) kinds.push(item.kind);
      for (const year of plan.when) add(i, kind, year, amount);
    }
    if (plan.residual !== null) {
      const kind = kindIndex("residual");
      if (kind === kinds.length) kinds.push("residual");
      add(i, kind, years, plan.residual);
    }
  });
  return { ...out, kinds };
}

/**
 * kg CO2e of one occurrence of each item in year index t = 0..longest, for
 * the items whose factor changes by year (null for the rest): quantity ×
 * the factor of calendar year startYear + t × count, rounded once, the
 * year's factor spread from the values as given (year-values.ts).
 */
function kgByYearOf(items: readonly ResolvedEmissionItem[], startYear: number, longest: number): (Float64Array | null)[] {
  return items.map((item) => {
    if (item.kgPerUnitByYear === undefined) return null;
    const given = item.kgPerUnitGiven ?? asGiven(item.kgPerUnitByYear, startYear);
    return Float64Array.from(valuesByYearIndex(given, startYear, longest), (perUnit) => item.quantity.mul(perUnit).mul(item.count).toNumber());
  });
}

/** Values by year index read as given by calendar year (an item resolved without the values as given). */
function asGiven(byYear: readonly Decimal[], startYear: number): ReadonlyMap<number, Decimal> {
  return new Map(byYear.map((value, t) => [startYear + t, value]));
}

/** Item i of `when` occurs in occurrenceYear[occurrenceStart[i] .. occurrenceStart[i+1]) (fast/types.ts), weighing occurrenceKg. */
function occurrencesOf(when: readonly number[][], onceKg: Float64Array, kgByYear: readonly (Float64Array | null)[]): { occurrenceStart: Int32Array; occurrenceYear: Int32Array; occurrenceKg: Float64Array } {
  const occurrenceStart = new Int32Array(when.length + 1);
  when.forEach((w, i) => (occurrenceStart[i + 1] = occurrenceStart[i]! + w.length));
  const occurrenceYear = new Int32Array(occurrenceStart[when.length]!);
  const occurrenceKg = new Float64Array(occurrenceYear.length);
  when.forEach((w, i) => {
    occurrenceYear.set(w, occurrenceStart[i]!);
    const byYear = kgByYear[i];
    w.forEach((year, k) => (occurrenceKg[occurrenceStart[i]! + k] = byYear ? byYear[year]! : onceKg[i]!));
  });
  return { occurrenceStart, occurrenceYear, occurrenceKg };
}

/**
 * `compiled` (of `resolved`) over `years` years instead, for any years up
 * to `longest`. A year's discount factor and carbon price do not depend on
 * N, so they are computed once for years 0..longest and each period takes
 * its first N + 1.
 */
export function periodVariant(resolved: ResolvedCase, compiled: CompiledCase, longest: number): (years: number) => CompiledCase {
  const schedule = discountScheduleOf(resolved);
  const figures = resolved.alternatives.map((alt) => alt.costs.map((item) => ({ item, amount: signedAmount(item).toNumber(), escalation: item.escalation.toNumber() })));
  const allDiscountFactors = discountFactors(schedule, longest);
  const allCarbonPrices = resolved.carbonPrice === null ? null : carbonPrices(resolved.carbonPrice, resolved.startYear, longest);
  const kgByYear = resolved.alternatives.map((alt) => kgByYearOf(alt.emissions, resolved.startYear, longest));
  return (years) => {
    const alternatives = compiled.alternatives.map((alt, a): CompiledAlternative => {
      const items = resolved.alternatives[a]!.emissions;
      const emissions = { ...alt.emissions, ...occurrencesOf(items.map((item) => itemYears(item, years)), alt.emissions.onceKg, kgByYear[a]!) };
      return { ...alt, emissions, costs: costsOver(figures[a]!, years), waste: compileWaste(items, years) };
    });
    const discountFactor = allDiscountFactors.slice(0, years + 1);
    return {
      ...compiled,
      years,
      discountFactor,
      annuity: annuityOf(schedule, years, discountFactor),
      carbonPrice: allCarbonPrices === null ? null : allCarbonPrices.slice(0, years + 1),
      alternatives,
    };
  };
}
