/**
 * The bidder template round trip: a template made from a case, filled in
 * by the test with exceljs, imported as an alternative, and evaluated to
 * the same figures as the same bid written as case JSON; a broken form
 * gives every problem at its sheet and cell.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { bidProblemMessage } from "../../src/bids/bid-problems.js";
import { choicesOf } from "../../src/bids/choices.js";
import { readBid } from "../../src/bids/read-bid.js";
import { bidTemplate, sheetName } from "../../src/bids/template.js";
import { checkCase, evaluateDocument } from "../../src/case/evaluate-document.js";
import type { CaseDocument } from "../../src/case/schema.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { BASE_CASE, BID_C, fill, supplierEntries } from "./bid-fixture.js";

const library = loadFactorLibrary();
const set = library.sets.get("2025-2")!;
const doc = (() => {
  const checked = checkCase(BASE_CASE, library);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.doc;
})();

/** One template per language (and case id), made once: making one takes about a second. */
const made = new Map<string, Promise<Buffer>>();
const templateIn = (lang: "nb" | "en", caseId?: string): Promise<Buffer> => {
  const key = `${lang}/${caseId ?? ""}`;
  if (!made.has(key)) made.set(key, bidTemplate(doc, library, { lang, ...(caseId !== undefined && { caseId }) }));
  return made.get(key)!;
};

