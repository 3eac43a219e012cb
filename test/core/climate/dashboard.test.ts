import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dashboardFigures } from "../../../src/core/climate/dashboard.js";
import type { ClimatePlanDocument, DecisionRecord } from "../../../src/core/climate/types.js";
import type { ScreeningResult } from "../../../src/ledger/types.js";

/**
 * Baseline 2019: transport 800 t direct + 200 t indirect, food 1 000 t
 * indirect → 800 direct, 1 200 indirect, 2 000 in all. Target: a straight
 * line from 2 000 t in 2019 to 0 in 2029 (−200 t a year; 400 t in 2027).
 */
function plan(changes: Partial<ClimatePlanDocument> = {}): ClimatePlanDocument {
  return {
    baseline: {
      year: 2019,
      categories: [
        { category: "transport", directTonnes: "800", indirectTonnes: "200" },
        { category: "food", directTonnes: "0", indirectTonnes: "1000" },
      ],
    },
    target: { kind: "shape", shape: "linear", start: { year: 2019, tonnes: "2000" }, end: { year: 2029, tonnes: "0" } },
    neutralityYear: 2027,
    compensation: { nokPerTonne: "1000", source: "Tilbud på klimakvoter, 2026" },
    ...changes,
  };
}

/** A screening with only the tonnes by year (the dashboard reads nothing else). */
function screening(byYear: Record<number, string>): ScreeningResult {
  const zero = { total: 0, mapped: 0, outOfScope: 0, unmapped: 0, creditNotes: 0 };
  return {
    factorSet: "2025-2",
    factorSetHash: "sha256:x",
    lines: zero,
    spend: { totalNok: "0", mappedNok: "0", outOfScopeNok: "0", unmappedNok: "0", mappedShare: "0" },
    totalTonnes: "0",
    byCategory: [],
    bySupplier: [],
    byFunction: [],
    byYear: Object.entries(byYear).map(([year, tonnes]) => ({ key: year, name: year, nok: "0", tonnes, lines: 1, year: Number(year) })),
    byFactor: [],
    hotSpots: { categories: [], suppliers: [] },
    unmapped: [],
    outOfScope: [],
    priceYearClamped: [],
  };
}

function decision(id: string, avoidedByYear: Record<number, string>, lccDifference: string): DecisionRecord {
  const years = Object.entries(avoidedByYear).map(([year, tonnes]) => ({ year: Number(year), tonnes }));
  const total = years.reduce((s, y) => s + Number(y.tonnes), 0);
  return {
    id,
    caseId: `case-${id}`,
    chosen: "b",
    contractStart: "2025-01",
    contractMonths: 36,
    category: "transport",
    strategyArea: "climate-environment",
    caseTitle: "Busser",
    caseVersion: 1,
    chosenName: "B",
    baseline: "a",
    baselineName: "A",
    factorSet: "2025-2",
    factorSetHash: "sha256:x",
    avoidedTonnes: String(total),
    avoidedDirectTonnes: "0",
    avoidedIndirectTonnes: "0",
    avoidedByYear: years,
    lccDifference,
    recordedAt: "2026-01-01T00:00:00.000Z",
    recordedBy: null,
  };
}

/** Avoided 2025: 50, 2026: 100, 2027: 100 + 60 = 160, 2028: 60; 370 t in all; LCC −1 000 + 500. */
const DECISIONS = [decision("d1", { 2025: "50", 2026: "100", 2027: "100" }, "-1000"), decision("d2", { 2027: "60", 2028: "60" }, "500")];

