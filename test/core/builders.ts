/**
 * Small builders for resolved items and cases, so that each core test states
 * only the figures it is about. Defaults are the CASE-FORMAT defaults.
 */
import { Decimal } from "../../src/core/decimal.js";
import type {
  AlternativeResult,
  CostKind,
  EmissionKind,
  ResolvedAlternative,
  ResolvedCase,
  ResolvedCostItem,
  ResolvedEmissionItem,
  Scope,
  Stage,
  WasteLevel,
} from "../../src/core/types.js";

export const d = (value: string | number): Decimal => new Decimal(value);

const STAGE_OF: Record<EmissionKind, [Stage, Scope]> = {
  material: ["A1-A3", "indirect"],
  spend: ["A1-A3", "indirect"],
  freight: ["A1-A3", "indirect"],
  delivery: ["A4", "direct"],
  machinery: ["A5", "direct"],
  energy: ["B", "indirect"],
  waste: ["C", "indirect"],
  fixed: ["A1-A3", "indirect"],
};

export type EmissionSpec = {
  kind?: EmissionKind;
  quantity: string | number;
  kgPerUnit: string | number;
  count?: string | number;
  at?: number | "end";
  every?: number;
  stage?: Stage;
  scope?: Scope;
  label?: string;
  waste?: { level: WasteLevel; massKg: string | number };
  existingStock?: boolean;
  life?: number;
};

export function emission(spec: EmissionSpec): ResolvedEmissionItem {
  const kind = spec.kind ?? "material";
  const [stage, scope] = STAGE_OF[kind];
  return {
    label: spec.label ?? kind,
    kind,
    stage: spec.stage ?? stage,
    scope: spec.scope ?? scope,
    factor: null,
    source: "test",
    quantity: d(spec.quantity),
    kgPerUnit: d(spec.kgPerUnit),
    count: d(spec.count ?? 1),
    at: spec.at,
    every: spec.every,
    life: spec.life,
    waste: spec.waste ? { level: spec.waste.level, massKg: d(spec.waste.massKg) } : undefined,
    existingStock: spec.existingStock,
  };
}

export type CostSpec = { kind?: CostKind; amount: string | number; at?: number | "end"; every?: number; life?: number; escalation?: string | number; label?: string };

export function cost(spec: CostSpec): ResolvedCostItem {
  const kind = spec.kind ?? "acquisition";
  return { label: spec.label ?? kind, kind, amount: d(spec.amount), escalation: d(spec.escalation ?? 0), at: spec.at, every: spec.every, life: spec.life };
}

export function alternative(id: string, parts: { emissions?: ResolvedEmissionItem[]; costs?: ResolvedCostItem[]; wasteLevel?: WasteLevel | null; name?: string } = {}): ResolvedAlternative {
  return { id, name: parts.name ?? `Alternative ${id}`, wasteLevel: parts.wasteLevel ?? null, emissions: parts.emissions ?? [], costs: parts.costs ?? [] };
}

export function resolvedCase(alternatives: ResolvedAlternative[], over: Partial<Omit<ResolvedCase, "alternatives">> = {}): ResolvedCase {
  return {
    title: "Test",
    startYear: 2026,
    years: 10,
    discountRate: d("0.04"),
    carbonPrice: null,
    baseline: alternatives[0]!.id,
    ranking: "waste-pyramid",
    alternatives,
    ...over,
  };
}

/** A point for ranking and dominance: only what those functions read. */
export function point(id: string, totalKg: string | number, presentValue: string | number, extra: { wasteLevel?: WasteLevel | null; withCarbon?: string | number; suggested?: boolean } = {}) {
  return {
    id,
    wasteLevel: extra.wasteLevel ?? null,
    wasteLevelSource: extra.wasteLevel == null ? null : extra.suggested ? ("suggested" as const) : ("declared" as const),
    emissions: { totalKg: d(totalKg) } as AlternativeResult["emissions"],
    lcc: {
      presentValue: d(presentValue),
      presentValueWithCarbon: extra.withCarbon === undefined ? undefined : d(extra.withCarbon),
    } as AlternativeResult["lcc"],
  };
}
