/**
 * The comparison page's answer in words (compare-answer.ts) for small cases
 * on the fixture factors (mat.wood 0.5 kg CO2e per kg, 0 % discount), and
 * the names on the charts: whole names, wrapped, never ids or cut short.
 */
import { describe, expect, it } from "vitest";
import { answerOf } from "../../../src/case/answer.js";
import type { Lang } from "../../../src/case/messages.js";
import type { StoredEvaluation } from "../../../src/web/evaluation.js";
import { answerModel } from "../../../src/web/view-models/compare-answer.js";
import { labelLines } from "../../../src/web/view-models/compare-charts.js";
import { compareModel } from "../../../src/web/view-models/compare.js";
import { caseWith, evaluateOk, fixtureLibrary, type Json } from "../../case/fixture-library.js";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";

/** `kg` of wood (0.5 kg CO2e/kg) bought for `nok` in year 0. */
const alt = (name: string, kg: number, nok: number, extra: Json = {}) => ({
  name,
  emissions: [{ kind: "material", factor: "mat.wood", quantity: `${kg} kg` }],
  costs: [{ kind: "acquisition", amount: nok }],
  ...extra,
});

function words(alternatives: Json[], lang: Lang, top: Json = {}) {
  const e = evaluateOk(caseWith(alternatives, { discountRate: 0 }, top));
  const names = new Map(e.core.alternatives.map((a) => [a.id, a.name]));
  return answerModel(answerOf(e.core, { baseline: e.resolved.baseline, startYear: e.resolved.startYear }), (id) => names.get(id)!, e.resolved.years, lang);
}

const figures = (model: ReturnType<typeof words>) => Object.fromEntries(model.figures.map((f) => [f.term, f.value]));

