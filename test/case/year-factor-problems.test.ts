/**
 * A malformed inline factor by year ({ byYear, unit }) is judged by that
 * shape alone: a bad year key, a value that is not a number, value beside
 * byYear, an empty or over-long byYear each say one clear problem at its
 * own path, in both languages; the document's other items are still checked.
 */
import { describe, expect, it } from "vitest";
import { problemLine, type Lang } from "../../src/case/messages.js";
import { caseWith, problemsOf, type Json } from "./fixture-library.js";

const AT = "alternatives[0].emissions[0].factor";
const withFactor = (factor: unknown, more: Json[] = []) => caseWith([{ emissions: [{ kind: "energy", factor, quantity: "100 kWh" }, ...more] }]);
const lines = (doc: unknown, lang: Lang) => problemsOf(doc).map((p) => problemLine(p, lang));
const manyYears = Object.fromEntries(Array.from({ length: 251 }, (_, i) => [String(1900 + i), 0.01]));

describe("an inline factor by year: its problems only", () => {
  it.each([
    ["a key that is not a four-digit year", { "20x6": 0.02 }, `${AT}.byYear.20x6: må være et firesifret kalenderår, f.eks. 2030`, `${AT}.byYear.20x6: must be a four-digit calendar year, e.g. 2030`],
    ["a two-digit year", { "26": 0.02 }, `${AT}.byYear.26: må være et firesifret kalenderår, f.eks. 2030`, `${AT}.byYear.26: must be a four-digit calendar year, e.g. 2030`],
    ["a text value", { "2026": "abc" }, `${AT}.byYear.2026: må være et tall`, `${AT}.byYear.2026: must be a number`],
    ["no years", {}, `${AT}.byYear: må ha verdien for minst ett kalenderår`, `${AT}.byYear: must give the value for at least one calendar year`],
    ["more than 250 years", manyYears, `${AT}.byYear: kan ha høyst 250 år`, `${AT}.byYear: may have at most 250 years`],
  ])("%s", (_name, byYear, nb, en) => {
    const doc = withFactor({ byYear, unit: "kgCO2e/kWh" });
    expect(lines(doc, "nb")).toEqual([nb]);
    expect(lines(doc, "en")).toEqual([en]);
  });

  it("value and byYear together: one problem naming both", () => {
    const doc = withFactor({ value: 0.02, byYear: { "2026": 0.02 }, unit: "kgCO2e/kWh" });
    expect(problemsOf(doc)).toEqual([{ path: AT, code: "either-field", params: { first: "value", second: "byYear" } }]);
    expect(lines(doc, "nb")).toEqual([`${AT}: oppgi enten value eller byYear, ikke begge`]);
    expect(lines(doc, "en")).toEqual([`${AT}: give either value or byYear, not both`]);
  });

  it("a single value's problems are unchanged: a text value, a misspelt key", () => {
    expect(lines(withFactor({ value: "abc", unit: "kgCO2e/kWh" }), "en")).toEqual([`${AT}.value: must be a number`]);
    expect(lines(withFactor({ valu: 0.02, unit: "kgCO2e/kWh" }), "nb")).toEqual([`${AT}.value: må fylles ut`, `${AT}.valu: ukjent felt «valu» (sjekk stavemåten)`]);
  });

  it("a carbon price path by year says the same about its keys and its size", () => {
    expect(lines(caseWith([{}], { carbonPrice: { "20x6": 100 } }), "nb")).toEqual(["analysis.carbonPrice.20x6: må være et firesifret kalenderår, f.eks. 2030"]);
    expect(lines(caseWith([{}], { carbonPrice: {} }), "en")).toEqual(["analysis.carbonPrice: must give the value for at least one calendar year"]);
  });

  it("the other items are still checked against the factor set (salvage)", () => {
    const doc = withFactor({ byYear: { "20x6": 0.02 }, unit: "kgCO2e/kWh" }, [{ kind: "energy", factor: "no.such.factor", quantity: "100 kWh" }]);
    const problems = problemsOf(doc);
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      [`${AT}.byYear.20x6`, "calendar-year-key"],
      ["alternatives[0].emissions[1].factor", "unknown-factor"],
    ]);
  });
});
