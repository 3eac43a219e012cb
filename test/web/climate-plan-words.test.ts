/**
 * The LCC difference of a decision in words, as the register and the
 * dashboard write it: the sign read as "more"/"less", kroner the way each
 * language writes them, and the explanatory note only where a difference
 * is below zero.
 */
import { describe, expect, it } from "vitest";
import { costsLess, lccInWords } from "../../src/web/view-models/decisions.js";

const NBSP = "\u00a0";

describe("lccInWords", () => {
  it("writes a positive difference as kroner more, a negative as kroner less, zero as no difference", () => {
    expect(lccInWords("543862.12", "nb")).toBe(`543${NBSP}862 kr mer`);
    expect(lccInWords("-12000", "nb")).toBe(`12${NBSP}000 kr mindre`);
    expect(lccInWords("0", "nb")).toBe("ingen forskjell");
    expect(lccInWords("543862.12", "en")).toBe("NOK 543,862 more");
    expect(lccInWords("-12000", "en")).toBe("NOK 12,000 less");
    expect(lccInWords("0", "en")).toBe("no difference");
  });
  it("the note on costing less applies only below zero", () => {
    expect(costsLess("-0.01")).toBe(true);
    expect(costsLess("543862.12")).toBe(false);
    expect(costsLess("0")).toBe(false);
  });
});
