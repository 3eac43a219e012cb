/**
 * fast-check generators of random *valid* cases against the fixture set
 * test-1. A case is generated as a spec (quantities as exact decimals in a
 * base unit) and written out as a document by `toDoc`, so that a property
 * can write the same case twice — scaled, in other units, at another
 * discount rate — and compare.
 */
import fc from "fast-check";
import { Decimal } from "../../src/core/decimal.js";
import { COST_KINDS, RANKING_METHODS, STAGES, type CostKind, type RankingMethod, type Stage } from "../../src/core/types.js";
import type { Json } from "./fixture-library.js";

type Unit = { unit: string; perBase: string };
const MASS: Unit[] = [{ unit: "kg", perBase: "1" }, { unit: "t", perBase: "0.001" }, { unit: "g", perBase: "1000" }];
const ENERGY: Unit[] = [{ unit: "kWh", perBase: "1" }, { unit: "MWh", perBase: "0.001" }, { unit: "Wh", perBase: "1000" }];
const DISTANCE: Unit[] = [{ unit: "km", perBase: "1" }, { unit: "m", perBase: "1000" }];
const VOLUME: Unit[] = [{ unit: "l", perBase: "1" }, { unit: "ml", perBase: "1000" }];
const TKM: Unit[] = [{ unit: "tkm", perBase: "1" }];
const MONEY: Unit[] = [{ unit: "NOK", perBase: "1" }, { unit: "kr", perBase: "1" }, { unit: "", perBase: "1" }];

/** An inline factor given per calendar year: the spec's drawn `yearValues` in `unit`, negated for a stage D credit. */
export type YearFactorChoice = { byYearIn: string; sign: 1 | -1 };
/** What an item can point at, with the units its quantity may be written in. */
export type FactorChoice = { kind: string; factor: string | { value: number; unit: string } | YearFactorChoice; units: Unit[]; stage?: Stage };
export const FACTOR_CHOICES: FactorChoice[] = [
  { kind: "material", factor: "mat.steel", units: MASS },
  { kind: "material", factor: "mat.wood", units: MASS },
  { kind: "machinery", factor: "fuel.diesel", units: VOLUME },
  { kind: "energy", factor: "el.grid", units: ENERGY },
  { kind: "energy", factor: "el.residual", units: ENERGY },
  { kind: "energy", factor: "electricity", units: ENERGY },
  { kind: "delivery", factor: "van.bev", units: DISTANCE },
  { kind: "delivery", factor: "van.diesel", units: DISTANCE },
  { kind: "freight", factor: "freight.road", units: TKM },
  { kind: "waste", factor: "waste.paper.landfill", units: MASS },
  { kind: "waste", factor: "waste.paper.recycling", units: MASS },
  { kind: "waste", factor: "waste.paper.combustion", units: MASS },
  { kind: "spend", factor: "spend.furniture", units: MONEY },
  { kind: "material", factor: { value: 1.5, unit: "kgCO2e/kg" }, units: MASS },
  { kind: "energy", factor: { value: 250, unit: "gCO2e/kWh" }, units: ENERGY },
  { kind: "fixed", factor: { value: 0.2, unit: "tCO2e/unit" }, units: [{ unit: "unit", perBase: "1" }] },
  { kind: "material", factor: { value: -0.5, unit: "kgCO2e/kg" }, units: MASS, stage: "D" },
  { kind: "energy", factor: { byYearIn: "kgCO2e/kWh", sign: 1 }, units: ENERGY },
  { kind: "material", factor: { byYearIn: "tCO2e/t", sign: 1 }, units: MASS },
  { kind: "material", factor: { byYearIn: "kgCO2e/kg", sign: -1 }, units: MASS, stage: "D" },
];