describe("dashboardFigures: the worked example of docs/climate.md", () => {
  // Screened ledgers: 2024: 1 000 t, 2025: 900 t (purchases) → measured 1 800 and 1 700 with the baseline's 800 t direct
  const figures = dashboardFigures({ plan: plan(), planVersion: 3, decisions: DECISIONS, screening: screening({ 2024: "1000", 2025: "900" }) });

  it("runs from the baseline year to the path's last year, each year with its target", () => {
    expect(figures.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029]);
    expect(figures.years.map((y) => y.target)).toEqual(["2000", "1800", "1600", "1400", "1200", "1000", "800", "600", "400", "200", "0"]);
    expect(figures.planVersion).toBe(3);
    expect(figures.neutralityYear).toBe(2027);
  });
  it("measures the baseline in its year and screened + the baseline's direct tonnes in a screened year", () => {
    const measured = Object.fromEntries(figures.years.filter((y) => y.measured !== null).map((y) => [y.year, y.measured]));
    expect(measured).toEqual({ 2019: "2000", 2024: "1800", 2025: "1700" });
  });
  it("projects each later year from the last measured total less that year's avoided tonnes", () => {
    // 2026: 1 700 − 100; 2027: 1 700 − 160; 2028: 1 700 − 60; 2029: 1 700 − 0
    const projected = Object.fromEntries(figures.years.filter((y) => y.year > 2025).map((y) => [y.year, y.projected]));
    expect(projected).toEqual({ 2026: "1600", 2027: "1540", 2028: "1640", 2029: "1700" });
    // a year before the last measured one without a measurement shows nothing: 2019's total is not carried into 2020–2023
    for (const year of [2020, 2021, 2022, 2023]) expect(figures.years.find((y) => y.year === year)).toMatchObject({ measured: null, projected: null });
    expect(figures.years.find((y) => y.year === 2024)!.projected).toBeNull();
    expect(figures.years.map((y) => y.avoided)).toEqual(["0", "0", "0", "0", "0", "0", "50", "100", "160", "60", "0"]);
  });
  it("the gap in 2027: 1 540 t expected − 400 t target = 1 140 t", () => {
    expect(figures.gap).toEqual({ year: 2027, expected: "1540", target: "400", gap: "1140" });
  });
  it("adds up the decisions", () => {
    expect(figures.decisions).toEqual({ count: 2, avoidedTonnes: "370", avoidedInNeutralityYear: "160", lccDifference: "-500" });
  });
  it("splits direct and indirect in the last screened year: the baseline's direct, the screened indirect", () => {
    expect(figures.directIndirect).toEqual({ source: "screening", year: 2025, directYear: 2019, directTonnes: "800", indirectTonnes: "900" });
  });
  it("the cost of neutrality: 1 540 t × 1 000 kr; without the decisions 1 700 t; lowered by 160 000 kr", () => {
    expect(figures.costOfNeutrality).toEqual({
      year: 2027,
      nokPerTonne: "1000",
      source: "Tilbud på klimakvoter, 2026",
      residualTonnes: "1540",
      cost: "1540000",
      residualWithoutDecisions: "1700",
      costWithoutDecisions: "1700000",
      loweredBy: "160000",
    });
  });
});

