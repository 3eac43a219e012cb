/**
 * The target path drawn out year by year: a target for every calendar year
 * from the path's first year to its last (docs/climate.md, "Target path").
 *
 * - "years": the years the adviser gave, in calendar order, with each year
 *   between two given years on the straight line between them
 *   (linear interpolation).
 * - "linear": a straight line from the start to the end,
 *   t(y) = t0 + (t1 − t0) × (y − y0) / (y1 − y0).
 * - "constant-rate": the same share off every year,
 *   t(y) = t0 × (t1 / t0)^((y − y0) / (y1 − y0)), which needs t0, t1 > 0
 *   (parsePlan refuses a plan without).
 *
 * A given year keeps its tonnes exactly; a drawn year is rounded to 9
 * decimals (decimal-text.ts). The path is taken as valid (parsePlan).
 *
 * Example: linear 2020: 100 t → 2023: 40 t gives 2020: 100, 2021: 80,
 * 2022: 60, 2023: 40; constant-rate 2020: 100 → 2022: 25 gives 2020: 100,
 * 2021: 50, 2022: 25.
 */
import { Decimal } from "../decimal.js";
import { decimalText } from "./decimal-text.js";
import type { TargetPath, YearTarget } from "./types.js";

type Point = { year: number; tonnes: Decimal };

/** The straight line through a and b, at `year` (a.year < b.year). */
function onLine(a: Point, b: Point, year: number): Decimal {
  return a.tonnes.plus(b.tonnes.minus(a.tonnes).mul(year - a.year).div(b.year - a.year));
}

/** The same share off every year from a to b, at `year` (a.tonnes, b.tonnes > 0). */
function atConstantRate(a: Point, b: Point, year: number): Decimal {
  const exponent = new Decimal(year - a.year).div(b.year - a.year);
  return a.tonnes.mul(b.tonnes.div(a.tonnes).pow(exponent));
}

/** Every year from the first point to the last, each year between two points drawn by `between`. */
function drawn(points: readonly Point[], between: (a: Point, b: Point, year: number) => Decimal): YearTarget[] {
  const out: YearTarget[] = [{ year: points[0]!.year, tonnes: decimalText(points[0]!.tonnes) }];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    for (let year = a.year + 1; year < b.year; year++) out.push({ year, tonnes: decimalText(between(a, b, year)) });
    out.push({ year: b.year, tonnes: decimalText(b.tonnes) });
  }
  return out;
}

export function yearTargets(path: TargetPath): YearTarget[] {
  if (path.kind === "years") {
    const points = path.targets.map((t) => ({ year: t.year, tonnes: new Decimal(t.tonnes) })).sort((a, b) => a.year - b.year);
    return points.length === 0 ? [] : drawn(points, onLine);
  }
  const ends = [path.start, path.end].map((p) => ({ year: p.year, tonnes: new Decimal(p.tonnes) }));
  return drawn(ends, path.shape === "linear" ? onLine : atConstantRate);
}

/** The target of one calendar year, or null where the path does not reach. */
export function targetIn(targets: readonly YearTarget[], year: number): string | null {
  return targets.find((t) => t.year === year)?.tonnes ?? null;
}
