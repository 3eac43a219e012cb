/**
 * Factors that change by calendar year (docs/case-format.md, "Factors that
 * change by year"), checked by hand: year t of a case uses the value of
 * calendar year startYear + t, linear between given years, the nearest
 * given year's value beyond the ends. Through the exact core, the fast
 * evaluator, the Monte Carlo coefficients, the sensitivity analysis and a
 * chained vehicle on a year-varying electricity record, and the problems a
 * bad year gives, each naming its year.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCase, evaluateDocument } from "../../src/case/evaluate-document.js";
import { problemMessage } from "../../src/case/messages.js";
import { uncertaintyModel } from "../../src/case/uncertainty.js";
import { Decimal } from "../../src/core/decimal.js";
import { evaluateCase } from "../../src/core/evaluate.js";
import { compileCase, evaluateCompiled } from "../../src/core/fast/index.js";
import { itemCoefficients } from "../../src/core/finance/item-coefficients.js";
import { runMonteCarlo } from "../../src/core/finance/monte-carlo.js";
import { periodVariant } from "../../src/core/finance/period-model.js";
import { sensitivity } from "../../src/core/finance/sensitivity.js";
import { valuesByYearIndex } from "../../src/core/year-values.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { caseWith, FIXTURE_FACTOR_DIR, fixtureLibrary, problemsOf, type Json } from "../case/fixture-library.js";

const d = (v: string | number) => new Decimal(v);
const numbers = (values: readonly Decimal[]) => values.map((v) => v.toNumber());

/** 1 000 kWh in each of years 0, 1, 2 (2026, 2027, 2028). */
const yearly = (factor: Json, extra: Json = {}): Json => ({ kind: "energy", label: "Strøm", factor, quantity: "1000 kWh", at: 0, every: 1, ...extra });
const GRID = { byYear: { "2026": 0.02, "2028": 0.01 }, unit: "kgCO2e/kWh" };

describe("the rule: linear between given years, the nearest given year beyond the ends", () => {
  it("{2026: 0.02, 2028: 0.01} from 2025 over 4 years → 0.02 (before), 0.02, 0.015 (halfway), 0.01, 0.01 (after)", () => {
    const given = new Map([[2026, d("0.02")], [2028, d("0.01")]]);
    expect(numbers(valuesByYearIndex(given, 2025, 4))).toEqual([0.02, 0.02, 0.015, 0.01, 0.01]);
  });

  it("one given year is the value of every year", () => {
    expect(numbers(valuesByYearIndex(new Map([[2040, d("3")]]), 2026, 2))).toEqual([3, 3, 3]);
  });
});

describe("a case through evaluateDocument, as JSON", () => {
  it("1 000 kWh a year for 3 years from 2026 at {2026: 0.02, 2028: 0.01} kg/kWh → 20 + 15 + 10 = 45 kg", () => {
    const doc = JSON.parse(JSON.stringify(caseWith([{ emissions: [yearly(GRID)] }], { startYear: 2026, years: 2 }))) as Json;
    const { core, result } = okEvaluation(doc);
    const e = core.alternatives[0]!.emissions;
    expect(numbers(e.byYear)).toEqual([20, 15, 10]);
    expect(e.totalKg.toNumber()).toBe(45);
    expect(e.items[0]!.yearVarying).toBe(true);
    const json = result as { alternatives: { emissions: { totalKg: number; byYear: number[]; items: { yearVarying?: boolean }[] } }[] };
    expect(json.alternatives[0]!.emissions.byYear).toEqual([20, 15, 10]);
    expect(json.alternatives[0]!.emissions.items[0]!.yearVarying).toBe(true);
  });

  it("the same values in g/kWh give the same kilograms: 20 and 10 gCO2e/kWh", () => {
    const doc = caseWith([{ emissions: [yearly({ byYear: { "2026": 20, "2028": 10 }, unit: "gCO2e/kWh" })] }], { startYear: 2026, years: 2 });
    expect(numbers(okEvaluation(doc).core.alternatives[0]!.emissions.byYear)).toEqual([20, 15, 10]);
  });

  it("years before the first and after the last given year take their value: 2024–2030 → 20, 20, 20, 15, 10, 10, 10 = 105 kg", () => {
    const doc = caseWith([{ emissions: [yearly(GRID)] }], { startYear: 2024, years: 6 });
    const e = okEvaluation(doc).core.alternatives[0]!.emissions;
    expect(numbers(e.byYear)).toEqual([20, 20, 20, 15, 10, 10, 10]);
    expect(e.totalKg.toNumber()).toBe(105);
  });

  it("a one-off item takes the value of its own year: 1 000 kWh at year 1 (2027) → 15 kg, at the end (2028) → 10 kg", () => {
    const doc = caseWith([{ emissions: [yearly(GRID, { at: 1, every: undefined }), yearly(GRID, { at: "end", every: undefined })] }], { startYear: 2026, years: 2 });
    expect(okEvaluation(doc).core.alternatives[0]!.emissions.items.map((i) => i.kg.toNumber())).toEqual([15, 10]);
  });

  it("the carbon cost prices each year's kilograms: 20, 15, 10 kg at 1 000 NOK/t and 0 % → 45 NOK", () => {
    const doc = caseWith([{ emissions: [yearly(GRID)] }], { startYear: 2026, years: 2, discountRate: 0, carbonPrice: { "2026": 1000 } });
    expect(okEvaluation(doc).core.alternatives[0]!.lcc.carbonCostPresentValue!.toNumber()).toBe(45);
  });

  it("a stage D credit may go negative by year: −0.5 and −0.3 kg/kg on 100 kg in 2026 and 2028 → −50 and −30 kg in stage D", () => {
    const credit = { kind: "material", stage: "D", factor: { byYear: { "2026": -0.5, "2028": -0.3 }, unit: "kgCO2e/kg" }, quantity: "100 kg", at: 0, every: 2 };
    const e = okEvaluation(caseWith([{ emissions: [credit] }], { startYear: 2026, years: 2 })).core.alternatives[0]!.emissions;
    expect(e.byStage.D.toNumber()).toBe(-80);
    expect(e.totalKg.toNumber()).toBe(0);
  });
});

