/**
 * The export tables (CSV and Excel alike) in the user's language: the rank
 * note beside the rank, and the source of an inline factor in bokmål in a
 * bokmål export (the result document states it in English).
 */
import { describe, expect, it } from "vitest";
import { evaluateDocument } from "../../../src/case/evaluate-document.js";
import type { Lang } from "../../../src/case/messages.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { csvOf } from "../../../src/web/exports/csv.js";
import { exportTables, type Table } from "../../../src/web/exports/tables.js";
import { sheetName } from "../../../src/web/exports/xlsx.js";
import { reportFooter } from "../../../src/web/view-models/report.js";

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
  it("give the rank note beside the rank: why dominated A ranks below B, naming B by its name", () => {
    const nb = tables("nb").summary;
    const headers = nb.columns.map((c) => c.header);
    expect(headers.indexOf("Hvorfor denne plassen")).toBe(headers.indexOf("Plass") + 1);
    expect(column(nb, "Hvorfor denne plassen").get("A")).toBe("dominert av Nye: 2,9 t mer CO2e og 4\u00a0000 kr mer");
    expect(column(nb, "Hvorfor denne plassen").get("B")).toBeNull();
    expect(column(tables("en").summary, "Why this rank").get("A")).toBe("dominated by Nye: 2.9 t more CO2e and NOK 4,000 more");
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

describe("the PDF's footer", () => {
  it("has the case's title, escaped, and Chromium's page number and page count in the language's words", () => {
    const nb = reportFooter("Stoler <b>&</b> bord", "nb");
    expect(nb).toContain("<span>Stoler &lt;b&gt;&amp;&lt;/b&gt; bord</span>");
    expect(nb).toContain('Side <span class="pageNumber"></span> av <span class="totalPages"></span>');
    expect(reportFooter("Chairs", "en")).toContain('Page <span class="pageNumber"></span> of <span class="totalPages"></span>');
  });
});

describe("the CSV", () => {
  /** 1 000 kr every year at 4 %: present values with decimals; 0.123456 kg per unit × 7 units: kg with decimals. */
  const FRACTIONAL = {
    schema: "kalkyle.case/1",
    title: "Brøk",
    analysis: { startYear: 2026, years: 3, discountRate: 0.04 },
    alternatives: [{ id: "A", name: "Én", emissions: [{ label: "Litt", kind: "fixed", factor: { value: 0.123456, unit: "kgCO2e/unit" }, quantity: "7 unit" }], costs: [{ label: "Drift", kind: "operation", amount: 1000, every: 1 }] }],
  };

  it("writes kg to one decimal and kroner whole, in the semicolon variant with a decimal comma and no group separator", () => {
    const e = evaluateDocument(FRACTIONAL, loadFactorLibrary());
    if (!e.ok) throw new Error(JSON.stringify(e.problems));
    const csv = csvOf(exportTables(e, { caseId: "c", version: 1, madeAt: "2026-01-01T00:00:00Z" }, "nb"), { semicolon: true });
    const rows = csv.replace(/^\uFEFF/, "").split("\r\n").map((r) => r.split(";"));
    const head = rows.find((r) => r.includes("Nåverdi (kr)"))!;
    const a = rows.find((r) => r[0] === "A" && r.length === head.length)!;
    // 1000/1.04 + 1000/1.04² + 1000/1.04³ = 2 775.09…; 0.123456 × 7 = 0.864192 kg
    expect(e.core.alternatives[0]!.lcc.presentValue.toFixed(2)).toBe("2775.09");
    expect(a[head.indexOf("Nåverdi (kr)")]).toBe("2775");
    expect(a[head.indexOf("Utslipp totalt (kg CO2e)")]).toBe("0,9");
    const item = rows.find((r) => r.includes("Litt"))!;
    expect(item).toContain("0,9");
    expect(csv).not.toMatch(/0[.,]864/);
  });
});

describe("the workbook's sheet names", () => {
  it("are what Excel accepts: at most 31 characters, none of []:*?/\\, no apostrophe at the ends, unique without regard to case", () => {
    const taken = new Set(["sammendrag", "nye stoler"]);
    expect(sheetName("Alt: 1/2 [ny]?", new Set(), "1")).toBe("Alt 1 2 ny");
    expect(sheetName("'Sitert'", new Set(), "1")).toBe("Sitert");
    expect(sheetName("Sammendrag", taken, "1")).toBe("Sammendrag (2)");
    expect(sheetName("NYE STOLER", taken, "1")).toBe("NYE STOLER (2)");
    const long = sheetName("Ombrukte kontorstoler med nytt trekk og nye hjul", new Set(), "1");
    expect(long).toBe("Ombrukte kontorstoler med nytt");
    expect(long.length).toBeLessThanOrEqual(31);
    const second = sheetName("Ombrukte kontorstoler med nytt trekk, variant B", new Set([long.toLowerCase()]), "1");
    expect([second, second.length <= 31]).toEqual(["Ombrukte kontorstoler med n (2)", true]);
    expect(sheetName("History", new Set(), "3")).toBe("3");
    expect(sheetName("::", new Set(), "4")).toBe("4");
    // never half of an emoji at the cut
    expect(sheetName(`${"a".repeat(30)}😀`, new Set(), "1")).toBe("a".repeat(30));
  });

  it("give the finance measures against the baseline, a measure not defined with its reason in the export's language", () => {
    // B against A: both buy in year 0 only, B for 6 000 instead of 10 000 → net savings 4 000, no added investment,
    // so SIR and AIRR are not defined; B emits 3 000 − 100 − wood less: the break-even price is negative (cheaper already).
    const nb = tables("nb").comparison;
    expect(column(nb, "Netto besparelse, nåverdi (kr)").get("Nye")).toBe(4000);
    expect(column(nb, "Merinvestering, nåverdi (kr)").get("Nye")).toBe(-4000);
    expect(column(nb, "Besparelse per investert krone (SIR)").get("Nye")).toBeNull();
    expect(column(nb, "Enkel tilbakebetaling, udiskontert (år)").get("Nye")).toBe(0);
    expect(column(nb, "Mål som ikke er definert").get("Nye")).toBe(
      "SIR: ikke definert: alternativet krever ingen merinvestering sammenlignet med referansealternativet; AIRR: ikke definert: alternativet krever ingen merinvestering sammenlignet med referansealternativet",
    );
    expect(column(nb, "Karbonpris for lik kostnad (kr per tonn CO2e)").get("Nye") as number).toBeLessThan(0);
    const en = tables("en").comparison;
    expect(column(en, "Measures not defined").get("Nye")).toMatch(/^SIR: not defined: the alternative needs no added investment/);
  });
});
