import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/decimal.js";
import { canConvertSpend, defaultPriceYear, exchangeRate, priceIndexYears, spendOnFactorBasis } from "../../src/factors/spend.js";
import { fixtureSet } from "./factor-set-fixtures.js";

const economics = () => fixtureSet().economics;
const EUR_2019 = { currency: "EUR", priceYear: 2019 };

describe("spend conversion (fixture: CPI 2019 = 100, 2024 = 125; 10 NOK/EUR in 2019)", () => {
  it("1 000 NOK of 2024 → × 100/125 = 800 NOK of 2019 → ÷ 10 = 80 EUR", () => {
    expect(spendOnFactorBasis(new Decimal(1000), 2024, EUR_2019, economics()).toString()).toBe("80");
  });
  it("12 500 NOK of 2019 → 1 250 EUR, no deflation", () => {
    expect(spendOnFactorBasis(new Decimal(12500), 2019, EUR_2019, economics()).toString()).toBe("1250");
  });
  it("a NOK factor of another price year is only deflated: 1 000 NOK (2024) → 800 NOK (2019)", () => {
    expect(spendOnFactorBasis(new Decimal(1000), 2024, { currency: "NOK", priceYear: 2019 }, economics()).toString()).toBe("800");
  });
  it("knows the years and rates it has", () => {
    expect(priceIndexYears(economics())).toEqual([2019, 2024]);
    expect(exchangeRate(economics(), "NOK", 1990)!.toString()).toBe("1");
    expect(exchangeRate(economics(), "EUR", 2019)!.toString()).toBe("10");
    expect(exchangeRate(economics(), "EUR", 2020)).toBeNull();
    expect(exchangeRate(economics(), "USD", 2019)).toBeNull();
  });
  it("can convert only what the index and the rates cover", () => {
    expect(canConvertSpend(economics(), EUR_2019, 2024)).toBe(true);
    expect(canConvertSpend(economics(), EUR_2019, 2020)).toBe(false);
    expect(canConvertSpend(economics(), { currency: "USD", priceYear: 2019 }, 2024)).toBe(false);
    expect(canConvertSpend(economics(), { currency: "EUR", priceYear: 2024 }, 2024)).toBe(false);
  });
  it("defaults the price year to the start year, clamped into the index", () => {
    expect(defaultPriceYear(economics(), 2024)).toBe(2024);
    expect(defaultPriceYear(economics(), 2030)).toBe(2024);
    expect(defaultPriceYear(economics(), 2022)).toBe(2019);
    expect(defaultPriceYear(economics(), 2010)).toBe(2019);
  });
});
