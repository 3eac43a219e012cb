import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { FactorLoadError, loadFactorLibrary, loadFactorSet } from "../../src/factors/load.js";
import { fixtureRecords, removeTempLibraries, setFiles, writeLibrary, type RecordJson } from "./temp-factor-sets.js";

afterAll(removeTempLibraries);

/** The loader's problems for a library, or a failure if it loaded. */
function loadProblems(root: string): string[] {
  try {
    loadFactorLibrary(root);
  } catch (error) {
    expect(error).toBeInstanceOf(FactorLoadError);
    return (error as FactorLoadError).problems;
  }
  throw new Error("the library loaded, but should not have");
}

const without = (record: RecordJson, key: string): RecordJson => Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
const withRecord = (id: string, change: (r: RecordJson) => RecordJson) => fixtureRecords().map((r) => (r.id === id ? change(r) : r));

describe("loadFactorLibrary: a record nobody can trace does not load", () => {
  it("loads the fixture set: 12 records, a sha256 hash, test-1 the newest", () => {
    const root = writeLibrary({ "test-1": setFiles(fixtureRecords()) });
    const library = loadFactorLibrary(root);
    expect(library.newest).toBe("test-1");
    const set = library.sets.get("test-1")!;
    expect(set.records.size).toBe(12);
    expect(set.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(set.records.get("el.grid")!.unit).toBe("gCO2e/kWh");
  });

  for (const field of ["source", "unit", "value"]) {
    it(`refuses a record without ${field}, naming the file and the record id`, () => {
      const root = writeLibrary({ "test-1": setFiles(withRecord("mat.wood", (r) => without(r, field))) });
      const problems = loadProblems(root);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(join(root, "test-1", "records-test-2024.json"));
      expect(problems[0]).toContain('record "mat.wood"');
      expect(problems[0]).toContain(field);
    });
  }

  it("refuses a value written as a binary number instead of decimal text", () => {
    const problems = loadProblems(writeLibrary({ "test-1": setFiles(withRecord("mat.wood", (r) => ({ ...r, value: 0.5 }))) }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/record "mat\.wood": records\[1\]\.value/);
  });

  it("refuses a source without a publisher and names every broken record at once", () => {
    const records = fixtureRecords().map((r) => {
      if (r.id === "mat.steel") return { ...r, source: { ...(r.source as object), publisher: undefined } };
      if (r.id === "fuel.diesel") return without(r, "unit");
      return r;
    });
    const problems = loadProblems(writeLibrary({ "test-1": setFiles(records) }));
    expect(problems.some((p) => p.includes('record "mat.steel"') && p.includes("source.publisher"))).toBe(true);
    expect(problems.some((p) => p.includes('record "fuel.diesel"') && p.includes("unit"))).toBe(true);
  });

  it("refuses a duplicate id, within a file and across files", () => {
    const records = fixtureRecords();
    const inFile = loadProblems(writeLibrary({ "test-1": setFiles([...records, { ...records[0]!, value: "1" }]) }));
    expect(inFile).toEqual([expect.stringMatching(/records-test-2024\.json record "mat\.steel": id already used/)]);
    const across = loadProblems(writeLibrary({ "test-1": setFiles(records, {}, { "records-more-2025.json": { records: [records[1]] } }) }));
    expect(across).toEqual([expect.stringMatching(/records-test-2024\.json record "mat\.wood": id already used/)]);
  });

  it("refuses a chained record whose via names no record", () => {
    const problems = loadProblems(writeLibrary({ "test-1": setFiles(withRecord("van.diesel", (r) => ({ ...r, via: "fuel.petrol" }))) }));
    expect(problems).toContainEqual(expect.stringMatching(/record "van\.diesel": via "fuel\.petrol" names no record/));
  });

  it("refuses a chained record without via, and a unit that is no factor unit", () => {
    const problems = loadProblems(
      writeLibrary({
        "test-1": setFiles(
          fixtureRecords().map((r) => (r.id === "van.bev" ? without(r, "via") : r.id === "mat.wood" ? { ...r, unit: "kgCO2e/ton" } : r)),
        ),
      }),
    );
    expect(problems).toContainEqual(expect.stringMatching(/record "van\.bev": cannot be resolved/));
    expect(problems).toContainEqual(expect.stringMatching(/record "mat\.wood": unit "kgCO2e\/ton"/));
  });

  it("refuses a default electricity that is not an electricity record", () => {
    const problems = loadProblems(writeLibrary({ "test-1": setFiles(fixtureRecords(), { defaults: { electricity: "mat.wood" } }) }));
    expect(problems).toContainEqual(expect.stringMatching(/defaults\.electricity "mat\.wood" is not an electricity record/));
  });

  it("refuses a spend record whose currency the set cannot convert", () => {
    const problems = loadProblems(writeLibrary({ "test-1": setFiles(withRecord("spend.furniture", (r) => ({ ...r, currency: "USD" }))) }));
    expect(problems).toContainEqual(expect.stringMatching(/record "spend\.furniture": no exchange rate for USD in 2019/));
  });

  it("refuses a file that is not JSON, naming it", () => {
    const problems = loadProblems(writeLibrary({ "test-1": setFiles(fixtureRecords(), {}, { "broken.json": "{ not json" }) }));
    expect(problems).toEqual([expect.stringMatching(/broken\.json: not readable JSON/)]);
  });

  it("refuses an empty library", () => {
    expect(loadProblems(writeLibrary({}))).toEqual([expect.stringMatching(/no factor set found/)]);
  });

  it("picks the newest set by release date, whatever the folder names", () => {
    const root = writeLibrary({
      "a-later": setFiles(fixtureRecords(), { id: "2026-1", released: "2026-02-01" }),
      "b-earlier": setFiles(fixtureRecords(), { id: "2025-1", released: "2025-01-15" }),
    });
    const library = loadFactorLibrary(root);
    expect([...library.sets.keys()].sort()).toEqual(["2025-1", "2026-1"]);
    expect(library.newest).toBe("2026-1");
  });

  it("hashes the files: the same files give the same hash, one changed figure a different one", () => {
    const root = writeLibrary({ "test-1": setFiles(fixtureRecords()) });
    const dir = join(root, "test-1");
    const before = loadFactorSet(dir).hash;
    expect(loadFactorSet(dir).hash).toBe(before);
    writeFileSync(join(dir, "records-test-2024.json"), JSON.stringify({ records: withRecord("mat.wood", (r) => ({ ...r, value: "0.51" })) }));
    expect(loadFactorSet(dir).hash).not.toBe(before);
  });
});
