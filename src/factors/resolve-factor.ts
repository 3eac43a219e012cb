/**
 * Turns a factor id into kg CO2e per unit of its denominator.
 *
 * A chained record (e.g. a battery-electric van in kWh/km "via"
 * electricity) is multiplied by the factor it names, after converting its
 * numerator into that factor's unit; "electricity" stands for the case's
 * chosen electricity factor, so one setting moves every electric item.
 *
 * Example: 0.389 kWh/km via 0.015 kgCO2e/kWh → 0.005835 kgCO2e/km
 */
import { Decimal } from "../core/decimal.js";
import { convertQuantity, parseFactorUnit } from "../core/units.js";
import { citation, type FactorSet } from "./factor-set.js";
import type { FactorRecord } from "./schema.js";

export const CHOSEN_ELECTRICITY = "electricity";

export type ResolvedFactor = {
  readonly id: string;
  readonly record: FactorRecord;
  readonly kgPerUnit: Decimal;
  /** The unit a quantity must be converted to. */
  readonly unit: string;
  readonly source: string;
  /** True when the emission comes from electricity (an electricity record, or a chain ending in one). */
  readonly electric: boolean;
  /** kg CO2e per unit by calendar year, for a record (or a chain ending in one) with values by year. */
  readonly byYear?: ReadonlyMap<number, Decimal>;
};

/** The record's values by calendar year in kg CO2e per unit (× the numerator's scale). */
function yearValues(record: FactorRecord, scale: Decimal): ReadonlyMap<number, Decimal> | undefined {
  if (record.byYear === undefined) return undefined;
  return new Map(Object.entries(record.byYear).map(([year, value]) => [Number(year), new Decimal(value).mul(scale)]));
}

export type FactorLookup = { ok: true; factor: ResolvedFactor } | { ok: false; problem: "unknown-factor" | "bad-chain"; id: string };

const MAX_CHAIN = 4;

export function resolveFactor(set: FactorSet, id: string, electricityId: string, depth = 0): FactorLookup {
  const recordId = id === CHOSEN_ELECTRICITY ? electricityId : id;
  const record = set.records.get(recordId);
  if (!record) return { ok: false, problem: "unknown-factor", id: recordId };
  const unit = parseFactorUnit(record.unit);
  if (!unit || depth > MAX_CHAIN) return { ok: false, problem: "bad-chain", id: recordId };
  const value = new Decimal(record.value);
  const own = citation(record.source);
  if (unit.numerator.kind === "co2e") {
    const byYear = yearValues(record, unit.numerator.kgPerUnit);
    return { ok: true, factor: { id: recordId, record, kgPerUnit: value.mul(unit.numerator.kgPerUnit), unit: unit.denominator, source: own, electric: record.group === "electricity", ...(byYear && { byYear }) } };
  }
  if (record.via === undefined) return { ok: false, problem: "bad-chain", id: recordId };
  const next = resolveFactor(set, record.via, electricityId, depth + 1);
  if (!next.ok) return { ok: false, problem: "bad-chain", id: recordId };
  const scale = convertQuantity({ value: new Decimal(1), unit: unit.numerator.unit }, next.factor.unit);
  if (scale === null) return { ok: false, problem: "bad-chain", id: recordId };
  return {
    ok: true,
    factor: {
      id: recordId,
      record,
      kgPerUnit: value.mul(scale).mul(next.factor.kgPerUnit),
      unit: unit.denominator,
      source: `${own} × ${next.factor.id}: ${next.factor.source}`,
      electric: next.factor.electric,
      ...(next.factor.byYear && { byYear: new Map([...next.factor.byYear].map(([year, kg]) => [year, value.mul(scale).mul(kg)])) }),
    },
  };
}
