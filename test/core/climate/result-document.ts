/**
 * A small `kalkyle.result/1` document for the climate tests: alternatives
 * with the emissions by year, the direct and indirect totals and the
 * present value the decision figures read; checked against the result
 * schema, so a test never hands the core a document the store would refuse.
 */
import { resultSchema, type ResultDocument } from "../../../src/case/result-schema.js";

export type AlternativeFigures = { id: string; name?: string; kgByYear: number[]; directKg?: number; indirectKg?: number; presentValue?: number };

const sumOf = (values: number[]) => values.reduce((a, b) => a + b, 0);

function alternative(a: AlternativeFigures, rank: number): ResultDocument["alternatives"][number] {
  const totalKg = sumOf(a.kgByYear);
  const directKg = a.directKg ?? 0;
  return {
    id: a.id,
    name: a.name ?? a.id,
    wasteLevel: null,
    wasteLevelSource: null,
    emissions: {
      totalKg,
      directKg,
      indirectKg: a.indirectKg ?? totalKg - directKg,
      byStage: { "A1-A3": totalKg, A4: 0, A5: 0, B: 0, C: 0, D: 0 },
      byYear: a.kgByYear,
      items: [],
    },
    lcc: { presentValue: a.presentValue ?? 0, nominalTotal: a.presentValue ?? 0, byKind: {}, byYear: a.kgByYear.map(() => 0), equivalentAnnualCost: 0 },
    rank,
    dominated: false,
    dominatedBy: [],
    rankNote: null,
    wasteLevelSuggestion: null,
  };
}

/** The first alternative is the baseline; every other gets a comparison row against it. */
export function resultDocument(alternatives: AlternativeFigures[], options: { factorSet?: string; factorSetHash?: string } = {}): ResultDocument {
  const years = alternatives[0]!.kgByYear.length - 1;
  const baseline = alternatives[0]!.id;
  return resultSchema.parse({
    schema: "kalkyle.result/1",
    title: "Test",
    factorSet: options.factorSet ?? "2025-2",
    factorSetHash: options.factorSetHash ?? "sha256:abc",
    analysis: {
      startYear: 2026,
      years,
      discountRate: 0.04,
      discountRateSource: "given",
      discountSchedule: [{ fromYear: 0, rate: 0.04 }],
      electricity: { factor: "el", basis: "location", kgCO2ePerUnit: 0.02, unit: "kWh" },
      priceYear: 2026,
    },
    alternatives: alternatives.map((a, i) => alternative(a, i + 1)),
    ranking: { method: "waste-pyramid", order: alternatives.map((a) => a.id) },
    comparison: alternatives.slice(1).map((a) => ({ id: a.id, baseline, deltaKg: 0, deltaPresentValue: 0, abatementCostPerTonne: null, paybackYear: null, payback: "never" })),
    warnings: [],
    notes: [],
  });
}
