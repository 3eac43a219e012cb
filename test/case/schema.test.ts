import { describe, expect, it } from "vitest";
import { parseJsonText } from "../../src/case/evaluate-document.js";
import { caseWith, problemsOf } from "./fixture-library.js";

const paths = (doc: unknown) => problemsOf(doc).map((p) => p.path);
const wood = { kind: "material", factor: "mat.wood", quantity: "1 kg" };

describe("structural problems (zod schema), every one with its JSON path", () => {
  it("an unknown field at the top, in analysis, in an alternative, in an item and in an inline factor — all at once", () => {
    const doc = caseWith([{ emissions: [{ kind: "material", factor: { value: 1, unit: "kgCO2e/kg", src: "EPD" }, quantity: "1 kg", qty: 2 }], costs: [{ kind: "other", amount: 1, escalaton: 0.1 }] }], { discountrate: 0.1 }, { extra: true });
    (doc.alternatives as Record<string, unknown>[])[0]!.colour = "red";
    const problems = problemsOf(doc);
    expect(problems.map((p) => [p.path, p.code, p.params.field]).sort()).toEqual(
      [
        ["extra", "unknown-field", "extra"],
        ["analysis.discountrate", "unknown-field", "discountrate"],
        ["alternatives[0].colour", "unknown-field", "colour"],
        ["alternatives[0].emissions[0].qty", "unknown-field", "qty"],
        ["alternatives[0].emissions[0].factor.src", "unknown-field", "src"],
        ["alternatives[0].costs[0].escalaton", "unknown-field", "escalaton"],
      ].sort(),
    );
  });

  it("a __proto__ key from JSON.parse is an unknown field at every depth, and pollutes nothing", () => {
    const text = `{ "schema": "kalkyle.case/1", "title": "T", "factorSet": "test-1", "__proto__": { "polluted": true },
      "analysis": { "startYear": 2024, "years": 10, "__proto__": { "polluted": true } },
      "alternatives": [ { "id": "A", "name": "A", "__proto__": { "polluted": true },
        "emissions": [ { "kind": "material", "factor": "mat.wood", "quantity": "1 kg", "__proto__": { "polluted": true } } ] } ] }`;
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(true);
    const problems = problemsOf(parsed.ok ? parsed.value : null);
    expect(problems.map((p) => p.path).sort()).toEqual(["__proto__", "alternatives[0].__proto__", "alternatives[0].emissions[0].__proto__", "analysis.__proto__"]);
    expect(problems.every((p) => p.code === "unknown-field" && p.params.field === "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("negative years and a zero-year period: analysis.years (at least 1), an item's at and a cost's at, and every 0 — all at once", () => {
    const doc = caseWith([{ emissions: [{ ...wood, at: -2 }], costs: [{ kind: "other", amount: 1, at: -1, every: 0 }] }], { years: -1 });
    expect(problemsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: "analysis.years", code: "too-small", params: { min: "1" } },
        { path: "alternatives[0].emissions[0].at", code: "too-small", params: { min: "0" } },
        { path: "alternatives[0].costs[0].at", code: "too-small", params: { min: "0" } },
        { path: "alternatives[0].costs[0].every", code: "too-small", params: { min: "1" } },
      ]),
    );
    expect(paths(doc)).toHaveLength(4);
  });

  it("tells a missing field from a field of the wrong type", () => {
    const doc = caseWith([{ emissions: [{ kind: "material", factor: { value: "1", unit: "kgCO2e/kg" } }], costs: "none" as never }], { startYear: 2024.5, years: "10" }, { title: 5 });
    expect(problemsOf(doc)).toEqual(
      expect.arrayContaining([
        { path: "title", code: "type", params: { expected: "string" } },
        { path: "analysis.startYear", code: "integer", params: {} },
        { path: "analysis.years", code: "type", params: { expected: "number" } },
        { path: "alternatives[0].emissions[0].factor.value", code: "type", params: { expected: "number" } },
        { path: "alternatives[0].emissions[0].quantity", code: "required", params: {} },
        { path: "alternatives[0].costs", code: "type", params: { expected: "array" } },
      ]),
    );
    expect(paths(doc)).toHaveLength(6);
  });

  it("an empty object names every required top-level field", () => {
    expect(problemsOf({})).toEqual([
      { path: "schema", code: "required", params: {} },
      { path: "title", code: "required", params: {} },
      { path: "analysis", code: "required", params: {} },
      { path: "alternatives", code: "required", params: {} },
    ]);
  });

  it("names the allowed values of an enumeration", () => {
    const problems = problemsOf(caseWith([{ emissions: [{ ...wood, kind: "metal", stage: "E" }], wasteLevel: "burn" }], {}, { ranking: "best", schema: "kalkyle.case/2" }));
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: "schema", code: "one-of", params: { options: "kalkyle.case/1" } },
        { path: "ranking", code: "one-of", params: { options: "waste-pyramid, emissions, lcc, lcc-with-carbon" } },
        { path: "alternatives[0].wasteLevel", code: "one-of", params: { options: "prevent, reuse, recycle, recover, dispose" } },
        { path: "alternatives[0].emissions[0].kind", code: "one-of", params: { options: "material, spend, delivery, freight, machinery, energy, waste, fixed" } },
        { path: "alternatives[0].emissions[0].stage", code: "one-of", params: { options: "A1-A3, A4, A5, B, C, D" } },
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it("refuses NaN-like and out-of-range numbers: Infinity discount rate, rate above 1, no alternatives", () => {
    expect(problemsOf(caseWith([], { discountRate: 2 }))).toEqual([
      { path: "analysis.discountRate", code: "too-big", params: { max: "1" } },
      { path: "alternatives", code: "too-short", params: { min: "1" } },
    ]);
    expect(paths(caseWith([{}], { discountRate: Infinity }))).toEqual(["analysis.discountRate"]);
  });

  it("refuses a carbon price path with a key that is not a year, or with no years", () => {
    expect(paths(caseWith([{}], { carbonPrice: { "20x0": 5 } }))).toEqual(["analysis.carbonPrice.20x0"]);
    expect(problemsOf(caseWith([{}], { carbonPrice: { "20x0": 5 } }))).toEqual([{ path: "analysis.carbonPrice.20x0", code: "calendar-year-key", params: {} }]);
    // A problem code the catalogue says in each language, not zod's English message
    expect(problemsOf(caseWith([{}], { carbonPrice: {} }))).toEqual([{ path: "analysis.carbonPrice", code: "by-year-empty", params: {} }]);
  });

  it("reports a JSON syntax error as a problem at the document, not an exception", () => {
    const parsed = parseJsonText("{ \"schema\": ");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems).toEqual([{ path: "(document)", code: "json", params: { detail: expect.any(String) } }]);
  });
});
