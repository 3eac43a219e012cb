import { describe, expect, it } from "vitest";
import { pyramidIndex, wasteLevelOf } from "../../src/core/waste-level.js";
import { alternative, d, emission } from "./builders.js";

const waste = (level: "recycle" | "recover" | "dispose" | "reuse", massKg: number, extra: { count?: number; every?: number; existingStock?: boolean } = {}) =>
  emission({ kind: "waste", quantity: massKg / 1000, kgPerUnit: 10, waste: { level, massKg }, ...extra });

describe("pyramidIndex", () => {
  it("orders prevent → dispose, no level last", () => {
    expect(["prevent", "reuse", "recycle", "recover", "dispose"].map((l) => pyramidIndex(l as never))).toEqual([0, 1, 2, 3, 4]);
    expect(pyramidIndex(null)).toBe(5);
  });
});

describe("wasteLevelOf", () => {
  it("a declared level wins, whatever the waste says", () => {
    const alt = alternative("A", { wasteLevel: "reuse", emissions: [waste("dispose", 5000)] });
    expect(wasteLevelOf(alt, 10)).toMatchObject({ level: "reuse", source: "declared" });
    // the hint is still there, beside the declared level
    expect(wasteLevelOf(alt, 10).suggestion?.level).toBe("dispose");
  });
  it("suggests the route that takes most of the waste mass: 300 kg recycled vs 200 kg landfilled → recycle", () => {
    const alt = alternative("A", { emissions: [waste("dispose", 200), waste("recycle", 300)] });
    expect(wasteLevelOf(alt, 10)).toMatchObject({ level: "recycle", source: "suggested" });
    // its reason: 300 of 500 kg = 60 % of the alternative's own waste mass
    expect(wasteLevelOf(alt, 10).suggestion?.share.eq(d("0.6"))).toBe(true);
  });
  it("the disposal of existing stock does not count: 900 kg of old chairs landfilled, 100 kg of own packaging recycled → recycle, 100 %", () => {
    const alt = alternative("A", { emissions: [waste("dispose", 900, { existingStock: true }), waste("recycle", 100)] });
    expect(wasteLevelOf(alt, 10)).toMatchObject({ level: "recycle", source: "suggested" });
    expect(wasteLevelOf(alt, 10).suggestion?.share.eq(1)).toBe(true);
    const onlyOldStock = alternative("B", { emissions: [waste("dispose", 900, { existingStock: true })] });
    expect(wasteLevelOf(onlyOldStock, 10)).toEqual({ level: null, source: null, suggestion: null });
  });
  it("counts count and occurrences: 100 kg × 3 trips landfilled beats 250 kg recycled", () => {
    // dispose: 100 × 3 = 300 kg; recycle: 250 kg
    const alt = alternative("A", { emissions: [waste("recycle", 250), waste("dispose", 100, { count: 3 })] });
    expect(wasteLevelOf(alt, 10).level).toBe("dispose");
    // recover: 40 kg every 2 years over 10 years = 5 occurrences = 200 kg vs recycle 150 kg
    const recurring = alternative("B", { emissions: [waste("recycle", 150), waste("recover", 40, { every: 2 })] });
    expect(wasteLevelOf(recurring, 10).level).toBe("recover");
  });
  it("a tie goes to the worse level: 200 kg recycled = 200 kg incinerated → recover", () => {
    const alt = alternative("A", { emissions: [waste("recycle", 200), waste("recover", 200)] });
    expect(wasteLevelOf(alt, 10)).toMatchObject({ level: "recover", source: "suggested" });
    const three = alternative("B", { emissions: [waste("dispose", 50), waste("recycle", 50), waste("recover", 50)] });
    expect(wasteLevelOf(three, 10).level).toBe("dispose");
  });
  it("re-use routes never suggest a level (prevent and reuse are only declared)", () => {
    const alt = alternative("A", { emissions: [waste("reuse", 1000), waste("dispose", 1)] });
    expect(wasteLevelOf(alt, 10)).toMatchObject({ level: "dispose", source: "suggested" });
    expect(wasteLevelOf(alternative("B", { emissions: [waste("reuse", 1000)] }), 10)).toEqual({ level: null, source: null, suggestion: null });
  });
  it("no level and no waste items → null", () => {
    const alt = alternative("A", { emissions: [emission({ quantity: 10, kgPerUnit: 1 })] });
    expect(wasteLevelOf(alt, 10)).toEqual({ level: null, source: null, suggestion: null });
  });
  it("waste that never occurs within the period (or weighs 0) suggests nothing", () => {
    const never = alternative("A", { emissions: [waste("recycle", 100, { every: 20 })] });
    expect(wasteLevelOf(never, 10)).toEqual({ level: null, source: null, suggestion: null });
    const weightless = alternative("B", { emissions: [waste("recycle", 0)] });
    expect(wasteLevelOf(weightless, 10)).toEqual({ level: null, source: null, suggestion: null });
  });
});
