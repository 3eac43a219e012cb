import { describe, expect, it } from "vitest";
import { citation } from "../../src/factors/factor-set.js";
import { loadFactorSet, DEFAULT_FACTOR_DIR } from "../../src/factors/load.js";
import { factorGroups } from "../../src/factors/schema.js";
import { factorIndex, filterChoices, foldText, searchFactors, type FactorSearchQuery } from "../../src/factors/search.js";
import { GROUP_WORDS } from "../../src/factors/search-synonyms.js";
import { translate } from "../../src/web/i18n/catalog.js";
import { fixtureSet } from "./factor-set-fixtures.js";

const ids = (query: FactorSearchQuery) => searchFactors(fixtureSet(), query).map((r) => r.id);

/** The newest bundled set, as buyers search it. */
const released = loadFactorSet(`${DEFAULT_FACTOR_DIR}/2025-2/`);
const found = (text: string, more: Omit<FactorSearchQuery, "text"> = {}) => searchFactors(released, { text, ...more });
const foundIds = (text: string, more: Omit<FactorSearchQuery, "text"> = {}) => found(text, more).map((r) => r.id);

describe("searchFactors on the test set", () => {
  it("matches the id, the names or the publisher, ignoring case and accents", () => {
    expect(ids({ text: "stal" })).toEqual(["mat.steel"]);
    expect(ids({ text: "STÅL" })).toEqual(["mat.steel"]);
    expect(ids({ text: "papir deponi" })).toEqual(["waste.paper.landfill"]);
    expect(ids({ text: "paper" })).toHaveLength(3);
  });
  it("filters by group and limits the hits, keeping the set's order when there are no words", () => {
    expect(ids({ text: "", group: "electricity" })).toEqual(["el.grid", "el.residual"]);
    expect(ids({ text: "", limit: 3 })).toEqual([...fixtureSet().records.keys()].slice(0, 3));
    expect(ids({ text: "" })).toHaveLength(12);
  });
  it("finds the furniture and the vans by the buyer's words", () => {
    expect(ids({ text: "kontorstol" })).toEqual(["spend.furniture"]);
    expect(ids({ text: "varebil" }).sort()).toEqual(["van.bev", "van.diesel"]);
  });
  it("finds nothing for a word nowhere", () => {
    expect(ids({ text: "unobtainium" })).toEqual([]);
  });
});

