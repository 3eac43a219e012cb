/**
 * A law of factors given by year, on ≥ 1 000 random valid cases (with
 * inline factors given for 1–4 calendar years from 2010 to 2080, before,
 * inside and after each case's period): every item's kg CO2e is
 * Σ over its occurrences t of quantity × f(startYear + t) × count, with f
 * computed here on its own in plain numbers (linear between given years,
 * the nearest given year beyond the ends), to 1e-9. An occurrence weighed
 * with another year's value, or a wrong end rule, would break it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkCase } from "../../src/case/evaluate-document.js";
import { itemYears } from "../../src/core/emissions.js";
import { evaluateCase } from "../../src/core/evaluate.js";
import { caseSpec, toDoc } from "../case/case-arbitrary.js";
import { fixtureLibrary, type Json } from "../case/fixture-library.js";
import { RUNS } from "../case/property-support.js";

const SEED = 20261203;

/** The factor in `year` from values given by calendar year: the rule of docs/case-format.md, written again. */
function factorIn(given: Record<string, number>, year: number): number {
  const years = Object.keys(given).map(Number).sort((a, b) => a - b);
  if (year <= years[0]!) return given[years[0]!]!;
  if (year >= years.at(-1)!) return given[years.at(-1)!]!;
  const upper = years.find((y) => y >= year)!;
  const lower = years[years.indexOf(upper) - 1]!;
  return given[lower]! + ((given[upper]! - given[lower]!) * (year - lower)) / (upper - lower);
}

/** kg or t CO2e per unit: the scale of a factor unit's numerator. */
const SCALE: Record<string, number> = { kgCO2e: 1, tCO2e: 1000, gCO2e: 0.001 };

describe("factors given by year, on random cases", () => {
  it(`each item's kg is Σ quantity × factor(startYear + t) × count over its occurrences (${RUNS.numRuns} cases)`, () => {
    let checked = 0;
    const failures: string[] = [];
    fc.sample(caseSpec, { numRuns: RUNS.numRuns, seed: SEED }).forEach((spec, n) => {
      const doc = toDoc(spec);
      const result = checkCase(doc, fixtureLibrary());
      if (!result.ok) throw new Error(`generated case ${n} was refused: ${JSON.stringify(result.problems)}`);
      const { resolved } = result;
      const core = evaluateCase(resolved);
      (doc.alternatives as { emissions: Json[] }[]).forEach((alt, a) =>
        alt.emissions.forEach((written, i) => {
          const factor = written.factor as { byYear?: Record<string, number>; unit?: string };
          if (factor.byYear === undefined) return;
          const item = resolved.alternatives[a]!.emissions[i]!;
          const scale = SCALE[factor.unit!.split("/")[0]!]!;
          const expected = itemYears(item, resolved.years).reduce((kg, t) => kg + item.quantity.toNumber() * factorIn(factor.byYear!, resolved.startYear + t) * scale * item.count.toNumber(), 0);
          const got = core.alternatives[a]!.emissions.items[i]!.kg.toNumber();
          checked++;
          if (!(Math.abs(got - expected) <= 1e-9 * Math.max(1, Math.abs(expected)))) failures.push(`case ${n} ${alt.emissions.length} items, alternative ${a} item ${i}: ${got} vs ${expected} (${JSON.stringify(written)}, start ${resolved.startYear}, N ${resolved.years})`);
        }),
      );
    });
    expect(failures.slice(0, 3)).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  }, 120_000);
});
