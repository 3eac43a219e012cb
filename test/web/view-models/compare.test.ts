/**
 * The comparison view model against the result document: every table of the
 * page agrees with `kalkyle.result/1` (the same figures as the CLI and the
 * API), stage rows sum to the totals, and each chart carries exactly the
 * figures of the table beside it.
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";
import type { Lang } from "../../../src/case/messages.js";
import { loadExampleCases } from "../../../src/examples.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import type { StoredEvaluation } from "../../../src/web/evaluation.js";
import { compareText } from "../../../src/web/i18n/compare.js";
import { exportTables } from "../../../src/web/exports/tables.js";
import { compareModel } from "../../../src/web/view-models/compare.js";
import { reportModel, utcStamp } from "../../../src/web/view-models/report.js";
import type { ResultJson } from "../../case/fixture-library.js";

const library = loadFactorLibrary();
const examples = loadExampleCases();
const COMPUTED_AT = "2026-03-01T09:15:30.000Z";

function evaluated(document: Record<string, unknown>): StoredEvaluation {
  const stored = { id: "case-1", title: String(document.title), alternatives: 0, version: 3, updatedAt: COMPUTED_AT, createdAt: COMPUTED_AT, document };
  return { stored, evaluation: evaluateDocument(document, library), computedAt: COMPUTED_AT };
}

function okModel(document: Record<string, unknown>, lang: Lang = "nb") {
  const e = evaluated(document);
  if (!e.evaluation.ok) throw new Error(`example does not evaluate: ${JSON.stringify(e.evaluation.problems)}`);
  const model = compareModel(e, lang);
  if (!model.ok) throw new Error("expected a result model");
  return { model, result: e.evaluation.result as unknown as ResultJson & { alternatives: { name: string }[] } };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** A case with a stage-D item, an inline factor, a carbon price and a level-less alternative. */
const chairs = {
  schema: "kalkyle.case/1",
  title: "Stoler med trinn D",
  analysis: { startYear: 2026, years: 5, discountRate: 0.04, carbonPrice: { "2026": 1500, "2030": 2000 } },
  alternatives: [
    {
      id: "A",
      name: "Nye",
      emissions: [
        { label: "Stål", kind: "material", factor: "material.wood.primary", quantity: "1200 kg" },
        { label: "Levering", kind: "delivery", factor: { value: 0.25, unit: "kgCO2e/km" }, quantity: "100 km", count: 4 },
      ],
      costs: [{ kind: "acquisition", amount: "300000 NOK" }, { kind: "maintenance", amount: "1000 NOK", every: 1 }],
    },
    {
      id: "B",
      name: "Ombruk",
      wasteLevel: "reuse",
      emissions: [
        { label: "Trekk", kind: "material", factor: "material.wood.primary", quantity: "100 kg" },
        { label: "Unngått", kind: "material", factor: { value: -0.5, unit: "kgCO2e/kg" }, quantity: "100 kg", stage: "D" },
      ],
      costs: [{ kind: "acquisition", amount: "320000 NOK" }, { kind: "residual", amount: "10000 NOK" }],
    },
  ],
};

