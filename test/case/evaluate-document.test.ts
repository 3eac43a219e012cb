import { describe, expect, it } from "vitest";
import { caseWith, evaluateOk, problemsOf, type Json } from "./fixture-library.js";

/** kg of each item of the first alternative, in entry order. */
const itemKg = (emissions: Json[], analysis: Json = {}) => evaluateOk(caseWith([{ emissions }], analysis)).json.alternatives[0]!.emissions.items.map((i) => i.kg);
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * 1e-9);

describe("evaluateDocument with the fixture set: units", () => {
  it("converts t ↔ kg: 1200 kg = 1.2 t of steel at 2000 kg/t = 2400 kg; 2 t = 2000 kg of wood at 0.5 kg/kg = 1000 kg", () => {
    expect(
      itemKg([
        { kind: "material", factor: "mat.steel", quantity: "1200 kg" },
        { kind: "material", factor: "mat.steel", quantity: "1.2 t" },
        { kind: "material", factor: "mat.wood", quantity: "2 t" },
        { kind: "material", factor: "mat.wood", quantity: "2000 kg" },
      ]),
    ).toEqual([2400, 2400, 1000, 1000]);
  });

  it("reads a gCO2e factor: 1.5 MWh = 1500 kWh × 20 g/kWh = 30 kg", () => {
    expect(itemKg([{ kind: "energy", factor: "el.grid", quantity: "1.5 MWh" }, { kind: "energy", factor: "el.grid", quantity: "1500 kWh" }])).toEqual([30, 30]);
  });

  it("reads a tCO2e factor: 2500 kWh = 2.5 MWh × 0.4 t/MWh = 1000 kg", () => {
    expect(itemKg([{ kind: "energy", factor: "el.residual", quantity: "2500 kWh" }, { kind: "energy", factor: "el.residual", quantity: "2.5 MWh" }])).toEqual([1000, 1000]);
  });

  it("freight in tonne-kilometres: 500 tkm × 0.1 kg/tkm = 50 kg", () => {
    expect(itemKg([{ kind: "freight", factor: "freight.road", quantity: "500 tkm" }])).toEqual([50]);
  });
});

describe("chained factors", () => {
  const items = [
    { kind: "delivery", factor: "van.diesel", quantity: "35 km", count: 4 },
    { kind: "delivery", factor: "van.bev", quantity: "200 km" },
    { kind: "energy", factor: "electricity", quantity: "1000 kWh" },
  ];

  it("multiply through the record they name: diesel van 35 km × 0.1 l/km × 2.5 kg/l × 4 trips = 35 kg", () => {
    const alt = evaluateOk(caseWith([{ emissions: items }])).json.alternatives[0]!;
    expect(alt.emissions.items[0]!.kg).toBe(35);
    expect(alt.emissions.items[0]!.source).toContain("× fuel.diesel");
  });

  it("electric items follow the default electricity: 200 km × 0.25 kWh/km × 0.02 kg/kWh = 1 kg; 1000 kWh × 0.02 = 20 kg", () => {
    const evaluation = evaluateOk(caseWith([{ emissions: items }]));
    expect(evaluation.json.alternatives[0]!.emissions.items.map((i) => i.kg)).toEqual([35, 1, 20]);
    expect(evaluation.json.analysis.electricity).toEqual({ factor: "el.grid", basis: "location", kgCO2ePerUnit: 0.02, unit: "kWh" });
    expect(evaluation.json.alternatives[0]!.emissions.items[2]!.factor).toBe("el.grid");
  });

  it("analysis.electricity switches every electric item and nothing else", () => {
    // van: 200 km × 0.25 kWh/km = 50 kWh = 0.05 MWh × 400 kg/MWh = 20 kg; 1000 kWh = 1 MWh × 400 = 400 kg
    const evaluation = evaluateOk(caseWith([{ emissions: items }], { electricity: "el.residual" }));
    const alt = evaluation.json.alternatives[0]!;
    expect(alt.emissions.items.map((i) => i.kg)).toEqual([35, 20, 400]);
    expect(alt.emissions.items[1]!.source).toContain("× el.residual");
    expect(evaluation.json.analysis.electricity).toEqual({ factor: "el.residual", basis: "market", kgCO2ePerUnit: 400, unit: "MWh" });
  });

  it("refuses an electricity choice that is not an electricity record, or no record", () => {
    expect(problemsOf(caseWith([{ emissions: items }], { electricity: "mat.wood" }))).toEqual([{ path: "analysis.electricity", code: "not-electricity", params: { id: "mat.wood" } }]);
    expect(problemsOf(caseWith([{ emissions: items }], { electricity: "el.nope" }))).toEqual([{ path: "analysis.electricity", code: "unknown-factor", params: { id: "el.nope", set: "test-1" } }]);
  });
});

