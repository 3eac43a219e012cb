import { describe, expect, it } from "vitest";
import { resolveFactor } from "../../src/factors/resolve-factor.js";
import { fixtureSet, setWith } from "./factor-set-fixtures.js";

const kgPerUnit = (lookup: ReturnType<typeof resolveFactor>) => (lookup.ok ? `${lookup.factor.kgPerUnit.toString()} kg/${lookup.factor.unit}` : lookup.problem);

describe("resolveFactor", () => {
  it("scales g and t CO2e to kg: 20 g/kWh = 0.02 kg/kWh, 0.4 t/MWh = 400 kg/MWh", () => {
    expect(kgPerUnit(resolveFactor(fixtureSet(), "el.grid", "el.grid"))).toBe("0.02 kg/kWh");
    expect(kgPerUnit(resolveFactor(fixtureSet(), "el.residual", "el.grid"))).toBe("400 kg/MWh");
  });

  it("chains through the record named by via: 0.1 l/km × 2.5 kg/l = 0.25 kg/km", () => {
    const lookup = resolveFactor(fixtureSet(), "van.diesel", "el.grid");
    expect(kgPerUnit(lookup)).toBe("0.25 kg/km");
    expect(lookup.ok && lookup.factor.source).toBe("Test, Test factors (2024), T1 × fuel.diesel: Test, Test factors (2024), T1");
  });

  it("'electricity' is the case's chosen electricity: 0.25 kWh/km × 0.02 kg/kWh or × 0.4 kg/kWh", () => {
    expect(kgPerUnit(resolveFactor(fixtureSet(), "van.bev", "el.grid"))).toBe("0.005 kg/km");
    // 0.25 kWh = 0.00025 MWh × 400 kg/MWh = 0.1 kg
    expect(kgPerUnit(resolveFactor(fixtureSet(), "van.bev", "el.residual"))).toBe("0.1 kg/km");
    const chosen = resolveFactor(fixtureSet(), "electricity", "el.residual");
    expect(chosen.ok && chosen.factor.id).toBe("el.residual");
  });

  it("chains more than one step: 2 km/h × 0.25 kWh/km × 0.02 kg/kWh = 0.01 kg/h", () => {
    const set = setWith([{ id: "robot.hour", unit: "km/h", value: "2", via: "van.bev" }]);
    expect(kgPerUnit(resolveFactor(set, "robot.hour", "el.grid"))).toBe("0.01 kg/h");
  });

  it("names an unknown id", () => {
    expect(resolveFactor(fixtureSet(), "mat.gold", "el.grid")).toEqual({ ok: false, problem: "unknown-factor", id: "mat.gold" });
  });

  it("refuses a broken chain: no via, a via to nothing, a unit that cannot convert, a loop", () => {
    const set = setWith([
      { id: "a.novia", unit: "kWh/km", value: "1" },
      { id: "a.nowhere", unit: "kWh/km", value: "1", via: "x.missing" },
      { id: "a.mismatch", unit: "kg/km", value: "1", via: "electricity" },
      { id: "loop.one", unit: "kWh/km", value: "1", via: "loop.two" },
      { id: "loop.two", unit: "km/kWh", value: "1", via: "loop.one" },
    ]);
    for (const id of ["a.novia", "a.nowhere", "a.mismatch", "loop.one"]) expect(resolveFactor(set, id, "el.grid"), id).toEqual({ ok: false, problem: "bad-chain", id });
  });
});
