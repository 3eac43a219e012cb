/**
 * The comparison page's trace says in words, in both languages, when an
 * item's factor changes by year: the factor of the period's first and last
 * year, written the language's way, and no JSON path.
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";
import type { Lang } from "../../../src/case/messages.js";
import type { StoredEvaluation } from "../../../src/web/evaluation.js";
import { createViewEngine } from "../../../src/web/views.js";
import { compareModel } from "../../../src/web/view-models/compare.js";
import { yearVaryingText } from "../../../src/web/view-models/compare-trace.js";
import { caseWith, fixtureLibrary } from "../../case/fixture-library.js";
import { emission } from "../../core/builders.js";
import { Decimal } from "../../../src/core/decimal.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";

const AT = "2026-03-01T09:15:30.000Z";

/** 2026–2035: 1 000 kWh a year on a grid factor falling from 0.019 to 0.012 kg/kWh, beside a steel item. */
const doc = caseWith(
  [
    {
      emissions: [
        { label: "Strøm", kind: "energy", factor: { byYear: { "2026": 0.019, "2035": 0.012 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", at: 0, every: 1 },
        { label: "Stål", kind: "material", factor: "mat.steel", quantity: "1 t" },
      ],
    },
  ],
  { startYear: 2026, years: 9 },
);

function traceOf(lang: Lang) {
  const stored = { id: "case-1", title: "Strøm", alternatives: 1, version: 1, updatedAt: AT, createdAt: AT, document: doc };
  const evaluated: StoredEvaluation = { stored, evaluation: evaluateDocument(doc, fixtureLibrary()), computedAt: AT };
  const model = compareModel(evaluated, lang);
  if (!model.ok) throw new Error("expected a result");
  return { model, items: model.trace[0]!.items };
}

describe("an item whose factor changes by year, in the trace", () => {
  it("says so in bokmål with decimal commas: 0,019 in 2026 … 0,012 in 2035; the other item says nothing", () => {
    const { items } = traceOf("nb");
    expect(items[0]!.byYear).toBe("Faktoren endres fra år til år: 0,019 kg CO2e per enhet i 2026 … 0,012 i 2035");
    expect(items[1]!.byYear).toBeNull();
  });

  it("and in English", () => {
    expect(traceOf("en").items[0]!.byYear).toBe("The factor changes from year to year: 0.019 kg CO2e per unit in 2026 … 0.012 in 2035");
  });

  it("the page shows the sentence beside the item, with no JSON path", () => {
    const { model } = traceOf("nb");
    const html = createViewEngine().render("compare", { ...model, lang: "nb" }, null);
    expect(html).toContain("Faktoren endres fra år til år: 0,019 kg CO2e per enhet i 2026 … 0,012 i 2035");
    expect(html).not.toContain("byYear");
  });

  it("a record's factor is per the record's unit, four significant digits; a one-year period names its one year", () => {
    const van = { ...emission({ kind: "delivery", quantity: 1000, kgPerUnit: "0.005" }), kgPerUnitByYear: [new Decimal("0.005"), new Decimal("0.0041666666")] };
    expect(yearVaryingText(van, 2026, "km", "nb")).toBe("Faktoren endres fra år til år: 0,005 kg CO2e per km i 2026 … 0,004167 i 2027");
    expect(yearVaryingText({ ...van, kgPerUnitByYear: [new Decimal("0.005")] }, 2026, "km", "en")).toBe("The factor is given by year: 0.005 kg CO2e per km in 2026");
  });
});

/** The trace sentence of one electricity item with the given factor, over 2026–2035 (or the given analysis), on the given set. */
function flatTraceOf(factor: unknown, lang: Lang, analysis: Record<string, unknown> = { startYear: 2026, years: 9 }, top: Record<string, unknown> = {}) {
  const flat = caseWith([{ emissions: [{ label: "Strøm", kind: "energy", factor, quantity: "1000 kWh", at: 0, every: 1 }] }], analysis, top);
  const library = top.factorSet === undefined ? fixtureLibrary() : loadFactorLibrary();
  const stored = { id: "case-2", title: "Strøm", alternatives: 1, version: 1, updatedAt: AT, createdAt: AT, document: flat };
  const model = compareModel({ stored, evaluation: evaluateDocument(flat, library), computedAt: AT }, lang);
  if (!model.ok) throw new Error("expected a result");
  return model.trace[0]!.items[0]!.byYear;
}

describe("a factor by year that is the same in every year of the period says why, not that it changes", () => {
  it("set 2026-1's delivered electricity (NVE, 2019–2023) in a 2026 case: the 2023 value for every year", () => {
    const top = { factorSet: "2026-1" };
    expect(flatTraceOf("electricity.no.delivered", "nb", { startYear: 2026, years: 3 }, top)).toBe("Faktoren er gitt per år til og med 2023; 2023-verdien 0,015 kg CO2e per kWh brukes for alle årene i analysen");
    expect(flatTraceOf("electricity.no.delivered", "en", { startYear: 2026, years: 3 }, top)).toBe("The factor is given by year up to 2023; the 2023 value, 0.015 kg CO2e per kWh, is used for every year of the analysis");
  });

  it("a period before the first given year: that year's value for every year", () => {
    const factor = { byYear: { "2040": 0.01, "2050": 0.005 }, unit: "kgCO2e/kWh" };
    expect(flatTraceOf(factor, "nb")).toBe("Faktoren er gitt per år fra og med 2040; 2040-verdien 0,01 kg CO2e per enhet brukes for alle årene i analysen");
    expect(flatTraceOf(factor, "en")).toBe("The factor is given by year from 2040; the 2040 value, 0.01 kg CO2e per unit, is used for every year of the analysis");
  });

  it("given years around the period with the same value: the one value for the period's years", () => {
    const factor = { byYear: { "2020": 0.01, "2040": 0.01 }, unit: "kgCO2e/kWh" };
    expect(flatTraceOf(factor, "nb")).toBe("Faktoren er gitt per år og er 0,01 kg CO2e per enhet i alle årene i analysen (2026–2035)");
    expect(flatTraceOf(factor, "en")).toBe("The factor is given by year and is 0.01 kg CO2e per unit in every year of the analysis (2026–2035)");
  });

  it("the page shows it, and never says the factor changes", () => {
    const factor = { byYear: { "2019": 0.017, "2023": 0.015 }, unit: "kgCO2e/kWh" };
    const flat = caseWith([{ emissions: [{ label: "Strøm", kind: "energy", factor, quantity: "1000 kWh", at: 0, every: 1 }] }], { startYear: 2026, years: 9 });
    const stored = { id: "case-3", title: "Strøm", alternatives: 1, version: 1, updatedAt: AT, createdAt: AT, document: flat };
    const model = compareModel({ stored, evaluation: evaluateDocument(flat, fixtureLibrary()), computedAt: AT }, "nb");
    if (!model.ok) throw new Error("expected a result");
    const html = createViewEngine().render("compare", { ...model, lang: "nb" }, null);
    expect(html).toContain("Faktoren er gitt per år til og med 2023; 2023-verdien 0,015 kg CO2e per enhet brukes for alle årene i analysen");
    expect(html).not.toContain("endres fra år til år");
  });
});