describe("spend conversion via CPI and exchange rate", () => {
  const spend = (quantity: unknown) => ({ kind: "spend", factor: "spend.furniture", quantity });

  it("12 500 NOK (2024) → × 100/125 = 10 000 NOK (2019) → ÷ 10 NOK/EUR = 1 000 EUR × 0.5 kg/EUR = 500 kg", () => {
    expect(itemKg([spend("12500 NOK"), spend("12500 kr"), spend(12500)])).toEqual([500, 500, 500]);
  });

  it("in price year 2019 needs no deflation: 12 500 NOK ÷ 10 × 0.5 = 625 kg", () => {
    expect(itemKg([spend("12500 NOK")], { priceYear: 2019 })).toEqual([625]);
  });

  it("defaults the price year to the start year, clamped to the index: 2030 → 2024, 2021 → 2019", () => {
    const late = evaluateOk(caseWith([{ emissions: [spend("12500 NOK")] }], { startYear: 2030 }));
    expect(late.json.analysis.priceYear).toBe(2024);
    expect(late.json.alternatives[0]!.emissions.totalKg).toBe(500);
    const early = evaluateOk(caseWith([{ emissions: [spend("12500 NOK")] }], { startYear: 2021 }));
    expect(early.json.analysis.priceYear).toBe(2019);
    expect(early.json.alternatives[0]!.emissions.totalKg).toBe(625);
  });

  it("refuses a price year the index does not cover and spend in another currency", () => {
    expect(problemsOf(caseWith([{ emissions: [spend("100 NOK")] }], { priceYear: 2020 }))).toEqual([
      { path: "analysis.priceYear", code: "price-year", params: { year: "2020", options: "2019, 2024" } },
      { path: "alternatives[0].emissions[0].quantity", code: "price-year", params: { year: "2020", options: "2019, 2024" } },
    ]);
    expect(problemsOf(caseWith([{ emissions: [spend("100 EUR")] }]))).toEqual([{ path: "alternatives[0].emissions[0].quantity", code: "spend-currency", params: { value: "100 EUR" } }]);
  });
});

describe("inline factors", () => {
  it("kg, g and t CO2e per unit: 2 t × 1.5 kg/kg = 3000; 4 MWh × 250 g/kWh = 1000; 500 kg × 2 t/t = 1000; 1000 NOK × 0.1 kg/NOK = 100", () => {
    const alt = evaluateOk(
      caseWith([
        {
          emissions: [
            { kind: "material", factor: { value: 1.5, unit: "kgCO2e/kg" }, quantity: "2 t" },
            { kind: "energy", factor: { value: 250, unit: "gCO2e/kWh" }, quantity: "4 MWh" },
            { kind: "material", factor: { value: 2, unit: "tCO2e/t" }, quantity: "500 kg" },
            { kind: "spend", factor: { value: 0.1, unit: "kgCO2e/NOK" }, quantity: "1000 NOK" },
          ],
        },
      ]),
    ).json.alternatives[0]!;
    expect(alt.emissions.items.map((i) => i.kg)).toEqual([3000, 1000, 1000, 100]);
    expect(alt.emissions.items.every((i) => i.factor === null && i.source === "inline factor given in the case")).toBe(true);
    expect(alt.emissions.totalKg).toBe(5100);
  });

  it("a negative inline factor is a stage D credit, reported apart and left out of the total", () => {
    const alt = evaluateOk(
      caseWith([{ emissions: [{ kind: "material", factor: { value: 1, unit: "kgCO2e/kg" }, quantity: "300 kg" }, { kind: "material", factor: { value: -1, unit: "kgCO2e/kg" }, quantity: "100 kg", stage: "D" }] }]),
    ).json.alternatives[0]!;
    expect(alt.emissions.byStage.D).toBe(-100);
    expect(alt.emissions.totalKg).toBe(300);
    expect(alt.emissions.byYear[0]).toBe(300);
  });
});

describe("numbers at the edge", () => {
  it("writes 0 kg under a negative stage-D factor as 0, not −0 (which would print as \"−0\")", () => {
    const alt = evaluateOk(caseWith([{ emissions: [{ kind: "material", factor: { value: -1, unit: "kgCO2e/kg" }, quantity: "0 kg", stage: "D" }] }])).json.alternatives[0]!;
    expect(Object.is(alt.emissions.items[0]!.kg, 0)).toBe(true);
    expect(Object.is(alt.emissions.byStage.D, 0)).toBe(true);
  });
});

describe("waste", () => {
  it("counts at the end of the period and suggests the level of the heaviest route, not the dirtiest", () => {
    // 2 t recycled at 10 kg/t = 20 kg; 1 t landfilled at 1000 kg/t = 1000 kg; recycling takes more mass
    const alt = evaluateOk(caseWith([{ emissions: [{ kind: "waste", factor: "waste.paper.recycling", quantity: "2 t" }, { kind: "waste", factor: "waste.paper.landfill", quantity: "1000 kg" }] }])).json.alternatives[0]!;
    expect(alt.emissions.byStage.C).toBe(1020);
    expect(alt.emissions.byYear[10]).toBe(1020);
    expect(alt.emissions.byYear[0]).toBe(0);
    expect([alt.wasteLevel, alt.wasteLevelSource]).toEqual(["recycle", "suggested"]);
  });
});

