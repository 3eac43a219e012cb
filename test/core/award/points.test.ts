import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { modelPoints } from "../../../src/core/award/points.js";
import type { AwardModel } from "../../../src/core/types.js";
import { expectClose, expectExact } from "../expect-decimal.js";

const d = (v: string | number) => new Decimal(v);
const M = d(10);
const linear = (zeroAt: number): AwardModel => ({ type: "linear", zeroAt: d(zeroAt) });
const proportional: AwardModel = { type: "proportional" };
const bands: AwardModel = { type: "intervals", bands: [{ upTo: d(100), points: d(10) }, { upTo: d(200), points: d(6) }] };

describe("award points per model", () => {
  it("linear: best 100, zero at 2 × best, a bid at 150 gets 10 × (200 − 150) / 100 = 5", () => {
    expectExact(modelPoints(linear(2), d(150), d(100), M), 5);
    expectExact(modelPoints(linear(2), d(100), d(100), M), 10);
    expectExact(modelPoints(linear(2), d(200), d(100), M), 0);
  });

  it("linear clips at 0 beyond the zero point: 250 against best 100, zero at 2 → 0, not −5", () => {
    expectExact(modelPoints(linear(2), d(250), d(100), M), 0);
  });

  it("linear with zero at 1.5: 120 against 100 → 10 × (150 − 120) / 50 = 6", () => {
    expectExact(modelPoints(linear(1.5), d(120), d(100), M), 6);
  });

  it("proportional: best 100, a bid at 125 → 10 × 100 / 125 = 8; at 300 → 3.33…", () => {
    expectExact(modelPoints(proportional, d(125), d(100), M), 8);
    expectClose(modelPoints(proportional, d(300), d(100), M), "3.333333333333333333333333333333333");
  });

  it("intervals: the first band with value ≤ upTo gives its points, above the last band 0", () => {
    expectExact(modelPoints(bands, d(100), d(50), M), 10);
    expectExact(modelPoints(bands, d(150), d(50), M), 6);
    expectExact(modelPoints(bands, d(200), d(50), M), 6);
    expectExact(modelPoints(bands, d("200.01"), d(50), M), 0);
  });

  it("best ≤ 0 under linear or proportional: the best bid gets all points, every other bid 0", () => {
    expectExact(modelPoints(linear(2), d(0), d(0), M), 10);
    expectExact(modelPoints(linear(2), d(10), d(0), M), 0);
    expectExact(modelPoints(proportional, d(-5), d(-5), M), 10);
    expectExact(modelPoints(proportional, d(0), d(-5), M), 0);
  });

  it("points never pass the maximum, whatever the maximum is (100 points here)", () => {
    expect(modelPoints(proportional, d(100), d(100), d(100)).toNumber()).toBe(100);
  });
});
