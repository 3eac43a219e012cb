/**
 * `kalkyle evaluate --format table`: the payback in words, why a dominated
 * alternative with a better level ranks lower, and the warnings after the
 * tables, each placed by alternative and item (never a JSON path).
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

function table(lang: "nb" | "en"): string {
  const e = evaluateDocument(CASE, loadFactorLibrary());
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
    expect(table("en")).toContain("pays back never within the period");
  });

  it("lists the warnings after the tables, placed by alternative and item, not by JSON path", () => {
    const nb = table("nb");
    expect(nb.trimEnd().split("\n").slice(-2)).toEqual(["Advarsler:", "  Alternativ «Ombruk», kostnad «Service»: gjentas hvert 30. år, men analyseperioden er 20 år: posten kommer aldri med"]);
    expect(nb).not.toContain("alternatives[");
    expect(table("en")).toContain("Warnings:\n  Alternative «Ombruk», cost «Service»: recurs every 30 years");
  });
});