describe("a whole case through to the result document", () => {
  // A: 1200 kg steel (2400 kg, year 0), 2 t paper to landfill (2000 kg, year 10);
  //    180 000 NOK + 1 000 NOK maintenance a year escalating 2 %.
  // B: declared reuse; 12 500 NOK of furniture (500 kg); 120 000 NOK, 5 000 NOK residual value.
  // Carbon price "default" = test path 2020: 1000 → 2030: 2000, so 2024 → 1400 and 2034 → 2000.
  const doc = caseWith(
    [
      {
        emissions: [{ kind: "material", factor: "mat.steel", quantity: "1200 kg" }, { kind: "waste", factor: "waste.paper.landfill", quantity: "2 t" }],
        costs: [{ kind: "acquisition", amount: "180000 NOK" }, { kind: "maintenance", amount: 1000, every: 1, escalation: 0.02 }],
      },
      { wasteLevel: "reuse", emissions: [{ kind: "spend", factor: "spend.furniture", quantity: "12500 NOK" }], costs: [{ kind: "acquisition", amount: "120000 NOK" }, { kind: "residual", amount: 5000 }] },
    ],
    { carbonPrice: "default" },
  );
  const { json } = evaluateOk(doc);
  const [a, b] = json.alternatives;

  it("names its schema, factor set and the set's hash", () => {
    expect(json.schema).toBe("kalkyle.result/1");
    expect(json.factorSet).toBe("test-1");
    expect(json.factorSetHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.analysis).toMatchObject({ startYear: 2024, years: 10, discountRate: 0.04, priceYear: 2024, carbonPrice: { "2020": 1000, "2030": 2000 } });
  });

  it("totals emissions by stage and year", () => {
    expect(a!.emissions).toMatchObject({ totalKg: 4400, directKg: 0, indirectKg: 4400, byStage: { "A1-A3": 2400, A4: 0, A5: 0, B: 0, C: 2000, D: 0 } });
    expect(a!.emissions.byYear).toEqual([2400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2000]);
    expect(b!.emissions.totalKg).toBe(500);
  });

  it("prices the lifecycle: 180 000 + Σ 1000 × 1.02^t / 1.04^t = 189 001.04; 120 000 − 5000 / 1.04^10 = 116 622.18", () => {
    close(a!.lcc.presentValue, 189001.0434405007119773713507);
    close(a!.lcc.byKind.maintenance!, 9001.043440500711977371351);
    close(a!.lcc.nominalTotal, 191168.71541973261364224);
    close(b!.lcc.presentValue, 116622.1791558710057173991274);
    close(b!.lcc.byKind.residual!, -3377.820844128994282600873);
    expect(b!.lcc.nominalTotal).toBe(115000);
  });

  it("prices the carbon: A 2.4 t × 1400 + 2 t × 2000 / 1.04^10 = 6062.26; B 0.5 t × 1400 = 700", () => {
    close(a!.lcc.carbonCostPresentValue!, 6062.256675303195426080698);
    close(a!.lcc.presentValueWithCarbon!, 189001.0434405007119773713507 + 6062.256675303195426080698);
    expect(b!.lcc.carbonCostPresentValue).toBe(700);
  });

  it("ranks the declared re-use first, marks A dominated and compares B with A", () => {
    expect(json.ranking).toEqual({ method: "waste-pyramid", order: ["B", "A"] });
    expect([a!.rank, b!.rank]).toEqual([2, 1]);
    expect([a!.dominated, b!.dominated]).toEqual([true, false]);
    expect(json.comparison).toHaveLength(1);
    const row = json.comparison[0]!;
    expect(row).toMatchObject({ id: "B", baseline: "A", deltaKg: -3900, paybackYear: 0 });
    // (116622.179… − 189001.043…) / 3.9 t = −72378.864… / 3.9 = −18558.68…
    close(row.deltaPresentValue, 116622.1791558710057173991274 - 189001.0434405007119773713507);
    close(row.abatementCostPerTonne!, (116622.1791558710057173991274 - 189001.0434405007119773713507) / 3.9);
  });

  it("compares with the named baseline and ranks by lcc-with-carbon when asked", () => {
    const other = evaluateOk({ ...doc, baseline: "B", ranking: "lcc-with-carbon" }).json;
    expect(other.comparison.map((c) => [c.id, c.baseline, c.deltaKg])).toEqual([["A", "B", 3900]]);
    expect(other.ranking).toEqual({ method: "lcc-with-carbon", order: ["B", "A"] });
  });

  it("uses the newest set when the case names none, and refuses an unknown set", () => {
    const withoutSet = { ...doc };
    delete withoutSet.factorSet;
    expect(evaluateOk(withoutSet).json.factorSet).toBe("test-1");
    expect(problemsOf({ ...doc, factorSet: "1999-9" })).toEqual([{ path: "factorSet", code: "unknown-factor-set", params: { id: "1999-9", options: "test-1" } }]);
  });
});
