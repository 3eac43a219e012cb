/**
 * The result document `kalkyle.result/1`: the core's exact decimals become
 * plain JSON numbers here, at the edge, and nowhere earlier.
 */
import type { Decimal } from "../core/decimal.js";
import type { AlternativeResult, CoreResult, ResolvedCase } from "../core/types.js";
import type { CaseContext } from "./resolve.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** −0 (e.g. 0 kg × a negative stage-D factor) is written as 0: a plain number, no "−0" on screen. */
const num = (d: Decimal): number => (d.isZero() ? 0 : d.toNumber());
const nums = (ds: readonly Decimal[]): number[] => ds.map(num);
const numRecord = (r: Partial<Record<string, Decimal>>): Record<string, number> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, num(v!)]));

function alternativeJson(a: AlternativeResult): Json {
  const lcc: Record<string, Json> = {
    presentValue: num(a.lcc.presentValue),
    nominalTotal: num(a.lcc.nominalTotal),
    byKind: numRecord(a.lcc.byKind),
    byYear: nums(a.lcc.byYear),
  };
  if (a.lcc.carbonCostPresentValue !== undefined) {
    lcc.carbonCostPresentValue = num(a.lcc.carbonCostPresentValue);
    lcc.presentValueWithCarbon = num(a.lcc.presentValueWithCarbon!);
  }
  lcc.equivalentAnnualCost = num(a.lcc.equivalentAnnualCost);
  return {
    id: a.id,
    name: a.name,
    wasteLevel: a.wasteLevel,
    wasteLevelSource: a.wasteLevelSource,
    emissions: {
      totalKg: num(a.emissions.totalKg),
      directKg: num(a.emissions.directKg),
      indirectKg: num(a.emissions.indirectKg),
      byStage: numRecord(a.emissions.byStage),
      byYear: nums(a.emissions.byYear),
      items: a.emissions.items.map((i) => ({ label: i.label, kind: i.kind, stage: i.stage, scope: i.scope, kg: num(i.kg), factor: i.factor, source: i.source })),
    },
    lcc,
    rank: a.rank,
    dominated: a.dominated,
  };
}

export function resultJson(result: CoreResult, resolved: ResolvedCase, context: CaseContext): Json {
  const analysis: Record<string, Json> = {
    startYear: resolved.startYear,
    years: resolved.years,
    discountRate: num(resolved.discountRate),
    electricity: { factor: context.electricity.factor, basis: context.electricity.basis, kgCO2ePerUnit: num(context.electricity.kgPerUnit), unit: context.electricity.unit },
    priceYear: context.priceYear,
  };
  if (resolved.carbonPrice) analysis.carbonPrice = Object.fromEntries([...resolved.carbonPrice].map(([y, p]) => [String(y), num(p)]));
  return {
    schema: "kalkyle.result/1",
    title: resolved.title,
    factorSet: context.set.id,
    factorSetHash: context.set.hash,
    analysis,
    alternatives: result.alternatives.map(alternativeJson),
    ranking: { method: result.ranking.method, order: result.ranking.order },
    comparison: result.comparison.map((c) => ({
      id: c.id,
      baseline: c.baseline,
      deltaKg: num(c.deltaKg),
      deltaPresentValue: num(c.deltaPresentValue),
      abatementCostPerTonne: c.abatementCostPerTonne === null ? null : num(c.abatementCostPerTonne),
      paybackYear: c.paybackYear,
    })),
  };
}