describe("the fast evaluator and the finance figures use each year's value", () => {
  const doc = caseWith(
    [{ emissions: [yearly(GRID)], costs: [{ kind: "acquisition", amount: 1000 }] }, { emissions: [{ kind: "energy", factor: { value: 0.02, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", at: 0, every: 1 }], costs: [{ kind: "acquisition", amount: 1000 }] }],
    { startYear: 2026, years: 2, discountRate: 0, carbonPrice: { "2026": 1000 } },
    { ranking: "lcc-with-carbon" },
  );
  const checked = checkOk(doc);

  it("fast: 20, 15, 10 kg by year and 45 kg in all, as the exact core", () => {
    const fast = evaluateCompiled(compileCase(checked.resolved)).alternatives[0]!.emissions;
    expect(fast.byYear).toEqual([20, 15, 10]);
    expect(fast.totalKg).toBe(45);
    expect(fast.items[0]!.kg).toBe(45);
  });

  it("Monte Carlo coefficients: 45 kg and 45 NOK of carbon for A; a zero-width run gives 45 kg in every draw", () => {
    const coefficients = itemCoefficients(checked.resolved);
    expect(coefficients.kg[0]![0]).toBe(45);
    expect(coefficients.carbon![0]![0]).toBe(45);
    const model = uncertaintyModel(checked.resolved, checked.context, 0);
    const zero = { ...model, inputs: model.inputs.map((i) => ({ ...i, range: { ...i.range, distribution: { shape: "lognormal" as const, gsd: 1 } } })) };
    expect(runMonteCarlo(checked.resolved, zero, { samples: 5, seed: 1 }).alternatives[0]!.kg).toEqual({ p5: 45, p50: 45, p95: 45, mean: 45 });
  });

  it("sensitivity: A's factor +10 % scales every year's value, so A moves by 4.5 kg and B − A = 60 − 49.5 = 10.5 kg", () => {
    const result = sensitivity(checked.resolved, { a: "A", b: "B", percent: 10 });
    expect(result.base.kg).toBeCloseTo(15, 12); // B 60 kg − A 45 kg
    const bar = result.bars.find((b) => b.input.key === "inline:A/0")!;
    expect(bar.input.base).toBe(0.02); // the first year's value
    expect(bar.kg.high).toBeCloseTo(10.5, 12);
    expect(bar.kg.low).toBeCloseTo(19.5, 12);
  });

  it("a longer analysis period reaches later given years: over 4 years from 2026, 20 + 15 + 10 + 10 + 10 = 65 kg", () => {
    const over = periodVariant(checked.resolved, compileCase(checked.resolved), 10);
    const longer = evaluateCompiled(over(4)).alternatives[0]!.emissions;
    expect(longer.byYear).toEqual([20, 15, 10, 10, 10]);
    const resolvedOver4 = checkOk({ ...doc, analysis: { ...(doc.analysis as Json), years: 4 } }).resolved;
    expect(longer.totalKg).toBe(evaluateCase(resolvedOver4).alternatives[0]!.emissions.totalKg.toNumber());
  });

  it("every period from 1 to 12 years gives what the case resolved over that period gives, year by year", () => {
    const over = periodVariant(checked.resolved, compileCase(checked.resolved), 12);
    for (let years = 1; years <= 12; years++) {
      const exact = evaluateCase(checkOk({ ...doc, analysis: { ...(doc.analysis as Json), years } }).resolved).alternatives[0]!;
      const fast = evaluateCompiled(over(years)).alternatives[0]!;
      expect(fast.emissions.byYear, `N = ${years}`).toEqual(numbers(exact.emissions.byYear));
      expect(fast.lcc.presentValueWithCarbon, `N = ${years}`).toBeCloseTo(exact.lcc.presentValueWithCarbon!.toNumber(), 9);
    }
  });
});

describe("a chained vehicle on an electricity record given by year", () => {
  // the fixture set test-1 with its grid electricity given as 20 g/kWh in 2026 and 10 g/kWh in 2028
  const root = mkdtempSync(join(tmpdir(), "kalkyle-year-factors-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const setDir = join(root, "test-1");
  mkdirSync(setDir);
  for (const file of ["set.json", "economics.json"]) copyFileSync(join(FIXTURE_FACTOR_DIR, "test-1", file), join(setDir, file));
  const records = JSON.parse(readFileSync(join(FIXTURE_FACTOR_DIR, "test-1", "records-test-2024.json"), "utf8")) as { records: Json[] };
  const grid = records.records.find((r) => r.id === "el.grid")!;
  Object.assign(grid, { value: "10", byYear: { "2026": "20", "2028": "10" } });
  writeFileSync(join(setDir, "records-test-2024.json"), JSON.stringify(records));
  const library = loadFactorLibrary(root);

  it("1 000 km a year in an electric van of 0.25 kWh/km: 0.25 × (20, 15, 10) g → 5 + 3.75 + 2.5 = 11.25 kg, indirect", () => {
    const doc = caseWith([{ emissions: [{ kind: "delivery", factor: "van.bev", quantity: "1000 km", at: 0, every: 1 }] }], { startYear: 2026, years: 2 });
    const evaluation = evaluateDocument(doc, library);
    if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.problems));
    const e = evaluation.core.alternatives[0]!.emissions;
    expect(numbers(e.byYear)).toEqual([5, 3.75, 2.5]);
    expect(e.totalKg.toNumber()).toBe(11.25);
    expect(e.indirectKg.toNumber()).toBe(11.25);
    expect(e.items[0]!.yearVarying).toBe(true);
    expect(evaluateCompiled(compileCase(evaluation.resolved)).alternatives[0]!.emissions.byYear).toEqual([5, 3.75, 2.5]);
  });

  it("the electricity item named by the case's electricity setting varies too: 1 000 kWh a year → 20 + 15 + 10 = 45 kg", () => {
    const doc = caseWith([{ emissions: [{ kind: "energy", factor: "electricity", quantity: "1000 kWh", at: 0, every: 1 }] }], { startYear: 2026, years: 2 });
    const evaluation = evaluateDocument(doc, library);
    if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.problems));
    expect(numbers(evaluation.core.alternatives[0]!.emissions.byYear)).toEqual([20, 15, 10]);
  });
});

describe("a bad year is a problem of its own, naming the year", () => {
  it("a negative value outside stage D: the year's path, and the year in both languages", () => {
    const doc = caseWith([{ emissions: [{ kind: "energy", factor: { byYear: { "2026": 0.02, "2030": -0.01 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh" }] }], { startYear: 2026 });
    const problems = problemsOf(doc);
    expect(problems).toEqual([{ path: "alternatives[0].emissions[0].factor.byYear.2030", code: "negative-factor-year", params: { year: "2030" } }]);
    expect(problemMessage(problems[0]!, "nb")).toBe("verdien for 2030 er negativ; en negativ faktor er bare tillatt i trinn D");
    expect(problemMessage(problems[0]!, "en")).toBe("the value for 2030 is negative; a negative factor is only allowed in stage D");
  });

  it("a year whose kilograms come out as 0 though nothing is zero: that year only, with the quantity", () => {
    const doc = caseWith([{ emissions: [{ kind: "energy", factor: { byYear: { "2026": 0.02, "2030": 1e-300 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh" }] }], { startYear: 2026 });
    const problems = problemsOf(doc);
    expect(problems).toEqual([{ path: "alternatives[0].emissions[0].factor.byYear.2030", code: "year-figure-underflow", params: { value: "1000 kWh", year: "2030" } }]);
    expect(problemMessage(problems[0]!, "en")).toContain("with the factor for 2030");
    expect(problemMessage(problems[0]!, "nb")).toContain("med faktoren for 2030");
  });

  it("a key that is not a calendar year and a unit that is not a factor unit are named where they are", () => {
    const bad = caseWith([{ emissions: [{ kind: "energy", factor: { byYear: { "30": 0.02 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh" }, { kind: "energy", factor: { byYear: { "2030": 0.02 }, unit: "kWh" }, quantity: "1000 kWh" }] }]);
    const paths = problemsOf(bad).map((p) => p.path);
    expect(paths.some((p) => p.startsWith("alternatives[0].emissions[0].factor"))).toBe(true);
    expect(paths).toContain("alternatives[0].emissions[1].factor.unit");
  });
});

type Ok = Extract<ReturnType<typeof evaluateDocument>, { ok: true }>;
function okEvaluation(doc: unknown): Ok {
  const evaluation = evaluateDocument(doc, fixtureLibrary());
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.problems));
  return evaluation;
}

function checkOk(doc: unknown) {
  const checked = checkCase(doc, fixtureLibrary());
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked;
}
