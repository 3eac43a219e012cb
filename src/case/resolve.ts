/**
 * Checks a structurally valid case against its factor set and resolves it
 * for the core: factor ids become kg CO2e per unit with their source,
 * quantities are converted to the factor's unit, spend is put onto the
 * factor's currency and price year, and every year lies in the period.
 * Every problem is collected; the core only ever sees a valid case.
 */
import { Decimal } from "../core/decimal.js";
import type { EmissionKind, SpendBasisUsed, ResolvedAlternative, ResolvedCase, ResolvedCostItem, ResolvedEmissionItem, Scope, Stage } from "../core/types.js";
import { convertQuantity, isCurrency, MAX_QUANTITY_LENGTH, parseFactorUnit, parseQuantity, type WrittenNumber } from "../core/units.js";
import type { FactorLibrary, FactorSet } from "../factors/factor-set.js";
import { resolveFactor } from "../factors/resolve-factor.js";
import { canConvertSpend, defaultPriceYear, priceIndexYears, spendOnFactorBasis } from "../factors/spend.js";
import { wasteRouteLevel } from "../factors/waste-route.js";
import { R109_SCHEDULE, flatSchedule } from "../core/discount.js";
import { valuesByYearIndex } from "../core/year-values.js";
import { bundledCarbonPath, type BundledCarbonPath } from "./carbon-path.js";
import { resolveMarkup, resolveTier } from "./resolve-tiers.js";
import { resolveAward } from "./resolve-award.js";
import { figureProblem } from "./figures.js";
import type { Problem } from "./messages.js";
import { parseNok, type MoneyParse } from "./money.js";
import { numberFormatProblem } from "./number-format.js";
import type { AlternativeInput, CaseDocument, CostItemInput, EmissionItemInput } from "./schema.js";

export type CaseContext = {
  set: FactorSet;
  electricity: { factor: string; basis: "location" | "market"; kgPerUnit: Decimal; unit: string };
  priceYear: number;
  /** The bundled carbon price path used, or null for the case's own path or none. */
  carbonPath: BundledCarbonPath | null;
};
export type Resolution = { ok: true; resolved: ResolvedCase; context: CaseContext } | { ok: false; problems: Problem[] };

const DEFAULTS: Record<EmissionKind, { stage: Stage; scope: Scope }> = {
  material: { stage: "A1-A3", scope: "indirect" },
  spend: { stage: "A1-A3", scope: "indirect" },
  freight: { stage: "A1-A3", scope: "indirect" },
  delivery: { stage: "A4", scope: "direct" },
  machinery: { stage: "A5", scope: "direct" },
  energy: { stage: "B", scope: "indirect" },
  waste: { stage: "C", scope: "indirect" },
  fixed: { stage: "A1-A3", scope: "indirect" },
};

class Collector {
  readonly problems: Problem[] = [];
  add(path: string, code: Problem["code"], params: Record<string, string> = {}): void {
    this.problems.push({ path, code, params });
  }
  /** A number the format does not read ("1 200 l", "1,5 kr"), or a text over the length limit. */
  addWritten(path: string, value: string, problem: { problem: "too-long" } | { problem: "number-format"; written?: WrittenNumber }): void {
    if (problem.problem === "too-long") this.add(path, "too-long", { max: String(MAX_QUANTITY_LENGTH) });
    else this.problems.push(numberFormatProblem(path, value, problem.written ?? { number: "", rest: "" }));
  }
}

type MoneyProblem = Extract<MoneyParse, { ok: false }>;

/** A refused amount; for a spend quantity, text that is not an amount in NOK says so. */
function moneyProblem(path: string, value: string, money: MoneyProblem, out: Collector, options: { spend: boolean }): void {
  if (money.problem === "too-long" || money.problem === "number-format") return out.addWritten(path, value, { ...money, problem: money.problem });
  out.add(path, options.spend && money.problem === "money-syntax" ? "spend-currency" : money.problem, { value });
}

type Env = { set: FactorSet; electricityId: string; priceYear: number; startYear: number; years: number; out: Collector };

/** Factor denominators that count things (or money): the only ones a bare number may stand for. */
const COUNTED_UNITS = new Set(["unit", "units", "pcs", "stk"]);

/** Kinds that happen once at a set time and so have no service life. */
const NO_LIFE = new Set(["residual", "endOfLife", "waste"]);

function checkTiming(item: { kind: string; at?: number | "end" | undefined; every?: number | undefined; life?: number | undefined }, path: string, env: Env): void {
  if (typeof item.at === "number" && item.at > env.years) env.out.add(`${path}.at`, "after-period", { year: String(item.at), years: String(env.years) });
  if (item.life !== undefined && item.every !== undefined) env.out.add(`${path}.life`, "life-and-every");
  else if (item.life !== undefined && NO_LIFE.has(item.kind)) env.out.add(`${path}.life`, "life-not-allowed", { kind: item.kind });
}