describe("the answer sentences", () => {
  // A: 20 000 kg → 10 t, NOK 100 000; B: 13 000 kg → 6.5 t, NOK 112 000
  const dearerCleaner = [alt("Nye stoler", 20000, 100000), alt("Ombrukte stoler", 13000, 112000)];

  it("an alternative that costs more but emits less: the extra cost and the cost per tonne avoided (12 000 / 3.5 = 3 428.57), in bokmål", () => {
    const model = words(dearerCleaner, "nb", { ranking: "emissions" });
    expect(model.sentences).toEqual([
      "«Ombrukte stoler» anbefales når alternativene rangeres etter utslipp: det slipper ut 3,50 t CO2e mindre enn det nest beste, «Nye stoler».",
      "Det unngår 3,50 t CO2e (35\u00a0%), men koster 12\u00a0000 kr mer i nåverdi over 10 år, sammenlignet med referansen, «Nye stoler».",
      "Det tilsvarer 3\u00a0429 kr per tonn CO2e unngått.",
    ]);
    expect(figures(model)).toEqual({
      Anbefalt: "Ombrukte stoler",
      Referanse: "Nye stoler",
      "CO2e mot referansen": "3,50 t mindre (35\u00a0%)",
      "Kostnad over perioden mot referansen (nåverdi)": "12\u00a0000 kr mer",
      Tiltakskost: "3\u00a0429 kr per tonn CO2e unngått",
      Tilbakebetaling: "betaler seg ikke tilbake innen perioden",
    });
  });

  it("the same in English, with the period's years counted by the plural rules", () => {
    const model = words(dearerCleaner, "en", { ranking: "emissions" });
    expect(model.sentences[0]).toBe("“Ombrukte stoler” is recommended when the alternatives are ranked by emissions: it emits 3.50 t CO2e less than the next best, “Nye stoler”.");
    expect(model.sentences[1]).toBe("It avoids 3.50 t CO2e (35%) but costs NOK 12,000 more in present value over 10 years, compared with the baseline, “Nye stoler”.");
    expect(model.sentences[2]).toBe("That is NOK 3,429 per tonne CO2e avoided.");
    const oneYear = evaluateOk(caseWith(dearerCleaner, { discountRate: 0, years: 1 }, { ranking: "emissions" }));
    const names = new Map(oneYear.core.alternatives.map((a) => [a.id, a.name]));
    const short = answerModel(answerOf(oneYear.core, { baseline: "A", startYear: 2024 }), (id) => names.get(id)!, 1, "en");
    expect(short.sentences[1]).toContain("over 1 year,");
  });

  it("ranked with carbon cost: the headline's difference includes it, the sentence and figure against the baseline say theirs does not", () => {
    const e = evaluateOk(caseWith([alt("Nye stoler", 20000, 100000), alt("Ombrukte stoler", 16000, 90000)], { discountRate: 0, carbonPrice: { "2024": 1000 } }, { ranking: "lcc-with-carbon" }));
    const names = new Map(e.core.alternatives.map((a) => [a.id, a.name]));
    const model = answerModel(answerOf(e.core, { baseline: e.resolved.baseline, startYear: e.resolved.startYear }), (id) => names.get(id)!, e.resolved.years, "nb");
    // 10 000 kr cheaper, and 2 t less at 1 000 kr/t: 12 000 kr with carbon cost
    expect(model.sentences[0]).toContain("koster 12\u00a0000 kr mindre i nåverdi med karbonkostnaden");
    expect(model.sentences[1]).toBe("Det unngår 2,00 t CO2e (20\u00a0%) og sparer 10\u00a0000 kr i nåverdi over 10 år uten karbonkostnad, sammenlignet med referansen, «Nye stoler».");
    expect(figures(model)["Kostnad over perioden mot referansen (nåverdi uten karbonkostnad)"]).toBe("10\u00a0000 kr spart");
  });

  it("cheaper and cleaner: it saves, and is cheaper from the start", () => {
    const model = words([alt("Nye stoler", 20000, 100000), alt("Ombrukte stoler", 16000, 90000)], "nb", { ranking: "lcc" });
    expect(model.sentences).toEqual([
      "«Ombrukte stoler» anbefales når alternativene rangeres etter livssykluskostnad: det koster 10\u00a0000 kr mindre i nåverdi over perioden enn det nest beste, «Nye stoler».",
      "Det unngår 2,00 t CO2e (20\u00a0%) og sparer 10\u00a0000 kr i nåverdi over 10 år, sammenlignet med referansen, «Nye stoler».",
    ]);
    expect(figures(model).Tilbakebetaling).toBe("billigere fra start");
  });

  it("the baseline recommended: no alternative beats it, why, and the next best's figures against it", () => {
    const model = words(dearerCleaner, "nb", { ranking: "lcc" });
    expect(model.sentences[0]).toBe("Ingen av alternativene slår referansen, «Nye stoler», når de rangeres etter livssykluskostnad: referansen koster 12\u00a0000 kr mindre i nåverdi over perioden enn det nest beste, «Ombrukte stoler».");
    expect(model.sentences[1]).toBe("Det nest beste, «Ombrukte stoler», unngår 3,50 t CO2e (35\u00a0%), men koster 12\u00a0000 kr mer i nåverdi over 10 år, sammenlignet med referansen.");
    expect(figures(model)).toMatchObject({ Anbefalt: "Nye stoler (referansen)", "Nest beste": "Ombrukte stoler", "Nest beste: CO2e mot referansen": "3,50 t mindre (35\u00a0%)" });
    expect(words(dearerCleaner, "en", { ranking: "lcc" }).sentences[0]).toMatch(/^No alternative beats the baseline, “Nye stoler”, when they are ranked by lifecycle cost: the baseline costs NOK 12,000 less/);
  });

  it("a tie says so: equal on every key, first only because it was entered first", () => {
    const model = words([alt("Nye stoler", 20000, 100000), alt("Andre nye stoler", 20000, 100000)], "en", { ranking: "emissions" });
    expect(model.sentences[0]).toBe("“Nye stoler” and “Andre nye stoler” are level on emissions and lifecycle cost when the alternatives are ranked by emissions; “Nye stoler” comes first only because it was entered first.");
    expect(model.sentences[1]).toBe("The next best, “Andre nye stoler”, has the same emissions and costs the same in present value over 10 years, compared with the baseline.");
  });

  it("by the waste pyramid: dominance, with the better level it outranks named by its rank note", () => {
    // Ombruk (reuse) 10 t / NOK 100 000 is dominated by Nye (dispose) 6.5 t / NOK 90 000
    const model = words([alt("Ombruk", 20000, 100000, { wasteLevel: "reuse" }), alt("Nye", 13000, 90000, { wasteLevel: "dispose" })], "nb");
    expect(model.sentences.slice(0, 2)).toEqual([
      "«Nye» anbefales når alternativene rangeres etter avfallspyramiden: det er minst like godt som hvert av de andre alternativene på både utslipp og livssykluskostnad, og bedre på minst én av dem.",
      "«Ombruk» står høyere i avfallspyramiden, men er dominert av «Nye»: 3,5 t mer CO2e og 10\u00a0000 kr mer.",
    ]);
  });

  it("a tie on the level is named after the deciding key", () => {
    const model = words([alt("Ombruk A", 20000, 90000, { wasteLevel: "reuse" }), alt("Ombruk B", 13000, 100000, { wasteLevel: "reuse" })], "en");
    expect(model.sentences[0]).toBe("“Ombruk B” is recommended when the alternatives are ranked by the waste pyramid: it emits 3.50 t CO2e less than the next best, “Ombruk A”; the two are level on waste-pyramid level.");
  });

  it("one alternative: nothing to compare, and its own figures", () => {
    const model = words([alt("Nye stoler", 20000, 100000)], "nb");
    expect(model.sentences).toEqual(["Saken har bare ett alternativ, «Nye stoler», så det er ingenting å sammenligne med.", "Over 10 år slipper det ut 10,00 t CO2e og koster 100\u00a0000 kr i nåverdi."]);
    expect(figures(model)).toEqual({ "Eneste alternativ": "Nye stoler", "Utslipp over perioden": "10,00 t CO2e", "Livssykluskostnad (nåverdi)": "100\u00a0000 kr" });
  });
});

