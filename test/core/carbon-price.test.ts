import { describe, expect, it } from "vitest";
import { carbonPriceIn } from "../../src/core/carbon-price.js";
import { d } from "./builders.js";
import { expectExact } from "./expect-decimal.js";

const path = new Map([
  [2026, d(1500)],
  [2030, d(2000)],
]);

describe("carbonPriceIn: linear between given years, flat beyond the ends", () => {
  it("gives a stated year's price", () => {
    expectExact(carbonPriceIn(path, 2026), 1500);
    expectExact(carbonPriceIn(path, 2030), 2000);
  });
  it("interpolates linearly: 2028 is halfway, 1750", () => {
    // 1500 + (2000 − 1500) × (2028 − 2026) / (2030 − 2026) = 1500 + 500 × 2/4 = 1750
    expectExact(carbonPriceIn(path, 2028), 1750);
    // 1500 + 500 × 1/4 = 1625; 1500 + 500 × 3/4 = 1875
    expectExact(carbonPriceIn(path, 2027), 1625);
    expectExact(carbonPriceIn(path, 2029), 1875);
  });
  it("stays flat before the first year and after the last", () => {
    expectExact(carbonPriceIn(path, 2020), 1500);
    expectExact(carbonPriceIn(path, 2040), 2000);
  });
  it("uses the neighbouring given years when there are several, in any entry order", () => {
    const three = new Map([
      [2040, d(3000)],
      [2025, d(1000)],
      [2030, d(2000)],
    ]);
    // 2027: 1000 + 1000 × 2/5 = 1400; 2035: 2000 + 1000 × 5/10 = 2500
    expectExact(carbonPriceIn(three, 2027), 1400);
    expectExact(carbonPriceIn(three, 2035), 2500);
    expectExact(carbonPriceIn(three, 2030), 2000);
    expectExact(carbonPriceIn(three, 2050), 3000);
  });
  it("with one given year is flat everywhere", () => {
    const one = new Map([[2030, d(900)]]);
    expectExact(carbonPriceIn(one, 2000), 900);
    expectExact(carbonPriceIn(one, 2100), 900);
  });
  it("keeps thirds exact to 34 digits: 1000 → 2000 over 3 years, 1 year in", () => {
    const p = new Map([
      [2020, d(1000)],
      [2023, d(2000)],
    ]);
    // 1000 + 1000/3 = 1333.333…
    expect(carbonPriceIn(p, 2021).toString()).toBe("1333.333333333333333333333333333333");
  });
});
