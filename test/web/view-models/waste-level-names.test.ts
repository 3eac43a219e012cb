/**
 * One name per waste-pyramid level on every surface: the factor library
 * (page and API), the editor, the comparison page, the exports, the command
 * line and docs/case-format.md; and composting and anaerobic digestion are
 * material recycling wherever a route's level is shown.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";
import type { Lang } from "../../../src/case/messages.js";
import { resultTable } from "../../../src/cli/table.js";
import { WASTE_LEVELS } from "../../../src/core/types.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { WASTE_LEVEL_NAMES } from "../../../src/i18n/domain-terms.js";
import { blankCase } from "../../../src/web/editor/form-model.js";
import { exportTables } from "../../../src/web/exports/tables.js";
import { editorPageModel } from "../../../src/web/view-models/editor.js";
import { compareModel } from "../../../src/web/view-models/compare.js";
import { factorHitJson, factorLibraryModel } from "../../../src/web/view-models/factors.js";

const library = loadFactorLibrary();
const LANGS: Lang[] = ["nb", "en"];

const fixed = { kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: "10 unit" };
/** One alternative per level, each declared. */
const CASE = {
  schema: "kalkyle.case/1",
  title: "Fem nivåer",
  analysis: { startYear: 2026, years: 10, discountRate: 0.04 },
  alternatives: WASTE_LEVELS.map((level, i) => ({ id: `L${i + 1}`, name: level, wasteLevel: level, emissions: [fixed], costs: [{ kind: "acquisition", amount: 1000 + i }] })),
};

function evaluated() {
  const evaluation = evaluateDocument(CASE, library);
  if (!evaluation.ok) throw new Error(JSON.stringify(evaluation.problems));
  return evaluation;
}

describe("composting and anaerobic digestion in the factor library", () => {
  const set = library.sets.get(library.newest)!;
  const food = set.records.get("waste.food.composting")!;
  const biogas = set.records.get("waste.food.anaerobic-digestion")!;

  it("are material recycling in GET /api/v1/factors, whatever the set tags them", () => {
    for (const s of library.sets.values()) {
      const record = s.records.get("waste.food.anaerobic-digestion");
      if (record) expect(factorHitJson(record, "nb").wasteLevel, s.id).toBe("recycle");
    }
    expect(factorHitJson(food, "en").wasteLevel).toBe("recycle");
  });

  it("are shown as «Materialgjenvinning» on the factor page, incineration with energy recovery as other recovery", () => {
    const model = factorLibraryModel(library, { text: "food", group: "waste", set }, "nb");
    const level = (id: string) => model.rows.find((r) => r.id === id)?.wasteLevel;
    expect(level(food.id)).toBe("Materialgjenvinning");
    expect(level(biogas.id)).toBe("Materialgjenvinning");
    const burnt = model.rows.find((r) => /incineration|combustion/.test(r.id));
    if (burnt) expect(burnt.wasteLevel).toBe("Annen gjenvinning (energi)");
  });
});

describe.each(LANGS)("the level names are the same on every surface (%s)", (lang) => {
  const names = WASTE_LEVELS.map((level) => WASTE_LEVEL_NAMES[lang][level]);

  it("in the editor's level choice and its explanation of the levels", () => {
    const model = editorPageModel({ form: blankCase(2026), problems: [], library, lang });
    expect(model.wasteLevels.map((l) => l.name)).toEqual(names);
    const select = model.alternatives[0]!.fields.find((f) => f.id.endsWith(".wasteLevel"))!;
    expect(select.options!.slice(1).map((o) => o.label)).toEqual(names);
  });

  it("on the comparison page, numbered from the top of the pyramid", () => {
    const e = evaluated();
    const model = compareModel({ stored: { id: "c", title: CASE.title, alternatives: 5, version: 1, updatedAt: "", createdAt: "", document: CASE }, evaluation: e, computedAt: "2026-01-01T00:00:00.000Z" }, lang);
    if (!model.ok) throw new Error("expected a result");
    expect(model.pyramid.levels.map((l) => l.label)).toEqual(names.map((n, i) => `${i + 1}. ${n}`));
    expect(model.ranking.rows.map((r) => r.wasteLevel)).toEqual(names.map((n, i) => `${i + 1}. ${n}`));
  });

  it("in the exports and the command-line table", () => {
    const e = evaluated();
    const summary = exportTables(e, { caseId: "c", version: 1, madeAt: "2026-01-01T00:00:00Z" }, lang).summary;
    const column = summary.columns.findIndex((c) => c.header === (lang === "nb" ? "Nivå i avfallspyramiden" : "Waste pyramid level"));
    expect(summary.rows.map((r) => r[column])).toEqual(names);
    const table = resultTable(CASE.title, e.core, lang);
    for (const name of names) expect(table).toContain(name);
  });

  it("in docs/case-format.md", () => {
    const docs = readFileSync(new URL("../../../docs/case-format.md", import.meta.url), "utf8");
    for (const name of names) expect(docs).toContain(name);
  });
});
