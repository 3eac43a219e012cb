/**
 * Laws of the result document on random valid cases against the fixture
 * set: ranking is a permutation, dominance agrees with ranking, every
 * number is finite, and the same case gives the same result.
 *
 * Every law here runs on the same random cases (one seed for the file, a new
 * one each run, printed by fast-check when a law fails), so that a case's
 * evaluation with the same options is made once and read by each law that
 * needs it: five evaluations of a case instead of eight.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { caseSpec, toDoc, type CaseSpec, type DocOptions } from "./case-arbitrary.js";
import { FIXTURE_FACTOR_DIR } from "./fixture-library.js";
import { RUNS, evaluateSpec } from "./property-support.js";

const SAME_CASES = { ...RUNS, seed: Number(process.env.KALKYLE_PROPERTY_SEED) || Math.floor(Math.random() * 0x7fffffff) };

/** Evaluations by the document they were made from (the case as written, and as ranked by the waste pyramid: each read by more than one law). */
const evaluated = new Map<string, ReturnType<typeof evaluateSpec>>();
function evaluateOnce(spec: CaseSpec, o: DocOptions = {}): ReturnType<typeof evaluateSpec> {
  const key = JSON.stringify(toDoc(spec, o));
  let evaluation = evaluated.get(key);
  if (!evaluation) evaluated.set(key, (evaluation = evaluateSpec(spec, o)));
  return evaluation;
}

describe("ranking and dominance", () => {
  it("the order is a permutation of the ids and the rank fields agree with it", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const { core } = evaluateOnce(spec);
        const ids = core.alternatives.map((a) => a.id);
        expect([...core.ranking.order].sort()).toEqual([...ids].sort());
        for (const alt of core.alternatives) expect(core.ranking.order[alt.rank - 1]).toBe(alt.id);
        expect(core.alternatives.map((a) => a.rank).sort((x, y) => x - y)).toEqual(ids.map((_, i) => i + 1));
      }),
      SAME_CASES,
    );
  });

  it("a dominated alternative is never ranked first by the waste pyramid (the default), by emissions nor by lcc", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        for (const ranking of ["waste-pyramid", "emissions", "lcc"] as const) {
          const { core } = ranking === "waste-pyramid" ? evaluateOnce(spec, { ranking }) : evaluateSpec(spec, { ranking });
          const first = core.alternatives.find((a) => a.id === core.ranking.order[0])!;
          expect(first.dominated, `${ranking}: ${first.id} is dominated but first`).toBe(false);
        }
      }),
      SAME_CASES,
    );
  });

  it("waste-pyramid: every undominated alternative ranks above every dominated one, and each level inversion carries a note", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const { core } = evaluateOnce(spec, { ranking: "waste-pyramid" });
        const ranked = core.ranking.order.map((id) => core.alternatives.find((a) => a.id === id)!);
        const firstDominated = ranked.findIndex((a) => a.dominated);
        if (firstDominated >= 0) expect(ranked.slice(firstDominated).every((a) => a.dominated)).toBe(true);
        const level = (a: (typeof ranked)[number]) => (a.wasteLevelSource === "declared" ? ["prevent", "reuse", "recycle", "recover", "dispose"].indexOf(a.wasteLevel!) : 5);
        ranked.forEach((a, i) => {
          const inverted = ranked.slice(0, i).some((above) => level(above) > level(a));
          expect(a.rankNote !== null, `${a.id}: inversion ${inverted}, note ${JSON.stringify(a.rankNote)}`).toBe(inverted);
        });
      }),
      SAME_CASES,
    );
  });
});

describe("totality and determinism", () => {
  function finiteEverywhere(value: unknown, path = "$"): string | null {
    if (typeof value === "number") return Number.isFinite(value) ? null : path;
    if (Array.isArray(value)) return value.map((v, i) => finiteEverywhere(v, `${path}[${i}]`)).find((p) => p !== null) ?? null;
    if (value !== null && typeof value === "object") return Object.entries(value).map(([k, v]) => finiteEverywhere(v, `${path}.${k}`)).find((p) => p !== null) ?? null;
    return null;
  }

  it("no NaN or Infinity anywhere in the result JSON", () => {
    fc.assert(
      fc.property(caseSpec, (spec) => {
        const { result } = evaluateOnce(spec);
        expect(finiteEverywhere(result)).toBeNull();
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      SAME_CASES,
    );
  });

  it("the same case and factor set give a deep-equal result, hash included, after reloading the set", () => {
    const reloaded = loadFactorLibrary(FIXTURE_FACTOR_DIR);
    fc.assert(
      fc.property(caseSpec, (spec) => {
        // the first evaluation is the one the laws above read (the same document, the set loaded once), the second a new one on the reloaded set
        const first = evaluateOnce(spec);
        const second = evaluateDocument(structuredClone(toDoc(spec)), reloaded);
        expect(second.ok).toBe(true);
        if (second.ok) {
          expect(second.result).toEqual(first.result);
          expect((second.result as { factorSetHash: string }).factorSetHash).toBe((first.result as { factorSetHash: string }).factorSetHash);
        }
      }),
      SAME_CASES,
    );
  });
});
