/**
 * Set 2026-1: every record and the economics of set 2025-2 unchanged, and
 * two records whose values change by calendar year (NVE's delivered
 * electricity 2019–2023; road diesel following the biofuel blend mandate).
 * The default electricity stays the 2023 figure, so a case that does not
 * choose the by-year record keeps its results.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Economics, SetManifest } from "../schema.js";
import { readSetFiles, type FactorFile } from "./carried-records.js";
import { deliveredElectricityRecord, roadDieselRecord } from "./new-records-2026-1.js";

export const PREVIOUS_2026_1 = "2025-2";

export function records20261(root: string): Map<string, FactorFile> {
  const files = readSetFiles(join(root, PREVIOUS_2026_1));
  const sources = join(root, "sources");
  files.set("electricity-nve-by-year.json", {
    description: "Norwegian electricity by calendar year: NVE's climate declaration for physically delivered electricity (klimadeklarasjon for fysisk levert strøm), location-based, including imports; Norsk lisens for offentlige data (NLOD 2.0). The choice of electricity factor decides many results; it is an explicit case setting.",
    records: [deliveredElectricityRecord(sources)],
  });
  files.set("fuels-road-mandate-by-year.json", {
    description: "Road diesel in Norway by calendar year: the fossil share left by the biofuel blend mandate (omsetningskrav for biodrivstoff i veitrafikk, Miljødirektoratet, NLOD 2.0) times the combustion factor of mineral diesel (UK DESNZ 2025, OGL v3.0). Kalkyle's own derivation from these two published figures; the record's note gives the arithmetic and its limits.",
    records: [roadDieselRecord(sources)],
  });
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** The economics of 2025-2, as released. */
export function economics20261(root: string): Economics {
  return JSON.parse(readFileSync(join(root, PREVIOUS_2026_1, "economics.json"), "utf8")) as Economics;
}

export const MANIFEST_2026_1: SetManifest = {
  id: "2026-1",
  names: { nb: "Kalkyle faktorsett 2026-1", en: "Kalkyle factor set 2026-1" },
  released: "2026-12-02",
  gwp: "AR5 GWP100",
  defaults: { electricity: "electricity.no.delivered-2023" },
  note: "Bundled factor set: every record and the economics of set 2025-2 unchanged, and factors given per calendar year: NVE's climate declaration for physically delivered electricity 2019–2023 (NLOD 2.0) and road diesel whose fossil share follows the biofuel blend mandate (Miljødirektoratet, NLOD 2.0, with UK DESNZ 2025 mineral diesel, OGL v3; Kalkyle's own derivation). The default electricity factor stays NVE's 2023 figure. All CO2e factors are AR5 GWP100. What changed from 2025-2 is listed with the set.",
};
