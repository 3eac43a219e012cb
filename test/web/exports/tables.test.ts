/**
 * The export tables (CSV and Excel alike) in the user's language: the rank
 * note beside the rank, and the source of an inline factor in bokmål in a
 * bokmål export (the result document states it in English).
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";
import type { Lang } from "../../../src/case/messages.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { exportTables, type Table } from "../../../src/web/exports/tables.js";

const fixed = (kg: number) => ({ kind: "fixed", factor: { value: 1, unit: "kgCO2e/unit" }, quantity: `${kg} unit` });

/** B (dispose) dominates A (reuse) by 3 000 − 100 = 2 900 kg and 10 000 − 6 000 = 4 000 kr, both in year 0. */
const CASE = {
  schema: "kalkyle.case/1",
  title: "Stoler",
  analysis: { startYear: 2026, years: 10, discountRate: 0.04 },
  alternatives: [
    { id: "A", name: "Ombruk", wasteLevel: "reuse", emissions: [{ label: "Oppussing", ...fixed(3000) }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 10000 }] },
    { id: "B", name: "Nye", wasteLevel: "dispose", emissions: [{ label: "Produksjon", ...fixed(100) }, { label: "Tre", kind: "material", factor: "material.wood.primary", quantity: "10 kg" }], costs: [{ label: "Innkjøp", kind: "acquisition", amount: 6000 }] },
  ],
};

function tables(lang: Lang) {
  const e = evaluateDocument(CASE, loadFactorLibrary());
  if (!e.ok) throw new Error(JSON.stringify(e.problems));
  return exportTables(e, { caseId: "c", version: 1, madeAt: "2026-01-01T00:00:00Z" }, lang);
}

/** The column of `header` as a map from the first cell of each row. */
function column(table: Table, header: string): Map<unknown, unknown> {
  const index = table.columns.findIndex((c) => c.header === header);
  expect(index, header).toBeGreaterThan(-1);
  return new Map(table.rows.map((r) => [r[0], r[index]]));
}

describe("export tables", () => {
  it("give the rank note beside the rank: why dominated A ranks below B", () => {
    const nb = tables("nb").summary;
    const headers = nb.columns.map((c) => c.header);
    expect(headers.indexOf("Hvorfor denne plassen")).toBe(headers.indexOf("Plass") + 1);
    expect(column(nb, "Hvorfor denne plassen").get("A")).toBe("dominert av B: 2,9 t mer CO2e og 4\u00a0000 kr mer");
    expect(column(nb, "Hvorfor denne plassen").get("B")).toBeNull();
    expect(column(tables("en").summary, "Why this rank").get("A")).toBe("dominated by B: 2.9 t more CO2e and NOK 4,000 more");
  });

  it("name the source of an inline factor in the export's language, a published one as published", () => {
    const nb = tables("nb");
    const sources = nb.items.rows.map((r) => r[nb.items.columns.findIndex((c) => c.header === "Kilde")]);
    expect(sources).toContain("Verdi oppgitt i saken (ingen publisert kilde)");
    expect(nb.sources.rows.map((r) => r[1])).toContain("Verdi oppgitt i saken (ingen publisert kilde)");
    const all = JSON.stringify([nb.items.rows, nb.sources.rows]);
    expect(all).not.toMatch(/inline factor/i);
    expect(all).toContain("DESNZ");
    const en = tables("en");
    expect(en.sources.rows.map((r) => r[1])).toContain("Value given in the case (no published source)");
  });
});
