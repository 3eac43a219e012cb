/**
 * The case-level rules of "numbers a buyer can defend": warnings, units
 * that cause 1000× errors, service life in the format, the R-109 schedule
 * by default, spend price years stated, carbon paths rebased.
 */
import { describe, expect, it } from "vitest";
import { bundledCarbonPath } from "../../src/case/carbon-path.js";
import { problemLine } from "../../src/case/messages.js";
import { WARNING_MESSAGES, warningMessage, type WarningCode } from "../../src/case/warnings.js";
import type { Economics } from "../../src/factors/schema.js";
import { caseWith, evaluateOk, problemsOf } from "./fixture-library.js";

const wood = { kind: "material", factor: "mat.wood", quantity: "1 kg" };
type Row = { path: string; code: string; message: { nb: string; en: string } };
const allWarningsOf = (doc: unknown) => (evaluateOk(doc).json as unknown as { warnings: Row[] }).warnings;
/** The case's shape (one alternative, an empty list of emissions or costs) warns too; these tests are about items and defaults. */
const SHAPE = new Set(["single-alternative", "no-emissions", "no-costs"]);
const warningsOf = (doc: unknown) => allWarningsOf(doc).filter((r) => !SHAPE.has(r.code));

describe("warnings: computed, but probably not meant", () => {
  it("an item whose `every` exceeds N never occurs", () => {
    const rows = warningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "maintenance", amount: 100, every: 15 }] }]));
    expect(rows).toEqual([{ path: "alternatives[0].costs[0].every", code: "never-occurs", message: expect.objectContaining({ en: "Recurs every 15 years, but the analysis period is 10 years: the item never occurs" }) }]);
  });
  it("energy, operation or maintenance without `every` in a period longer than a year is counted once", () => {
    const rows = warningsOf(caseWith([{ emissions: [{ kind: "energy", factor: "electricity", quantity: "500 kWh" }], costs: [{ kind: "operation", amount: 100 }, { kind: "acquisition", amount: 100 }] }]));
    expect(rows.map((r) => [r.path, r.code])).toEqual([
      ["alternatives[0].emissions[0]", "once-only"],
      ["alternatives[0].costs[0]", "once-only"],
    ]);
    expect(rows[1]!.message.nb).toBe("Drift uten intervall regnes bare én gang i en periode på 10 år; sett «hvert år» hvis den gjentas");
    // one year: once is every year
    expect(warningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "operation", amount: 100 }] }], { years: 1 }))).toEqual([]);
  });
  it("a replacement with `every` that lands in year N: every 5 over 10 years (5 and 10) warns, every 4 (4 and 8) does not", () => {
    expect(warningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "replacement", amount: 100, every: 5 }] }])).map((r) => r.code)).toEqual(["replacement-in-last-year"]);
    expect(warningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "replacement", amount: 100, every: 4 }] }]))).toEqual([]);
  });
  it("a default that falls back: no price index for the start year, so spend is taken in the newest year's kroner", () => {
    const rows = warningsOf(caseWith([{ emissions: [{ kind: "spend", factor: "spend.furniture", quantity: "1000 NOK" }] }], { startYear: 2026 }));
    expect(rows).toEqual([expect.objectContaining({ path: "analysis.priceYear", code: "price-year-fallback" })]);
    expect(warningMessage({ path: "analysis.priceYear", code: "price-year-fallback", params: { startYear: "2026", used: "2024" } }, "en")).toBe("The factor set has no price index for 2026; amounts are taken as 2024 kroner");
    // the same case without spend items: the price year changes no figure, so no warning
    expect(warningsOf(caseWith([{ emissions: [wood] }], { startYear: 2026 }))).toEqual([]);
  });
  it("a cost with a service life bought in the last year: NOK 50 000 at year 10 with life 8 over 10 years comes back whole as residual, so it warns", () => {
    // residual = −50 000 × (10 + 8 − 10) / 8 = −50 000 in year 10: the purchase and its residual cancel
    const doc = caseWith([{ emissions: [wood], costs: [{ kind: "acquisition", amount: 50000, at: 10, life: 8 }, { kind: "acquisition", amount: 1000, at: "end", life: 3 }] }], { years: 10, discountRate: 0 });
    const { json } = evaluateOk(doc);
    expect(json.alternatives[0]!.lcc.byKind).toEqual({ acquisition: 51000, residual: -51000 });
    const rows = warningsOf(doc);
    expect(rows.map((r) => [r.path, r.code])).toEqual([
      ["alternatives[0].costs[0].at", "bought-in-last-year"],
      ["alternatives[0].costs[1].at", "bought-in-last-year"],
    ]);
    expect(rows[0]!.message.en).toMatch(/^Bought in the last year of the period \(year 10\): its cost is returned as residual value and gives no service in the period$/);
    expect(rows[0]!.message.nb).toMatch(/^Kjøpt i periodens siste år \(år 10\): kostnaden kommer tilbake som restverdi/);
    // bought a year earlier it serves one year of eight: no warning
    expect(warningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "acquisition", amount: 50000, at: 9, life: 8 }] }], { years: 10 }))).toEqual([]);
  });
  it("counts in words by the plural rules: a one-year period is «1 year», not «1 years»", () => {
    const rows = warningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "maintenance", amount: 100, every: 2 }] }], { years: 1 }));
    expect(rows.map((r) => r.message.en)).toEqual(["Recurs every 2 years, but the analysis period is 1 year: the item never occurs"]);
  });
  it("every warning is a sentence from its capital letter, in both languages", () => {
    const params = { every: "15", years: "10", kind: "operation", year: "10", startYear: "2026", used: "2024", last: "2030", from: "2031", to: "2034" };
    for (const code of Object.keys(WARNING_MESSAGES) as WarningCode[]) {
      for (const lang of ["nb", "en"] as const) expect(warningMessage({ path: "x", code, params }, lang), `${code} ${lang}`).toMatch(/^\p{Lu}/u);
    }
  });
  it("a clean case has none", () => {
    const clean = { emissions: [wood], costs: [{ kind: "energy", amount: 100, every: 1 }] };
    expect(allWarningsOf(caseWith([clean, clean]))).toEqual([]);
  });
  it("an alternative with no emission items or no cost items warns at that list: it would count as 0 t or 0 kr", () => {
    const rows = allWarningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "acquisition", amount: 100 }] }, { emissions: [wood] }, { costs: [{ kind: "acquisition", amount: 100 }] }]));
    expect(rows.map((r) => [r.path, r.code])).toEqual([
      ["alternatives[1].costs", "no-costs"],
      ["alternatives[2].emissions", "no-emissions"],
    ]);
    expect(rows[0]!.message).toEqual({
      nb: "Ingen kostnadsposter: alternativets livssykluskostnad regnes som 0 kr, så det ser billigere ut enn det er i sammenligningen",
      en: "No cost items: the alternative's lifecycle cost counts as NOK 0, so it looks cheaper than it is in the comparison",
    });
    expect(rows[1]!.message.en).toBe("No emission items: the alternative's emissions count as 0 t CO2e, so it looks better than it is in the comparison");
  });
  it("a case with one alternative warns that there is nothing to compare, first, at the list of alternatives", () => {
    const rows = allWarningsOf(caseWith([{ emissions: [wood], costs: [{ kind: "maintenance", amount: 100, every: 15 }] }]));
    expect(rows.map((r) => [r.path, r.code])).toEqual([
      ["alternatives", "single-alternative"],
      ["alternatives[0].costs[0].every", "never-occurs"],
    ]);
    expect(rows[0]!.message.nb).toBe("Bare ett alternativ, så det er ingenting å sammenligne med; legg til minst ett til, for eksempel dagens løsning");
  });
});

