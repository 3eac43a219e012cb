/**
 * Emissions by lifecycle stage (EN 15978 / NS 3720: A1-A3, A4, A5, B, C, D),
 * by scope (GHG Protocol lens: direct = last-mile deliveries and site
 * machinery, indirect = the rest), by year and by item.
 *
 * Emission of one occurrence in kg CO2e = quantity (in the factor's unit)
 * × factor × count. Stage D is reported on its own and never enters a
 * total, the scopes or the years.
 */
import { Decimal, ZERO, sum, zeros } from "./decimal.js";
import { occurrenceYears } from "./occurrences.js";
import { DATA_TIERS, STAGES, type DataTier, type EmissionsResult, type ResolvedEmissionItem, type Stage } from "./types.js";

/** Waste happens at the end of the period unless said otherwise; everything else in year 0. */
export function defaultEmissionAt(item: Pick<ResolvedEmissionItem, "kind">): 0 | "end" {
  return item.kind === "waste" ? "end" : 0;
}

/** kg CO2e of one occurrence. Example: 1.2 t × 118.79 kg/t × 1 = 142.55 kg. */
export function occurrenceKg(item: ResolvedEmissionItem): Decimal {
  return item.quantity.mul(item.kgPerUnit).mul(item.count);
}

/** kg CO2e of an occurrence in year index t: with a factor that changes by year, that year's value. */
export function occurrenceKgIn(item: ResolvedEmissionItem, year: number): Decimal {
  const perUnit = item.kgPerUnitByYear?.[year] ?? item.kgPerUnit;
  return item.quantity.mul(perUnit).mul(item.count);
}

/** The item's data tier: as declared, else spend-based for spend items and generic activity data for the rest. */
export function tierOf(item: Pick<ResolvedEmissionItem, "kind" | "tier">): DataTier {
  return item.tier ?? (item.kind === "spend" ? "spend" : "generic");
}

export function itemYears(item: ResolvedEmissionItem, years: number): number[] {
  return occurrenceYears(item, years, defaultEmissionAt(item));
}

export function alternativeEmissions(items: readonly ResolvedEmissionItem[], years: number): EmissionsResult {
  const byStage = Object.fromEntries(STAGES.map((s) => [s, ZERO])) as Record<Stage, Decimal>;
  const byYear = zeros(years + 1);
  const byTier = Object.fromEntries(DATA_TIERS.map((t) => [t, ZERO])) as Record<DataTier, Decimal>;
  let direct = ZERO;
  const rows: EmissionsResult["items"] = [];
  for (const item of items) {
    const when = itemYears(item, years);
    const each = when.map((year) => occurrenceKgIn(item, year));
    const kg = sum(each);
    const tier = tierOf(item);
    byStage[item.stage] = byStage[item.stage].plus(kg);
    rows.push({
      label: item.label,
      kind: item.kind,
      stage: item.stage,
      scope: item.scope,
      kg,
      factor: item.factor,
      source: item.source,
      existingStock: item.existingStock === true,
      ...(item.spend && { spend: item.spend }),
      tier,
      ...(item.epd && { epd: item.epd }),
      ...(item.kgPerUnitByYear && { yearVarying: true as const }),
    });
    if (item.stage === "D") continue;
    when.forEach((year, i) => (byYear[year] = byYear[year]!.plus(each[i]!)));
    byTier[tier] = byTier[tier].plus(kg);
    if (item.scope === "direct") direct = direct.plus(kg);
  }
  const total = sum(STAGES.filter((s) => s !== "D").map((s) => byStage[s]));
  return { totalKg: total, directKg: direct, indirectKg: total.minus(direct), byStage, byYear, items: rows, byTier };
}
