/**
 * When a document has structural problems (an unknown field, a negative
 * year), its other parts are still checked against the factor set, so one
 * round reports every problem: a bad unit, an unknown factor id and a
 * baseline naming no alternative come back together with the typo.
 *
 * Parts that fail their own schema are replaced by neutral stand-ins (an
 * item of 0 kg, a cost of 0 kr, an analysis long enough for any year) and
 * whatever the stand-ins cause is dropped; the salvaged document is only
 * ever checked, never evaluated or saved.
 */
import type { FactorLibrary } from "../factors/factor-set.js";
import type { Problem } from "./messages.js";
import { resolveCase } from "./resolve.js";
import { alternativeSchema, analysisSchema, caseSchema, costItemSchema, emissionItemSchema, type AlternativeInput, type CaseDocument } from "./schema.js";

const STAND_IN_EMISSION = { kind: "fixed", factor: { value: 0, unit: "kgCO2e/unit" }, quantity: 0 } as const;
const STAND_IN_COST = { kind: "other", amount: 0, escalation: 0 } as const;
const STAND_IN_ANALYSIS = { startYear: 2000, years: 200, discountRate: 0.04 };

type Salvaged = { doc: CaseDocument; standIns: string[]; analysisReplaced: boolean; idReplaced: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function salvageList<T>(raw: unknown, parse: (item: unknown) => T | undefined, standIn: T, path: string, standIns: string[]): T[] {
  if (!Array.isArray(raw)) return [];
  return raw.map((item, i) => {
    const parsed = parse(item);
    if (parsed !== undefined) return parsed;
    standIns.push(`${path}[${i}]`);
    return standIn;
  });
}

function salvageAlternative(raw: unknown, i: number, standIns: string[]): { alt: AlternativeInput; idReplaced: boolean } {
  const whole = alternativeSchema.safeParse(raw);
  if (whole.success) return { alt: whole.data, idReplaced: false };
  const r = isRecord(raw) ? raw : {};
  const id = alternativeSchema.shape.id.safeParse(r.id);
  const level = alternativeSchema.shape.wasteLevel.safeParse(r.wasteLevel);
  const path = `alternatives[${i}]`;
  return {
    idReplaced: !id.success,
    alt: {
      id: id.success ? id.data : `\u0000${i}`,
      name: "–",
      wasteLevel: level.success ? level.data : undefined,
      emissions: salvageList(r.emissions, (e) => (emissionItemSchema.safeParse(e).data as AlternativeInput["emissions"][number] | undefined), { ...STAND_IN_EMISSION } as AlternativeInput["emissions"][number], `${path}.emissions`, standIns),
      costs: salvageList(r.costs, (c) => costItemSchema.safeParse(c).data, { ...STAND_IN_COST } as AlternativeInput["costs"][number], `${path}.costs`, standIns),
    },
  };
}

function salvage(input: unknown): Salvaged | null {
  if (!isRecord(input) || !Array.isArray(input.alternatives) || input.alternatives.length === 0) return null;
  const standIns: string[] = [];
  const analysis = analysisSchema.safeParse(input.analysis);
  const alternatives = input.alternatives.map((a, i) => salvageAlternative(a, i, standIns));
  const optional = <T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }, value: unknown): T | undefined => (value === undefined ? undefined : schema.safeParse(value).data);
  const doc: CaseDocument = {
    schema: "kalkyle.case/1",
    title: "–",
    analysis: analysis.success ? analysis.data : STAND_IN_ANALYSIS,
    factorSet: optional(caseSchema.shape.factorSet, input.factorSet),
    baseline: optional(caseSchema.shape.baseline, input.baseline),
    ranking: optional(caseSchema.shape.ranking, input.ranking) ?? "waste-pyramid",
    alternatives: alternatives.map((a) => a.alt),
  };
  return { doc, standIns, analysisReplaced: !analysis.success, idReplaced: alternatives.some((a) => a.idReplaced) };
}

/** Problems the factor set finds in the parts of a structurally broken document that did parse. */
export function salvagedProblems(input: unknown, library: FactorLibrary): Problem[] {
  const salvaged = salvage(input);
  if (!salvaged) return [];
  const resolution = resolveCase(salvaged.doc, library);
  if (resolution.ok) return [];
  const { standIns, analysisReplaced, idReplaced } = salvaged;
  return resolution.problems.filter((p) => {
    if (standIns.some((s) => p.path === s || p.path.startsWith(`${s}.`))) return false;
    if (analysisReplaced && (p.code === "after-period" || p.path.startsWith("analysis") || p.code === "needs-carbon-price")) return false;
    if (idReplaced && (p.code === "unknown-baseline" || p.code === "duplicate-id")) return false;
    return true;
  });
}