describe.each(examples.map((doc) => [String(doc.title), doc] as const))("comparison view model: %s", (_title, doc) => {
  const { model, result } = okModel(doc);
  const byId = new Map(result.alternatives.map((a) => [a.id, a]));

  it("ranks the alternatives in the result's order with the result's figures", () => {
    expect(model.ranking.rows.map((r) => r.id)).toEqual(result.ranking.order);
    for (const row of model.ranking.rows) {
      const a = byId.get(row.id)!;
      expect(row.rank).toBe(a.rank);
      expect(row.dominated).toBe(a.dominated);
      expect([row.totalKg, row.directKg, row.indirectKg]).toEqual([a.emissions.totalKg, a.emissions.directKg, a.emissions.indirectKg]);
      expect([row.presentValue, row.equivalentAnnualCost]).toEqual([a.lcc.presentValue, a.lcc.equivalentAnnualCost]);
      expect(row.carbonCost).toBe(a.lcc.carbonCostPresentValue ?? null);
      expect(row.presentValueWithCarbon).toBe(a.lcc.presentValueWithCarbon ?? null);
    }
  });

  it("sums the stage rows of each alternative to its total, with stage D apart", () => {
    const { stages } = model;
    stages.columns.forEach((column, j) => {
      const a = byId.get(column.id)!;
      expect(stages.total[j]).toBeCloseTo(a.emissions.totalKg / 1000, 9);
      expect(sum(stages.rows.map((r) => r.values[j]!))).toBeCloseTo(a.emissions.totalKg / 1000, 9);
      const direct = sum(stages.rows.filter((r) => r.scope === "direct").map((r) => r.values[j]!));
      expect(direct).toBeCloseTo(a.emissions.directKg / 1000, 9);
      for (const stage of ["A1-A3", "A4", "A5", "B", "C"]) {
        expect(sum(stages.rows.filter((r) => r.stage === stage).map((r) => r.values[j]!))).toBeCloseTo(a.emissions.byStage[stage]! / 1000, 9);
      }
      expect(stages.stageD?.values[j] ?? 0).toBeCloseTo(a.emissions.byStage.D! / 1000, 9);
    });
    expect(stages.rows.every((r) => r.stage !== "D")).toBe(true);
  });

  it("draws the stage chart from exactly the figures of its table", () => {
    const { stages, stageChart } = model;
    expect(stageChart.labels).toHaveLength(stages.columns.length);
    const stacked = stageChart.datasets.filter((d) => d.stack === "total");
    expect(stacked.map((d) => d.data)).toEqual(stages.rows.map((r) => r.values));
    expect(stacked.map((d) => d.label)).toEqual(stages.rows.map((r) => r.label));
    const d = stageChart.datasets.filter((x) => x.stack === "D");
    expect(d.map((x) => x.data)).toEqual(stages.stageD ? [stages.stageD.values] : []);
  });

  it("gives the cumulative discounted cost per year, ending at the present value, and charts the same figures", () => {
    const { costs, costChart } = model;
    expect(costs.rows.map((r) => r.index)).toEqual(Array.from({ length: result.analysis.years as number + 1 }, (_, i) => i));
    costs.columns.forEach((column, j) => {
      const a = byId.get(column.id)!;
      let running = 0;
      costs.rows.forEach((row, t) => {
        running += a.lcc.byYear[t]!;
        expect(row.values[j]).toBeCloseTo(running, 6);
      });
      expect(costs.rows.at(-1)!.values[j]).toBeCloseTo(a.lcc.presentValue, 6);
      expect(costChart.datasets[j]!.data).toEqual(costs.rows.map((r) => r.values[j]));
    });
    expect(costChart.labels).toEqual(costs.rows.map((r) => String(r.year)));
  });

  it("shows the deltas, abatement cost and payback of the result, the payback in words", () => {
    const start = result.analysis.startYear as number;
    expect(model.deltas.rows.map((r) => r.id)).toEqual(result.comparison.map((c) => c.id));
    model.deltas.rows.forEach((row, i) => {
      const c = result.comparison[i]!;
      expect([row.deltaKg, row.deltaPresentValue, row.abatementCostPerTonne, row.paybackYear]).toEqual([c.deltaKg, c.deltaPresentValue, c.abatementCostPerTonne, c.paybackYear]);
      const words = { "from-start": "billigere fra start", never: "betaler seg ikke tilbake innen perioden", "in-year": `år ${c.paybackYear} (${start + (c.paybackYear ?? 0)})` };
      expect(row.payback).toBe(words[(c as typeof c & { payback: keyof typeof words }).payback]);
      expect(row.notAvoided === null).toBe(c.abatementCostPerTonne !== null);
    });
  });

  it("traces every emission item and every cost kind back to the result", () => {
    for (const trace of model.trace) {
      const a = byId.get(trace.id)!;
      expect(trace.items.map((i) => [i.label, i.kg, i.factor])).toEqual(a.emissions.items.map((i) => [i.label, i.kg, i.factor]));
      expect(sum(a.emissions.items.filter((i) => i.stage !== "D").map((i) => i.kg))).toBeCloseTo(trace.totalKg, 6);
      expect(trace.totalKg).toBe(a.emissions.totalKg);
      expect(sum(trace.costs.map((c) => c.presentValue))).toBeCloseTo(a.lcc.presentValue, 6);
      for (const item of trace.items) if (item.factor) expect(item.factorHref).toBe(`/factors?q=${encodeURIComponent(item.factor)}`);
    }
  });

  it("names the factor set, its hash and the electricity choice, and lists the sources", () => {
    expect(model.settings.factorSet).toMatchObject({ id: result.factorSet, hash: result.factorSetHash });
    expect(model.settings.electricity.id).toBe(result.analysis.electricity.factor);
    expect(model.settings.electricity.basis).toBe(result.analysis.electricity.basis);
    const cited = model.sources.map((s) => s.what.split(" – ")[0]);
    for (const a of result.alternatives) for (const i of a.emissions.items) if (i.factor) expect(cited).toContain(i.factor);
    expect(cited).toContain(result.analysis.electricity.factor);
  });

  it("has no untranslated text in either language", () => {
    for (const lang of ["nb", "en"] as const) {
      const text = JSON.stringify(okModel(doc, lang).model);
      expect(text).not.toMatch(/"(compare|report)\.[a-zA-Z.-]+"/);
    }
  });
});

