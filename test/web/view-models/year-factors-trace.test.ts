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
