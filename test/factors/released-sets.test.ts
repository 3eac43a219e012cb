import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveFactor } from "../../src/factors/resolve-factor.js";
import { buildSet, writeSet } from "../../src/factors/build/main.js";
import { hasMaintainerNote } from "../../src/factors/build/scrub.js";
import { DEFAULT_FACTOR_DIR, loadFactorLibrary } from "../../src/factors/load.js";

/** A released set never changes: a correction is a new set, so filed reports reproduce. */
const RELEASED = {
  "2025-1": "sha256:fa36d45324c2480f20afb502cfb969bd35f874aab144251e6bf253ef170fa342",
  "2025-2": "sha256:53ac5fd2fab721e86abc16630bb301b8c2f2ccbbc737fd2dffc978b43d681a52",
  "2026-1": "sha256:ffaa805a3b6fe47ca514dd641bbaf32b321a635a250a2dc1654dc23ad7ad1a1b",
};

const library = loadFactorLibrary();
const set = library.sets.get("2025-2")!;
const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("released factor sets", () => {
  it.each(Object.entries(RELEASED))("set %s still has the hash it was released with", (id, hash) => {
    expect(library.sets.get(id)?.hash).toBe(hash);
  });

  it("2026-1 is the newest set, so new cases get it; the sources folder is not a set", () => {
    expect(library.newest).toBe("2026-1");
    expect([...library.sets.keys()].sort()).toEqual(["2025-1", "2025-2", "2026-1"]);
  });

  it.each(["2025-2", "2026-1"])("running the generator again writes %s byte for byte", (id) => {
    const out = mkdtempSync(join(tmpdir(), `kalkyle-${id}-`));
    temp.push(out);
    writeSet(buildSet(id), out);
    const shipped = join(DEFAULT_FACTOR_DIR, id);
    expect(readdirSync(out).sort()).toEqual(readdirSync(shipped).sort());
    for (const f of readdirSync(shipped)) expect(readFileSync(join(out, f), "utf8"), f).toBe(readFileSync(join(shipped, f), "utf8"));
  });
});

describe("set 2025-2", () => {
  it("takes diesel combustion from DESNZ 2025, the year of its well-to-tank factor", () => {
    const diesel = set.records.get("fuel.diesel.b-avg")!;
    expect([diesel.value, diesel.source.year, set.records.get("fuel.diesel.b-avg.wtt")!.source.year]).toEqual(["2.57082", 2025, 2025]);
  });

  it("chains the excavator to the factor it was derived with: 5 l/h × 2.66 kg CO2/l = 13.3 kg per hour", () => {
    const excavator = resolveFactor(set, "machinery.excavator.diesel.zed-pilot-average", set.manifest.defaults.electricity);
    expect(excavator.ok && excavator.factor.kgPerUnit.toString()).toBe("13.3");
  });

  it("holds fossil CO2 from burning a tonne of plastic: 1 000 × 1.00 × 0.75 × 1.00 × 1 × 44/12 = 2 750 kg", () => {
    const plastics = set.records.get("waste.plastics.incineration-fossil-co2")!;
    expect([plastics.value, plastics.gases, plastics.names.nb]).toEqual(["2750", "CO2", expect.stringContaining("kun CO2")]);
  });

  it("labels every CO2-only record in the record and in both names", () => {
    const co2Only = [...set.records.values()].filter((r) => r.gases === "CO2");
    expect(co2Only.map((r) => r.id)).toEqual(expect.arrayContaining(["fuel.no.diesel-fossil.l", "electricity.no.residual-2020"]));
    for (const r of co2Only) expect([r.names.nb, r.names.en].join(" | ")).toMatch(/kun CO2.*\| .*CO2 only/);
  });

  it("shows users no notes for maintainers in any citation or note", () => {
    const texts = [...set.records.values()].flatMap((r) => [r.source.table, r.source.title, r.source.edition ?? "", r.note ?? "", r.names.nb, r.names.en]);
    expect(texts.filter(hasMaintainerNote)).toEqual([]);
  });

  it("lists what changed from 2025-1 with the value before and after and a reason in both languages", () => {
    const diesel = set.changes!.records.find((c) => c.id === "fuel.diesel.b-avg")!;
    expect([diesel.change, diesel.before?.value, diesel.after?.value]).toEqual(["changed", "2.51279", "2.57082"]);
    expect(set.changes!.records.every((c) => c.reason.nb !== "" && c.reason.en !== "")).toBe(true);
    expect(library.sets.get("2025-1")!.changes).toBeUndefined();
  });
});
