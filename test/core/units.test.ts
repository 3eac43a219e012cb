import { describe, expect, it } from "vitest";
import { convertQuantity, isCurrency, isKnownUnit, parseFactorUnit, parseQuantity, type Quantity } from "../../src/core/units.js";
import { Decimal } from "../../src/core/decimal.js";

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
