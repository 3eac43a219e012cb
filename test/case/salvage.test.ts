import { describe, expect, it } from "vitest";
import { checkCase } from "../../src/case/evaluate-document.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

const library = loadFactorLibrary(new URL("../fixtures/factors/", import.meta.url).pathname);

const paths = (input: unknown) => {
  const checked = checkCase(input, library);
  if (checked.ok) throw new Error("expected problems");
  return checked.problems.map((p) => `${p.path} ${p.code}`);
};

// Tests edit the document freely, as a user's file would be broken.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const base = (): Loose => ({
  schema: "kalkyle.case/1",
  title: "Alt på én gang",
  factorSet: "test-1",
  analysis: { startYear: 2026, years: 10 },
  alternatives: [
    { id: "A", name: "Ny", emissions: [{ kind: "material", factor: "mat.steel", quantity: "1 t" }] },
    { id: "B", name: "Brukt", emissions: [{ kind: "material", factor: "mat.wood", quantity: "2 kg" }] },
  ],
});

describe("one round reports every problem", () => {
  it("names the typo, the negative years, the bad unit, the unknown factor and the stray baseline together", () => {
    const doc = base();
    doc.analysis.years = -3;
    doc.baseline = "Z";
    doc.alternatives[0].colour = "red";
    doc.alternatives[0].emissions.push({ kind: "material", factor: "mat.steel", quantity: "12 parsecs" });
    doc.alternatives[1].emissions.push({ kind: "material", factor: "no.such.factor", quantity: "1 t" });
    expect(paths(doc)).toEqual([
      "analysis.years too-small",
      "alternatives[0].colour unknown-field",
      "baseline unknown-baseline",
      "alternatives[0].emissions[1].quantity unknown-unit",
      "alternatives[1].emissions[1].factor unknown-factor",
    ]);
  });

  it("says nothing about the stand-ins put in for parts that did not parse", () => {
    const doc = base();
    doc.alternatives[0].emissions[0].kind = "materail";
    doc.alternatives[1].id = 42;
    doc.baseline = "B";
    expect(paths(doc)).toEqual(["alternatives[0].emissions[0].kind one-of", "alternatives[1].id type"]);
  });

  it("does not report years after a period that could not be read", () => {
    const doc = base();
    doc.analysis.years = "ti";
    doc.alternatives[0].emissions[0].at = 12;
    expect(paths(doc)).toEqual(["analysis.years type"]);
  });
});