describe("dashboardFigures: the other cases", () => {
  it("a screened neutrality year is measured; without the decisions it would have been measured + avoided", () => {
    // 2027 screened 500 t + 800 t direct = 1 300 t; + 160 t avoided = 1 460 t without the decisions
    const figures = dashboardFigures({ plan: plan(), planVersion: 1, decisions: DECISIONS, screening: screening({ 2027: "500" }) });
    expect(figures.gap).toEqual({ year: 2027, expected: "1300", target: "400", gap: "900" });
    expect(figures.costOfNeutrality).toMatchObject({ residualTonnes: "1300", cost: "1300000", residualWithoutDecisions: "1460", costWithoutDecisions: "1460000", loweredBy: "160000" });
  });
  it("a year the ledgers skip, before the last screened one, has no figure; a year after it is projected", () => {
    const figures = dashboardFigures({ plan: plan(), planVersion: 1, decisions: DECISIONS, screening: screening({ 2024: "1000", 2026: "700" }) });
    // 2025 lies between 2024 and 2026: nothing measured, nothing projected, its avoided tonnes still shown
    expect(figures.years.find((y) => y.year === 2025)).toEqual({ year: 2025, target: "800", measured: null, avoided: "50", projected: null });
    // 2028 after 2026's 700 + 800 t: 1 500 − 60
    expect(figures.years.find((y) => y.year === 2028)!.projected).toBe("1440");
  });
  it("an unmeasured neutrality year before the last measured year is expected from the latest measurement before it − its avoided tonnes", () => {
    // screened 2024: 1 000 + 800 = 1 800 t; 2029: 100 + 800 = 900 t. 2027 unmeasured: 1 800 − 160 = 1 640 t
    const figures = dashboardFigures({ plan: plan(), planVersion: 1, decisions: DECISIONS, screening: screening({ 2024: "1000", 2029: "100" }) });
    expect(figures.years.find((y) => y.year === 2027)).toEqual({ year: 2027, target: "400", measured: null, avoided: "160", projected: "1640" });
    expect(figures.years.find((y) => y.year === 2026)!.projected).toBeNull();
    expect(figures.years.find((y) => y.year === 2028)!.projected).toBeNull();
    expect(figures.gap).toEqual({ year: 2027, expected: "1640", target: "400", gap: "1240" });
    expect(figures.costOfNeutrality).toMatchObject({ residualTonnes: "1640", residualWithoutDecisions: "1800" });
  });
  it("carries the screening's share of mapped spend", () => {
    const withShare = { ...screening({ 2025: "900" }), spend: { totalNok: "100", mappedNok: "62.5", outOfScopeNok: "0", unmappedNok: "37.5", mappedShare: "0.625" } };
    expect(dashboardFigures({ plan: plan(), planVersion: 1, decisions: [], screening: withShare }).mappedShare).toBe("0.625");
  });
  it("a screening of the baseline year wins over the baseline", () => {
    // 1 500 t screened + 800 t direct
    const figures = dashboardFigures({ plan: plan(), planVersion: 1, decisions: [], screening: screening({ 2019: "1500" }) });
    expect(figures.years[0]).toEqual({ year: 2019, target: "2000", measured: "2300", avoided: "0", projected: null });
    expect(figures.directIndirect).toEqual({ source: "screening", year: 2019, directYear: 2019, directTonnes: "800", indirectTonnes: "1500" });
  });
  it("without a screening the baseline is the last measurement: direct and indirect as entered, the projection from its total", () => {
    const figures = dashboardFigures({ plan: plan({ compensation: null }), planVersion: 1, decisions: DECISIONS, screening: null });
    expect(figures.directIndirect).toEqual({ source: "baseline", year: 2019, directYear: 2019, directTonnes: "800", indirectTonnes: "1200" });
    expect(figures.mappedShare).toBeNull();
    // 2 000 − 160
    expect(figures.gap).toEqual({ year: 2027, expected: "1840", target: "400", gap: "1440" });
    expect(figures.costOfNeutrality).toBeNull();
  });
  it("a projection never falls below 0 t, and without the decisions it is the measured total it starts from", () => {
    // last measured 2025: 50 t screened + 0 direct; 2027 avoids 160 t → 0
    const noDirect = plan({ baseline: { year: 2019, categories: [{ category: "food", directTonnes: "0", indirectTonnes: "2000" }] } });
    const figures = dashboardFigures({ plan: noDirect, planVersion: 1, decisions: DECISIONS, screening: screening({ 2025: "50" }) });
    expect(figures.years.find((y) => y.year === 2027)!.projected).toBe("0");
    expect(figures.costOfNeutrality).toMatchObject({ residualTonnes: "0", cost: "0", residualWithoutDecisions: "50", costWithoutDecisions: "50000", loweredBy: "50000" });
  });
  it("years reach the last screened year when it is after the path", () => {
    const figures = dashboardFigures({ plan: plan(), planVersion: 1, decisions: [], screening: screening({ 2031: "10" }) });
    expect(figures.years.at(-1)).toEqual({ year: 2031, target: null, measured: "810", avoided: "0", projected: null });
  });
  it("without a plan: the screened tonnes alone, years from the first screened to 2027, no target, gap, split or cost", () => {
    const figures = dashboardFigures({ plan: null, planVersion: null, decisions: DECISIONS, screening: screening({ 2024: "1000" }) });
    expect(figures.years).toEqual([
      { year: 2024, target: null, measured: "1000", avoided: "0", projected: null },
      { year: 2025, target: null, measured: null, avoided: "50", projected: "950" },
      { year: 2026, target: null, measured: null, avoided: "100", projected: "900" },
      { year: 2027, target: null, measured: null, avoided: "160", projected: "840" },
    ]);
    expect(figures).toMatchObject({ planVersion: null, neutralityYear: 2027, gap: null, directIndirect: null, costOfNeutrality: null });
  });
  it("with nothing at all: no years, the decisions still counted", () => {
    const figures = dashboardFigures({ plan: null, planVersion: null, decisions: DECISIONS, screening: null });
    expect(figures.years).toEqual([]);
    expect(figures.decisions.count).toBe(2);
    expect(figures.gap).toBeNull();
  });
});

describe("dashboardFigures: laws", () => {
  it("the cost without the decisions − the cost with them is what the decisions lower it by, and never less than 0 when they only avoid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 5000 }), (screened, avoided, price) => {
        const figures = dashboardFigures({
          plan: plan({ compensation: { nokPerTonne: String(price), source: "x" } }),
          planVersion: 1,
          decisions: [decision("d", { 2027: String(avoided) }, "0")],
          screening: screening({ 2025: String(screened) }),
        });
        const cost = figures.costOfNeutrality!;
        expect(Number(cost.costWithoutDecisions) - Number(cost.cost)).toBe(Number(cost.loweredBy));
        expect(Number(cost.loweredBy)).toBeGreaterThanOrEqual(0);
        // expected in 2027 = max(0, screened + 800 − avoided)
        expect(cost.residualTonnes).toBe(String(Math.max(0, screened + 800 - avoided)));
      }),
    );
  });
});
