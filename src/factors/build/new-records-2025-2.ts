/**
 * The records set 2025-2 builds from raw source rows: DESNZ 2025 fuel
 * combustion (Fuels, Bioenergy), fossil CO2 from incinerating plastics
 * (IPCC 2006 vol. 5, equation 5.1), and the excavator chained to the
 * diesel factor it was derived with.
 */
import { join } from "node:path";
import { Decimal } from "../../core/decimal.js";
import type { FactorRecord } from "../schema.js";
import { readCitation, readCsv, theRow } from "./raw-rows.js";

type Combustion = { id: string; nb: string; en: string; level2: string; level3: string; uom: string; unit: string; note: string; level1?: string };

const BIOGENIC = "Biogenic CO2 of the bio share is not part of this factor (DESNZ 'Outside of scopes').";
const SCOPE1_BIO = "Scope 1 CH4 and N2O only; the biogenic CO2 (DESNZ 'Outside of scopes') is not part of this factor. Production (well-to-tank) emissions are not included.";

const COMBUSTION: Combustion[] = [
  { id: "fuel.diesel.b-avg", nb: "Diesel (gjennomsnittlig biodrivstoffinnblanding, UK)", en: "Diesel (average biofuel blend, UK)", level2: "Liquid fuels", level3: "Diesel (average biofuel blend)", uom: "litres", unit: "kgCO2e/l", note: `Combustion (scope 1) of UK forecourt diesel with its average bio share. ${BIOGENIC} Well-to-tank: fuel.diesel.b-avg.wtt.` },
  { id: "fuel.diesel.mineral", nb: "Diesel, 100 % mineralsk", en: "Diesel, 100 % mineral", level2: "Liquid fuels", level3: "Diesel (100% mineral diesel)", uom: "litres", unit: "kgCO2e/l", note: "Combustion (scope 1) of diesel without bio share." },
  { id: "fuel.gas-oil", nb: "Gassolje (fyringsolje/anleggsdiesel, UK 'gas oil')", en: "Gas oil", level2: "Liquid fuels", level3: "Gas oil", uom: "litres", unit: "kgCO2e/l", note: "UK 'gas oil' (red diesel, heating and off-road use); combustion (scope 1)." },
  { id: "fuel.petrol.b-avg", nb: "Bensin (gjennomsnittlig biodrivstoffinnblanding, UK)", en: "Petrol (average biofuel blend, UK)", level2: "Liquid fuels", level3: "Petrol (average biofuel blend)", uom: "litres", unit: "kgCO2e/l", note: `Combustion (scope 1). ${BIOGENIC}` },
  { id: "fuel.natural-gas.m3", nb: "Naturgass, per m³", en: "Natural gas, per m³", level2: "Gaseous fuels", level3: "Natural gas", uom: "cubic metres", unit: "kgCO2e/m3", note: "UK natural gas (with its small biomethane share) per cubic metre; combustion (scope 1)." },
  { id: "fuel.natural-gas.kwh", nb: "Naturgass, per kWh (brennverdi, øvre)", en: "Natural gas, per kWh (gross CV)", level2: "Gaseous fuels", level3: "Natural gas", uom: "kWh (Gross CV)", unit: "kgCO2e/kWh", note: "Per kWh on gross calorific value (GCV), as DESNZ states it." },
  { id: "fuel.propane", nb: "Propan", en: "Propane", level2: "Gaseous fuels", level3: "Propane", uom: "litres", unit: "kgCO2e/l", note: "Combustion (scope 1)." },
  { id: "fuel.lpg", nb: "LPG (flytende petroleumsgass)", en: "LPG", level2: "Gaseous fuels", level3: "LPG", uom: "litres", unit: "kgCO2e/l", note: "Combustion (scope 1). Well-to-tank: fuel.lpg.wtt." },
  { id: "fuel.hvo100", nb: "HVO100 (hydrogenert vegetabilsk olje)", en: "HVO100 (hydrotreated vegetable oil)", level1: "Bioenergy", level2: "Biofuel", level3: "Biodiesel HVO", uom: "litres", unit: "kgCO2e/l", note: `${SCOPE1_BIO} Production emissions dominate HVO's life-cycle footprint and depend on the feedstock.` },
  { id: "fuel.biogas.kwh", nb: "Biogass, per kWh", en: "Biogas, per kWh", level1: "Bioenergy", level2: "Biogas", level3: "Biogas", uom: "kWh", unit: "kgCO2e/kWh", note: `${SCOPE1_BIO} Upgrading and distribution are not included.` },
  { id: "fuel.biogas.t", nb: "Biogass, per tonn", en: "Biogas, per tonne", level1: "Bioenergy", level2: "Biogas", level3: "Biogas", uom: "tonnes", unit: "kgCO2e/t", note: SCOPE1_BIO },
];

