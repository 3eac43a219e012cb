/**
 * The example cases under examples/: each one evaluates, every total is a
 * finite number, and each one shows what it was written to show, so that a
 * change in the core or the factor set that turns an example into nonsense
 * fails here.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDocument, type Evaluation } from "../../src/case/evaluate-document.js";
import { sum } from "../../src/core/decimal.js";
import { occurrenceYears } from "../../src/core/occurrences.js";
import type { AlternativeResult, CoreResult, Stage } from "../../src/core/types.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import type { FactorLibrary } from "../../src/factors/factor-set.js";

const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;
const files = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith(".json"))
  .sort();

let library: FactorLibrary;
beforeAll(() => {
  library = loadFactorLibrary();
});

type Ok = Extract<Evaluation, { ok: true }>;

function evaluate(file: string): Ok {
  const doc: unknown = JSON.parse(readFileSync(join(EXAMPLES, file), "utf8"));
  const evaluation = evaluateDocument(doc, library);
  if (!evaluation.ok) throw new Error(`${file}: ${JSON.stringify(evaluation.problems, null, 2)}`);
  return evaluation;
}

function alt(core: CoreResult, id: string): AlternativeResult {
  const found = core.alternatives.find((a) => a.id === id);
  if (!found) throw new Error(`no alternative ${id}`);
  return found;
}

const t = (a: AlternativeResult) => a.emissions.totalKg.toNumber() / 1000;
const stage = (a: AlternativeResult, s: Stage) => a.emissions.byStage[s].toNumber();
const pv = (a: AlternativeResult) => a.lcc.presentValue.toNumber();
const row = (core: CoreResult, id: string) => core.comparison.find((c) => c.id === id)!;

describe("every example under examples/", () => {
  it("there are at least five", () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)("%s evaluates to finite totals for every alternative", (file) => {
    const { core, result, doc } = evaluate(file);
    expect(core.alternatives).toHaveLength(doc.alternatives.length);
    for (const a of core.alternatives) {
      for (const value of [a.emissions.totalKg, a.emissions.directKg, a.emissions.indirectKg, a.lcc.presentValue, a.lcc.nominalTotal, a.lcc.equivalentAnnualCost]) {
        expect(value.isFinite(), `${file} ${a.id}`).toBe(true);
      }
      expect(a.emissions.totalKg.toNumber(), `${file} ${a.id}: some emissions`).toBeGreaterThan(0);
      expect(a.emissions.byYear).toHaveLength(doc.analysis.years + 1);
      // stage D is reported beside the total, never in it
      const withoutD = sum((["A1-A3", "A4", "A5", "B", "C"] as const).map((k) => a.emissions.byStage[k]));
      expect(withoutD.eq(a.emissions.totalKg), `${file} ${a.id}: total = A1–C`).toBe(true);
    }
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it.each(files)("%s uses only factor ids from the set or a cited inline factor, and labels every item", (file) => {
    const { doc } = evaluate(file);
    for (const a of doc.alternatives) {
      for (const e of a.emissions) {
        expect(e.label, `${file} ${a.id}`).toBeTruthy();
        if (typeof e.factor === "object") expect(e.label, `${file} ${a.id}: inline factor must cite its source`).toMatch(/DEFRA|DESNZ|EPD|NVE|EXIOBASE/);
      }
      for (const c of a.costs) expect(c.label, `${file} ${a.id}`).toBeTruthy();
    }
  });
});

describe("kontorstoler.json: new, reused or repaired office chairs", () => {
  let core: CoreResult;
  beforeAll(() => {
    core = evaluate("kontorstoler.json").core;
  });

  it("ranks by the waste pyramid: repair (prevent), reuse, then new chairs (recycling suggested from the old chairs' waste)", () => {
    expect(core.ranking.order).toEqual(["C", "B", "A"]);
    expect(alt(core, "A").wasteLevel).toBe("recycle");
    expect(alt(core, "A").wasteLevelSource).toBe("suggested");
  });

  it("new chairs weigh about 70 kg CO2e each and emit over three times as much as reuse or repair", () => {
    const perChair = alt(core, "A").emissions.byStage["A1-A3"].toNumber() / 120;
    expect(perChair).toBeGreaterThan(40);
    expect(perChair).toBeLessThan(150);
    expect(t(alt(core, "A"))).toBeGreaterThan(3 * t(alt(core, "B")));
    expect(t(alt(core, "A"))).toBeGreaterThan(3 * t(alt(core, "C")));
  });

  it("repair is the cheapest and new chairs are dominated", () => {
    expect(pv(alt(core, "C"))).toBeLessThan(pv(alt(core, "B")));
    expect(pv(alt(core, "B"))).toBeLessThan(pv(alt(core, "A")));
    expect(alt(core, "A").dominated).toBe(true);
  });
});

describe("baerbare-pc.json: new laptops every 4 years or refurbished ones", () => {
  let core: CoreResult;
  beforeAll(() => {
    core = evaluate("baerbare-pc.json").core;
  });

  it("a new laptop is some hundreds of kg CO2e, bought three times in ten years", () => {
    const production = alt(core, "ny").emissions.items.find((i) => i.factor === "spend.p30-office-machinery")!;
    const perLaptop = production.kg.toNumber() / 300 / 3;
    expect(perLaptop).toBeGreaterThan(200);
    expect(perLaptop).toBeLessThan(800);
    expect(alt(core, "ny").emissions.byYear.map((kg, year) => (kg.gt(100_000) ? year : -1)).filter((y) => y >= 0)).toEqual([0, 4, 8]);
  });

  it("refurbished laptops cut emissions by more than 80 % and cost less: new is dominated", () => {
    expect(t(alt(core, "brukt"))).toBeLessThan(0.2 * t(alt(core, "ny")));
    expect(pv(alt(core, "brukt"))).toBeLessThan(pv(alt(core, "ny")));
    expect(core.ranking.order).toEqual(["brukt", "ny"]);
    expect(alt(core, "ny").dominated).toBe(true);
  });

  it("new laptops with a 4-year life: bought in years 0, 4 and 8; the set of year 8 has 2 of 4 years left, so half comes back in year 10", () => {
    const lcc = alt(core, "ny").lcc;
    // acquisition 3 300 000 and roll-out 150 000, each in years 0, 4, 8; residual −(3 300 000 + 150 000) × 2/4 = −1 725 000 in year 10
    expect(lcc.byKind.residual!.toNumber()).toBeCloseTo(-1_725_000 / 1.04 ** 10, 6);
    // refurbished ones with a 5-year life: years 0 and 5, used up in year 10, no residual
    expect(alt(core, "brukt").lcc.byKind.residual).toBeUndefined();
  });
});

describe("matlevering.json: diesel vans, electric vans, consolidated deliveries", () => {
  let ok: Ok;
  beforeAll(() => {
    ok = evaluate("matlevering.json");
  });

  it("uses the market-based residual mix, so electric vans are charged 0.402 kg per kWh", () => {
    expect(ok.context.electricity.factor).toBe("electricity.no.residual-2020");
    expect(ok.context.electricity.basis).toBe("market");
    const driving = alt(ok.core, "el").emissions.items.find((i) => i.factor === "vehicle.van.bev.class-iii")!;
    // 5 years × 1 500 trips × 120 km × 0.389 kWh/km × 0.402 kg/kWh
    expect(driving.kg.toNumber()).toBeCloseTo(5 * 1500 * 120 * 0.389 * 0.402, 6);
  });

  it("electric driving emits less than diesel driving even on the residual mix, and has no direct emissions", () => {
    const el = alt(ok.core, "el");
    const diesel = alt(ok.core, "diesel");
    expect(stage(el, "A4")).toBeLessThan(stage(diesel, "A4"));
    expect(el.emissions.directKg.isZero()).toBe(true);
    expect(stage(el, "A1-A3")).toBeGreaterThan(stage(diesel, "A1-A3"));
  });

  it("consolidated electric delivery has the lowest emissions and the lowest cost; electric vans alone do not pay back in 5 years", () => {
    const byEmissions = [...ok.core.alternatives].sort((a, b) => t(a) - t(b));
    const byCost = [...ok.core.alternatives].sort((a, b) => pv(a) - pv(b));
    expect(byEmissions[0]!.id).toBe("elsamlast");
    expect(byCost[0]!.id).toBe("elsamlast");
    expect(ok.core.ranking.order[0]).toBe("elsamlast");
    expect(row(ok.core, "el").paybackYear).toBeNull();
  });
});

describe("skoleutvidelse.json: diesel or electric site machinery", () => {
  let ok: Ok;
  beforeAll(() => {
    ok = evaluate("skoleutvidelse.json");
  });

  it("the materials (A1-A3), transport (A4) and site waste (C) are identical", () => {
    const [a, b] = [alt(ok.core, "A"), alt(ok.core, "B")];
    for (const s of ["A1-A3", "A4", "C"] as const) expect(a.emissions.byStage[s].eq(b.emissions.byStage[s]), s).toBe(true);
  });

  it("electric machinery has far lower A5 emissions: 20 000 l diesel against 60 000 kWh", () => {
    const [a, b] = [alt(ok.core, "A"), alt(ok.core, "B")];
    expect(stage(a, "A5")).toBeCloseTo(20_000 * 2.57082, 6);
    expect(stage(b, "A5")).toBeCloseTo(60_000 * 0.015, 6);
    expect(b.emissions.directKg.lt(a.emissions.directKg)).toBe(true);
  });

  it("ranks by LCC with the bundled carbon price: the carbon cost is reported and smaller than the cost premium", () => {
    const [a, b] = [alt(ok.core, "A"), alt(ok.core, "B")];
    expect(ok.core.ranking.method).toBe("lcc-with-carbon");
    expect(a.lcc.carbonCostPresentValue!.gt(b.lcc.carbonCostPresentValue!)).toBe(true);
    expect(b.lcc.presentValueWithCarbon!.gt(a.lcc.presentValueWithCarbon!)).toBe(true);
    const abatement = row(ok.core, "B").abatementCostPerTonne!.toNumber();
    expect(abatement).toBeGreaterThan(2000);
    expect(abatement).toBeLessThan(50_000);
  });
});

describe("gatelys.json: keep high-pressure sodium or change to LED", () => {
  let core: CoreResult;
  beforeAll(() => {
    core = evaluate("gatelys.json").core;
  });

  it("LED has lower total emissions and a lower present value", () => {
    const [a, b] = [alt(core, "A"), alt(core, "B")];
    expect(b.emissions.totalKg.lt(a.emissions.totalKg)).toBe(true);
    expect(stage(b, "B")).toBeLessThan(0.3 * stage(a, "B"));
    expect(pv(b)).toBeLessThan(pv(a));
  });

  it("LED pays back within the period, after 5 to 15 years", () => {
    const payback = row(core, "B").paybackYear;
    expect(payback).not.toBeNull();
    expect(payback!).toBeGreaterThanOrEqual(5);
    expect(payback!).toBeLessThanOrEqual(15);
  });

  it("the sodium lamps are changed in years 4, 8, 12 and 16 (service life 4), not in year 20; LED's 25-year life leaves 5/25 of NOK 2.8 M in year 20", () => {
    const { resolved } = evaluate("gatelys.json");
    const item = resolved.alternatives[0]!.emissions.find((i) => i.label.startsWith("Nye natriumlamper"))!;
    const once = item.quantity.mul(item.kgPerUnit).mul(item.count);
    const lamps = alt(core, "A").emissions.items.find((i) => i.label === item.label)!;
    expect(lamps.kg.eq(once.mul(4))).toBe(true); // four changes: years 4, 8, 12, 16
    expect(occurrenceYears(item, 20, 0)).toEqual([4, 8, 12, 16]);
    // 2 800 000 × 5/25 = 560 000, discounted 20 years at 4 %
    expect(alt(core, "B").lcc.byKind.residual!.toNumber()).toBeCloseTo(-560_000 / 1.04 ** 20, 6);
  });

  it("the old fittings LED replaces are existing stock: they suggest no level for LED", () => {
    expect(alt(core, "B").wasteLevelSuggestion).toBeNull();
    expect(alt(core, "A").wasteLevelSuggestion?.level).toBe("recycle");
  });

  it("reports the recycled aluminium of the old fittings as a stage D benefit beside the total", () => {
    expect(stage(alt(core, "B"), "D")).toBeCloseTo(-800 * 5 * 8.12082, 6);
    expect(stage(alt(core, "A"), "D")).toBe(0);
  });

  it("prices carbon along the given path", () => {
    for (const a of core.alternatives) expect(a.lcc.carbonCostPresentValue!.gt(0)).toBe(true);
  });
});

describe("matinnkjop-screening.json: spend-based screening of menus", () => {
  let ok: Ok;
  beforeAll(() => {
    ok = evaluate("matinnkjop-screening.json");
  });

  it("converts NOK in 2024 prices to 2019 EUR: 1.2 MNOK of beef a year", () => {
    expect(ok.context.priceYear).toBe(2024);
    const beef = alt(ok.core, "A").emissions.items.find((i) => i.factor === "spend.p15-a-beef-products")!;
    // 4 years × 1 200 000 NOK × CPI2019/CPI2024 ÷ 9.85 NOK/EUR × 3.79964 kg/EUR
    const expected = 4 * ((1_200_000 * 120.269658854402) / 145.109039905891 / 9.85) * 3.79964414223;
    expect(beef.kg.toNumber()).toBeCloseTo(expected, 3);
  });

  it("beef is the largest single item today, and the plant-based menu with less food waste emits least", () => {
    const items = alt(ok.core, "A").emissions.items;
    const largest = [...items].sort((x, y) => y.kg.comparedTo(x.kg))[0]!;
    expect(largest.factor).toBe("spend.p15-a-beef-products");
    expect(ok.core.ranking.order).toEqual(["C", "B", "A"]);
  });
});