export type Timing = { at?: number | "end"; every?: number; life?: number };
/** `yearValues`: calendar year → factor, used when the choice is a factor given per year. */
export type EmissionSpec = { choice: number; base: string; unit: number; count?: number; timing: Timing; stage?: Stage; scope?: "direct" | "indirect"; asNumber: boolean; yearValues: Record<string, number> };
export type CostSpec = { kind: CostKind; amount: number; asText: boolean; timing: Timing; escalation?: number };
export type AlternativeSpec = { wasteLevel?: string; emissions: EmissionSpec[]; costs: CostSpec[] };
export type CaseSpec = {
  startYear: number;
  years: number;
  /** undefined: R-109's declining schedule. */
  discountRate: number | undefined;
  carbonPrice?: "default" | Record<string, number>;
  ranking: RankingMethod;
  baseline: number;
  alternatives: AlternativeSpec[];
};

/** An exact decimal with up to 3 places, 0 … 10 000 000. */
const decimalText = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 3 })).map(([n, places]) => new Decimal(n).div(new Decimal(10).pow(places)).toString());
/** `at` is drawn before the period is known and folded into 0..N by toDoc. */
const timing: fc.Arbitrary<Timing> = fc.record(
  {
    at: fc.option(fc.oneof(fc.nat(60), fc.constant("end" as const)), { nil: undefined }),
    every: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    life: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined, freq: 3 }),
  },
  { requiredKeys: [] },
);

/**
 * A factor given per calendar year: 1–4 years from 2010 to 2080 (before,
 * inside and after the generated periods, which start 2015–2045), each
 * 0 … 3 with up to 4 places.
 */
const yearValues = fc.dictionary(
  fc.integer({ min: 2010, max: 2080 }).map(String),
  fc.integer({ min: 0, max: 30_000 }).map((n) => n / 10_000),
  { minKeys: 1, maxKeys: 4 },
);

export const emissionSpec: fc.Arbitrary<EmissionSpec> = fc.record(
  {
    choice: fc.nat(FACTOR_CHOICES.length - 1),
    base: decimalText,
    unit: fc.nat(2),
    count: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
    timing,
    stage: fc.option(fc.constantFrom(...STAGES), { nil: undefined, freq: 4 }),
    scope: fc.option(fc.constantFrom("direct" as const, "indirect" as const), { nil: undefined, freq: 4 }),
    asNumber: fc.boolean(),
    yearValues,
  },
  { requiredKeys: ["choice", "base", "unit", "timing", "asNumber", "yearValues"] },
);

export const costSpec: fc.Arbitrary<CostSpec> = fc.record(
  {
    kind: fc.constantFrom(...COST_KINDS),
    amount: fc.integer({ min: 0, max: 5_000_000 }),
    asText: fc.boolean(),
    timing,
    escalation: fc.option(fc.constantFrom(0, 0.01, 0.02, 0.035, -0.01, -0.05, 0.1), { nil: undefined }),
  },
  { requiredKeys: ["kind", "amount", "asText", "timing"] },
);

export const alternativeSpec: fc.Arbitrary<AlternativeSpec> = fc.record(
  {
    wasteLevel: fc.option(fc.constantFrom("prevent", "reuse", "recycle", "recover", "dispose"), { nil: undefined, freq: 3 }),
    emissions: fc.array(emissionSpec, { maxLength: 6 }),
    costs: fc.array(costSpec, { maxLength: 4 }),
  },
  { requiredKeys: ["emissions", "costs"] },
);

const carbonPrice = fc.option(
  fc.oneof(
    fc.constant("default" as const),
    fc.dictionary(fc.integer({ min: 2000, max: 2100 }).map(String), fc.integer({ min: 0, max: 10_000 }), { minKeys: 1, maxKeys: 4 }),
  ),
  { nil: undefined },
);

export const caseSpec: fc.Arbitrary<CaseSpec> = fc
  .record({
    startYear: fc.integer({ min: 2015, max: 2045 }),
    years: fc.integer({ min: 1, max: 30 }),
    discountRate: fc.oneof(fc.constantFrom(0, 0.04, undefined), fc.integer({ min: 0, max: 150 }).map((n) => n / 1000)),
    carbonPrice,
    ranking: fc.constantFrom(...RANKING_METHODS),
    baseline: fc.nat(3),
    alternatives: fc.array(alternativeSpec, { minLength: 1, maxLength: 4 }),
  }, { requiredKeys: ["startYear", "years", "discountRate", "ranking", "baseline", "alternatives"] })
  .map((s) => (s.ranking === "lcc-with-carbon" && s.carbonPrice === undefined ? { ...s, ranking: "lcc" as const } : s));

