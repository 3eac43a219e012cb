/**
 * The award section end to end through the case format: every problem at
 * its path with a message in both languages, the reference carbon path
 * (the case's own, else R-109 in the case's kroner), and the result's
 * award block (valid against the result schema, messages in plain words).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { problemMessage, type Problem } from "../../src/case/messages.js";
import { resultSchema } from "../../src/case/result-schema.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

const library = loadFactorLibrary();
const FIXTURE = JSON.parse(readFileSync(new URL("../fixtures/cases/award-bids.json", import.meta.url), "utf8")) as { award: Record<string, unknown>; analysis: Record<string, unknown> } & Record<string, unknown>;
const withAward = (award: Record<string, unknown>, more: Record<string, unknown> = {}) => ({ ...FIXTURE, award, ...more });
const linear = { type: "linear", zeroAt: 2 };

function problemsOf(doc: unknown): Problem[] {
  const e = evaluateDocument(doc, library);
  if (e.ok) throw new Error("expected problems");
  return e.problems;
}
const pathsAndCodes = (doc: unknown) => problemsOf(doc).map((p) => [p.path, p.code]);

describe("award section: problems at their paths", () => {
  it("weights that do not add up to 100 (70 + 20 = 90)", () => {
    const problems = problemsOf(withAward({ criteria: [{ kind: "price", weight: 70, model: linear }, { kind: "climate", weight: 20, model: linear }] }));
    expect(problems).toEqual([{ path: "award.criteria", code: "award-weights-sum", params: { sum: "90" } }]);
    expect(problemMessage(problems[0]!, "nb")).toBe("vektene er til sammen 90 %; de må til sammen være 100 %");
    expect(problemMessage(problems[0]!, "en")).toBe("the weights add up to 90 %; they must add up to 100 %");
  });

  it("no price or LCC; price and LCC both; climate twice", () => {
    expect(pathsAndCodes(withAward({ criteria: [{ kind: "climate", weight: 100, model: linear }] }))).toEqual([["award.criteria", "award-no-cost"]]);
    expect(pathsAndCodes(withAward({ criteria: [{ kind: "price", weight: 50, model: linear }, { kind: "lcc", weight: 50, model: linear }] }))).toEqual([["award.criteria[1].kind", "award-cost-twice"]]);
    expect(pathsAndCodes(withAward({ criteria: [{ kind: "price", weight: 40, model: linear }, { kind: "climate", weight: 30, model: linear }, { kind: "climate", weight: 30, model: linear }] }))).toEqual([["award.criteria[2].kind", "award-climate-twice"]]);
  });

  it("a scored criterion without a model, a quality criterion with one, points on a price criterion", () => {
    expect(pathsAndCodes(withAward({ criteria: [{ kind: "price", weight: 70 }, { kind: "quality", weight: 30, model: linear, points: { A: 1, B: 2, C: 3 } }] }))).toEqual([
      ["award.criteria[0].model", "award-model-required"],
      ["award.criteria[1].model", "award-model-quality"],
    ]);
    expect(pathsAndCodes(withAward({ criteria: [{ kind: "price", weight: 100, model: linear, points: { A: 1 } }] }))).toEqual([["award.criteria[0].points", "award-points-not-quality"]]);
  });

  it("quality points: an unknown bid and points above the maximum are problems; a bid left out is not", () => {
    const problems = problemsOf(withAward({ maxPoints: 5, criteria: [{ kind: "price", weight: 70, model: linear }, { kind: "quality", weight: 30, points: { A: 4, B: 6, X: 1 } }] }));
    expect(problems).toEqual([
      { path: "award.criteria[1].points.B", code: "award-points-above-max", params: { points: "6", max: "5" } },
      { path: "award.criteria[1].points.X", code: "award-quality-unknown", params: { id: "X", options: "A, B, C" } },
    ]);
    expect(problemMessage(problems[1]!, "en")).toBe('"X" is not a bid in the case (available: A, B, C)');
  });

  it("quality points left out for some bids: the case evaluates without an award block and warns, naming the bids", () => {
    const doc = structuredClone(withAward({ criteria: [{ kind: "price", weight: 70, model: linear }, { kind: "quality", weight: 30, points: { A: 4 } }] })) as unknown as { alternatives: { name: string }[] };
    // a bid whose name is its id is named once
    doc.alternatives[2]!.name = "C";
    const e = evaluateDocument(doc, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    expect(e.resolved.award).toBeUndefined();
    expect(e.core.award).toBeUndefined();
    expect(e.result).not.toHaveProperty("award");
    expect(resultSchema.safeParse(e.result).success).toBe(true);
    const warning = e.result.warnings.find((w) => w.code === "award-quality-missing");
    expect(warning).toEqual({
      path: "award.criteria[1].points",
      code: "award-quality-missing",
      message: {
        nb: "Tildelingen er ikke regnet ut: kvalitetspoeng mangler for «Tilbud B» (B) og «C». Gi poengene på tildelingssiden.",
        en: 'The award is not computed: quality points are missing for "Tilbud B" (B) and "C". Give the points on the award page.',
      },
    });
    // with every bid's points the award is computed and the warning is gone
    const full = evaluateDocument(withAward({ criteria: [{ kind: "price", weight: 70, model: linear }, { kind: "quality", weight: 30, points: { A: 4, B: 5, C: 6 } }] }), library);
    if (!full.ok) throw new Error(JSON.stringify(full.problems));
    expect(full.resolved.award).toBeDefined();
    expect(full.result.warnings.map((w) => w.code)).not.toContain("award-quality-missing");
  });

  it("a linear zero point of 1 (the schema asks more than 1) is said as «greater than 1», not «at least 1»", () => {
    const problems = problemsOf(withAward({ criteria: [{ kind: "price", weight: 70, model: linear }, { kind: "climate", weight: 30, model: { type: "linear", zeroAt: 1 } }] }));
    expect(problems).toEqual([{ path: "award.criteria[1].model.zeroAt", code: "too-small-exclusive", params: { min: "1" } }]);
    expect(problemMessage(problems[0]!, "nb")).toBe("må være større enn 1");
    expect(problemMessage(problems[0]!, "en")).toBe("must be greater than 1");
    // an inclusive minimum still reads "at least": analysis.years is min(1)
    const years = problemsOf({ ...FIXTURE, analysis: { ...FIXTURE.analysis, years: 0 } });
    expect(years.map((p) => [p.path, p.code, problemMessage(p, "en")])).toEqual([["analysis.years", "too-small", "must be at least 1"]]);
  });

  it("interval bands: limits not ascending, points rising, points above the maximum", () => {
    const bands = [{ upTo: 100, points: 8 }, { upTo: 100, points: 9 }, { upTo: 300, points: 11 }];
    expect(pathsAndCodes(withAward({ criteria: [{ kind: "price", weight: 100, model: { type: "intervals", bands } }] }))).toEqual([
      ["award.criteria[0].model.bands[1].upTo", "award-bands-order"],
      ["award.criteria[0].model.bands[1].points", "award-bands-points"],
      ["award.criteria[0].model.bands[2].points", "award-points-above-max"],
    ]);
  });

  it("scoring on marked-up emissions without data-quality mark-ups", () => {
    expect(pathsAndCodes(withAward({ ...FIXTURE.award, useMarkedUp: true }))).toEqual([["award.useMarkedUp", "award-marked-up-needs-markup"]]);
  });
});

describe("award block in the result", () => {
  it("the 70/30 fixture: valid against the result schema, B first, 100 000/7 kr/t between each pair, far above R-109", () => {
    const e = evaluateDocument(FIXTURE, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const award = resultSchema.parse(e.result).award!;
    expect(award.bids.map((b) => [b.id, b.total, b.rank])).toEqual([
      ["A", 8, 2],
      ["B", 8.3, 1],
      ["C", 7.9, 3],
    ]);
    expect(award.criteria).toEqual([
      { kind: "price", weight: 70, model: { type: "linear", zeroAt: 2 } },
      { kind: "climate", weight: 30, model: { type: "linear", zeroAt: 2 } },
    ]);
    expect(award.impliedCarbonPrices.map((p) => p.nokPerTonne)).toEqual([100_000 / 7, 100_000 / 7]);
    expect(award.reference.source).toBe("r109");
    expect(award.reference.year).toBe(2026);
    expect(award.notes.map((n) => n.code)).toEqual(["carbon-price-far-above", "carbon-price-far-above", "ranking-differs"]);
    const ratio = (100_000 / 7 / award.reference.nokPerTonne).toFixed(1);
    expect(award.notes[0]!.message.nb).toMatch(new RegExp(`^Vektingen priser et tonn CO2e mellom tilbud C og B til 14\u00a0286 kr, ${ratio.replace(".", ",")} ganger R-109-banens [\\d\u00a0]+ kr i 2026\\.$`));
    expect(award.notes[0]!.message.en).toMatch(/^The weighting prices a tonne of CO2e between bids C and B at NOK 14,286, [\d.]+ times the R-109 path's NOK [\d,]+ in 2026\.$/);
    expect(award.impliedCarbonPrices[0]!.message!.nb).toBe("Vektingen priser et tonn CO2e mellom tilbud C og B til 14\u00a0286 kr.");
  });

  it("the case's own carbon path is the reference: 1 000 kr/t in 2026 rising to 2 000 in 2036", () => {
    const e = evaluateDocument({ ...FIXTURE, analysis: { ...FIXTURE.analysis, carbonPrice: { "2026": 1000, "2036": 2000 } } }, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    expect(e.result.award!.reference).toEqual({ source: "case", year: 2026, nokPerTonne: 1000, min: 1000, max: 2000 });
    expect(e.result.award!.notes[0]!.message.en).toContain("14.3 times the case's carbon price of NOK 1,000 in 2026");
  });

  it("price is the present value of acquisition and installation only; a case without award has no block", () => {
    const doc = structuredClone(FIXTURE) as unknown as { alternatives: { costs: unknown[] }[] };
    doc.alternatives[0]!.costs.push({ label: "Montering", kind: "installation", amount: "50000 NOK" }, { label: "Service", kind: "maintenance", amount: "10000 NOK", at: 1 });
    const e = evaluateDocument(doc, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    expect(e.result.award!.bids[0]!.values.price).toBe(1_050_000);
    const plain = evaluateDocument({ ...FIXTURE, award: undefined }, library);
    if (!plain.ok) throw new Error(JSON.stringify(plain.problems));
    expect(plain.result.award).toBeUndefined();
  });
});

describe("the example tender (examples/tilbud-kontorstoler.json)", () => {
  it("the renovated chairs win on points though the cheapest bid wins on LCC with carbon cost; the weighting prices carbon far above R-109", () => {
    const doc: unknown = JSON.parse(readFileSync(new URL("../../examples/tilbud-kontorstoler.json", import.meta.url), "utf8"));
    const e = evaluateDocument(doc, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const award = e.result.award!;
    expect(award.rankings.points).toEqual(["C", "A", "B"]);
    expect(award.rankings.emissions).toEqual(["C", "B", "A"]);
    expect(award.rankings.lccWithCarbon).toEqual(["A", "B", "C"]);
    // price = acquisition + installation in year 0: 912 000, 996 000 and 1 044 000 kr
    expect(award.bids.map((b) => b.values.price)).toEqual([912_000, 996_000, 1_044_000]);
    // A is the cheapest: price points 10, B 10 × (1 824 000 − 996 000)/912 000, C 10 × (1 824 000 − 1 044 000)/912 000
    expect(award.bids[1]!.points.price).toBeCloseTo((10 * 828_000) / 912_000, 12);
    expect(award.bids[2]!.points.price).toBeCloseTo((10 * 780_000) / 912_000, 12);
    expect(award.notes.map((n) => n.code)).toEqual(["carbon-price-far-above", "carbon-price-far-above", "ranking-differs"]);
  });
});

describe("a pair with equal climate points", () => {
  it("is said in plain words to get the same climate points, so its CO2e is not priced: no «far below» wording", () => {
    // Climate in intervals: every bid within 100 t gets 10 points, so C and B are not told apart by their CO2e.
    const doc = withAward({ criteria: [{ kind: "price", weight: 70, model: linear }, { kind: "climate", weight: 30, model: { type: "intervals", bands: [{ upTo: 100, points: 10 }] } }] });
    const e = evaluateDocument(doc, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const award = e.result.award!;
    expect(award.impliedCarbonPrices.map((p) => [p.lower, p.higher, p.nokPerTonne, p.reason])).toEqual([
      ["C", "B", 0, "same-points"],
      ["B", "A", 0, "same-points"],
    ]);
    const nb = "Tilbud C og B får like mange klimapoeng, for eksempel fordi begge er forbi punktet der klimapoengene blir null eller ligger i samme intervall, så vektingen setter ingen pris på CO2e-en mellom dem.";
    const en = "Bids C and B get the same climate points, for example because both are past the point where the climate points reach zero or in the same band, so the weighting puts no price on the CO2e between them.";
    // the core names such a pair's note itself: no price, not a price far below the reference
    expect(award.notes.slice(0, 2).map((n) => n.code)).toEqual(["carbon-price-none", "carbon-price-none"]);
    expect(award.notes[0]!.message).toEqual({ nb, en });
    expect(award.impliedCarbonPrices[0]!.message).toEqual({ nb, en });
    for (const m of [...award.notes.map((n) => n.message), ...award.impliedCarbonPrices.map((p) => p.message!)]) {
      expect(m.nb).not.toMatch(/halvparten|0 kr|bare/);
      expect(m.en).not.toMatch(/less than half|NOK 0|only/);
    }
  });
});

describe("scoring on marked-up CO2e", () => {
  it("ranks by emissions on the marked-up CO2e, the same order the implied-price pairs follow; declared CO2e otherwise", () => {
    // A 50 t from a verified EPD (never marked up), B 40 t and C 30 t generic, marked up 50 %: B 60 t, C 45 t
    const doc = structuredClone(FIXTURE) as unknown as { alternatives: { emissions: Record<string, unknown>[] }[] } & Record<string, unknown>;
    doc.alternatives[0]!.emissions[0]!.epd = { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS" };
    const marked = { ...doc, dataQuality: { markup: { generic: 0.5 } }, award: { ...FIXTURE.award, useMarkedUp: true } };
    const e = evaluateDocument(marked, library);
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const award = e.result.award!;
    expect(award.rankings.emissions).toEqual(["C", "A", "B"]);
    expect(award.impliedCarbonPrices.map((p) => [p.lower, p.higher])).toEqual([
      ["C", "A"],
      ["A", "B"],
    ]);
    const plain = evaluateDocument({ ...marked, award: FIXTURE.award }, library);
    if (!plain.ok) throw new Error(JSON.stringify(plain.problems));
    expect(plain.result.award!.rankings.emissions).toEqual(["C", "B", "A"]);
  });
});
