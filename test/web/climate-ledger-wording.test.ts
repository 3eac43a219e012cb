/**
 * The ledger pages' wording that depends on a count or a language, checked
 * on the view-models themselves (no server needed): the credit notes and
 * the price years take their plural form, and the summary writes its
 * broken-line counts the way each language writes numbers.
 */
import { describe, expect, it } from "vitest";
import type { ImportSummary, ScreeningResult } from "../../src/ledger/types.js";
import { importSummaryModel } from "../../src/web/view-models/ledger-summary.js";
import { screeningModel } from "../../src/web/view-models/screening.js";

const HASH = `sha256:${"0123456789abcdef".repeat(4)}`;

function result(creditNotes: number, priceYearClamped: number[]): ScreeningResult {
  const none = "0";
  return {
    factorSet: "2025-2",
    factorSetHash: HASH,
    lines: { total: 3, mapped: 2, outOfScope: 1, unmapped: 0, creditNotes },
    spend: { totalNok: "3000", mappedNok: "2000", outOfScopeNok: "1000", unmappedNok: none, mappedShare: "1" },
    totalTonnes: "1.5",
    byCategory: [],
    bySupplier: [],
    byFunction: [],
    byYear: [],
    byFactor: [],
    hotSpots: { categories: [], suppliers: [] },
    unmapped: [],
    outOfScope: [],
    priceYearClamped,
  };
}

const model = (creditNotes: number, years: number[], lang: "nb" | "en") =>
  screeningModel({ result: result(creditNotes, years), defaults: { id: "d", title: { nb: "", en: "" }, source: "", rules: [] }, highRisk: { title: "", url: "", year: 2024, publisher: "" }, lang });

describe("the screening's wording", () => {
  it("says one credit note and many credit notes, in both languages", () => {
    const one = model(1, [], "nb");
    const oneEn = model(1, [], "en");
    const many = model(2, [], "en");
    if (one.empty || oneEn.empty || many.empty) throw new Error("a result was given");
    expect(one.figures.linesDetail).toMatch(/; 1 kreditnota$/);
    expect(oneEn.figures.linesDetail).toMatch(/; 1 credit note$/);
    expect(many.figures.linesDetail).toMatch(/; 2 credit notes$/);
  });

  it("speaks of one price year as that year, of several as those years", () => {
    const one = model(0, [2026], "nb");
    const two = model(0, [2026, 2027], "nb");
    if (one.empty || two.empty) throw new Error("a result was given");
    expect(one.priceYearClamped).toContain("beløpene for dette året");
    expect(two.priceYearClamped).toContain("beløpene for disse årene");
    const en = model(0, [2026], "en");
    if (en.empty) throw new Error("a result was given");
    expect(en.priceYearClamped).toContain("the amounts of that year");
  });

  it("shows the factor set with the start of its checksum; the whole one is kept for the disclosure", () => {
    const shown = model(0, [], "nb");
    if (shown.empty) throw new Error("a result was given");
    expect(shown.factorSetNote).toBe("Faktorsett 2025-2, sjekksum 0123456789ab …");
    expect(shown.factorSetHash).toBe(HASH);
  });
});

describe("the import summary's counts", () => {
  const summary: ImportSummary = {
    importId: "i1",
    fileName: "reskontro.csv",
    format: { kind: "csv", encoding: "utf-8", delimiter: ";" } as ImportSummary["format"],
    read: 150_000,
    imported: 1_323,
    duplicates: 0,
    broken: 148_677,
    brokenLines: Array.from({ length: 1000 }, (_, i) => ({ lineNumber: i + 2, reason: "amount" as never, field: null, found: "" })) as ImportSummary["brokenLines"],
    years: [2024],
    importedAt: "2026-01-05T10:00:00.000Z",
  };

  it("writes the numbers the way each language writes them", () => {
    expect(importSummaryModel(summary, "nb").brokenShown).toBe("Viser de første 1\u00a0000 av 148\u00a0677 linjene med feil.");
    expect(importSummaryModel(summary, "en").brokenShown).toBe("Showing the first 1,000 of 148,677 broken lines.");
  });
});
