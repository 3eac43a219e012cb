/**
 * Set 2026-1: 2025-2 carried unchanged plus two records given per calendar
 * year, every value read back from its raw source row; and the loader's
 * checks of values by year.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import { Decimal } from "../../src/core/decimal.js";
import { hasMaintainerNote } from "../../src/factors/build/scrub.js";
import { readCsv } from "../../src/factors/build/raw-rows.js";
import { DEFAULT_FACTOR_DIR, FactorLoadError, loadFactorLibrary } from "../../src/factors/load.js";
import { resolveFactor } from "../../src/factors/resolve-factor.js";
import { fixtureRecords, removeTempLibraries, setFiles, writeLibrary, type RecordJson } from "./temp-factor-sets.js";

afterAll(removeTempLibraries);

const library = loadFactorLibrary();
const set = library.sets.get("2026-1")!;
const previous = library.sets.get("2025-2")!;
const SOURCES = join(DEFAULT_FACTOR_DIR, "sources");

describe("set 2026-1", () => {
  it("carries every record and the economics of 2025-2 unchanged, and keeps NVE's 2023 figure as the default electricity", () => {
    for (const [id, record] of previous.records) expect(set.records.get(id), id).toEqual(record);
    expect(set.economics).toEqual(previous.economics);
    expect([...set.records.keys()].filter((id) => !previous.records.has(id)).sort()).toEqual(["electricity.no.delivered", "fuel.diesel.road-no"]);
    expect(set.manifest.defaults.electricity).toBe("electricity.no.delivered-2023");
    expect(set.manifest.released).toBe("2026-12-02");
  });

  it("gives delivered electricity NVE's published g CO2e/kWh of each year ÷ 1 000, the latest (2023: 15 g) as its value", () => {
    const rows = readCsv(join(SOURCES, "nve-klimadeklarasjon", "delivered.csv"));
    const record = set.records.get("electricity.no.delivered")!;
    expect(Object.keys(record.byYear!)).toEqual(rows.map((r) => r.year));
    for (const row of rows) expect(new Decimal(record.byYear![row.year!]!).mul(1000).toString(), row.year).toBe(row["g CO2e/kWh"]);
    expect(record.byYear).toEqual({ "2019": "0.017", "2020": "0.008", "2021": "0.011", "2022": "0.019", "2023": "0.015" });
    expect([record.value, record.electricityBasis, record.source.licence]).toEqual(["0.015", "location", "NLOD 2.0"]);
  });

  it("derives road diesel as DESNZ's mineral diesel × (1 − the mandate): 2.66155 × 0.83 = 2.2090865 (2023), × 0.81 = 2.1558555 (2024)", () => {
    const desnz = readCsv(join(SOURCES, "desnz-2025", "fuels-and-bioenergy.csv")).find((r) => r["Level 3"] === "Diesel (100% mineral diesel)" && r.UOM === "litres")!;
    expect(desnz["GHG Conversion Factor 2025"]).toBe(set.records.get("fuel.diesel.mineral")!.value);
    const mandates = readCsv(join(SOURCES, "miljodirektoratet-omsetningskrav", "road-mandate.csv"));
    const record = set.records.get("fuel.diesel.road-no")!;
    expect(Object.keys(record.byYear!)).toEqual(mandates.map((r) => r.year));
    for (const row of mandates) {
      const expected = new Decimal(desnz["GHG Conversion Factor 2025"]!).mul(new Decimal(1).minus(new Decimal(row["total (volume %)"]!).div(100)));
      expect(record.byYear![row.year!], row.year).toBe(expected.toString());
    }
    expect(record.byYear).toEqual({ "2023": "2.2090865", "2024": "2.1558555" });
    expect(record.value).toBe("2.1558555");
    expect(record.note).toContain("Kalkyle's own derivation");
    expect(record.note).toContain("as low as 15.75 %");
  });

  it("resolves each record to kg CO2e per unit by year, for the case's years to take", () => {
    const electricity = resolveFactor(set, "electricity.no.delivered", set.manifest.defaults.electricity);
    expect(electricity.ok && [...electricity.factor.byYear!].map(([y, kg]) => `${y}:${kg.toString()}`)).toEqual(["2019:0.017", "2020:0.008", "2021:0.011", "2022:0.019", "2023:0.015"]);
    const diesel = resolveFactor(set, "fuel.diesel.road-no", set.manifest.defaults.electricity);
    expect(diesel.ok && diesel.factor.byYear!.get(2023)!.toString()).toBe("2.2090865");
  });

  it("lists the two added records with their reasons in both languages, and shows users no notes for maintainers", () => {
    expect(set.changes!.from).toBe("2025-2");
    expect(set.changes!.records.map((c) => [c.id, c.change, c.before, c.after?.value])).toEqual([
      ["electricity.no.delivered", "added", null, "0.015"],
      ["fuel.diesel.road-no", "added", null, "2.1558555"],
    ]);
    const added = [set.records.get("electricity.no.delivered")!, set.records.get("fuel.diesel.road-no")!];
    expect(added.flatMap((r) => [r.source.table, r.source.title, r.note ?? "", r.names.nb, r.names.en]).filter(hasMaintainerNote)).toEqual([]);
  });

  it("cites each added record in the publisher's Norwegian words, with NVE's title as the records of 2025-2 give it, and no English in title or table", () => {
    const electricity = set.records.get("electricity.no.delivered")!;
    const diesel = set.records.get("fuel.diesel.road-no")!;
    expect(electricity.source.title).toBe(previous.records.get("electricity.no.delivered-2023")!.source.title);
    expect(electricity.source.table).toBe("Klimadeklarasjon for fysisk levert strøm 2019–2023: 2019: 17 g CO2e/kWh; 2020: 8 g CO2e/kWh; 2021: 11 g CO2e/kWh; 2022: 19 g CO2e/kWh; 2023: 15 g CO2e/kWh");
    expect(diesel.source.table).toBe("Omsetningskravet i veitrafikk, volumprosent av alt drivstoff omsatt til veitrafikk: 2023: 17 % (delkrav avansert biodrivstoff minst 12,5 %); 2024: 19 % (delkrav avansert biodrivstoff minst 12,5 %)");
    const english = /\b(by year|yearly|releases?|latest|read|volume|of all|sold|and|of which|advanced|restated)\b/i;
    for (const r of [electricity, diesel]) expect([r.source.title, r.source.table].filter((t) => english.test(t)), r.id).toEqual([]);
    expect(electricity.note).toContain("Releases read: 2019: NVE's climate declaration for 2021 (2019 restated)");
  });

  it("says in words, in both languages, what stays of the default electricity factor", () => {
    const other = set.changes!.other.find((o) => o.item === "defaults.electricity")!;
    expect(other.reason.nb).toMatch(/^Uendret, NVEs tall for fysisk levert strøm 2023/);
    expect(other.reason.en).toMatch(/^Unchanged, NVE's figure for physically delivered electricity in 2023/);
  });

  it("keeps each raw source folder's licence and attribution beside its rows", () => {
    for (const folder of ["nve-klimadeklarasjon", "miljodirektoratet-omsetningskrav"]) {
      const citation = JSON.parse(readFileSync(join(SOURCES, folder, "citation.json"), "utf8")) as { licence: string };
      expect(citation.licence, folder).toBe("NLOD 2.0");
      expect(readFileSync(join(SOURCES, folder, "README.md"), "utf8"), folder).toMatch(/NLOD 2\.0[\s\S]*Not included/);
    }
  });
});

describe("kalkyle factors lists a factor's values by year", () => {
  const listed = (...args: string[]) => {
    const out: string[] = [];
    const status = run(["factors", ...args], { out: (line: string) => out.push(line), err: () => undefined });
    return { status, line: out.find((l) => l.startsWith("electricity.no.delivered\t")) ?? "" };
  };

  it("in bokmål with decimal commas, in English with points, after the record's name", () => {
    expect(listed("strøm", "--group", "electricity", "--lang", "nb").line).toContain("(NVE); etter år: 2019: 0,017 · 2020: 0,008 · 2021: 0,011 · 2022: 0,019 · 2023: 0,015\t");
    expect(listed("electricity", "--group", "electricity", "--lang", "en").line).toContain("(NVE); by year: 2019: 0.017 · 2020: 0.008 · 2021: 0.011 · 2022: 0.019 · 2023: 0.015\t");
  });
});

describe("values by year: the loader refuses what cannot be traced", () => {
  const grid = (change: (r: RecordJson) => RecordJson) => fixtureRecords().map((r) => (r.id === "el.grid" ? change(r) : r));
  const problems = (records: RecordJson[]) => {
    try {
      loadFactorLibrary(writeLibrary({ "test-1": setFiles(records) }));
    } catch (error) {
      return (error as FactorLoadError).problems;
    }
    return [];
  };

  it("loads a record whose value is its latest year's", () => {
    expect(problems(grid((r) => ({ ...r, value: "11", byYear: { "2021": "17", "2023": "11" } })))).toEqual([]);
  });

  it("refuses a value that is not the latest year's, naming the record", () => {
    const found = problems(grid((r) => ({ ...r, value: "17", byYear: { "2021": "17", "2023": "11" } })));
    expect(found).toEqual([expect.stringMatching(/record "el\.grid": records\[\d+\]\.value: a record with values by year has the latest year.s as its value/)]);
  });

  it("refuses a year that is not four digits and a value that is not decimal text", () => {
    const found = problems(grid((r) => ({ ...r, value: "11", byYear: { "23": "11", "2024": 11 } })));
    expect(found.join("\n")).toMatch(/byYear/);
    expect(found.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses values by year on a chained record", () => {
    const chained = fixtureRecords().find((r) => r.via !== undefined)!;
    const found = problems(fixtureRecords().map((r) => (r.id === chained.id ? { ...r, byYear: { "2024": r.value } } : r)));
    expect(found.join("\n")).toContain("a chained record takes its changes by year from the record it names");
  });
});
