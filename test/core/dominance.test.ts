import { describe, expect, it } from "vitest";
import { dominatedIds, dominates } from "../../src/core/dominance.js";
import { point } from "./builders.js";

describe("dominates: no worse in both CO2e and LCC, better in one", () => {
  it("lower in both dominates", () => {
    expect(dominates(point("A", 10, 100), point("B", 20, 200))).toBe(true);
    expect(dominates(point("B", 20, 200), point("A", 10, 100))).toBe(false);
  });
  it("equal CO2e and lower cost dominates; equal cost and lower CO2e dominates", () => {
    expect(dominates(point("A", 10, 100), point("B", 10, 101))).toBe(true);
    expect(dominates(point("A", 9, 100), point("B", 10, 100))).toBe(true);
  });
  it("identical points do not dominate each other", () => {
    expect(dominates(point("A", 10, 100), point("B", 10, 100))).toBe(false);
  });
  it("a trade-off (cleaner but dearer) is no dominance either way", () => {
    expect(dominates(point("A", 5, 200), point("B", 10, 100))).toBe(false);
    expect(dominates(point("B", 10, 100), point("A", 5, 200))).toBe(false);
  });
});

describe("dominatedIds", () => {
  it("marks exactly the alternatives some other one dominates", () => {
    // A (10, 100) dominates C (20, 150); B (5, 300) is a trade-off with A; D equals A
    const ids = dominatedIds([point("A", 10, 100), point("B", 5, 300), point("C", 20, 150), point("D", 10, 100)]);
    expect([...ids].sort()).toEqual(["C"]);
  });
  it("a single alternative is never dominated", () => {
    expect(dominatedIds([point("A", 1, 1)]).size).toBe(0);
  });
});