export function combustionRecords(sources: string): FactorRecord[] {
  const folder = join(sources, "desnz-2025");
  const file = join(folder, "fuels-and-bioenergy.csv");
  const rows = readCsv(file);
  const citation = readCitation(folder);
  return COMBUSTION.map((c) => {
    const level1 = c.level1 ?? "Fuels";
    const row = theRow(rows, { "Level 1": level1, "Level 2": c.level2, "Level 3": c.level3, UOM: c.uom, "GHG/Unit": "kg CO2e" }, file);
    const id = row.ID ? ` (flat-file ID ${row.ID})` : "";
    return {
      id: c.id,
      group: "fuel",
      names: { nb: c.nb, en: c.en },
      value: row["GHG Conversion Factor 2025"]!,
      unit: c.unit,
      source: { ...citation, table: `${level1} › ${c.level2} › ${c.level3} › ${c.uom}${id}` },
      note: c.note,
    };
  });
}

/** Fossil CO2 per tonne of wet waste burnt: 1 000 kg × dm × CF × FCF × OF × 44/12 (IPCC 2006 vol. 5, eq. 5.1). */
export function incinerationRecords(sources: string): FactorRecord[] {
  const folder = join(sources, "ipcc-2006-vol5");
  const composition = theRow(readCsv(join(folder, "table-2-4.csv")), { component: "Plastics" }, "table-2-4.csv");
  const oxidation = theRow(readCsv(join(folder, "table-5-2.csv")), { treatment: "incineration" }, "table-5-2.csv");
  const pct = (text: string | undefined) => new Decimal(text!).div(100);
  const dm = pct(composition["dry matter content (% of wet weight)"]);
  const cf = pct(composition["total carbon content (% of dry weight)"]);
  const fcf = pct(composition["fossil carbon fraction (% of total carbon)"]);
  const of = pct(oxidation["oxidation factor (% of carbon input)"]);
  const value = new Decimal(1000).mul(dm).mul(cf).mul(fcf).mul(of).mul(44).div(12);
  return [
    {
      id: "waste.plastics.incineration-fossil-co2",
      group: "waste",
      names: { nb: "Avfall: Plast – forbrenning, fossilt CO2 fra forbrenningen (kun CO2)", en: "Waste: Plastics – incineration, fossil CO2 from combustion (CO2 only)" },
      value: value.toString(),
      unit: "kgCO2e/t",
      stage: "C",
      wasteLevel: "recover",
      wasteStream: "plastics",
      gases: "CO2",
      source: { ...readCitation(folder), table: `Chapter 5, equation 5.1 with Table 2.4 (plastics: dry matter ${dm.mul(100)} %, total carbon ${cf.mul(100)} % of dry weight, fossil carbon ${fcf.mul(100)} % of total carbon) and Table 5.2 (oxidation factor ${of.mul(100)} % for incineration)` },
      note: `Fossil CO2 released when a tonne of plastic waste (wet weight) is burnt: 1 000 kg × ${dm} × ${cf} × ${fcf} × ${of} × 44/12 = ${value} kg CO2. The DESNZ combustion factors leave this out (cut-off: transport to the plant only); add this record to a DESNZ combustion record to count the stack emissions. CH4 and N2O are not included.`,
    },
  ];
}

/** The excavator, chained to the CO2-only diesel factor its litres per hour were derived with. */
export function excavatorRecord(carried: FactorRecord): FactorRecord {
  return {
    ...carried,
    names: { nb: "Gravemaskin, diesel, snitt fra SINTEFs ZED-piloter (ca. 5 l/t, kun CO2)", en: "Excavator, diesel, average of SINTEF's ZED pilots (about 5 l/h, CO2 only)" },
    via: "fuel.no.diesel-fossil.l",
    gases: "CO2",
    note: "Derived, not a published litres-per-hour figure: 91,000 kg CO2e ÷ 6,817 h ≈ 13.3 kg per operating hour of the diesel machines replaced; at 2.66 kg CO2 per litre of fossil diesel (Miljødirektoratet, fuel.no.diesel-fossil.l) that is about 5 l diesel/h. The record is chained to that same factor, so it gives back the published 13.3 kg per hour. The pilots used converted NASTA excavators including a 17.5 t prototype; not size-specific. 'Over 91 t' makes this a lower bound.",
  };
}