describe("names on the charts and in the page title", () => {
  it("wraps a name into lines of at most 20 characters between words, and never cuts it", () => {
    expect(labelLines("Ombrukte stoler med nytt trekk")).toEqual(["Ombrukte stoler med", "nytt trekk"]);
    expect(labelLines("Kort")).toEqual(["Kort"]);
    // a word longer than a line keeps a line of its own, whole
    expect(labelLines("Dieselvarebilerleveranse tre ganger")).toEqual(["Dieselvarebilerleveranse", "tre ganger"]);
    const name = "Samlastet levering 2 ganger i uka, elektriske varebiler (som i dag)";
    expect(labelLines(name).join(" ")).toBe(name);
    expect(labelLines(name).every((l) => l.length <= 20)).toBe(true);
  });

  it("the charts carry the names, never the ids, and the page title names the page and the case", () => {
    const doc = caseWith([alt("Samlastet levering 2 ganger i uka, elektriske varebiler", 20000, 100000), alt("Ombrukte stoler", 13000, 112000)]);
    const stored = { id: "case-9", title: "Stoler til rådhuset", alternatives: 2, version: 1, updatedAt: "", createdAt: "", document: doc };
    const evaluated: StoredEvaluation = { stored, evaluation: evaluateDocument(doc, fixtureLibrary()), computedAt: "" };
    const model = compareModel(evaluated, "nb");
    if (!model.ok) throw new Error("expected a result");
    expect(model.pageTitle).toBe("Sammenligning: Stoler til rådhuset");
    // in ranked order: Ombrukte stoler (6.5 t) before the 10 t alternative
    expect(model.stageChart.labels).toEqual([["Ombrukte stoler"], ["Samlastet levering 2", "ganger i uka,", "elektriske varebiler"]]);
    expect(model.costChart.datasets.map((d) => d.label)).toEqual(["Ombrukte stoler", "Samlastet levering 2 ganger i uka, elektriske varebiler"]);
    expect(JSON.stringify([model.stageChart, model.costChart])).not.toMatch(/"A"|"B"|"A – |"B – /);
    expect(compareModel(evaluated, "en").pageTitle).toBe("Comparison: Stoler til rådhuset");
  });
});
