/**
 * Set 2025-2 from the raw source rows and the unchanged records of 2025-1:
 * DESNZ 2025 combustion factors (the same set year as the well-to-tank
 * factors), cited HVO and biogas rows, the excavator chained to the diesel
 * factor it was derived with, CO2-only records labelled so, fossil CO2
 * from incinerating plastics, and economics with the Norges Bank exchange
 * rates and the R-109 non-ETS path as 2025-1 shipped it.
 */
import { join } from "node:path";
import type { Economics, FactorRecord, SetManifest } from "../schema.js";
import { checkAgainstDesnz, cleanFile, desnzRowsById, readSetFiles, type FactorFile } from "./carried-records.js";
import { combustionRecords, excavatorRecord, incinerationRecords } from "./new-records-2025-2.js";
import { readCitation, readCsv } from "./raw-rows.js";

/** The Miljødirektoratet CO2-only fuels and NVE's residual mix (published as g CO2/kWh) say so in their names. */
function labelCo2Only(record: FactorRecord): FactorRecord {
  return { ...record, gases: "CO2", names: { nb: `${record.names.nb} (kun CO2)`, en: `${record.names.en} (CO2 only)` } };
}

export function records20252(root: string): Map<string, FactorFile> {
  const base = readSetFiles(join(root, "2025-1"));
  const sources = join(root, "sources");
  const carried = new Map([...base].map(([name, file]) => [name, cleanFile(file)]));
  const file = (name: string) => carried.get(name)!;
  const problems = checkAgainstDesnz([...carried.values()].flatMap((f) => f.records), desnzRowsById(join(sources, "desnz-2025")));
  if (problems.length > 0) throw new Error(`2025-1 records disagree with the DESNZ 2025 rows:\n${problems.join("\n")}`);

  const wtt = file("fuels-defra-2025.json").records.filter((r) => r.id.endsWith(".wtt"));
  carried.delete("fuels-defra-2024.json");
  carried.set("fuels-defra-2025.json", {
    description: "Fuel combustion (scope 1) and well-to-tank factors from the UK DESNZ 'Greenhouse gas reporting: conversion factors 2025', Open Government Licence v3.0 (contains public sector information licensed under the OGL v3.0). Combustion and well-to-tank are of the same set year. Biogenic CO2 is never part of a factor.",
    records: [...combustionRecords(sources), ...wtt],
  });
  const miljo = file("fuels-miljodirektoratet-2021.json");
  carried.set("fuels-miljodirektoratet-2021.json", { ...miljo, records: miljo.records.map(labelCo2Only) });
  const nve = file("electricity-nve-2020.json");
  carried.set("electricity-nve-2020.json", { ...nve, records: nve.records.map(labelCo2Only) });
  const machinery = file("machinery-sintef-2020.json");
  carried.set("machinery-sintef-2020.json", { ...machinery, records: machinery.records.map(excavatorRecord) });
  carried.set("waste-ipcc-2006.json", {
    description: "Fossil CO2 from incinerating waste, from the IPCC 2006 Guidelines for National Greenhouse Gas Inventories, volume 5 (default carbon contents, oxidation factor 1, 44/12 for CO2). CO2 only. The DESNZ waste factors are cut-off and leave these stack emissions out.",
    records: incinerationRecords(sources),
  });
  for (const [name, f] of carried) carried.set(name, { ...f, records: [...f.records].sort((a, b) => a.id.localeCompare(b.id)) });
  return carried;
}

export function economics20252(root: string): Economics {
  const sources = join(root, "sources");
  const folder = (name: string) => join(sources, name);
  const eur = readCsv(join(folder("landbruksdirektoratet-valuta-2020"), "eur.csv"));
  const cpi = readCsv(join(folder("world-bank-wdi-cpi"), "cpi-nor.csv"));
  const paths = readCsv(join(folder("finansdepartementet-karbonprisbaner-2024"), "paths.csv")).filter((p) => p.id === "non-ets");
  return {
    exchangeRates: eur.map((r) => ({
      currency: "EUR",
      year: Number(r.year),
      nokPerUnit: r["NOK per EUR (annual average)"]!,
      source: { ...readCitation(folder("landbruksdirektoratet-valuta-2020")), table: `Valuta: EUR, årsgjennomsnitt ${r.year} (Kilde: Norges Bank, gjennomsnitt av indikative midtkurser)` },
    })),
    priceIndex: {
      name: "Consumer price index, Norway (World Bank WDI FP.CPI.TOTL)",
      base: "2010=100",
      values: Object.fromEntries(cpi.map((r) => [r.year!, r["FP.CPI.TOTL (2010=100)"]!])),
      source: { ...readCitation(folder("world-bank-wdi-cpi")), table: `FP.CPI.TOTL, NOR, 2010=100, years ${cpi.map((r) => r.year).join(", ")}` },
    },
    // Table 2's yearly values (one price level, ETS and non-ETS) could not be read: the rows at hand mix
    // price bases, so they stay one path used as published, as in 2025-1 (see the sources README).
    carbonPricePath: {
      note: "Non-ETS path from Finansdepartementet's carbon price paths under circular R-109/21: 2021–2024 are the general CO2 tax on mineral products in NOK per tonne CO2 (each year's own kroner); 2030 is NOK 2,000 per tonne in 2020 kroner (a gradual increase to 2030 as signalled in the climate plan). The years are not on one price basis. Kalkyle uses the figures as given (linear between 2024 and 2030, flat beyond, with a warning), and every result shows the path it used.",
      nokPerTonne: Object.fromEntries(paths.map((p) => [p.year!, p["NOK per tonne CO2e"]!])),
      source: {
        ...readCitation(folder("finansdepartementet-karbonprisbaner-2024")),
        table: "Tabell 1, kategori 2 «Ikke-kvotepliktig utslipp»: pris første år = den generelle satsen i CO2-avgiften for mineralske produkter (591, 766, 952 og 1 176 kr per tonn i 2021–2024); gradvis økning til 2 000 kroner i 2030 (prisnivå 2020)",
      },
    },
  };
}

export const MANIFEST_2025_2: SetManifest = {
  id: "2025-2",
  names: { nb: "Kalkyle faktorsett 2025-2", en: "Kalkyle factor set 2025-2" },
  released: "2026-12-01",
  gwp: "AR5 GWP100",
  defaults: { electricity: "electricity.no.delivered-2023" },
  note: "Bundled factor set. Sources: UK DESNZ conversion factors 2024/2025 (OGL v3), NVE and Miljødirektoratet (NLOD 2.0), EEA (CC BY 4.0), IPCC 2006 Guidelines volume 5, SINTEF and SIMIEN (factual values cited), EXIOBASE 3.8.2 (CC BY-SA 4.0, in its own, separately licensed file). All CO2e factors are AR5 GWP100; records marked gases \"CO2\" hold CO2 only and say so in their names. The ICE database is not used. What changed from 2025-1 is listed with the set.",
};
