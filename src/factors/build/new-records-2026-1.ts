/**
 * The records set 2026-1 adds, each with its values by calendar year, built
 * from raw source rows: NVE's climate declaration for physically delivered
 * electricity, and road diesel whose fossil share follows the biofuel
 * blend mandate (Kalkyle's own derivation from two cited figures).
 *
 * Example (2024): 2.66155 kg CO2e per litre of mineral diesel × (1 − 0.19)
 * = 2.1558555 kg CO2e per litre of road diesel at the mandate's share.
 */
import { join } from "node:path";
import { Decimal } from "../../core/decimal.js";
import type { FactorRecord } from "../schema.js";
import { readCitation, readCsv, theRow, type Row } from "./raw-rows.js";

const NVE = "nve-klimadeklarasjon";
const MANDATE = "miljodirektoratet-omsetningskrav";

/** Rows sorted by year; a year given twice stops the build. */
function byYearRows(file: string): Row[] {
  const rows = readCsv(file).sort((a, b) => a.year!.localeCompare(b.year!));
  const years = rows.map((r) => r.year!);
  if (new Set(years).size !== years.length || years.some((y) => !/^\d{4}$/.test(y))) throw new Error(`${file}: each row needs its own four-digit year`);
  return rows;
}

/** A value map of decimal texts keyed by year, and the latest year's value. */
function yearly(rows: Row[], valueOf: (row: Row) => Decimal) {
  const byYear = Object.fromEntries(rows.map((r) => [r.year!, valueOf(r).toString()]));
  return { byYear, value: byYear[rows.at(-1)!.year!]! };
}

export function deliveredElectricityRecord(sources: string): FactorRecord {
  const folder = join(sources, NVE);
  const rows = byYearRows(join(folder, "delivered.csv"));
  const { byYear, value } = yearly(rows, (r) => new Decimal(r["g CO2e/kWh"]!).div(1000));
  // The table is the publisher's Norwegian words and figures; which release each year was read in goes in the note.
  const years = rows.map((r) => `${r.year}: ${r["g CO2e/kWh"]} g CO2e/kWh`).join("; ");
  const releases = rows.map((r) => `${r.year}: ${r.release}`).join("; ");
  return {
    id: "electricity.no.delivered",
    group: "electricity",
    names: { nb: "Strøm, Norge, fysisk levert, etter år (NVE)", en: "Electricity, Norway, physically delivered, by year (NVE)" },
    value,
    byYear,
    unit: "kgCO2e/kWh",
    stage: "B",
    electricityBasis: "location",
    source: { ...readCitation(folder), table: `Klimadeklarasjon for fysisk levert strøm ${rows[0]!.year}–${rows.at(-1)!.year}: ${years}` },
    note: `NVE's yearly climate declaration for the electricity physically delivered in Norway, location-based, including imports; published in g CO2e/kWh. A year of a case takes its own calendar year's value, linear between published years and the nearest published year beyond them (so every year after ${rows.at(-1)!.year} uses ${rows.at(-1)!.year}'s). NVE updated its factors per production source for 2023 (IPCC 2006 guidelines, AR5 GWP100); earlier years use the factors it used before. Releases read: ${releases}.`,
  };
}

/** Diesel for road traffic: mineral diesel per litre (DESNZ 2025) × (1 − the year's blend mandate). */
export function roadDieselRecord(sources: string): FactorRecord {
  const desnz = join(sources, "desnz-2025");
  const fuels = join(desnz, "fuels-and-bioenergy.csv");
  const mineral = theRow(readCsv(fuels), { "Level 2": "Liquid fuels", "Level 3": "Diesel (100% mineral diesel)", UOM: "litres", "GHG/Unit": "kg CO2e" }, fuels);
  const fossil = new Decimal(mineral["GHG Conversion Factor 2025"]!);
  const folder = join(sources, MANDATE);
  const rows = byYearRows(join(folder, "road-mandate.csv"));
  const share = (r: Row) => new Decimal(r["total (volume %)"]!).div(100);
  const { byYear, value } = yearly(rows, (r) => fossil.mul(new Decimal(1).minus(share(r))));
  const latest = rows.at(-1)!;
  const total = new Decimal(latest["total (volume %)"]!);
  const sub = new Decimal(latest["advanced sub-mandate (volume %)"]!);
  const leastPhysical = sub.plus(total.minus(sub).div(2));
  const highest = fossil.mul(new Decimal(1).minus(leastPhysical.div(100)));
  // Written as the publisher writes it: volumprosent, decimal comma.
  const percent = (text: string) => `${text.replace(".", ",")} %`;
  const mandates = rows.map((r) => `${r.year}: ${percent(r["total (volume %)"]!)} (delkrav avansert biodrivstoff minst ${percent(r["advanced sub-mandate (volume %)"]!)})`).join("; ");
  return {
    id: "fuel.diesel.road-no",
    group: "fuel",
    names: { nb: "Diesel til veitrafikk i Norge, fossil andel etter omsetningskravet, etter år", en: "Diesel for road traffic in Norway, fossil share per the biofuel mandate, by year" },
    value,
    byYear,
    unit: "kgCO2e/l",
    source: { ...readCitation(folder), table: `Omsetningskravet i veitrafikk, volumprosent av alt drivstoff omsatt til veitrafikk: ${mandates}` },
    note: `Kalkyle's own derivation from two published figures, not a published factor: ${fossil} kg CO2e per litre of 100 % mineral diesel (UK DESNZ 2025, Fuels › Liquid fuels › Diesel (100% mineral diesel) › litres, flat-file ID ${mineral.ID}; record fuel.diesel.mineral) × (1 − the year's blend mandate); ${latest.year}: ${fossil} × (1 − ${share(latest)}) = ${value}. Combustion (scope 1) of the fossil share only; the bio share's emissions and well-to-tank are not included. Caveats: advanced biofuel above the sub-mandate counts double, so the physical bio share can be lower than the mandate (in ${latest.year} as low as ${leastPhysical} % if the rule applies as Miljødirektoratet's guide M-10 states it for 2023, giving up to ${highest} kg per litre), which makes this factor too low; the mandate is for petrol and diesel together and sellers may blend more, so diesel's own bio share may be higher, which makes it too high. Read it as diesel blended exactly to the mandate's volume share. Years after ${latest.year} use ${latest.year}'s value until a later mandate is added.`,
  };
}