describe("units that cause 1000× errors are refused", () => {
  it("a bare number as the quantity of a kg factor asks for the unit", () => {
    const problems = problemsOf(caseWith([{ emissions: [{ kind: "material", factor: "mat.wood", quantity: 12 }] }]));
    expect(problems).toEqual([{ path: "alternatives[0].emissions[0].quantity", code: "needs-unit", params: { value: "12", unit: "kg" } }]);
    expect(problemLine(problems[0]!, "en")).toBe("alternatives[0].emissions[0].quantity: 12 has no unit: write the quantity with its unit, e.g. \"12 kg\"");
  });
  it("a bare number is accepted where the factor counts units or money", () => {
    expect(evaluateOk(caseWith([{ emissions: [{ kind: "fixed", factor: { value: 3, unit: "kgCO2e/unit" }, quantity: 4 }] }])).json.alternatives[0]!.emissions.totalKg).toBe(12);
    expect(evaluateOk(caseWith([{ emissions: [{ kind: "spend", factor: "spend.furniture", quantity: 1250 }] }], { priceYear: 2024 })).json.alternatives[0]!.emissions.totalKg).toBe(50); // 1250 × 100/125 ÷ 10 × 0.5
  });
  it("`gal` is refused like `ton`, with the spelling to use", () => {
    expect(problemsOf(caseWith([{ emissions: [{ kind: "machinery", factor: "fuel.diesel", quantity: "50 gal" }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].quantity", code: "us-gallon", params: { value: "50 gal", unit: "l", given: "gal" } },
    ]);
  });
  it("an analysis period is at least one year", () => {
    expect(problemsOf(caseWith([{ emissions: [wood] }], { years: 0 }))).toEqual([{ path: "analysis.years", code: "too-small", params: { min: "1" } }]);
  });
});

describe("service life in the case format", () => {
  it("`life: 7` on a 7 000 NOK cost over 20 years at 0 %: years 0, 7, 14 and −1 000 NOK residual in year 20", () => {
    const { json } = evaluateOk(caseWith([{ emissions: [wood], costs: [{ kind: "acquisition", amount: 7000, life: 7 }] }], { years: 20, discountRate: 0 }));
    const lcc = json.alternatives[0]!.lcc;
    expect([0, 7, 14, 20].map((t) => lcc.byYear[t])).toEqual([7000, 7000, 7000, -1000]);
    expect(lcc.byKind).toEqual({ acquisition: 21000, residual: -1000 });
  });
  it("refuses `life` with `every`, `life` on a residual value, and existing stock on a non-waste item", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...wood, life: 5, existingStock: true }], costs: [{ kind: "acquisition", amount: 1, life: 5, every: 5 }, { kind: "residual", amount: 1, life: 5 }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].existingStock", code: "existing-stock-not-waste", params: {} },
      { path: "alternatives[0].costs[0].life", code: "life-and-every", params: {} },
      { path: "alternatives[0].costs[1].life", code: "life-not-allowed", params: { kind: "residual" } },
    ]);
  });
});

