import { describe, expect, it } from "vitest";
import { citation } from "../../src/factors/factor-set.js";
import { searchFactors } from "../../src/factors/search.js";
import { fixtureSet } from "./factor-set-fixtures.js";

const ids = (query: Parameters<typeof searchFactors>[1]) => searchFactors(fixtureSet(), query).map((r) => r.id);

describe("searchFactors", () => {
  it("matches every word in the id, the names or the publisher, ignoring case and accents", () => {
    expect(ids({ text: "stal" })).toEqual(["mat.steel"]);
    expect(ids({ text: "STÅL" })).toEqual(["mat.steel"]);
    expect(ids({ text: "papir deponi" })).toEqual(["waste.paper.landfill"]);
    expect(ids({ text: "paper" })).toHaveLength(3);
  });
  it("filters by group and limits the hits", () => {
    expect(ids({ text: "", group: "electricity" })).toEqual(["el.grid", "el.residual"]);
    expect(ids({ text: "", limit: 3 })).toHaveLength(3);
    expect(ids({ text: "" })).toHaveLength(12);
  });
  it("finds nothing for a word nowhere", () => {
    expect(ids({ text: "unobtainium" })).toEqual([]);
  });
});

describe("citation", () => {
  it("writes publisher, title (year), table", () => {
    expect(citation({ publisher: "UK DESNZ", title: "GHG conversion factors", year: 2025, table: "Fuels › Diesel", licence: "OGL" })).toBe("UK DESNZ, GHG conversion factors (2025), Fuels › Diesel");
  });
});