describe("bidder template", () => {
  it("has the sheets a supplier fills in, the locked parameters, the hidden lists and metadata", async () => {
    const bytes = await bidTemplate(doc, library, { lang: "nb", caseId: "case-1", caseVersion: 3 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Veiledning", "Oppdragsgivers forutsetninger", "Tilbud", "Pris", "Materialer", "EPD", "Energi", "Levering", "Anleggsmaskiner", "Vedlikehold og utskifting", "Sluttbehandling", "Lister", "Metadata"]);
    const params = workbook.getWorksheet("Oppdragsgivers forutsetninger")!;
    expect((params as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const paramText = params.getSheetValues().flat().map(String).join("\n");
    expect(paramText).toContain("4,00 %");
    // the electricity factor and the set by name only: no id, no name said twice
    expect(paramText).not.toContain("electricity.no.delivered-2023");
    expect(params.getCell("B9").value).toBe("Kalkyle faktorsett 2025-2");
    expect(paramText).toContain(set.hash);
    expect(paramText).toContain("Kostnad: Annet (Prosjektledelse)");
    const delivery = workbook.getWorksheet("Levering")!;
    expect(delivery.getCell("C3").value).toBe("Antall turer / Trips *");
    expect(delivery.getCell("C4").protection?.locked).toBe(false);
    expect(delivery.getCell("C4").dataValidation).toMatchObject({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] });
    expect(delivery.getCell("B4").dataValidation).toMatchObject({ type: "list", formulae: ["'Lister'!$C$2:$C$" + String(1 + [...set.records.values()].filter((r) => r.group === "vehicle").length)] });
    expect(delivery.getCell("A3").protection?.locked).not.toBe(false);
    expect(workbook.getWorksheet("Lister")!.state).toBe("hidden");
    expect((workbook.getWorksheet("Lister") as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    const meta = workbook.getWorksheet("Metadata")!;
    expect(meta.state).toBe("veryHidden");
    expect(meta.getCell("B3").value).toBe("case-1");
    expect(meta.getCell("B5").value).toBe("2025-2");
  });

  it.each(["nb", "en"] as const)("filled in (%s) and imported, evaluates to the same figures as the same bid in case JSON", async (lang) => {
    const template = await templateIn(lang);
    const filled = await fill(template, lang, supplierEntries(set, lang));
    const reading = await readBid(filled, BASE_CASE, library);
    if (!reading.ok) throw new Error(reading.problems.map((p) => bidProblemMessage(p, "en")).join("\n"));
    expect(reading.alternativeId).toBe("C");
    const byHand = evaluateDocument({ ...BASE_CASE, alternatives: [...BASE_CASE.alternatives, BID_C] }, library);
    const imported = evaluateDocument(reading.document, library);
    if (!byHand.ok || !imported.ok) throw new Error("does not evaluate");
    expect(imported.result).toEqual(byHand.result);
    // Amounts are written with their currency, as the rest of a case writes money.
    const importedCosts = (reading.document as CaseDocument).alternatives.find((a) => a.id === "C")!.costs;
    expect(importedCosts.map((c) => c.amount).sort()).toEqual(BID_C.costs.map((c) => c.amount).sort());
    const c = imported.result.alternatives.find((a) => a.id === "C")!;
    expect(c.emissions.totalKg).toBeGreaterThan(0);
    expect(c.emissions.byTier).toMatchObject({ "epd-verified": 375, epd: 21 });
  });

  it("a broken form: every problem with its sheet and cell, in both languages", async () => {
    const template = await templateIn("nb");
    const entries = supplierEntries(set, "nb");
    entries.delivery = { ...entries.delivery, C4: -2, D4: "langt" };
    entries.bid = { ...entries.bid, B4: null };
    entries.epd = { ...entries.epd, C5: "fot", F5: null };
    entries.materials = { ...entries.materials, A5: "Skruer", B5: "Stål fra Mars", C5: 3 };
    entries.upkeep = { ...entries.upkeep, F5: 2.5 };
    const reading = await readBid(await fill(template, "nb", entries), BASE_CASE, library);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    const nb = reading.problems.map((p) => bidProblemMessage(p, "nb"));
    expect(nb).toEqual([
      "Arket Tilbud, celle B4: leverandør og tilbud må fylles ut",
      "Arket Materialer, celle B5: materialet: «Stål fra Mars» er ikke et av valgene i listen",
      "Arket EPD, celle C5: den deklarerte enheten: «fot» er ikke et av valgene i listen",
      "Arket EPD, celle F5: registreringsnummeret må fylles ut",
      "Arket Levering, celle C4: antall turer må være et helt tall større enn eller lik 0",
      "Arket Levering, celle D4: distansen per tur må være et tall større enn eller lik 0",
      "Arket Vedlikehold og utskifting, celle F5: levetiden eller intervallet må være et helt tall større enn eller lik 1",
    ]);
    expect(bidProblemMessage(reading.problems[4]!, "en")).toBe("Sheet Levering, cell C4: the number of trips must be a whole number greater than or equal to 0");
    expect(reading.problems[4]).toEqual({ sheet: "Levering", cell: "C4", code: "not-whole", params: { field: "delivery.trips", min: "0" } });
  });

  it("a problem the case checks find is mapped back to its cell", async () => {
    const template = await templateIn("en");
    const entries = supplierEntries(set, "en");
    entries.epd = { ...entries.epd, D4: 2e9 };
    const reading = await readBid(await fill(template, "en", entries), BASE_CASE, library);
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems.map((p) => [p.sheet, p.cell])).toEqual([["EPD", "D4"]]);
    expect(bidProblemMessage(reading.problems[0]!, "en")).toBe("Sheet EPD, cell D4: the value in kg CO2e per declared unit: must be at most 1000000000");
  });

  it("an id the case has already is a problem unless replacing is asked", async () => {
    const template = await templateIn("nb");
    const entries = supplierEntries(set, "nb");
    entries.bid = { ...entries.bid, B3: "B" };
    const filled = await fill(template, "nb", entries);
    const refused = await readBid(filled, BASE_CASE, library);
    expect(refused.ok ? [] : refused.problems.map((p) => bidProblemMessage(p, "nb"))).toEqual(["Arket Tilbud, celle B3: saken har allerede et alternativ med kortnavnet «B»; velg et annet, eller be om å erstatte det"]);
    const replaced = await readBid(filled, BASE_CASE, library, { replace: true });
    expect(replaced.ok && replaced.replaced).toBe(true);
    expect(replaced.ok && (replaced.document as CaseDocument).alternatives.map((a) => a.id)).toEqual(["A", "B"]);
  });

  it("a form made under other parameters, for another case or another set is refused", async () => {
    const template = await templateIn("nb", "case-1");
    const filled = await fill(template, "nb", supplierEntries(set, "nb"));
    const other = await readBid(filled, BASE_CASE, library, { caseId: "case-2" });
    expect(other.ok ? null : other.problems[0]!.code).toBe("other-case");
    const changed = await readBid(filled, { ...BASE_CASE, analysis: { ...BASE_CASE.analysis, years: 25 } }, library, { caseId: "case-1" });
    expect(changed.ok ? null : bidProblemMessage(changed.problems[0]!, "en")).toBe("the buyer's parameters have changed since the form was made; download a new form and enter the figures there");
    const older = await readBid(filled, { ...BASE_CASE, factorSet: "2025-1" }, library);
    expect(older.ok ? null : older.problems[0]!.code).toBe("other-factor-set");
  });

  it("refuses formulas in input cells, data below the table, and a sheet taken out", async () => {
    const template = await templateIn("nb");
    const withFormula = await fill(template, "nb", supplierEntries(set, "nb"), (wb) => {
      wb.getWorksheet("Levering")!.getCell("D4").value = { formula: "10*3.5", result: 35 } as ExcelJS.CellFormulaValue;
    });
    const formula = await readBid(withFormula, BASE_CASE, library);
    expect(formula.ok ? [] : formula.problems.map((p) => bidProblemMessage(p, "nb"))).toEqual(["Arket Levering, celle D4: distansen per tur er en formel; skriv inn verdien selv"]);
    const below = await fill(template, "nb", supplierEntries(set, "nb"), (wb) => void (wb.getWorksheet("Materialer")!.getCell("C900").value = 5));
    const rows = await readBid(below, BASE_CASE, library);
    expect(rows.ok ? null : bidProblemMessage(rows.problems[0]!, "en")).toBe("Sheet Materialer: the sheet has data after row 203; the form takes at most 200 rows");
    const missing = await fill(template, "nb", supplierEntries(set, "nb"), (wb) => wb.removeWorksheet(wb.getWorksheet("Energi")!.id));
    const gone = await readBid(missing, BASE_CASE, library);
    expect(gone.ok ? null : gone.problems).toEqual([{ sheet: "Energi", cell: "", code: "sheet-missing", params: {} }]);
  });

  it.each(["nb", "en"] as const)("the buyer's fixed items in plain words (%s): factor names, no ids or case-file keys, amounts as numbers with a format", async (lang) => {
    const waste = [...set.records.values()].find((r) => r.group === "waste")!;
    const fixedWaste = { kind: "waste", factor: waste.id, quantity: "8 kg", count: 120, at: "end" };
    const withFixed = { ...BASE_CASE, alternatives: BASE_CASE.alternatives.map((a) => ({ ...a, emissions: [...a.emissions, fixedWaste], costs: a.costs.map((c) => (c.label ? { ...c, amount: "1234567.5 NOK", every: 5 } : c)) })) };
    const checked = checkCase(withFixed, library);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await bidTemplate(checked.doc, library, { lang })) as unknown as ArrayBuffer);
    const params = workbook.getWorksheet(sheetName("parameters", lang))!;
    const cells: ExcelJS.Cell[] = [];
    params.eachRow((row) => row.eachCell((cell) => void cells.push(cell)));
    const all = cells.map((c) => String(c.value)).join("\n");
    for (const record of set.records.values()) expect(all).not.toContain(record.id);
    expect(all).not.toMatch(/\b(count|at|every|life):/);
    expect(all).not.toContain("{");
    const line = lang === "nb" ? `${waste.names.nb} – 8 kg × 120, ved periodens slutt` : `${waste.names.en} – 8 kg × 120, at the end of the period`;
    expect(cells.map((c) => c.value)).toContain(line);
    const amount = cells.find((c) => typeof c.value === "number")!;
    expect(amount.value).toBe(1234567.5);
    expect(amount.numFmt).toBe('#,##0.00 "NOK"');
    expect(params.getCell(`C${amount.row}`).value).toBe(lang === "nb" ? "hvert 5. år" : "every 5 years");
  });

  it("the energy, vehicle and machinery lists put the buyer's electricity and the Norwegian records first, then the rest by name", () => {
    const newest = library.sets.get(library.newest)!;
    for (const lang of ["nb", "en"] as const) {
      const lists = choicesOf(newest, lang);
      expect(lists.carriers[0]!.value).toBe("electricity");
      const norwegian = (value: string) => /(^|\.)no(\.|$)|-no(\.|$)/.test(value);
      for (const list of [lists.carriers.slice(1), lists.machinery, lists.vehicles]) {
        const firstOther = list.findIndex((c) => !norwegian(c.value));
        expect(list.slice(firstOther).some((c) => norwegian(c.value))).toBe(false);
        const others = list.slice(firstOther).map((c) => c.label);
        expect(others).toEqual([...others].sort((a, b) => a.localeCompare(b, lang === "nb" ? "nb-NO" : "en-GB")));
      }
      const roadDiesel = lists.carriers.findIndex((c) => c.value === "fuel.diesel.road-no");
      const ukDiesel = lists.carriers.findIndex((c) => c.value === "fuel.diesel.b-avg");
      expect(roadDiesel).toBeGreaterThan(0);
      expect(roadDiesel).toBeLessThan(ukDiesel);
    }
  });

  it("names the sheets in the template's language", () => {
    expect([sheetName("delivery", "nb"), sheetName("delivery", "en")]).toEqual(["Levering", "Delivery"]);
  });
});