/**
 * An inline factor given per calendar year: kg CO2e per unit by year, the
 * start year's value as its single value. Each year is checked on its own
 * and named in its problem: a negative value outside stage D.
 */
function yearFactor(factor: { byYear: Record<string, number>; unit: string }, path: string, env: Env, stage: Stage) {
  const unit = parseFactorUnit(factor.unit);
  if (!unit || unit.numerator.kind !== "co2e") {
    env.out.add(`${path}.factor.unit`, "factor-unit", { unit: factor.unit });
    return undefined;
  }
  const scale = unit.numerator.kgPerUnit;
  const byYear = new Map(Object.entries(factor.byYear).map(([year, value]) => [Number(year), new Decimal(String(value)).mul(scale)]));
  for (const [year, value] of Object.entries(factor.byYear)) if (value < 0 && stage !== "D") env.out.add(`${path}.factor.byYear.${year}`, "negative-factor-year", { year });
  const kgPerUnit = valuesByYearIndex(byYear, env.startYear, 0)[0]!;
  return { id: null, record: undefined, kgPerUnit, unit: unit.denominator, source: "inline factor given in the case, by year", electric: false, byYear };
}

/**
 * The kg CO2e of one item in each given year must be a figure a result can
 * carry (figures.ts), as the single value's must; the years between lie
 * between two given ones. An inline factor's year is named by its path,
 * a bundled record's by the quantity that makes it too big.
 */
function checkYearFigures(given: ReadonlyMap<number, Decimal>, quantity: Decimal, count: Decimal, item: EmissionItemInput, path: string, env: Env): boolean {
  let ok = true;
  for (const [year, perUnit] of given) {
    const problem = figureProblem(quantity.mul(perUnit).mul(count), { fromNonZero: !quantity.isZero() && !perUnit.isZero() && !count.isZero() });
    if (problem === null) continue;
    ok = false;
    const at = typeof item.factor === "string" ? `${path}.quantity` : `${path}.factor.byYear.${year}`;
    env.out.add(at, problem === "not-finite" ? "year-figure-not-finite" : "year-figure-underflow", { value: String(item.quantity), year: String(year) });
  }
  return ok;
}

/** The factor as kg CO2e per unit, or undefined after reporting why not. */
function itemFactor(item: EmissionItemInput, path: string, env: Env) {
  if (typeof item.factor === "string") {
    const found = resolveFactor(env.set, item.factor, env.electricityId);
    if (!found.ok) env.out.add(`${path}.factor`, "unknown-factor", { id: item.factor, set: env.set.id });
    return found.ok ? found.factor : undefined;
  }
  if ("byYear" in item.factor) return yearFactor(item.factor, path, env, item.stage ?? DEFAULTS[item.kind].stage);
  const unit = parseFactorUnit(item.factor.unit);
  if (!unit || unit.numerator.kind !== "co2e") {
    env.out.add(`${path}.factor.unit`, "factor-unit", { unit: item.factor.unit });
    return undefined;
  }
  const value = new Decimal(String(item.factor.value));
  if (value.isNegative() && (item.stage ?? DEFAULTS[item.kind].stage) !== "D") env.out.add(`${path}.factor.value`, "negative-factor");
  return { id: null, record: undefined, kgPerUnit: value.mul(unit.numerator.kgPerUnit), unit: unit.denominator, source: "inline factor given in the case", electric: false, byYear: undefined };
}

