/**
 * Cross-record checks a schema cannot express: units that parse, chains
 * that end in a CO2e factor, a default electricity record, spend records
 * whose currency and price year the set can convert, CO2-only records that
 * say so in their names (and chains through them that say so too), carbon
 * price paths whose price level the price index holds, and a change list
 * that names records the set holds.
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
  problems.push(...checkCo2Only(set), ...checkCarbonPaths(set), ...checkChanges(set));
  return problems;
}

/** A CO2-only value is shown as such: its names say "kun CO2" / "CO2 only", and a chain through it is CO2-only too. */
function checkCo2Only(set: FactorSet): string[] {
  const problems: string[] = [];
  for (const record of set.records.values()) {
    const where = `record "${record.id}"`;
    const through = record.via === undefined ? undefined : set.records.get(record.via);
    if (through?.gases === "CO2" && record.gases !== "CO2") problems.push(`${where}: chained through the CO2-only record "${through.id}" but not marked gases "CO2"`);
    if (record.gases !== "CO2") continue;
    if (!record.names.nb.includes("kun CO2")) problems.push(`${where}: a CO2-only record says "kun CO2" in its Norwegian name`);
    if (!record.names.en.includes("CO2 only")) problems.push(`${where}: a CO2-only record says "CO2 only" in its English name`);
  }
  return problems;
}

function checkCarbonPaths(set: FactorSet): string[] {
  return (set.economics.carbonPricePaths ?? [])
    .filter((path) => set.economics.priceIndex.values[String(path.priceLevelYear)] === undefined)
    .map((path) => `economics.json: carbon price path "${path.id}" is in ${path.priceLevelYear} kroner, but the price index has no ${path.priceLevelYear}`);
}

function checkChanges(set: FactorSet): string[] {
  return (set.changes?.records ?? [])
    .filter((c) => (c.change === "removed") === set.records.has(c.id))
    .map((c) => `changes.json: record "${c.id}" is listed as ${c.change} but the set ${set.records.has(c.id) ? "holds" : "does not hold"} it`);
}
