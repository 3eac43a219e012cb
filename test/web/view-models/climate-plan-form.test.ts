/**
 * The climate plan form's edge: numbers read the user's way into decimal
 * text, blank rows skipped, and a problem's path (an index into what was
 * sent) put back beside the form field it came from.
 */
import { describe, expect, it } from "vitest";
import { parsePlan } from "../../../src/core/climate/plan-input.js";
import { blankEntry, entryOfBody, entryOfPlan, planInputOf } from "../../../src/web/view-models/climate-plan-entry.js";
import { errorsByField, fieldIdOfPath, planFormModel } from "../../../src/web/view-models/climate-plan-form.js";

const NBSP = "\u00a0";

describe("the plan entry read into the plan document", () => {
  it("reads bokmål numbers exactly, leaves out categories with both fields blank and counts a blank beside a filled one as 0", () => {
    const { entry } = entryOfBody({ baselineYear: "2023", "direct-energy": `1${NBSP}234,5`, "indirect-food": "800", "direct-ict": " ", targetKind: "years", "targetYear-0": "", "targetTonnes-0": "", "targetYear-1": "2027", "targetTonnes-1": "0,25" });
    const { input, errors, index } = planInputOf(entry, "nb");
    expect(errors.size).toBe(0);
    expect(input.baseline).toEqual({
      year: 2023,
      categories: [
        { category: "energy", directTonnes: "1234.5", indirectTonnes: "0" },
        { category: "food", directTonnes: "0", indirectTonnes: "800" },
      ],
    });
    // the blank first row is skipped: the first target came from the form's second row
    expect(input.target).toEqual({ kind: "years", targets: [{ year: 2027, tonnes: "0.25" }] });
    expect(index).toEqual({ categories: ["energy", "food"], targetRows: [0] });
    expect(input.compensation).toBeNull();
  });

  it("reads English numbers the English way and refuses a bokmål one beside its field, keeping the text", () => {
    const entry = { ...blankEntry(), baselineYear: "2023" };
    entry.direct.set("energy", "1,234.5");
    entry.indirect.set("energy", "1 234,5");
    const { input, errors } = planInputOf(entry, "en");
    expect((input.baseline as { categories: unknown[] }).categories[0]).toEqual({ category: "energy", directTonnes: "1234.5", indirectTonnes: "1 234,5" });
    expect(errors.get("plan-indirect-energy")).toContain("the comma at character 6");
  });

  it("a year that is not digits is refused here; a blank one is left for the plan's own rules", () => {
    const entry = { ...blankEntry(), baselineYear: "20x3", neutralityYear: "" };
    const { input, errors } = planInputOf(entry, "nb");
    expect(errors.get("plan-baseline-year")).toBe("Skriv et årstall med fire sifre, f.eks. 2027.");
    expect(input.neutralityYear).toBeUndefined();
  });

  it("a saved plan comes back into the form written the language's way, with five blank target rows after the saved ones", () => {
    const document = { baseline: { year: 2023, categories: [{ category: "energy" as const, directTonnes: "1234.5", indirectTonnes: "0" }] }, target: { kind: "years" as const, targets: [{ year: 2027, tonnes: "1000" }] }, neutralityYear: 2027, compensation: { nokPerTonne: "1250", source: "Kilde" } };
    const entry = entryOfPlan(document, "nb");
    expect(entry.direct.get("energy")).toBe(`1${NBSP}234,5`);
    expect(entry.targets).toHaveLength(6);
    expect(entry.price).toBe(`1${NBSP}250`);
    expect(entryOfPlan(document, "en").direct.get("energy")).toBe("1,234.5");
    // read back, it is the same plan
    const again = planInputOf(entry, "nb");
    expect(parsePlan(again.input)).toEqual({ ok: true, value: document });
  });
});

describe("a problem's path put beside its field", () => {
  const index = { categories: ["energy" as const, "food" as const], targetRows: [2, 4] };
  it("names the category and the form row the index came from", () => {
    expect(fieldIdOfPath("baseline.categories[1].indirectTonnes", index)).toBe("plan-indirect-food");
    expect(fieldIdOfPath("baseline.categories[0].directTonnes", index)).toBe("plan-direct-energy");
    expect(fieldIdOfPath("target.targets[1].tonnes", index)).toBe("plan-target-tonnes-4");
    expect(fieldIdOfPath(["target", "targets", 0, "year"], index)).toBe("plan-target-year-2");
    expect(fieldIdOfPath("target.end.year", index)).toBe("plan-end-year");
    expect(fieldIdOfPath("compensation.source", index)).toBe("plan-source");
    expect(fieldIdOfPath("neutralityYear", index)).toBe("plan-neutrality-year");
    expect(fieldIdOfPath("(document)", index)).toBeUndefined();
  });

  it("the plan's own problems land beside their fields and in the summary, the edge's first", () => {
    const { entry } = entryOfBody({ baselineYear: "2023", "direct-energy": "5", targetKind: "shape", shape: "constant-rate", startYear: "2023", startTonnes: "5", endYear: "2022", endTonnes: "0", neutralityYear: "2027", price: "abc" });
    const { input, errors: edge, index: at } = planInputOf(entry, "nb");
    const parsed = parsePlan(input);
    expect(parsed.ok).toBe(false);
    const errors = errorsByField(edge, parsed.ok ? [] : parsed.problems, at, "nb");
    expect(errors.byField.get("plan-end-year")).toBe("sluttåret (2022) må være etter startåret (2023)");
    expect(errors.byField.get("plan-price")).toBe("«abc» er ikke et tall");
    const form = planFormModel(entry, errors, 0, "nb");
    expect(form.endYear.error).toBe("sluttåret (2022) må være etter startåret (2023)");
    expect(form.summary?.items.map((i) => i.href)).toContain("plan-end-year");
    expect(form.summary?.items.map((i) => i.href)).toContain("plan-price");
  });
});