/** The quantity in the factor's unit (spend: in its currency and price year). */
function itemQuantity(item: EmissionItemInput, path: string, factor: NonNullable<ReturnType<typeof itemFactor>>, env: Env): Decimal | undefined {
  const text = String(item.quantity);
  if (isCurrency(factor.unit)) {
    const money = parseNok(item.quantity);
    if (!money.ok) return void moneyProblem(`${path}.quantity`, text, money, env.out, { spend: true });
    const record = factor.record;
    if (!record || record.currency === undefined || record.priceYear === undefined) {
      if (factor.unit !== "NOK") return void env.out.add(`${path}.quantity`, "spend-currency", { value: text });
      return money.nok;
    }
    const basis = { currency: record.currency, priceYear: record.priceYear };
    if (!canConvertSpend(env.set.economics, basis, env.priceYear)) return void env.out.add(`${path}.quantity`, "price-year", { year: String(env.priceYear), options: priceIndexYears(env.set.economics).join(", ") });
    return spendOnFactorBasis(money.nok, env.priceYear, basis, env.set.economics);
  }
  if (typeof item.quantity === "number") {
    // A bare number is safe only where the factor counts things: anywhere else "12" might be kg or t.
    if (!COUNTED_UNITS.has(factor.unit)) return void env.out.add(`${path}.quantity`, "needs-unit", { value: text, unit: factor.unit });
    return new Decimal(text);
  }
  const parsed = parseQuantity(text);
  if (!parsed.ok) {
    if (parsed.problem === "too-long" || parsed.problem === "number-format") return void env.out.addWritten(`${path}.quantity`, text, { ...parsed, problem: parsed.problem });
    // an unknown unit close to an accepted spelling names it ("Tonn": did you mean "tonn"?)
    const near = parsed.problem === "unknown-unit" && parsed.suggestion !== undefined ? { suggestion: parsed.suggestion } : undefined;
    const code = parsed.problem === "syntax" ? "quantity-syntax" : near ? "unknown-unit-near" : parsed.problem;
    return void env.out.add(`${path}.quantity`, code, { value: text, unit: factor.unit, given: parsed.detail ?? "", ...near });
  }
  const converted = convertQuantity(parsed.quantity, factor.unit);
  if (converted === null) return void env.out.add(`${path}.quantity`, "unit-mismatch", { value: text, unit: factor.unit });
  const figure = figureProblem(converted, { fromNonZero: !parsed.quantity.value.isZero() });
  if (figure) return void env.out.add(`${path}.quantity`, figure, { value: text, unit: factor.unit });
  return converted;
}

function wasteMass(item: EmissionItemInput, factor: NonNullable<ReturnType<typeof itemFactor>>, quantity: Decimal) {
  const level = factor.record && wasteRouteLevel(factor.record);
  if (item.kind !== "waste" || level === undefined) return undefined;
  const massKg = convertQuantity({ value: quantity, unit: factor.unit }, "kg");
  return massKg === null ? undefined : { level, massKg };
}

/** The spend item's price years and basis, stated in every result (spend screening overstates: see the factor). */
function spendBasis(factor: NonNullable<ReturnType<typeof itemFactor>>, env: Env): SpendBasisUsed | undefined {
  const r = factor.record;
  if (r?.group !== "spend" || r.currency === undefined || r.priceYear === undefined || r.priceBasis === undefined) return undefined;
  return { priceYear: env.priceYear, factorPriceYear: r.priceYear, currency: r.currency, priceBasis: r.priceBasis };
}

function resolveEmission(item: EmissionItemInput, path: string, env: Env): ResolvedEmissionItem | undefined {
  checkTiming(item, path, env);
  if (item.existingStock && item.kind !== "waste") env.out.add(`${path}.existingStock`, "existing-stock-not-waste");
  const tier = resolveTier(item, path, (at, code, params) => env.out.add(at, code, params));
  const factor = itemFactor(item, path, env);
  const quantity = factor && itemQuantity(item, path, factor, env);
  if (!factor || quantity === undefined) return undefined;
  const count = new Decimal(String(item.count ?? 1));
  // The kg CO2e of one item must be a figure a result can carry (figures.ts).
  const kg = figureProblem(quantity.mul(factor.kgPerUnit).mul(count), { fromNonZero: !quantity.isZero() && !factor.kgPerUnit.isZero() && !count.isZero() });
  if (kg) return void env.out.add(path, kg, { value: String(item.quantity), unit: "kg CO2e" });
  if (factor.byYear && !checkYearFigures(factor.byYear, quantity, count, item, path, env)) return undefined;
  if (!tier) return undefined;
  const defaults = DEFAULTS[item.kind];
  const byYear = factor.byYear && valuesByYearIndex(factor.byYear, env.startYear, env.years);
  return {
    label: item.label || factor.id || item.kind,
    kind: item.kind,
    stage: item.stage ?? defaults.stage,
    // Electricity burns no fuel on the site or in the van: indirect, whatever the kind.
    scope: item.scope ?? (factor.electric ? "indirect" : defaults.scope),
    factor: factor.id,
    source: factor.source,
    quantity,
    kgPerUnit: byYear?.[0] ?? factor.kgPerUnit,
    ...(byYear && { kgPerUnitByYear: byYear, kgPerUnitGiven: factor.byYear }),
    count,
    ...tier,
    at: item.at,
    every: item.every,
    life: item.life,
    waste: wasteMass(item, factor, quantity),
    existingStock: item.existingStock === true,
    spend: spendBasis(factor, env),
  };
}

function resolveCost(item: CostItemInput, path: string, env: Env): ResolvedCostItem | undefined {
  checkTiming(item, path, env);
  const money = parseNok(item.amount);
  if (!money.ok) return void moneyProblem(`${path}.amount`, String(item.amount), money, env.out, { spend: false });
  return { label: item.label || item.kind, kind: item.kind, amount: money.nok, escalation: new Decimal(String(item.escalation ?? 0)), at: item.at, every: item.every, life: item.life };
}