describe("the discount rate by default", () => {
  it("without a rate: R-109's schedule, stated in the result; a payment in year 60 is discounted by 1.04^40 × 1.03^20", () => {
    const doc = caseWith([{ emissions: [wood], costs: [{ kind: "other", amount: 1000000, at: 60 }] }], { years: 60, discountRate: undefined });
    const { json } = evaluateOk(doc);
    expect(json.analysis.discountRateSource).toBe("r109-declining");
    expect(json.analysis.discountSchedule).toEqual([{ fromYear: 0, rate: 0.04 }, { fromYear: 40, rate: 0.03 }]);
    // 1 000 000 / (1.04^40 × 1.03^20) = 1 000 000 / (4.80102063… × 1.80611123…) = 115 325.3…
    expect(json.alternatives[0]!.lcc.presentValue).toBeCloseTo(1e6 / (1.04 ** 40 * 1.03 ** 20), 6);
  });
  it("an explicit rate is flat: the same payment at a given 4 % is 1 000 000 / 1.04^60", () => {
    const { json } = evaluateOk(caseWith([{ emissions: [wood], costs: [{ kind: "other", amount: 1000000, at: 60 }] }], { years: 60, discountRate: 0.04 }));
    expect(json.analysis.discountRateSource).toBe("given");
    expect(json.alternatives[0]!.lcc.presentValue).toBeCloseTo(1e6 / 1.04 ** 60, 6);
  });
});

