import { describe, expect, it } from "vitest";
import { PROBLEM_MESSAGES, problemLine, problemMessage, type Problem } from "../../src/case/messages.js";
import { formatPath } from "../../src/case/paths.js";
import { caseWith, problemsOf } from "./fixture-library.js";

describe("problem messages in English and Norwegian", () => {
  it("the parsecs example of CASE-FORMAT.md, word for word", () => {
    const [problem] = problemsOf(caseWith([{ emissions: [{ kind: "material", factor: "mat.wood", quantity: "1 kg" }] }, { emissions: [{ kind: "energy", factor: "fuel.diesel", quantity: "12 parsecs" }] }]));
    expect(problemLine(problem!, "en")).toBe('alternatives[1].emissions[0].quantity: "12 parsecs" cannot be converted to l (unknown unit "parsecs")');
    expect(problemLine(problem!, "nb")).toBe("alternatives[1].emissions[0].quantity: «12 parsecs» kan ikke regnes om til l (ukjent enhet «parsecs»)");
  });

  it("a unit of the wrong dimension", () => {
    const p: Problem = { path: "x", code: "unit-mismatch", params: { value: "5 kWh", unit: "kg" } };
    expect(problemMessage(p, "en")).toBe('"5 kWh" cannot be converted to kg');
    expect(problemMessage(p, "nb")).toBe("«5 kWh» kan ikke regnes om til kg");
  });

  it("the short ton tells the user to write t", () => {
    const p: Problem = { path: "x", code: "short-ton", params: { value: "3 tons", given: "tons" } };
    expect(problemMessage(p, "en")).toBe('"3 tons": "tons" is the US short ton; write "t" for metric tonnes');
    expect(problemMessage(p, "nb")).toBe("«3 tons»: «tons» er amerikansk short ton; skriv «t» eller «tonn» for tonn");
  });

  it("an unknown unit close to an accepted one names it: «3 Tonn» of wood, did you mean «tonn»", () => {
    const [problem] = problemsOf(caseWith([{ emissions: [{ kind: "material", factor: "mat.wood", quantity: "3 Tonn" }] }]));
    expect(problemLine(problem!, "en")).toBe('alternatives[0].emissions[0].quantity: "3 Tonn" cannot be converted to kg (unknown unit "Tonn"); did you mean "tonn"?');
    expect(problemLine(problem!, "nb")).toBe("alternatives[0].emissions[0].quantity: «3 Tonn» kan ikke regnes om til kg (ukjent enhet «Tonn»); mente du «tonn»?");
  });

  it("standard cubic metres of gas are refused with the units to write instead (m³ or kWh)", () => {
    const [problem] = problemsOf(caseWith([{ emissions: [{ kind: "energy", factor: { value: 2, unit: "kgCO2e/m3" }, quantity: "1000 Sm3" }] }]));
    expect(problem).toMatchObject({ path: "alternatives[0].emissions[0].quantity", code: "standard-cubic-metre", params: { given: "Sm3" } });
    expect(problemMessage(problem!, "en")).toBe('"1000 Sm3": standard cubic metres ("Sm3") are not converted; write the gas in "m³" (the gas factors per m³ are per standard cubic metre) or its energy in "kWh"');
    expect(problemMessage(problem!, "nb")).toContain("skriv gassmengden i «m³»");
  });

  it("every refused unit's message names a spelling to write instead", () => {
    for (const code of ["short-ton", "us-gallon", "standard-cubic-metre"] as const) {
      for (const lang of ["nb", "en"] as const) expect(PROBLEM_MESSAGES[code][lang], `${code} ${lang}`).toMatch(/(write|skriv) [^;]*[«"](t|l|m³)[»"]/);
    }
  });

  it("unknown field, unknown factor, baseline, after period, duplicate id, carbon price", () => {
    const cases: [Problem, string, string][] = [
      [{ path: "a", code: "unknown-field", params: { field: "qty" } }, 'unknown field "qty" (check the spelling)', "ukjent felt «qty» (sjekk stavemåten)"],
      [{ path: "a", code: "unknown-factor", params: { id: "mat.x", set: "test-1" } }, 'unknown factor "mat.x" in factor set test-1', "ukjent faktor «mat.x» i faktorsett test-1"],
      [{ path: "a", code: "unknown-baseline", params: { id: "Z", options: "A, B" } }, '"Z" names no alternative (available: A, B)', "«Z» er ikke et alternativ (finnes: A, B)"],
      [{ path: "a", code: "after-period", params: { year: "11", years: "10" } }, "year 11 is after the analysis period (0–10)", "år 11 er etter analyseperioden (0–10)"],
      [{ path: "a", code: "duplicate-id", params: { id: "A" } }, 'id "A" is used twice', "id «A» er brukt før"],
      [{ path: "a", code: "needs-carbon-price", params: {} }, "ranking with carbon cost needs analysis.carbonPrice", "rangering med karbonkostnad krever analysis.carbonPrice"],
      [{ path: "a", code: "too-small", params: { min: "0" } }, "must be at least 0", "må være minst 0"],
    ];
    for (const [problem, en, nb] of cases) {
      expect(problemMessage(problem, "en")).toBe(en);
      expect(problemMessage(problem, "nb")).toBe(nb);
    }
  });

  it("translates the expected type's name", () => {
    const p: Problem = { path: "title", code: "type", params: { expected: "string" } };
    expect(problemMessage(p, "en")).toBe("must be text");
    expect(problemMessage(p, "nb")).toBe("må være tekst");
    expect(problemMessage({ ...p, params: { expected: "number" } }, "nb")).toBe("må være et tall");
  });

  it("every message has both languages and both name the same parameters", () => {
    for (const [code, t] of Object.entries(PROBLEM_MESSAGES)) {
      const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(t.nb.length, code).toBeGreaterThan(0);
      expect(t.en.length, code).toBeGreaterThan(0);
      expect(params(t.nb), code).toEqual(params(t.en));
    }
  });

  it("a missing parameter leaves no placeholder behind", () => {
    expect(problemMessage({ path: "a", code: "duplicate-id", params: {} }, "en")).toBe('id "" is used twice');
  });
});

describe("formatPath", () => {
  it("writes paths as users read them", () => {
    expect(formatPath(["alternatives", 1, "emissions", 0, "quantity"])).toBe("alternatives[1].emissions[0].quantity");
    expect(formatPath([])).toBe("(document)");
    expect(formatPath([0, "a"])).toBe("[0].a");
  });
});
