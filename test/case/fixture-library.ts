/**
 * The fixture factor set test-1 (round numbers, test/fixtures/factors/) and a
 * builder for small cases against it. Figures used by the tests:
 *   mat.steel 2000 kgCO2e/t · mat.wood 0.5 kgCO2e/kg · fuel.diesel 2.5 kgCO2e/l
 *   el.grid 20 gCO2e/kWh (default electricity, location) · el.residual 0.4 tCO2e/MWh (market)
 *   van.bev 0.25 kWh/km via electricity · van.diesel 0.1 l/km via fuel.diesel
 *   freight.road 0.1 kgCO2e/tkm · waste.paper.{landfill 1000, recycling 10, combustion 20} kgCO2e/t
 *   spend.furniture 0.5 kgCO2e/EUR (EUR, price year 2019)
 *   economics: 10 NOK/EUR (2019); CPI 2019 = 100, 2024 = 125; carbon path 2020: 1000, 2030: 2000
 */
import { fileURLToPath } from "node:url";
import { evaluateDocument, type Evaluation } from "../../src/case/evaluate-document.js";
import type { Problem } from "../../src/case/messages.js";
import type { FactorLibrary } from "../../src/factors/factor-set.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

export const FIXTURE_FACTOR_DIR = fileURLToPath(new URL("../fixtures/factors/", import.meta.url));

let cached: FactorLibrary | undefined;
export function fixtureLibrary(): FactorLibrary {
  cached ??= loadFactorLibrary(FIXTURE_FACTOR_DIR);
  return cached;
}

export type Json = Record<string, unknown>;

/** A valid case with one alternative per given list of emission items (ids A, B, …). */
export function caseWith(alternatives: { emissions?: Json[]; costs?: Json[]; wasteLevel?: string }[], analysis: Json = {}, top: Json = {}): Json {
  return {
    schema: "kalkyle.case/1",
    title: "Test",
    factorSet: "test-1",
    analysis: { startYear: 2024, years: 10, discountRate: 0.04, ...analysis },
    alternatives: alternatives.map((a, i) => ({ id: String.fromCharCode(65 + i), name: `Alternative ${i + 1}`, emissions: [], costs: [], ...a })),
    ...top,
  };
}

export type ResultJson = {
  schema: string;
  factorSet: string;
  factorSetHash: string;
  analysis: Json & { electricity: { factor: string; basis: string; kgCO2ePerUnit: number; unit: string }; priceYear: number };
  alternatives: {
    id: string;
    wasteLevel: string | null;
    wasteLevelSource: string | null;
    emissions: { totalKg: number; directKg: number; indirectKg: number; byStage: Record<string, number>; byYear: number[]; items: { label: string; kg: number; factor: string | null; source: string; stage: string; scope: string }[] };
    lcc: { presentValue: number; nominalTotal: number; byKind: Record<string, number>; byYear: number[]; carbonCostPresentValue?: number; presentValueWithCarbon?: number; equivalentAnnualCost: number };
    rank: number;
    dominated: boolean;
  }[];
  ranking: { method: string; order: string[] };
  comparison: { id: string; baseline: string; deltaKg: number; deltaPresentValue: number; abatementCostPerTonne: number | null; paybackYear: number | null }[];
};

/** Evaluates and fails loudly (with the problems) if the case is not valid. */
export function evaluateOk(doc: unknown): Extract<Evaluation, { ok: true }> & { json: ResultJson } {
  const evaluation = evaluateDocument(doc, fixtureLibrary());
  if (!evaluation.ok) throw new Error(`expected a valid case, got: ${JSON.stringify(evaluation.problems)}`);
  return { ...evaluation, json: evaluation.result as unknown as ResultJson };
}

/** Evaluates and returns the problems, failing if the case was accepted. */
export function problemsOf(doc: unknown): Problem[] {
  const evaluation = evaluateDocument(doc, fixtureLibrary());
  if (evaluation.ok) throw new Error("expected problems, but the case was accepted");
  return evaluation.problems;
}