describe("spend-based price years are stated", () => {
  it("each spend item carries its price years and basis, and the result says spend screening overstates", () => {
    const { json } = evaluateOk(caseWith([{ emissions: [{ kind: "spend", factor: "spend.furniture", quantity: "1000 NOK" }] }], { priceYear: 2024 }));
    const item = json.alternatives[0]!.emissions.items[0] as unknown as { spend: unknown };
    expect(item.spend).toEqual({ priceYear: 2024, factorPriceYear: 2019, currency: "EUR", priceBasis: "basic" });
    expect((json as unknown as { notes: { code: string }[] }).notes.map((n) => n.code)).toEqual(["spend-basic-prices"]);
  });
  it("a price year the index does not cover is an error at its path", () => {
    expect(problemsOf(caseWith([{ emissions: [wood] }], { priceYear: 2021 }))).toEqual([{ path: "analysis.priceYear", code: "price-year", params: { year: "2021", options: "2019, 2024" } }]);
  });
});

describe("bundled carbon price paths (R-109/21), rebased to the case's price year", () => {
  const source = { publisher: "Test", title: "Test", year: 2024, table: "t", licence: "test" };
  const economics = {
    exchangeRates: [],
    priceIndex: { name: "CPI", base: "2015=100", values: { "2023": "130", "2024": "134", "2025": "138" }, source },
    carbonPricePaths: [
      { id: "non-ets", names: { nb: "Ikke-kvote", en: "Non-ETS" }, priceLevelYear: 2024, nokPerTonne: { "2025": "1340", "2030": "2680", "2040": "3350" }, source },
      { id: "ets", names: { nb: "Kvote", en: "ETS" }, priceLevelYear: 2024, nokPerTonne: { "2025": "670" }, source },
    ],
  } as unknown as Economics;

  it("'default' is the non-ETS path, × CPI 2025 / CPI 2024 = 138/134 for 2025 kroner; it goes on past 2030 as the table does", () => {
    const found = bundledCarbonPath(economics, "default", 2025);
    if (!found.ok) throw new Error("expected a path");
    // 1340 × 138 / 134 = 1380; 2680 × 138/134 = 2760; 3350 × 138/134 = 3450
    expect([...found.prices].map(([y, p]) => [y, p.toNumber()])).toEqual([[2025, 1380], [2030, 2760], [2040, 3450]]);
    expect(found.path).toMatchObject({ id: "non-ets", priceLevelYear: 2024, rebasedTo: 2025, firstYear: 2025, lastYear: 2040 });
  });
  it("'ets' selects the ETS path; a name the set lacks is a problem listing what exists", () => {
    const ets = bundledCarbonPath(economics, "ets", 2024);
    expect(ets.ok && ets.prices.get(2025)!.toNumber()).toBe(670);
    const old = { ...economics, carbonPricePaths: undefined, carbonPricePath: { note: "n", nokPerTonne: { "2030": "2000" }, source } } as unknown as Economics;
    expect(bundledCarbonPath(old, "ets", 2024)).toEqual({ ok: false, code: "unknown-carbon-path", params: { options: "default" } });
    // set 2025-1's single path is used as published
    const published = bundledCarbonPath(old, "default", 2024);
    expect(published.ok && published.path.rebasedTo).toBeNull();
  });
  it("a case's years past the path's last year are held flat, with a warning", () => {
    const rows = warningsOf(caseWith([{ emissions: [wood] }], { startYear: 2024, years: 10, carbonPrice: "default" }));
    // the fixture path (as published) ends in 2030; the case runs to 2034
    expect(rows).toEqual([expect.objectContaining({ path: "analysis.carbonPrice", code: "carbon-price-flat", message: expect.objectContaining({ en: "The carbon price path ends in 2030; the years 2031–2034 use the price of 2030" }) })]);
  });
});
