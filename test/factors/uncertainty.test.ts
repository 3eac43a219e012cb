import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { geometricStandardDeviation, pedigreeVariance } from "../../src/factors/pedigree.js";
import { DEFAULT_UNCERTAINTY_DIR, loadUncertaintyData } from "../../src/factors/uncertainty-data.js";
import { rangeEnds, uncertaintyOf } from "../../src/factors/uncertainty.js";
import { setWith } from "./factor-set-fixtures.js";

const library = loadFactorLibrary();
const set = library.sets.get("2025-2")!;
const data = loadUncertaintyData();
const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * Weidema et al. 2013 (ecoinvent data quality guideline v3), Table 10.5:
 * variance of the log-transformed data added at scores 1 … 5, and the basic
 * variance 0.0006 (demand of energy and semi-finished products; CO2).
 */
const TABLE = {
  reliability: [0, 0.0006, 0.002, 0.008, 0.04],
  completeness: [0, 0.0001, 0.0006, 0.002, 0.008],
  temporalCorrelation: [0, 0.0002, 0.002, 0.008, 0.04],
  geographicalCorrelation: [0, 0.000025, 0.0001, 0.0006, 0.002],
  furtherTechnologicalCorrelation: [0, 0.0006, 0.008, 0.04, 0.12],
};
const BASIC = 0.0006;

