import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convertQuantity, isCurrency, isKnownUnit, parseFactorUnit, parseQuantity, type Quantity } from "../../src/core/units.js";
import { Decimal } from "../../src/core/decimal.js";
import { nearestSpelling, REFUSED_UNITS, UNIT_TABLE } from "../../src/core/unit-table.js";

function quantity(text: string): Quantity {
  const parsed = parseQuantity(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.problem}`);
  return parsed.quantity;
}
const convert = (text: string, target: string) => convertQuantity(quantity(text), target)?.toString() ?? null;

describe("parseQuantity", () => {
  it("reads a number and a unit", () => {
    expect(parseQuantity("1200 kg")).toEqual({ ok: true, quantity: { value: new Decimal(1200), unit: "kg" } });
    expect(parseQuantity(" 1.5MWh ")).toEqual({ ok: true, quantity: { value: new Decimal("1.5"), unit: "MWh" } });
    expect(parseQuantity(".5 t")).toEqual({ ok: true, quantity: { value: new Decimal("0.5"), unit: "t" } });
    expect(parseQuantity("1e3 kg")).toEqual({ ok: true, quantity: { value: new Decimal(1000), unit: "kg" } });
  });
  it("takes a bare number as a count of units", () => {
    expect(parseQuantity("4")).toEqual({ ok: true, quantity: { value: new Decimal(4), unit: "unit" } });
  });
  it("refuses the US short ton in every spelling mathjs knows", () => {
    for (const text of ["3 ton", "3 tons", "3 kton"]) expect(parseQuantity(text), text).toMatchObject({ ok: false, problem: "short-ton" });
  });
  it("accepts the metric tonne as t and tonne", () => {
    expect(convert("3 t", "kg")).toBe("3000");
    expect(convert("3 tonne", "kg")).toBe("3000");
  });
  it("names an unknown unit", () => {
    expect(parseQuantity("12 parsecs")).toEqual({ ok: false, problem: "unknown-unit", detail: "parsecs" });
  });
  it("refuses text without a leading number, negative numbers and huge numbers", () => {
    expect(parseQuantity("kg")).toMatchObject({ ok: false, problem: "syntax" });
    expect(parseQuantity("1,5 kg")).toMatchObject({ ok: false });
    expect(parseQuantity("-1 kg")).toMatchObject({ ok: false, problem: "negative" });
    expect(parseQuantity("2e15 kg")).toMatchObject({ ok: false, problem: "too-large" });
    expect(parseQuantity("1 kg" + " ".repeat(80))).toMatchObject({ ok: false, problem: "too-long" });
  });
  it("allows −0 as zero", () => {
    expect(parseQuantity("-0 kg")).toMatchObject({ ok: true });
  });
});

describe("convertQuantity", () => {
  it("t ↔ kg and MWh ↔ kWh exactly", () => {
    expect(convert("1.2 t", "kg")).toBe("1200");
    expect(convert("1200 kg", "t")).toBe("1.2");
    expect(convert("1.5 MWh", "kWh")).toBe("1500");
    expect(convert("250 kWh", "MWh")).toBe("0.25");
  });
  it("litres, kilometres, hours and tonne-kilometres", () => {
    expect(convert("450 l", "l")).toBe("450");
    expect(convert("2 m^3", "l")).toBe("2000");
    expect(convert("3500 m", "km")).toBe("3.5");
    expect(convert("90 min", "h")).toBe("1.5");
    expect(convert("12 tkm", "tkm")).toBe("12");
  });
  it("gives null when the dimensions differ", () => {
    expect(convert("5 kWh", "kg")).toBeNull();
    expect(convert("5 kg", "l")).toBeNull();
  });
});

describe("parseFactorUnit", () => {
  it("reads g, kg and t CO2e per unit as kg per unit", () => {
    expect(parseFactorUnit("kgCO2e/kWh")).toEqual({ numerator: { kind: "co2e", kgPerUnit: new Decimal(1) }, denominator: "kWh" });
    expect(parseFactorUnit("gCO2e/kWh")).toEqual({ numerator: { kind: "co2e", kgPerUnit: new Decimal("0.001") }, denominator: "kWh" });
    expect(parseFactorUnit("tCO2e/t")).toEqual({ numerator: { kind: "co2e", kgPerUnit: new Decimal(1000) }, denominator: "t" });
  });
  it("reads money denominators and chained quantity units", () => {
    expect(parseFactorUnit("kgCO2e/NOK")).toMatchObject({ denominator: "NOK" });
    expect(parseFactorUnit("kWh/km")).toEqual({ numerator: { kind: "quantity", unit: "kWh" }, denominator: "km" });
  });
  it("refuses what is not a factor unit", () => {
    for (const text of ["kgCO2e", "/kg", "kgCO2e/kg/yr", "kgCO2e/ton", "kgCO2e/parsecs", "mgCO2e/kg", "frobs/kg"]) expect(parseFactorUnit(text), text).toBeNull();
  });
});

describe("isKnownUnit and isCurrency", () => {
  it("knows kg, unit and stk; not ton or parsecs", () => {
    expect(isKnownUnit("kg")).toBe(true);
    expect(isKnownUnit("unit")).toBe(true);
    expect(isKnownUnit("stk")).toBe(true);
    expect(isKnownUnit("ton")).toBe(false);
    expect(isKnownUnit("parsecs")).toBe(false);
  });
  it("a currency is three capitals", () => {
    expect(isCurrency("NOK")).toBe(true);
    expect(isCurrency("EUR")).toBe(true);
    expect(isCurrency("kg")).toBe(false);
    expect(isCurrency("kWh")).toBe(false);
  });
});

describe("units as Norwegians write them (the units table)", () => {
  it("«1500 mil» is 15 000 km: mil is the Scandinavian mile (10 km), never a thousandth of an inch", () => {
    expect(convert("1500 mil", "km")).toBe("15000");
    expect(convert("1 mil", "m")).toBe("10000");
  });
  it("tonn, time/timer, døgn, stk, liter, L, m³ and kwh are read", () => {
    expect(convert("3 tonn", "kg")).toBe("3000");
    expect(convert("2 timer", "h")).toBe("2");
    expect(convert("1 time", "min")).toBe("60");
    expect(convert("2 døgn", "h")).toBe("48");
    expect(convert("5 stk", "unit")).toBe("5");
    expect(convert("450 liter", "l")).toBe("450");
    expect(convert("450 L", "l")).toBe("450");
    expect(convert("450 litre", "l")).toBe("450");
    expect(convert("2 tonnes", "kg")).toBe("2000");
    expect(convert("2 m³", "l")).toBe("2000");
    expect(convert("2 m3", "m^3")).toBe("2");
    expect(convert("3 m²", "m2")).toBe("3");
    expect(convert("1500 kwh", "kWh")).toBe("1500");
    expect(convert("1.5 mwh", "kWh")).toBe("1500");
    expect(convert("1 GWh", "MWh")).toBe("1000");
    expect(convert("1 kWh", "MJ")).toBe("3.6");
  });
  it("every spelling in the table is a known unit and converts to the unit it maps to", () => {
    for (const { spelling, mathjs } of UNIT_TABLE) {
      expect(isKnownUnit(spelling), spelling).toBe(true);
      const to = UNIT_TABLE.find((u) => u.mathjs === mathjs && u.spelling !== spelling) ?? { spelling };
      expect(convert(`7 ${spelling}`, to.spelling), `${spelling} → ${to.spelling}`).toBe("7");
    }
  });
  it("units mathjs knows but the table does not are unknown, never read silently (inch, mile, foot, day, ounce, mils)", () => {
    for (const unit of ["inch", "mile", "ft", "day", "oz", "mils", "lb", "acre", "K"]) expect(parseQuantity(`1 ${unit}`), unit).toMatchObject({ ok: false, problem: "unknown-unit", detail: unit });
  });
  it("refused units say what to write: ton → t, gallon → l, Sm3 → m³", () => {
    expect(parseQuantity("3 ton")).toEqual({ ok: false, problem: "short-ton", detail: "ton", suggestion: "t" });
    expect(parseQuantity("3 gal")).toEqual({ ok: false, problem: "us-gallon", detail: "gal", suggestion: "l" });
    for (const unit of ["Sm3", "Sm³", "sm3", "Sm^3"]) expect(parseQuantity(`1000 ${unit}`), unit).toEqual({ ok: false, problem: "standard-cubic-metre", detail: unit, suggestion: "m³" });
    for (const refused of REFUSED_UNITS) expect(isKnownUnit(refused.use), refused.spelling).toBe(true);
  });
  it("an unknown unit gets the nearest accepted spelling where one is close, and none where none is", () => {
    expect(parseQuantity("3 Tonn")).toEqual({ ok: false, problem: "unknown-unit", detail: "Tonn", suggestion: "tonn" });
    expect(parseQuantity("3 KWH")).toEqual({ ok: false, problem: "unknown-unit", detail: "KWH", suggestion: "kWh" });
    expect(parseQuantity("3 Kg")).toEqual({ ok: false, problem: "unknown-unit", detail: "Kg", suggestion: "kg" });
    expect(parseQuantity("3 tonnn")).toEqual({ ok: false, problem: "unknown-unit", detail: "tonnn", suggestion: "tonn" });
    expect(parseQuantity("3 liters")).toEqual({ ok: false, problem: "unknown-unit", detail: "liters", suggestion: "liter" });
    expect(parseQuantity("3 kgs")).toEqual({ ok: false, problem: "unknown-unit", detail: "kgs", suggestion: "kg" });
    expect(parseQuantity("3 kg.")).toEqual({ ok: false, problem: "unknown-unit", detail: "kg.", suggestion: "kg" });
    expect(nearestSpelling("parsecs")).toBeUndefined();
    expect(nearestSpelling("xy")).toBeUndefined();
  });
  it("a power only on m², m³ and the other length units in the table", () => {
    expect(parseQuantity("2 kg^2")).toMatchObject({ ok: false, problem: "unit-power" });
    expect(parseQuantity("2 kWh²")).toMatchObject({ ok: false, problem: "unit-power" });
    expect(parseQuantity("2 km^2")).toMatchObject({ ok: true });
    expect(parseQuantity("2 dm^3")).toMatchObject({ ok: true });
  });
  it("the table has each spelling once and no spelling both accepted and refused", () => {
    const spellings = UNIT_TABLE.map((u) => u.spelling);
    expect(new Set(spellings).size).toBe(spellings.length);
    for (const refused of REFUSED_UNITS) expect(spellings, refused.spelling).not.toContain(refused.spelling);
  });
});

describe("the units table in docs/case-format.md", () => {
  const doc = readFileSync(new URL("../../docs/case-format.md", import.meta.url), "utf8");
  it("names every accepted spelling (areas and volumes by their m forms) and every refused one", () => {
    const named = (spelling: string) => doc.includes(`\`${spelling}\``);
    const listed = UNIT_TABLE.map((u) => u.spelling).filter((s) => !/^(mm|cm|dm|km)[23²³^]/.test(s));
    expect(listed.filter((s) => !named(s))).toEqual([]);
    const refused = REFUSED_UNITS.map((u) => u.spelling).filter((s) => !/^(Ton|Tons|gallons|quarts|pints|cups|fluidounces?|gills)$/.test(s));
    expect(refused.filter((s) => !named(s))).toEqual([]);
  });
});