export type DocOptions = {
  /** Multiply every emission quantity by this exact factor. */
  scale?: Decimal;
  /** Write each quantity in this unit of its family instead of the spec's (index into the family). */
  unitIndex?: number;
  discountRate?: number;
  years?: number;
  /** Write no discount rate: R-109's declining schedule. */
  r109?: boolean;
  ranking?: RankingMethod;
};

/** Kinds that take no service life (the case refuses `life` on them). */
const NO_LIFE = new Set(["residual", "endOfLife", "waste"]);

function timingFor(t: Timing, years: number, kind: string): Timing {
  const out: Timing = {};
  if (t.at !== undefined) out.at = t.at === "end" ? "end" : t.at % (years + 1);
  if (t.every !== undefined) out.every = t.every;
  else if (t.life !== undefined && !NO_LIFE.has(kind)) out.life = t.life;
  return out;
}

function factorDoc(factor: FactorChoice["factor"], yearValues: Record<string, number>): Json[string] {
  if (typeof factor === "string" || !("byYearIn" in factor)) return factor;
  const { byYearIn, sign } = factor;
  return { byYear: Object.fromEntries(Object.entries(yearValues).map(([year, value]) => [year, sign * value])), unit: byYearIn };
}

function emissionDoc(e: EmissionSpec, years: number, o: DocOptions): Json {
  const choice = FACTOR_CHOICES[e.choice]!;
  const unit = choice.units[Math.min(o.unitIndex ?? e.unit, choice.units.length - 1)]!;
  const value = new Decimal(e.base).mul(o.scale ?? 1).mul(unit.perBase);
  // A bare number is NOK for spend factors; elsewhere write the unit.
  const quantity = choice.kind === "spend" && (unit.unit === "" || e.asNumber) ? value.toNumber() : `${value.toString()} ${unit.unit === "" ? "NOK" : unit.unit}`;
  const doc: Json = { kind: choice.kind, factor: factorDoc(choice.factor, e.yearValues), quantity, ...timingFor(e.timing, years, choice.kind) };
  if (e.count !== undefined) doc.count = e.count;
  const stage = choice.stage ?? e.stage;
  if (stage !== undefined) doc.stage = stage;
  if (e.scope !== undefined) doc.scope = e.scope;
  return doc;
}

function costDoc(c: CostSpec, years: number): Json {
  const doc: Json = { kind: c.kind, amount: c.asText ? `${c.amount} NOK` : c.amount, ...timingFor(c.timing, years, c.kind) };
  if (c.escalation !== undefined) doc.escalation = c.escalation;
  return doc;
}

export function toDoc(spec: CaseSpec, o: DocOptions = {}): Json {
  const years = o.years ?? spec.years;
  const ids = spec.alternatives.map((_, i) => `alt-${i + 1}`);
  return {
    schema: "kalkyle.case/1",
    title: "Random case",
    factorSet: "test-1",
    analysis: {
      startYear: spec.startYear,
      years,
      ...(o.r109 === true || (o.discountRate ?? spec.discountRate) === undefined ? {} : { discountRate: o.discountRate ?? spec.discountRate }),
      ...(spec.carbonPrice === undefined ? {} : { carbonPrice: spec.carbonPrice }),
    },
    baseline: ids[spec.baseline % ids.length],
    ranking: o.ranking ?? spec.ranking,
    alternatives: spec.alternatives.map((a, i) => ({
      id: ids[i],
      name: `Alternative ${i + 1}`,
      ...(a.wasteLevel === undefined ? {} : { wasteLevel: a.wasteLevel }),
      emissions: a.emissions.map((e) => emissionDoc(e, years, o)),
      costs: a.costs.map((c) => costDoc(c, years)),
    })),
  };
}
