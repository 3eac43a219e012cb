import { describe, expect, it } from "vitest";
import { Decimal, addTo, sum, zeros } from "../../src/core/decimal.js";

describe("the Decimal clone", () => {
  it("adds 0.1 + 0.2 to exactly 0.3 (no binary rounding)", () => {
    expect(new Decimal("0.1").plus("0.2").toString()).toBe("0.3");
  });
  it("keeps 34 significant digits: 1/3", () => {
    expect(new Decimal(1).div(3).toString()).toBe("0." + "3".repeat(34));
  });
  it("rounds half to even at the 34th digit", () => {
    // 35 significant digits ending in 5: the 34th digit (even 2) stays
    expect(new Decimal("1.0000000000000000000000000000000025").plus(0).toString()).toBe("1.000000000000000000000000000000002");
  });
  it("writes small numbers without exponent notation", () => {
    expect(new Decimal("0.000000001").toString()).toBe("0.000000001");
  });
});

describe("sum, addTo, zeros", () => {
  it("the empty sum is 0", () => {
    expect(sum([]).toString()).toBe("0");
  });
  it("adds exactly: 0.1 ten times is 1", () => {
    expect(sum(Array.from({ length: 10 }, () => new Decimal("0.1"))).toString()).toBe("1");
  });
  it("addTo creates a bucket at 0 and accumulates", () => {
    const buckets = new Map<string, Decimal>();
    addTo(buckets, "a", new Decimal(2));
    addTo(buckets, "a", new Decimal("0.5"));
    addTo(buckets, "b", new Decimal(1));
    expect([...buckets].map(([k, v]) => [k, v.toString()])).toEqual([
      ["a", "2.5"],
      ["b", "1"],
    ]);
  });
  it("zeros gives one zero per year slot", () => {
    expect(zeros(3).map(String)).toEqual(["0", "0", "0"]);
    expect(zeros(0)).toEqual([]);
  });
});
