/**
 * The result schema describes `kalkyle.result/1` exactly as resultJson
 * writes it: every example in examples/ evaluated against the bundled
 * factor set parses, and so does the result of each of 300 random valid
 * cases against the fixture set (generated and evaluated once, with a
 * fixed seed); a result broken by hand is refused, naming the place.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { resultSchema, type ResultDocument } from "../../src/case/result-schema.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { caseSpec, toDoc } from "./case-arbitrary.js";
import { caseWith, evaluateOk, fixtureLibrary } from "./fixture-library.js";

const SEED = 20261202;
const RANDOM_CASES = 300;
const EXAMPLES = new URL("../../examples/", import.meta.url).pathname;

/** Where the schema refuses a document, as `path: message`. */
function refusals(document: unknown): string[] {
  const parsed = resultSchema.safeParse(document);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

/** A JSON copy, as the store keeps it. */
const stored = (result: ResultDocument): Record<string, unknown> => JSON.parse(JSON.stringify(result)) as Record<string, unknown>;

describe("every example, evaluated against the bundled factor set", () => {
  const files = readdirSync(EXAMPLES).filter((f) => f.endsWith(".json")).sort();

  it.each(files)("%s gives a result the schema accepts, as written and as read back from JSON", (file) => {
    const evaluation = evaluateDocument(JSON.parse(readFileSync(`${EXAMPLES}${file}`, "utf8")), loadFactorLibrary());
    if (!evaluation.ok) throw new Error(`${file}: ${JSON.stringify(evaluation.problems)}`);
    expect(refusals(evaluation.result)).toEqual([]);
    expect(resultSchema.parse(stored(evaluation.result))).toEqual(evaluation.result);
  });
});

describe(`the results of ${RANDOM_CASES} random valid cases (seed ${SEED})`, () => {
  const generated = fc.record({
    spec: caseSpec,
    years: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.integer({ min: 31, max: 110 }), weight: 1 }),
    r109: fc.oneof({ arbitrary: fc.constant(false), weight: 3 }, { arbitrary: fc.constant(true), weight: 1 }),
  });
  let results: { label: string; result: ResultDocument }[];
  beforeAll(() => {
    results = fc.sample(generated, { numRuns: RANDOM_CASES, seed: SEED }).map(({ spec, years, r109 }, i) => {
      const doc = toDoc(spec, { years, r109 });
      const evaluation = evaluateDocument(doc, fixtureLibrary());
      if (!evaluation.ok) throw new Error(`generated case ${i} was refused: ${JSON.stringify(evaluation.problems)}`);
      return { label: `random case ${i}: ${JSON.stringify(doc)}`, result: evaluation.result };
    });
  });

  it("every one parses, read back from JSON, to the same document", () => {
    const failures = results.map((r) => ({ label: r.label, refusals: refusals(stored(r.result)).slice(0, 5) })).filter((f) => f.refusals.length > 0);
    expect(failures.slice(0, 3), `${failures.length} of ${results.length} refused`).toEqual([]);
    for (const r of results) expect(resultSchema.parse(stored(r.result)), r.label).toEqual(r.result);
  });

  it("reach the optional parts: carbon prices, a bundled path, rank notes, suggested levels, spend notes, warnings, R-109", () => {
    const count = (test: (r: ResultDocument) => boolean) => results.filter((r) => test(r.result)).length;
    const reached = {
      carbonPrice: count((r) => r.analysis.carbonPrice !== undefined),
      carbonPricePath: count((r) => r.analysis.carbonPricePath !== undefined),
      carbonCost: count((r) => r.alternatives.some((a) => a.lcc.carbonCostPresentValue !== undefined)),
      rankNote: count((r) => r.alternatives.some((a) => a.rankNote !== null)),
      suggestion: count((r) => r.alternatives.some((a) => a.wasteLevelSuggestion !== null)),
      spend: count((r) => r.notes.length > 0 && r.alternatives.some((a) => a.emissions.items.some((i) => i.spend !== undefined))),
      warnings: count((r) => r.warnings.length > 0),
      noAbatementCost: count((r) => r.comparison.some((c) => c.abatementCostPerTonne === null)),
      r109: count((r) => r.analysis.discountRateSource === "r109-declining"),
    };
    for (const [what, n] of Object.entries(reached)) expect(n, `${what}: ${JSON.stringify(reached)}`).toBeGreaterThan(0);
  });
});

describe("a result broken by hand is refused, naming the place", () => {
  const chairs = () =>
    stored(
      evaluateOk(
        caseWith(
          [
            { emissions: [{ kind: "waste", factor: "waste.paper.recycling", quantity: "500 kg", existingStock: true }], costs: [{ kind: "acquisition", amount: 1000 }] },
            { emissions: [{ kind: "material", factor: "mat.wood", quantity: "100 kg" }], costs: [{ kind: "acquisition", amount: 2000 }] },
          ],
          { carbonPrice: { "2024": 1000 } },
        ),
      ).result,
    );
  type Broken = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- broken on purpose

  it("the unbroken document parses (existing stock and a carbon price included)", () => {
    const good = chairs() as Broken;
    expect(good.alternatives[0].emissions.items[0].existingStock).toBe(true);
    expect(good.alternatives[0].lcc.carbonCostPresentValue).toBeTypeOf("number");
    expect(refusals(good)).toEqual([]);
  });

  it("a missing field: alternatives.1.lcc.presentValue", () => {
    const broken = chairs() as Broken;
    delete broken.alternatives[1].lcc.presentValue;
    expect(refusals(broken)).toEqual([expect.stringMatching(/^alternatives\.1\.lcc\.presentValue: /)]);
  });

  it("NaN and Infinity as figures: alternatives.0.emissions.totalKg and comparison.0.deltaKg", () => {
    const broken = chairs() as Broken;
    broken.alternatives[0].emissions.totalKg = Number.NaN;
    broken.comparison[0].deltaKg = Number.POSITIVE_INFINITY;
    expect(refusals(broken).map((r) => r.split(":")[0])).toEqual(["alternatives.0.emissions.totalKg", "comparison.0.deltaKg"]);
  });

  it("an unknown rank method: ranking.method", () => {
    const broken = chairs() as Broken;
    broken.ranking.method = "cheapest";
    expect(refusals(broken)).toEqual([expect.stringMatching(/^ranking\.method: /)]);
  });

  it("an extra field: alternatives.0.emissions.items.0 has \"note\"", () => {
    const broken = chairs() as Broken;
    broken.alternatives[0].emissions.items[0].note = "x";
    expect(refusals(broken)).toEqual([expect.stringMatching(/^alternatives\.0\.emissions\.items\.0: .*"note"/)]);
  });

  it("another format version: schema", () => {
    const broken = chairs() as Broken;
    broken.schema = "kalkyle.result/2";
    expect(refusals(broken)).toEqual([expect.stringMatching(/^schema: /)]);
  });

  it("a carbon cost without the present value with carbon: alternatives.0.lcc.presentValueWithCarbon", () => {
    const broken = chairs() as Broken;
    delete broken.alternatives[0].lcc.presentValueWithCarbon;
    expect(refusals(broken)).toEqual([expect.stringMatching(/^alternatives\.0\.lcc\.presentValueWithCarbon: /)]);
  });

  it("a stage missing from byStage: alternatives.0.emissions.byStage.D", () => {
    const broken = chairs() as Broken;
    delete broken.alternatives[0].emissions.byStage.D;
    expect(refusals(broken)).toEqual([expect.stringMatching(/^alternatives\.0\.emissions\.byStage\.D: /)]);
  });
});
