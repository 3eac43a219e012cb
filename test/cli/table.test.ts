/**
 * `kalkyle evaluate --format table`: the payback in words, why a dominated
 * alternative with a better level ranks lower, the declared level only (a
 * suggestion as a hint after the table), the ranking method and the
 * dominated column in words, and the warnings after the tables, each placed
 * by alternative and item (never a JSON path).
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../src/case/evaluate-document.js";
import { resultTable } from "../../src/cli/table.js";
import { loadFactorLibrary } from "../../src/factors/load.js";
import { bundledSetLoads } from "./bundled-set.js";

const fixed = (kg: number) => ({ kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit` });

/** B (dispose) dominates A (reuse) by 3 000 − 100 = 2 900 kg and 10 000 − 6 000 = 4 000 kr; C is cheaper than B from the start. */
const CASE = {
  schema: "kalkyle.case/1",
  title: "Stoler",
  analysis: { startYear: 2026, years: 20, discountRate: 0.04 },
  baseline: "B",
  alternatives: [
    { id: "A", name: "Ombruk", wasteLevel: "reuse", emissions: [{ label: "Oppussing", ...fixed(3000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 10000 }, { label: "Service", kind: "maintenance", amount: 100, every: 30 }] },
    { id: "B", name: "Nye", wasteLevel: "dispose", emissions: [{ label: "Produksjon", ...fixed(100) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 6000 }] },
    { id: "C", name: "Billige", emissions: [{ label: "Produksjon", ...fixed(200) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 5000 }] },
  ],
};

function table(lang: "nb" | "en", document: object = CASE): string {
  const e = evaluateDocument(document, loadFactorLibrary());
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return resultTable(e.doc.title, e.core, lang, { warnings: e.warnings, document: e.doc });
}

describe.skipIf(!bundledSetLoads())("resultTable", () => {
  it("says why the reuse alternative ranks below the dispose one", () => {
    expect(table("nb")).toContain("Hvorfor et bedre nivå står lavere:\n  A Ombruk: dominert av B: 2,9 t mer CO2e og 4\u00a0000 kr mer");
    expect(table("en")).toContain("Why a better level ranks lower:\n  A Ombruk: dominated by B: 2.9 t more CO2e and NOK 4,000 more");
  });

  it("gives the payback in words: never within the period, cheaper from the start", () => {
    const nb = table("nb").split("\n");
    expect(nb.find((l) => /^A\s+B\s/.test(l))).toMatch(/betaler seg ikke tilbake innen perioden$/);
    expect(nb.find((l) => /^C\s+B\s/.test(l))).toMatch(/billigere fra start$/);
    expect(table("en")).toContain("does not pay back within the period");
  });

  it("lists the warnings after the tables, placed by alternative and item, not by JSON path", () => {
    const nb = table("nb");
    expect(nb.trimEnd().split("\n").slice(-2)).toEqual(["Advarsler:", "  Alternativ «Ombruk», kostnad «Service»: Gjentas hvert 30. år, men analyseperioden er 20 år: posten kommer aldri med"]);
    expect(nb).not.toContain("alternatives[");
    expect(table("en")).toContain("Warnings:\n  Alternative “Ombruk”, cost “Service”: Recurs every 30 years");
  });

  /** C declares no level; its own 400 kg of steel go to recycling, so the data suggest material recycling. */
  const SUGGESTED = { ...CASE, alternatives: CASE.alternatives.map((a) => (a.id === "C" ? { ...a, emissions: [...a.emissions, { label: "Stål", kind: "waste", factor: "waste.metal-scrap.recycling", quantity: "400 kg" }] } : a)) };
  const row = (text: string, id: string) => text.split("\n").find((l) => new RegExp(`^\\d+\\s+${id} `).test(l))!;

  it("shows the declared level only; a suggested level follows the table as a hint, with its reason", () => {
    const nb = table("nb", SUGGESTED);
    expect(row(nb, "A")).toContain("Ombruk");
    expect(row(nb, "B")).toContain("Sluttbehandling (deponi)");
    expect(row(nb, "C")).toContain("ikke oppgitt");
    expect(row(nb, "C")).not.toContain("Materialgjenvinning");
    expect(nb).toContain("Nivå foreslått ut fra alternativets egne avfallsposter (bare et hint, rangeres ikke):\n  C Billige: Materialgjenvinning; mesteparten av alternativets eget avfall etter vekt (100\u00a0%) går til materialgjenvinning");
    const en = table("en", SUGGESTED);
    expect(row(en, "C")).toContain("not declared");
    expect(en).toContain("Level suggested from the alternative's own waste items (a hint only, not ranked):\n  C Billige: Material recycling; most of this alternative's own waste mass (100%) goes to material recycling");
  });

  it("names the ranking method in words, never by its code", () => {
    expect(table("nb")).toContain("Rangering: avfallspyramiden (nivå, deretter t CO2e, deretter nåverdi)");
    expect(table("en", { ...CASE, ranking: "lcc" })).toContain("Ranking: lifecycle cost (present value)");
    expect(table("en", { ...CASE, ranking: "lcc" })).not.toMatch(/Ranking: lcc|waste-pyramid/);
  });

  it("says «nei» or «no» in the dominated column where an alternative is not dominated", () => {
    expect(row(table("nb"), "B")).toMatch(/nei$/);
    expect(row(table("nb"), "A")).toMatch(/ja$/);
    expect(row(table("en"), "C")).toMatch(/no$/);
  });

  it("gives the finance measures against the baseline B, a measure not defined with its reason, a negative break-even price explained", () => {
    const e = evaluateDocument(CASE, loadFactorLibrary());
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const nb = resultTable(e.doc.title, e.core, "nb", { resolved: e.resolved });
    // A: 10 000 − 6 000 = 4 000 more invested, no operating savings within 20 years (service every 30): net savings −4 000, SIR 0 / 4 000 = 0
    expect(nb).toMatch(/^A\s+−4\u00a0000\s+–\s+0,00\s+–\s+–$/m);
    expect(nb).toContain("  A, AIRR: ikke definert: besparelsene dekker ingenting av merinvesteringen (SIR er 0 eller lavere)");
    expect(nb).toContain("  A, Karbonpris for lik kostnad kr/t: ikke definert: alternativet gir ikke lavere utslipp enn referansealternativet");
    // C: 1 000 cheaper in year 0 only: net savings 1 000, payback from year 0, no added investment, 100 kg more: no break-even price
    expect(nb).toMatch(/^C\s+1\u00a0000\s+år 0\s+–\s+–\s+–$/m);
    const en = resultTable(e.doc.title, e.core, "en", { resolved: e.resolved });
    expect(en).toContain("Financial measures against the baseline (NIST BLCC):");
    expect(en).toContain("  C, SIR: not defined: the alternative needs no added investment compared with the baseline");
    // without the resolved case (as before) no measures
    expect(resultTable(e.doc.title, e.core, "en")).not.toContain("NIST BLCC");
  });
});
