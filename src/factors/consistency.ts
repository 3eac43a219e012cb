/**
 * Cross-record checks a schema cannot express: units that parse, chains
 * that end in a CO2e factor, a default electricity record, and spend
 * records whose currency and price year the set can convert.
 */
import { parseFactorUnit } from "../core/units.js";
import type { FactorSet } from "./factor-set.js";
import { CHOSEN_ELECTRICITY, resolveFactor } from "./resolve-factor.js";
import { exchangeRate } from "./spend.js";

export function checkSetConsistency(set: FactorSet): string[] {
  const problems: string[] = [];
  const electricity = set.records.get(set.manifest.defaults.electricity);
  if (electricity?.group !== "electricity") problems.push(`set.json: defaults.electricity "${set.manifest.defaults.electricity}" is not an electricity record`);
  for (const record of set.records.values()) {
    const where = `record "${record.id}"`;
    if (parseFactorUnit(record.unit) === null) {
      problems.push(`${where}: unit "${record.unit}" is not kgCO2e/<unit> (or g/t CO2e) nor a chained <unit>/<unit>`);
      continue;
    }
    if (record.via !== undefined && record.via !== CHOSEN_ELECTRICITY && !set.records.has(record.via)) problems.push(`${where}: via "${record.via}" names no record`);
    if (electricity?.group === "electricity" && !resolveFactor(set, record.id, electricity.id).ok) problems.push(`${where}: cannot be resolved to kg CO2e per unit`);
    if (record.group === "spend") {
      if (exchangeRate(set.economics, record.currency!, record.priceYear!) === null) problems.push(`${where}: no exchange rate for ${record.currency} in ${record.priceYear}`);
      if (set.economics.priceIndex.values[String(record.priceYear)] === undefined) problems.push(`${where}: no price index for ${record.priceYear}`);
    }
  }
  return problems;
}
