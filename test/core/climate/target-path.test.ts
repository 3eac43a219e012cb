import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../../src/core/decimal.js";
import { targetIn, yearTargets } from "../../../src/core/climate/target-path.js";
import type { TargetPath } from "../../../src/core/climate/types.js";

const shape = (kind: "linear" | "constant-rate", start: [number, string], end: [number, string]): TargetPath => ({
  kind: "shape",
  shape: kind,
  start: { year: start[0], tonnes: start[1] },
  end: { year: end[0], tonnes: end[1] },
});

describe("yearTargets: a straight line from start to end", () => {
  it("100 t in 2020 to 40 t in 2023 falls 20 t a year", () => {
    // (40 − 100) / (2023 − 2020) = −20 t a year
    expect(yearTargets(shape("linear", [2020, "100"], [2023, "40"]))).toEqual([
      { year: 2020, tonnes: "100" },
      { year: 2021, tonnes: "80" },
      { year: 2022, tonnes: "60" },
      { year: 2023, tonnes: "40" },
    ]);
  });
  it("rounds a year that has no finite decimal to 9 decimals, keeps the ends exact", () => {
    // 10 → 0 over 3 years: 10 − 10/3 = 6.666…, 10 − 20/3 = 3.333…
    expect(yearTargets(shape("linear", [2024, "10"], [2027, "0"]))).toEqual([
      { year: 2024, tonnes: "10" },
      { year: 2025, tonnes: "6.666666667" },
      { year: 2026, tonnes: "3.333333333" },
      { year: 2027, tonnes: "0" },
    ]);
  });
  it("gives every calendar year from the first to the last, ends exact (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2099 }), fc.integer({ min: 1, max: 60 }), fc.nat({ max: 10 ** 9 }), fc.nat({ max: 10 ** 9 }), (y0, span, a, b) => {
        const y1 = Math.min(2100, y0 + span);
        const targets = yearTargets(shape("linear", [y0, String(a)], [y1, String(b)]));
        expect(targets.map((t) => t.year)).toEqual(Array.from({ length: y1 - y0 + 1 }, (_, i) => y0 + i));
        expect(targets[0]!.tonnes).toBe(String(a));
        expect(targets.at(-1)!.tonnes).toBe(String(b));
        // each step is (b − a) / (y1 − y0), to the rounding of two figures
        const step = new Decimal(b - a).div(y1 - y0);
        for (let i = 1; i < targets.length; i++) {
          const diff = new Decimal(targets[i]!.tonnes).minus(targets[i - 1]!.tonnes);
          expect(diff.minus(step).abs().lte("0.000000001")).toBe(true);
        }
      }),
    );
  });
});

describe("yearTargets: the same share off every year", () => {
  it("100 t in 2020 to 25 t in 2022 halves each year", () => {
    // 100 × (25/100)^(1/2) = 100 × 0.5 = 50
    expect(yearTargets(shape("constant-rate", [2020, "100"], [2022, "25"]))).toEqual([
      { year: 2020, tonnes: "100" },
      { year: 2021, tonnes: "50" },
      { year: 2022, tonnes: "25" },
    ]);
  });
  it("1000 t in 2019 to 1 t in 2022 falls to a tenth each year", () => {
    // (1/1000)^(1/3) = 0.1 → 100, 10
    expect(yearTargets(shape("constant-rate", [2019, "1000"], [2022, "1"])).map((t) => t.tonnes)).toEqual(["1000", "100", "10", "1"]);
  });
  it("keeps the ratio of one year to the next the same (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 1000, max: 10 ** 6 }), fc.integer({ min: 1000, max: 10 ** 6 }), (y0, span, a, b) => {
        const targets = yearTargets(shape("constant-rate", [y0, String(a)], [y0 + span, String(b)]));
        const ratio = new Decimal(b).div(a).pow(new Decimal(1).div(span));
        for (let i = 1; i < targets.length; i++) {
          const r = new Decimal(targets[i]!.tonnes).div(targets[i - 1]!.tonnes);
          // tonnes ≥ 1000·(1/1000)… rounded to 1e-9: the ratio holds to about 1e-11 relative
          expect(r.minus(ratio).abs().lte("1e-9")).toBe(true);
        }
        expect(targets.at(-1)!.tonnes).toBe(String(b));
      }),
    );
  });
});

describe("yearTargets: given years, straight lines between them", () => {
  it("sorts the years and draws the years between on the line", () => {
    // 2019: 300, 2022: 150 (−50 a year), 2024: 50 (−50 a year)
    const path: TargetPath = { kind: "years", targets: [{ year: 2024, tonnes: "50" }, { year: 2019, tonnes: "300" }, { year: 2022, tonnes: "150" }] };
    expect(yearTargets(path)).toEqual([
      { year: 2019, tonnes: "300" },
      { year: 2020, tonnes: "250" },
      { year: 2021, tonnes: "200" },
      { year: 2022, tonnes: "150" },
      { year: 2023, tonnes: "100" },
      { year: 2024, tonnes: "50" },
    ]);
  });
  it("keeps a given year's tonnes digit for digit", () => {
    const path: TargetPath = { kind: "years", targets: [{ year: 2027, tonnes: "1234.567891234" }] };
    expect(yearTargets(path)).toEqual([{ year: 2027, tonnes: "1234.567891234" }]);
  });
  it("targetIn finds a year's target, null outside the path", () => {
    const targets = yearTargets(shape("linear", [2020, "100"], [2023, "40"]));
    expect(targetIn(targets, 2022)).toBe("60");
    expect(targetIn(targets, 2024)).toBeNull();
  });
});
