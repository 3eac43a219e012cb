/**
 * The bid tests' case and the one way they fill a template: a supplier's
 * entries by sheet and cell, written with exceljs as a supplier's Excel
 * would, and the same bid written by hand as case JSON.
 */
import ExcelJS from "exceljs";
import type { Lang } from "../../src/case/messages.js";
import { choicesOf } from "../../src/bids/choices.js";
import { sheetName } from "../../src/bids/template.js";
import type { FactorSet } from "../../src/factors/factor-set.js";
import type { ListName } from "../../src/bids/layout.js";

export const BASE_CASE = {
  schema: "kalkyle.case/1",
  title: "Fasadeplater, Storgata skole",
  functionalUnit: "400 m² fasade i 20 år",
  analysis: { startYear: 2026, years: 20, discountRate: 0.04 },
  factorSet: "2025-2",
  alternatives: [
    {
      id: "A",
      name: "Dagens løsning",
      emissions: [{ kind: "material", factor: "material.metals.construction.primary", quantity: "2000 kg" }],
      costs: [
        { kind: "acquisition", amount: "200000 NOK" },
        { label: "Prosjektledelse", kind: "other", amount: "20000 NOK" },
      ],
    },
    {
      id: "B",
      name: "Ombrukte plater",
      emissions: [{ kind: "material", factor: "material.metals.construction.closed-loop", quantity: "2000 kg" }],
      costs: [
        { kind: "acquisition", amount: "230000 NOK" },
        { label: "Prosjektledelse", kind: "other", amount: "20000 NOK" },
      ],
    },
  ],
};

/** The label a drop-down shows for a value, in the template's language. */
export const label = (set: FactorSet, lang: Lang, list: ListName, value: string): string => {
  const found = choicesOf(set, lang)[list].find((c) => c.value === value);
  if (!found) throw new Error(`no ${value} in ${list}`);
  return found.label;
};

export type Entries = Record<string, Record<string, ExcelJS.CellValue>>;

/** The supplier's entries: sheet key → cell → value (numbers as numbers, one typed as bokmål text). */
export function supplierEntries(set: FactorSet, lang: Lang): Entries {
  return {
    bid: { B3: "C", B4: "Leverandør AS, tilbud 1", B5: label(set, lang, "wasteLevels", "recycle") },
    price: { B3: 150000, B4: 12000.5, B5: 3000, B6: lang === "nb" ? "1 500" : "1,500" },
    materials: { A4: "Ramme", B4: label(set, lang, "materials", "material.metals.construction.primary"), C4: 1200 },
    epd: {
      A4: "Plate X", B4: 30, C4: "m2", D4: 12.5, E4: "A1-A3", F4: "NEPD-1234-567-NO", G4: "Kiwa", H4: "EPD-Norge",
      A5: "Lim", B5: 10, C5: "kg", D5: 2.1, E5: "A1-A3", F5: "NEPD-99-1-NO",
    },
    energy: { A4: "Drift", B4: label(set, lang, "carriers", "electricity"), C4: 5000 },
    delivery: { A4: "Levering", B4: label(set, lang, "vehicles", "vehicle.van.bev.average"), C4: 4, D4: 35 },
    machinery: { A4: "Montering", B4: label(set, lang, "machinery", "machinery.excavator.diesel.zed-pilot-average"), C4: 10 },
    upkeep: {
      A4: "Bytte av plater", B4: label(set, lang, "upkeepKinds", "replacement"), C4: label(set, lang, "materials", "material.metals.construction.primary"), D4: 100, E4: 5000, F4: 7,
      A5: "Service", B5: label(set, lang, "upkeepKinds", "maintenance"), E5: 800, F5: 2,
    },
    endOfLife: { A4: "Metall til deponi", B4: label(set, lang, "wasteRoutes", "waste.aluminium-cans-foil.landfill"), C4: 1200 },
  };
}

/** The same bid as case JSON, written out by hand in the order the sheets come. */
export const BID_C = {
  id: "C",
  name: "Leverandør AS, tilbud 1",
  wasteLevel: "recycle",
  emissions: [
    { label: "Ramme", kind: "material", factor: "material.metals.construction.primary", quantity: "1200 kg", tier: "generic" },
    { label: "Plate X", kind: "material", factor: { value: 12.5, unit: "kgCO2e/m2" }, quantity: "30 m2", stage: "A1-A3", tier: "epd-verified", epd: { registration: "NEPD-1234-567-NO", verifier: "Kiwa", programme: "EPD-Norge" } },
    { label: "Lim", kind: "material", factor: { value: 2.1, unit: "kgCO2e/kg" }, quantity: "10 kg", stage: "A1-A3", tier: "epd", epd: { registration: "NEPD-99-1-NO" } },
    { label: "Drift", kind: "energy", factor: "electricity", quantity: "5000 kWh", every: 1, tier: "generic" },
    { label: "Levering", kind: "delivery", factor: "vehicle.van.bev.average", quantity: "35 km", count: 4, tier: "generic" },
    { label: "Montering", kind: "machinery", factor: "machinery.excavator.diesel.zed-pilot-average", quantity: "10 h", tier: "generic" },
    { label: "Bytte av plater", kind: "material", factor: "material.metals.construction.primary", quantity: "100 kg", stage: "B", tier: "generic", at: 7, life: 7 },
    { label: "Metall til deponi", kind: "waste", factor: "waste.aluminium-cans-foil.landfill", quantity: "1200 kg", tier: "generic" },
  ],
  costs: [
    { kind: "acquisition", amount: "150000 NOK" },
    { kind: "installation", amount: "12000.5 NOK" },
    { kind: "operation", amount: "3000 NOK", every: 1 },
    { kind: "maintenance", amount: "1500 NOK", every: 1 },
    { label: "Bytte av plater", kind: "replacement", amount: "5000 NOK", at: 7, life: 7 },
    { label: "Service", kind: "maintenance", amount: "800 NOK", every: 2 },
    { label: "Prosjektledelse", kind: "other", amount: "20000 NOK" },
  ],
};

/** The template with the entries written in, as a supplier's spreadsheet program saves it. */
export async function fill(template: Buffer, lang: Lang, entries: Entries, edit?: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  for (const [key, cells] of Object.entries(entries)) {
    const sheet = workbook.getWorksheet(sheetName(key, lang));
    if (!sheet) throw new Error(`no sheet ${key}`);
    for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  }
  edit?.(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