describe("the pedigree defaults by kind of data", () => {
  it("the data file holds the guideline's table as published", () => {
    expect(data.method.pedigreeVariances).toEqual(TABLE);
    expect(data.method.basicVariance.value).toBe(BASIC);
  });

  it("generic activity data, scores 2, 2, 2, 3, 3: σ² = 0.0006 + 0.0006 + 0.0001 + 0.0002 + 0.0001 + 0.008 = 0.0096; GSD = exp(√0.0096) = exp(0.09798) = 1.1029", () => {
    const d = data.defaults.get("generic-activity")!;
    expect(d.scores).toEqual({ reliability: 2, completeness: 2, temporalCorrelation: 2, geographicalCorrelation: 3, furtherTechnologicalCorrelation: 3 });
    const variance = BASIC + TABLE.reliability[1]! + TABLE.completeness[1]! + TABLE.temporalCorrelation[1]! + TABLE.geographicalCorrelation[2]! + TABLE.furtherTechnologicalCorrelation[2]!;
    expect(variance).toBeCloseTo(0.0096, 12);
    expect(pedigreeVariance(d.scores, TABLE, BASIC)).toBeCloseTo(0.0096, 12);
    expect(Math.sqrt(0.0096)).toBeCloseTo(0.09798, 5);
    expect(d.gsd).toBe(1.1029);
    expect(geometricStandardDeviation(0.0096)).toBeCloseTo(1.1029, 4);
  });

  it("spend-based data, scores 3, 2, 3, 2, 4: σ² = 0.0006 + 0.002 + 0.0001 + 0.002 + 0.000025 + 0.04 = 0.044725; GSD = exp(0.21148) = 1.2355", () => {
    const d = data.defaults.get("spend-based")!;
    const variance = BASIC + TABLE.reliability[2]! + TABLE.completeness[1]! + TABLE.temporalCorrelation[2]! + TABLE.geographicalCorrelation[1]! + TABLE.furtherTechnologicalCorrelation[3]!;
    expect(variance).toBeCloseTo(0.044725, 12);
    expect(pedigreeVariance(d.scores, TABLE, BASIC)).toBeCloseTo(0.044725, 12);
    expect(Math.sqrt(0.044725)).toBeCloseTo(0.21148, 5);
    expect(d.gsd).toBe(1.2355);
    expect(geometricStandardDeviation(0.044725)).toBeCloseTo(1.2355, 4);
  });

  it("product-specific data (an EPD), scores 2, 2, 2, 1, 1: σ² = 0.0006 + 0.0006 + 0.0001 + 0.0002 + 0 + 0 = 0.0015; GSD = exp(0.03873) = 1.0395", () => {
    const d = data.defaults.get("product-specific")!;
    const variance = BASIC + TABLE.reliability[1]! + TABLE.completeness[1]! + TABLE.temporalCorrelation[1]! + TABLE.geographicalCorrelation[0]! + TABLE.furtherTechnologicalCorrelation[0]!;
    expect(variance).toBeCloseTo(0.0015, 12);
    expect(pedigreeVariance(d.scores, TABLE, BASIC)).toBeCloseTo(0.0015, 12);
    expect(d.gsd).toBe(1.0395);
    expect(geometricStandardDeviation(0.0015)).toBeCloseTo(1.0395, 4);
  });

  it("refuses a data file whose GSD is not what its scores give, naming the kind", () => {
    const dir = mkdtempSync(join(tmpdir(), "kalkyle-uncertainty-"));
    temp.push(dir);
    cpSync(DEFAULT_UNCERTAINTY_DIR, dir, { recursive: true });
    const file = join(dir, "defaults.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"gsd": 1.1029', '"gsd": 1.2'));
    expect(() => loadUncertaintyData(dir)).toThrow(/generic-activity: gsd 1.2 is not exp/);
  });
});

describe("uncertaintyOf", () => {
  it("gives every record of every bundled set a range with finite positive parameters, ends around 1", () => {
    for (const s of library.sets.values()) {
      for (const record of s.records.values()) {
        const range = uncertaintyOf(s, record.id, { kind: record.group === "spend" ? "spend" : "material" });
        const d = range.distribution;
        const parameters = d.shape === "lognormal" ? [d.gsd] : d.shape === "uniform" ? [d.low, d.high] : [d.low, d.mode, d.high];
        for (const p of parameters) expect(Number.isFinite(p) && p > 0, `${s.id} ${record.id}`).toBe(true);
        const { low, high } = rangeEnds(range);
        expect(low > 0 && low <= 1 && high >= 1, `${s.id} ${record.id}`).toBe(true);
        expect(range.citation, record.id).toMatch(/\(\d{4}\)/);
        expect(range.citation, record.id).not.toMatch(/emission-factors\/|\.json|src\//);
        if (range.basis === "default") expect(range.dataKind).toBeDefined();
      }
    }
  });

  it("with no published range in the data, the 81 EXIOBASE records of 2025-2 are spend-based and its 390 others generic activity", () => {
    const kinds = [...set.records.values()].map((r) => uncertaintyOf(set, r.id, { kind: r.group === "spend" ? "spend" : "material" }).dataKind);
    expect(data.published.size).toBe(0);
    expect(kinds.filter((k) => k === "spend-based").length).toBe([...set.records.values()].filter((r) => r.group === "spend").length);
    expect(kinds.filter((k) => k === "generic-activity").length).toBe(set.records.size - 81);
  });

  it("every published range names records that a bundled set holds", () => {
    for (const id of data.published.keys()) expect([...library.sets.values()].some((s) => s.records.has(id)), id).toBe(true);
  });

  it("a spend record, or any item with spend, takes the spend-based default", () => {
    const spend = uncertaintyOf(set, "spend.p01-d-vegetables-fruit-nuts", { kind: "spend", spend: { priceYear: 2024 } });
    expect(spend).toMatchObject({ basis: "default", dataKind: "spend-based", distribution: { shape: "lognormal", gsd: 1.2355 } });
    expect(uncertaintyOf(set, null, { kind: "material", spend: {} }).dataKind).toBe("spend-based");
  });

  it("an inline factor (an EPD value the user typed) takes the product-specific default", () => {
    expect(uncertaintyOf(set, null, { kind: "material" })).toMatchObject({ basis: "default", dataKind: "product-specific", distribution: { shape: "lognormal", gsd: 1.0395 } });
  });

  it("a DESNZ record without a published range takes the generic-activity default, cited to the method with its scores", () => {
    const range = uncertaintyOf(set, "fuel.diesel.b-avg", { kind: "machinery" });
    expect(range).toMatchObject({ basis: "default", dataKind: "generic-activity", distribution: { shape: "lognormal", gsd: 1.1029 } });
    expect(range.citation).toMatch(/^ecoinvent Centre, Overview and methodology\. Data quality guideline for the ecoinvent database version 3.*\(2013\), Table 10\.5.*pedigree scores 2, 2, 2, 3, 3/);
  });

  it("the case's chosen electricity is the set's default electricity record", () => {
    expect(uncertaintyOf(set, "electricity", { kind: "energy" })).toEqual(uncertaintyOf(set, set.manifest.defaults.electricity, { kind: "energy" }));
  });

  it("a record that carries its own range gets it as a triangular multiplier: 2.45 … 2.58 around 2.51 → 0.97610 … 1.02789", () => {
    const s = setWith([{ id: "fuel.x", unit: "kgCO2e/l", value: "2.51", uncertainty: { low: "2.45", high: "2.58" } }]);
    const range = uncertaintyOf(s, "fuel.x", { kind: "machinery" });
    expect(range.basis).toBe("published");
    expect(range.distribution.shape).toBe("triangular");
    const { low, high } = rangeEnds(range);
    expect(low).toBeCloseTo(2.45 / 2.51, 12); // 0.976095…
    expect(high).toBeCloseTo(2.58 / 2.51, 12); // 1.027888…
  });
});

describe("rangeEnds", () => {
  it("a log-normal's 2.5 % and 97.5 % points: GSD 1.1029 → 1.1029^−1.96 = 0.8253 and 1.1029^1.96 = 1.2116", () => {
    const { low, high } = rangeEnds({ distribution: { shape: "lognormal", gsd: 1.1029 }, basis: "default" });
    expect(low).toBeCloseTo(Math.exp(-1.96 * Math.log(1.1029)), 12);
    expect(low).toBeCloseTo(0.8253, 4);
    expect(high).toBeCloseTo(1.2116, 4);
    expect(low * high).toBeCloseTo(1, 12);
  });
  it("a triangular or uniform range's bounds", () => {
    expect(rangeEnds({ distribution: { shape: "triangular", low: 0.9, mode: 1, high: 1.2 }, basis: "user" })).toEqual({ low: 0.9, high: 1.2 });
    expect(rangeEnds({ distribution: { shape: "uniform", low: 0.8, high: 1.1 }, basis: "user" })).toEqual({ low: 0.8, high: 1.1 });
  });
  it("GSD 1 (no uncertainty) gives 1 … 1", () => {
    expect(rangeEnds({ distribution: { shape: "lognormal", gsd: 1 }, basis: "default" })).toEqual({ low: 1, high: 1 });
  });
});

describe("the data sit beside the sets, not in them", () => {
  it("the uncertainty folder is not a factor set: the library still holds the released sets", () => {
    expect([...library.sets.keys()].sort()).toEqual(["2025-1", "2025-2", "2026-1"]);
  });
});