function resolveAlternative(alt: AlternativeInput, path: string, env: Env): ResolvedAlternative {
  const emissions = alt.emissions.map((e, i) => resolveEmission(e, `${path}.emissions[${i}]`, env));
  const costs = alt.costs.map((c, i) => resolveCost(c, `${path}.costs[${i}]`, env));
  return {
    id: alt.id,
    name: alt.name,
    wasteLevel: alt.wasteLevel ?? null,
    emissions: emissions.filter((e): e is ResolvedEmissionItem => e !== undefined),
    costs: costs.filter((c): c is ResolvedCostItem => c !== undefined),
  };
}

function chooseElectricity(doc: CaseDocument, set: FactorSet, out: Collector) {
  const id = doc.analysis.electricity ?? set.manifest.defaults.electricity;
  const record = set.records.get(id);
  if (!record) out.add("analysis.electricity", "unknown-factor", { id, set: set.id });
  else if (record.group !== "electricity") out.add("analysis.electricity", "not-electricity", { id });
  return record?.group === "electricity" ? record : set.records.get(set.manifest.defaults.electricity)!;
}

/** The case's own path as given, or a bundled path (rebased to the price year where the set says its price level). */
function carbonPath(doc: CaseDocument, set: FactorSet, priceYear: number, out: Collector): { prices: Map<number, Decimal> | null; bundled: BundledCarbonPath | null } {
  const given = doc.analysis.carbonPrice;
  if (given === undefined) return { prices: null, bundled: null };
  if (typeof given === "object") return { prices: new Map(Object.entries(given).map(([year, price]) => [Number(year), new Decimal(String(price))])), bundled: null };
  const found = bundledCarbonPath(set.economics, given, priceYear);
  if (!found.ok) {
    out.add("analysis.carbonPrice", found.code, { id: given, set: set.id, ...found.params });
    return { prices: null, bundled: null };
  }
  return { prices: found.prices, bundled: found.path };
}

export function resolveCase(doc: CaseDocument, library: FactorLibrary): Resolution {
  const out = new Collector();
  const set = library.sets.get(doc.factorSet ?? library.newest);
  if (!set) return { ok: false, problems: [{ path: "factorSet", code: "unknown-factor-set", params: { id: doc.factorSet ?? "", options: [...library.sets.keys()].join(", ") } }] };
  const electricity = chooseElectricity(doc, set, out);
  const indexYears = priceIndexYears(set.economics);
  const priceYear = doc.analysis.priceYear ?? defaultPriceYear(set.economics, doc.analysis.startYear);
  if (!indexYears.includes(priceYear)) out.add("analysis.priceYear", "price-year", { year: String(priceYear), options: indexYears.join(", ") });
  const ids = doc.alternatives.map((a) => a.id);
  ids.forEach((id, i) => ids.indexOf(id) !== i && out.add(`alternatives[${i}].id`, "duplicate-id", { id }));
  const baseline = doc.baseline ?? ids[0]!;
  if (!ids.includes(baseline)) out.add("baseline", "unknown-baseline", { id: baseline, options: ids.join(", ") });
  if (doc.ranking === "lcc-with-carbon" && doc.analysis.carbonPrice === undefined) out.add("ranking", "needs-carbon-price");
  const carbon = carbonPath(doc, set, priceYear, out);
  const award = resolveAward(doc, carbon.prices, set, priceYear, (path, code, params) => out.add(path, code, params));
  const env: Env = { set, electricityId: electricity.id, priceYear, startYear: doc.analysis.startYear, years: doc.analysis.years, out };
  const alternatives = doc.alternatives.map((a, i) => resolveAlternative(a, `alternatives[${i}]`, env));
  if (out.problems.length > 0) return { ok: false, problems: out.problems };
  const chosen = resolveFactor(set, electricity.id, electricity.id);
  if (!chosen.ok) throw new Error(`factor set ${set.id}: electricity record ${electricity.id} does not resolve`);
  const rate = doc.analysis.discountRate === undefined ? R109_SCHEDULE[0]!.rate : new Decimal(String(doc.analysis.discountRate));
  return {
    ok: true,
    context: { set, priceYear, carbonPath: carbon.bundled, electricity: { factor: electricity.id, basis: electricity.electricityBasis!, kgPerUnit: chosen.factor.kgPerUnit, unit: chosen.factor.unit } },
    resolved: {
      title: doc.title,
      startYear: doc.analysis.startYear,
      years: doc.analysis.years,
      discountRate: rate,
      discountSchedule: doc.analysis.discountRate === undefined ? R109_SCHEDULE : flatSchedule(rate),
      carbonPrice: carbon.prices,
      ...(award && { award }),
      ...resolveMarkup(doc),
      baseline,
      ranking: doc.ranking,
      alternatives,
    },
  };
}
