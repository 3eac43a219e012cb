/**
 * Data quality and factors by year in the case editor: a case opened in
 * the form and saved again comes back the same (tiers, EPDs, a factor given
 * per calendar year, the award criteria and data-quality mark-ups the form
 * does not show), the factor by year is shown read only in words, and a
 * tier that does not fit its EPD is told beside the field it is about.
 */
import { describe, expect, it } from "vitest";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { editorPageModel } from "../../../src/web/view-models/editor.js";
import { caseToForm } from "../../../src/web/editor/case-to-form.js";
import { checkForm } from "../../../src/web/editor/check-form.js";
import { formToCase, keptSections } from "../../../src/web/editor/form-to-case.js";
import { readCaseForm } from "../../../src/web/editor/form-model.js";

const library = loadFactorLibrary();

/** A bid with an EPD-backed material, a generic one, and electricity whose factor is given per year. */
function tenderCase() {
  return {
    schema: "kalkyle.case/1",
    title: "Kontorstoler, anbud",
    analysis: { startYear: 2026, years: 10 },
    ranking: "lcc",
    alternatives: [
      {
        id: "A",
        name: "Leverandør A",
        emissions: [
          { label: "Stol", kind: "fixed", factor: { value: 42.5, unit: "kgCO2e/stk" }, quantity: "120 stk", tier: "epd-verified", epd: { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS", programme: "EPD-Norge" } },
          { label: "Stål", kind: "material", factor: "material.metals.construction.primary", quantity: "300 kg", tier: "generic" },
          { label: "Strøm", kind: "energy", factor: { byYear: { "2026": 0.02, "2028": 0.015, "2030": 0.01 }, unit: "kgCO2e/kWh" }, quantity: "1000 kWh", at: 1, every: 1 },
        ],
        costs: [{ kind: "acquisition", amount: 240000 }],
      },
    ],
    dataQuality: { markup: { spend: 0.3, generic: 0.1 } },
    award: { criteria: [{ kind: "lcc", weight: 70, model: { type: "linear", zeroAt: 2 } }, { kind: "climate", weight: 30, model: { type: "proportional" } }] },
  };
}

/** The form as a browser posts it: every field by its name (what readCaseForm reads). */
function posted(doc: unknown, lang: "nb" | "en"): Record<string, string> {
  const form = caseToForm(doc, lang);
  const body: Record<string, string> = { title: form.title, "analysis.startYear": form.analysis.startYear, "analysis.years": form.analysis.years, ranking: form.ranking };
  form.alternatives.forEach((alt, a) => {
    Object.assign(body, { [`alternatives[${a}].id`]: alt.id, [`alternatives[${a}].name`]: alt.name });
    alt.emissions.forEach((row, e) => Object.entries(row).forEach(([field, value]) => (body[`alternatives[${a}].emissions[${e}].${field}`] = value)));
    alt.costs.forEach((row, c) => Object.entries(row).forEach(([field, value]) => (body[`alternatives[${a}].costs[${c}].${field}`] = value)));
  });
  return body;
}

describe("a tender case in the editor", () => {
  it.each(["nb", "en"] as const)("opened and saved (%s) gives back the same document: tiers, EPDs, the factor by year, award and mark-ups", (lang) => {
    const doc = tenderCase();
    const form = readCaseForm(posted(doc, lang));
    const checked = checkForm(form, library, lang, keptSections(doc));
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    expect(checked.ok && checked.doc).toEqual(doc);
  });

  it("shows the factor by year read only, in words, the years in order and numbers written the user's way", () => {
    const nb = editorPageModel({ form: caseToForm(tenderCase(), "nb"), problems: [], library, lang: "nb" });
    const field = nb.alternatives[0]!.emissions[2]!.fields.find((f) => f.id === "alternatives[0].emissions[2].factor")!;
    expect(field.control).toBe("fixed");
    expect(field.value).toBe("Faktor per år: 2026: 0,02; 2028: 0,015; 2030: 0,01 kgCO2e/kWh");
    expect(field.hidden).toEqual({ name: "alternatives[0].emissions[2].factorByYear", value: JSON.stringify(tenderCase().alternatives[0]!.emissions[2]!.factor) });
    const en = editorPageModel({ form: caseToForm(tenderCase(), "en"), problems: [], library, lang: "en" });
    expect(en.alternatives[0]!.emissions[2]!.fields.find((f) => f.id.endsWith(".factor"))!.value).toBe("Factor by year: 2026: 0.02; 2028: 0.015; 2030: 0.01 kgCO2e/kWh");
  });

  it("offers the four tiers on every row, and the EPD fields marked as EPD-only", () => {
    const model = editorPageModel({ form: caseToForm(tenderCase(), "nb"), problems: [], library, lang: "nb" });
    const row = model.alternatives[0]!.emissions[1]!;
    const tier = row.fields.find((f) => f.id.endsWith(".tier"))!;
    expect(tier.options!.map((o) => o.label)).toEqual(["Standard for typen", "Utgiftsbasert", "Generiske aktivitetsdata", "Produktspesifikk (EPD)", "Tredjepartsverifisert EPD"]);
    expect(tier.options!.find((o) => o.selected)!.value).toBe("generic");
    expect(row.fields.filter((f) => f.epdOnly).map((f) => f.id)).toEqual(["alternatives[0].emissions[1].epd.registration", "alternatives[0].emissions[1].epd.verifier", "alternatives[0].emissions[1].epd.programme"]);
    expect(row.epdGiven).toBeUndefined();
    expect(model.alternatives[0]!.emissions[0]!.epdGiven).toBe(true);
  });

  it("names the sections it keeps without showing them", () => {
    const model = editorPageModel({ form: caseToForm(tenderCase(), "nb"), problems: [], library, lang: "nb", kept: keptSections(tenderCase()) });
    expect(model.kept!.names).toEqual(["tildelingskriterier og vekter", "påslag for lavere datakvalitet"]);
  });

  it("a verified-EPD tier without its verifier, and an EPD tier without a registration, are told beside those fields", () => {
    const doc = tenderCase();
    const body = posted(doc, "nb");
    body["alternatives[0].emissions[0].epd.verifier"] = "";
    body["alternatives[0].emissions[1].tier"] = "epd";
    const checked = checkForm(readCaseForm(body), library, "nb", keptSections(doc));
    expect(checked.ok).toBe(false);
    const paths = checked.ok ? [] : checked.problems.map((p) => p.path);
    expect(paths).toContain("alternatives[0].emissions[0].epd.verifier");
    expect(paths).toContain("alternatives[0].emissions[1].tier");
  });

  it("a factor by year that cannot be read is a problem on the factor, with the form kept", () => {
    const body = posted(tenderCase(), "nb");
    body["alternatives[0].emissions[2].factorByYear"] = "{ikke json";
    const form = readCaseForm(body);
    const parsed = formToCase(form, "nb");
    expect(parsed.problems).toEqual([{ path: "alternatives[0].emissions[2].factor", code: "factor-by-year", params: {} }]);
    expect(form.alternatives[0]!.emissions[2]!.factorByYear).toBe("{ikke json");
  });

  it("a factor typed over a factor by year replaces it", () => {
    const body = posted(tenderCase(), "nb");
    body["alternatives[0].emissions[2].factor"] = "0,017 kgCO2e/kWh";
    const doc = formToCase(readCaseForm(body), "nb").doc as { alternatives: { emissions: { factor: unknown }[] }[] };
    expect(doc.alternatives[0]!.emissions[2]!.factor).toEqual({ value: 0.017, unit: "kgCO2e/kWh" });
  });
});