describe("searchFactors on set 2025-2", () => {
  it("«kontorstol», «stol» and «office chair» find the furniture spend factor", () => {
    for (const text of ["kontorstol", "stol", "office chair", "Kontorstoler"]) expect(foundIds(text)).toContain("spend.p36-furniture");
  });

  it("«PC» and «laptop» find electronics: DEFRA's IT items first, and computers bought by spend", () => {
    for (const text of ["PC", "laptop", "bærbar", "datamaskin"]) {
      const hits = foundIds(text);
      expect(hits).toContain("material.electrical.it.primary");
      expect(hits).toContain("spend.p30-office-machinery");
      expect(hits.every((id) => /electrical|weee|office-machinery|radio-tv/.test(id))).toBe(true);
    }
    expect(foundIds("laptop")[0]).toBe("material.electrical.it.primary");
  });

  it("«kjøretøy» finds every vehicle, and so does «kjoretoy» typed without ø", () => {
    const vehicles = [...released.records.values()].filter((r) => r.group === "vehicle").map((r) => r.id);
    expect(foundIds("kjøretøy")).toEqual(expect.arrayContaining(vehicles));
    expect(foundIds("kjoretoy")).toEqual(foundIds("kjøretøy"));
    expect(foundIds("KJØRETØY")).toEqual(foundIds("kjøretøy"));
  });

  it("«lastebil» finds the HGVs and «varebil» the vans, in both groups", () => {
    expect(foundIds("lastebil").every((id) => id.includes("hgv"))).toBe(true);
    expect(foundIds("lastebil")).toEqual(expect.arrayContaining(["vehicle.hgv.all", "freight.road.hgv-all"]));
    expect(foundIds("varebil").every((id) => /van/.test(id))).toBe(true);
  });

  it("«kWh» finds the factors per kWh, the electricity among them; «km» and «kg» the ones per km and per kg", () => {
    const perKwh = found("kWh");
    expect(perKwh.map((r) => r.id)).toEqual(expect.arrayContaining(["electricity.no.delivered-2023", "electricity.no.residual-2020", "fuel.biogas.kwh"]));
    const inKwh = [...released.records.values()].filter((r) => /kWh/.test(r.unit));
    expect(perKwh.slice(0, inKwh.length).map((r) => r.id).sort()).toEqual(inKwh.map((r) => r.id).sort());
    expect(found("km").slice(0, 20).every((r) => r.unit.endsWith("/km"))).toBe(true);
    expect(found("kg").map((r) => r.id)).toEqual(expect.arrayContaining(["fuel.no.diesel-fossil.kg", "fuel.no.lpg.kg"]));
  });

  it("a typo, «elektrisitett», still finds electricity", () => {
    const hits = foundIds("elektrisitett");
    expect(hits).toContain("electricity.no.delivered-2023");
    expect(hits).toContain("spend.p40-11-d-electricity-hydro");
  });

  it("ranks a hit in the name above a hit through a synonym: «strøm» puts the records named Strøm before hydro power bought by spend", () => {
    const hits = foundIds("strøm");
    const named = hits.filter((id) => released.records.get(id)!.names.nb.includes("Strøm"));
    const synonymOnly = hits.indexOf("spend.p40-11-d-electricity-hydro");
    expect(released.records.get("spend.p40-11-d-electricity-hydro")!.names.nb).not.toMatch(/strøm/i);
    expect(synonymOnly).toBeGreaterThan(-1);
    for (const id of named) expect(hits.indexOf(id)).toBeLessThan(synonymOnly);
  });

  it("finds by the food, waste and building words, by source and by dataset year", () => {
    expect(foundIds("matvarer")).toContain("spend.p15-i-food-products");
    expect(foundIds("betong")).toEqual(expect.arrayContaining(["material.concrete.primary", "waste.concrete.landfill"]));
    expect(found("EXIOBASE").every((r) => r.source.publisher === "EXIOBASE consortium")).toBe(true);
    expect(found("EXIOBASE")).toHaveLength(81);
    expect(found("NVE 2023").map((r) => r.id)).toContain("electricity.no.delivered-2023");
  });

  it("puts the record whose id is typed first", () => {
    expect(foundIds("fuel.diesel.b-avg")[0]).toBe("fuel.diesel.b-avg");
  });

  it("filters by group, by what the factor is per and by publisher, with or without words", () => {
    expect(found("diesel", { group: "vehicle" }).every((r) => r.group === "vehicle")).toBe(true);
    expect(found("", { unit: "kWh" }).every((r) => r.unit.endsWith("/kWh"))).toBe(true);
    expect(found("", { unit: "kwh" })).toHaveLength(found("", { unit: "kWh" }).length);
    expect(found("strøm", { unit: "EUR" }).map((r) => r.id).sort()).toEqual(["spend.p40-11-d-electricity-hydro", "spend.p40-13-electricity-distribution-trade"]);
    expect(found("diesel", { source: "UK DESNZ" }).every((r) => r.source.publisher === "UK DESNZ")).toBe(true);
    expect(found("diesel", { source: "uk desnz" }).length).toBeGreaterThan(0);
    expect(found("kontorstol", { group: "waste" })).toEqual([]);
  });

  it("offers the set's units and publishers as filter choices", () => {
    const choices = filterChoices(released);
    expect(choices.units).toEqual(expect.arrayContaining(["kWh", "km", "t", "EUR", "l"]));
    expect(choices.publishers).toEqual(expect.arrayContaining(["UK DESNZ", "EXIOBASE consortium"]));
    expect(filterChoices(released, "electricity").units).toEqual(["kWh"]);
  });

  it("builds the index once per set", () => {
    expect(factorIndex(released)).toBe(factorIndex(released));
  });
});

describe("the search vocabulary", () => {
  it("folds ø, æ and å the same way on both sides", () => {
    expect(foldText("Kjøretøy Bærbar Strøm Ål")).toBe("kjoretoy baerbar strom al");
  });
  it("holds every group's name as the interface writes it, in both languages", () => {
    for (const group of factorGroups) {
      for (const lang of ["nb", "en"] as const) expect(GROUP_WORDS[group].map(foldText)).toContain(foldText(translate(lang, `factors.groupName.${group}`)));
    }
  });
});

describe("citation", () => {
  it("writes publisher, title (year), table", () => {
    expect(citation({ publisher: "UK DESNZ", title: "GHG conversion factors", year: 2025, table: "Fuels › Diesel", licence: "OGL" })).toBe("UK DESNZ, GHG conversion factors (2025), Fuels › Diesel");
  });
});