describe("comparison view model: stage D, inline factors and a carbon price", () => {
  const { model, result } = okModel(chairs);

  it("puts stage D on its own row and bar, never in the total", () => {
    const b = result.alternatives.find((a) => a.id === "B")!;
    expect(b.emissions.byStage.D).toBe(-50);
    const j = model.stages.columns.findIndex((c) => c.id === "B");
    expect(model.stages.stageD!.values[j]).toBe(-0.05);
    expect(model.stages.total[j]).toBeCloseTo(b.emissions.totalKg / 1000, 9);
    expect(model.stageChart.datasets.filter((d) => d.stack === "D")).toHaveLength(1);
    const trace = model.trace.find((t) => t.id === "B")!;
    expect(trace.stageDKg).toBe(-50);
  });

  it("shows carbon cost columns and an inline factor without a link", () => {
    expect(model.ranking.hasCarbon).toBe(true);
    expect(model.settings.carbonPrice).toEqual({ bundled: false, path: null, points: [{ year: 2026, price: 1500 }, { year: 2030, price: 2000 }] });
    const inline = model.trace.find((t) => t.id === "A")!.items.find((i) => i.label === "Levering")!;
    expect(inline).toMatchObject({ factor: null, factorHref: null, source: { text: "Verdi oppgitt i saken (ingen publisert kilde)" } });
  });

  it("places each alternative in the pyramid and lists those with no level beside it", () => {
    const reuse = model.pyramid.levels.find((l) => l.level === "reuse")!;
    expect(reuse.alternatives.map((a) => a.id)).toEqual(["B"]);
    expect(model.pyramid.unplaced.map((a) => a.id)).toEqual(["A"]);
    expect(model.pyramid.levels.map((l) => l.level)).toEqual(["prevent", "reuse", "recycle", "recover", "dispose"]);
  });

  it("states no price year for the amounts where the case has no spend items; with one, it does, as the exports do", () => {
    expect(model.settings.priceYear).toBeNull();
    const spend = { ...chairs, analysis: { ...chairs.analysis, priceYear: 2024 }, alternatives: [{ ...chairs.alternatives[0], emissions: [...chairs.alternatives[0]!.emissions, { label: "Møbler", kind: "spend", factor: "spend.p34-motor-vehicles", quantity: "10000 NOK" }] }, chairs.alternatives[1]] };
    expect(okModel(spend).model.settings.priceYear).toBe(2024);
    const about = (doc: Record<string, unknown>) => {
      const e = evaluated(doc).evaluation;
      if (!e.ok) throw new Error("expected a result");
      return exportTables(e, { caseId: "c", version: 1, madeAt: COMPUTED_AT }, "nb").about.rows.map((r) => r[0]);
    };
    expect(about(chairs)).not.toContain("Prisår for beløp");
    expect(about(spend)).toContain("Prisår for beløp");
  });

  it("says «1 year» for a one-year period", () => {
    expect(okModel({ ...chairs, analysis: { ...chairs.analysis, years: 1 } }, "en").model.settings.period).toBe("1 year (2026–2027), year 0 = 2026");
  });

  it("adds the time made (UTC) for the report", () => {
    const report = reportModel(evaluated(chairs), "en");
    expect(report).toMatchObject({ report: true, madeAt: "2026-03-01 09:15 UTC", madeAtIso: COMPUTED_AT });
    expect(utcStamp("2026-12-31T23:59:59.999Z")).toBe("2026-12-31 23:59 UTC");
  });
});

describe("comparison view model: a stored case that no longer validates", () => {
  it("gives the problems in the page language and a link to the editor", () => {
    const broken = { ...chairs, alternatives: [{ ...chairs.alternatives[0], emissions: [{ kind: "material", factor: "material.no-such-thing", quantity: "1 kg" }] }] };
    const nb = compareModel(evaluated(broken), "nb");
    expect(nb.ok).toBe(false);
    if (nb.ok) return;
    // the place in words, not the JSON path: the first emission item has no label
    expect(nb.problems).toEqual([{ place: "Alternativ «Nye», utslippspost 1", message: `ukjent faktor «material.no-such-thing» i faktorsett ${library.newest}` }]);
    expect(nb.links.edit).toBe("/cases/case-1/edit");
    const en = compareModel(evaluated(broken), "en");
    expect(en.ok ? [] : en.problems[0]!.message).toMatch(/^unknown factor "material.no-such-thing"/);
  });
});

describe("comparison text", () => {
  it("has every key in both languages", () => {
    expect(Object.keys(compareText.en).sort()).toEqual(Object.keys(compareText.nb).sort());
  });
});
