/**
 * The draws a case may have (DRAW_BUDGET): the bound for a small case,
 * fewer for a large one by work (items) and by memory (alternatives).
 */
import { describe, expect, it } from "vitest";
import { maxSamplesFor, samplesProblem } from "../../src/case/uncertainty-bounds.js";
import { alternative, cost } from "../core/builders.js";

const withItems = (alternatives: number, costsEach: number) => ({ alternatives: Array.from({ length: alternatives }, (_, i) => alternative(`a${i}`, { costs: Array.from({ length: costsEach }, () => cost({ amount: 1 })) })) });

describe("maxSamplesFor", () => {
  it("a five-alternative case of 240 items takes the full 100 000 draws (50 000 000 / 480 = 104 166)", () => {
    expect(maxSamplesFor(withItems(5, 48))).toBe(100_000);
  });
  it("a case of 50 000 items gets 50 000 000 / 100 000 = 500", () => {
    expect(maxSamplesFor(withItems(10, 5000))).toBe(500);
  });
  it("fifty alternatives keep at most 2 000 000 / 50 = 40 000 draws each", () => {
    expect(maxSamplesFor(withItems(50, 1))).toBe(40_000);
  });
  it("the problem names the option, the limit and the items, and is none within the limit", () => {
    const c = withItems(2, 500); // 1 000 items → 25 000
    expect(samplesProblem(c, 25_000, "samples")).toBeNull();
    expect(samplesProblem(c, 25_001, "--samples")).toEqual({ path: "--samples", code: "limit-samples", params: { limit: "25000", items: "1000" } });
  });
});
