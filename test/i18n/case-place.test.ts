import { describe, expect, it } from "vitest";
import { placeOf } from "../../src/i18n/case-place.js";

const doc = {
  alternatives: [
    { id: "A", name: "Nye stoler", emissions: [{ label: "Produksjon" }, {}], costs: [{ label: "Innkjøp" }] },
    { id: "B", name: " ", costs: [{}, { label: "Service" }] },
  ],
};

describe("placeOf", () => {
  it("names the alternative and the item by its label, or by its number without one", () => {
    expect(placeOf("alternatives[0].costs[0].every", doc, "nb")).toBe("Alternativ «Nye stoler», kostnad «Innkjøp»");
    expect(placeOf("alternatives[0].emissions[1].quantity", doc, "en")).toBe("Alternative “Nye stoler”, emission item 2");
    expect(placeOf("alternatives[1].costs[1]", doc, "en")).toBe("Alternative “B”, cost “Service”");
    expect(placeOf("alternatives[0].wasteLevel", doc, "nb")).toBe("Alternativ «Nye stoler»");
  });

  it("calls anything under analysis the analysis settings, and the rest the case", () => {
    expect(placeOf("analysis.priceYear", doc, "nb")).toBe("Analyseoppsett");
    expect(placeOf("analysis.carbonPrice", doc, "en")).toBe("Analysis settings");
    expect(placeOf("factorSet", doc, "en")).toBe("The case");
  });

  it("survives a path into a document that lacks it", () => {
    expect(placeOf("alternatives[7].costs[3]", doc, "nb")).toBe("Alternativ «8», kostnad 4");
    expect(placeOf("alternatives[0].costs[0]", null, "nb")).toBe("Alternativ «1», kostnad 1");
  });
});
