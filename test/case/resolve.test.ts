import { describe, expect, it } from "vitest";
import { caseWith, evaluateOk, problemsOf } from "./fixture-library.js";

const wood = { kind: "material", factor: "mat.wood", quantity: "1 kg" };

describe("problems found against the factor set, every one with its JSON path", () => {
  it("a unit that cannot become the factor's unit: \"12 parsecs\" of diesel", () => {
    expect(problemsOf(caseWith([{ emissions: [wood] }, { emissions: [{ kind: "energy", factor: "fuel.diesel", quantity: "12 parsecs" }] }]))).toEqual([
      { path: "alternatives[1].emissions[0].quantity", code: "unknown-unit", params: { value: "12 parsecs", unit: "l", given: "parsecs" } },
    ]);
  });

  it("a known unit of the wrong dimension: 5 kWh of wood", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...wood, quantity: "5 kWh" }] }]))).toEqual([{ path: "alternatives[0].emissions[0].quantity", code: "unit-mismatch", params: { value: "5 kWh", unit: "kg" } }]);
  });

  it("the US short ton: \"3 ton\" of steel is refused, \"3 t\" is not", () => {
    expect(problemsOf(caseWith([{ emissions: [{ kind: "material", factor: "mat.steel", quantity: "3 ton" }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].quantity", code: "short-ton", params: { value: "3 ton", unit: "t", given: "ton" } },
    ]);
    expect(problemsOf(caseWith([{ emissions: [{ kind: "material", factor: { value: 1, unit: "kgCO2e/ton" }, quantity: "3 t" }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].factor.unit", code: "factor-unit", params: { unit: "kgCO2e/ton" } },
    ]);
  });

  it("an unknown factor id", () => {
    expect(problemsOf(caseWith([{ emissions: [wood, { kind: "material", factor: "mat.unobtainium", quantity: "1 kg" }] }]))).toEqual([
      { path: "alternatives[0].emissions[1].factor", code: "unknown-factor", params: { id: "mat.unobtainium", set: "test-1" } },
    ]);
  });

  it("a baseline that names no alternative", () => {
    expect(problemsOf(caseWith([{}, {}], {}, { baseline: "Z" }))).toEqual([{ path: "baseline", code: "unknown-baseline", params: { id: "Z", options: "A, B" } }]);
  });

  it("a year after the period, for an emission and for a cost", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...wood, at: 11 }], costs: [{ kind: "other", amount: 1, at: 12, every: 2 }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].at", code: "after-period", params: { year: "11", years: "10" } },
      { path: "alternatives[0].costs[0].at", code: "after-period", params: { year: "12", years: "10" } },
    ]);
  });

  it("year N itself and 'end' are inside the period: both 0.5 kg items land in year 10", () => {
    const alt = evaluateOk(caseWith([{ emissions: [{ ...wood, at: 10 }, { ...wood, at: "end" }] }])).json.alternatives[0]!;
    expect(alt.emissions.byYear[10]).toBe(1);
  });

  it("duplicate alternative ids: the second use is named", () => {
    const doc = caseWith([{}, {}, {}]);
    (doc.alternatives as { id: string }[])[2]!.id = "A";
    expect(problemsOf(doc)).toEqual([{ path: "alternatives[2].id", code: "duplicate-id", params: { id: "A" } }]);
  });

  it("ranking lcc-with-carbon without a carbon price", () => {
    expect(problemsOf(caseWith([{}], {}, { ranking: "lcc-with-carbon" }))).toEqual([{ path: "ranking", code: "needs-carbon-price", params: {} }]);
  });

  it("a negative inline factor outside stage D, a bad amount and a negative quantity", () => {
    expect(
      problemsOf(
        caseWith([
          {
            emissions: [{ kind: "material", factor: { value: -1, unit: "kgCO2e/kg" }, quantity: "1 kg" }, { ...wood, quantity: "-1 kg" }, { ...wood, quantity: "kg" }],
            costs: [{ kind: "other", amount: "5 EUR" }, { kind: "other", amount: "-3" }],
          },
        ]),
      ),
    ).toEqual([
      { path: "alternatives[0].emissions[0].factor.value", code: "negative-factor", params: {} },
      { path: "alternatives[0].emissions[1].quantity", code: "negative", params: { value: "-1 kg", unit: "kg", given: "" } },
      { path: "alternatives[0].emissions[2].quantity", code: "quantity-syntax", params: { value: "kg", unit: "kg", given: "" } },
      { path: "alternatives[0].costs[0].amount", code: "money-syntax", params: { value: "5 EUR" } },
      { path: "alternatives[0].costs[1].amount", code: "negative", params: { value: "-3" } },
    ]);
  });

  it("reports all of them at once, in one answer", () => {
    const doc = caseWith(
      [
        {
          emissions: [
            { kind: "energy", factor: "fuel.diesel", quantity: "12 parsecs" },
            { kind: "material", factor: "mat.steel", quantity: "3 ton" },
            { kind: "material", factor: "mat.nope", quantity: "3 t" },
            { ...wood, at: 11 },
          ],
        },
        { costs: [{ kind: "other", amount: 1, at: 12 }] },
        {},
      ],
      { electricity: "mat.wood" },
      { ranking: "lcc-with-carbon", baseline: "Z" },
    );
    (doc.alternatives as { id: string }[])[2]!.id = "B";
    const problems = problemsOf(doc);
    expect(problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual(
      [
        "analysis.electricity not-electricity",
        "alternatives[2].id duplicate-id",
        "baseline unknown-baseline",
        "ranking needs-carbon-price",
        "alternatives[0].emissions[0].quantity unknown-unit",
        "alternatives[0].emissions[1].quantity short-ton",
        "alternatives[0].emissions[2].factor unknown-factor",
        "alternatives[0].emissions[3].at after-period",
        "alternatives[1].costs[0].at after-period",
      ].sort(),
    );
  });
});
