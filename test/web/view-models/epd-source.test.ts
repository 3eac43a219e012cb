/**
 * A factor given in the case from an EPD is cited by that EPD (registration
 * number, verifier, programme operator) in the comparison's trace and in the
 * exports, in bokmål and English; a factor given in the case without an EPD
 * still says it has no published source. The result's figures and its
 * `source` text are the same with or without the EPD.
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../../src/case/messages.js";
import { exportTables, type Table } from "../../../src/web/exports/tables.js";
import { traceModel } from "../../../src/web/view-models/compare-trace.js";
import { caseWith, evaluateOk, type Json } from "../../case/fixture-library.js";

const VERIFIED = { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS", programme: "EPD-Norge" };
const items = (epd: boolean): Json[] => [
  { label: "Tre (EPD)", kind: "material", factor: { value: 0.3, unit: "kgCO2e/kg" }, quantity: "1000 kg", ...(epd && { epd: VERIFIED }) },
  { label: "Stål (EPD)", kind: "material", factor: { value: 0.4, unit: "kgCO2e/kg" }, quantity: "500 kg", ...(epd && { tier: "epd", epd: { registration: "NEPD-9999-1-NO" } }) },
  { label: "Levering", kind: "delivery", factor: { value: 0.25, unit: "kgCO2e/km" }, quantity: "100 km" },
];
const evaluate = (epd: boolean) => evaluateOk(caseWith([{ emissions: items(epd) }]));

const NB = ["EPD NEPD-1234-567-NO, verifisert av Verifikator AS, programoperatør EPD-Norge", "EPD NEPD-9999-1-NO", "Verdi oppgitt i saken (ingen publisert kilde)"];
const EN = ["EPD NEPD-1234-567-NO, verified by Verifikator AS, programme operator EPD-Norge", "EPD NEPD-9999-1-NO", "Value given in the case (no published source)"];

function column(table: Table, header: string): unknown[] {
  const index = table.columns.findIndex((c) => c.header === header);
  expect(index, header).toBeGreaterThan(-1);
  return table.rows.map((r) => r[index]);
}

describe("a factor given in the case from an EPD", () => {
  it.each([["nb", NB] as const, ["en", EN] as const])("is cited by its EPD in the comparison's trace (%s)", (lang: Lang, expected) => {
    const e = evaluate(true);
    const trace = traceModel(e.core.alternatives[0]!, 0, lang, new Map());
    expect(trace.items.map((i) => i.source)).toEqual(expected.map((text) => ({ text })));
  });

  it.each([["nb", NB, "Kilde"] as const, ["en", EN, "Source"] as const])("is cited by its EPD in the exports' item, source and alternative tables (%s)", (lang: Lang, expected, header) => {
    const tables = exportTables(evaluate(true), { caseId: "c", version: 1, madeAt: "2026-01-01T00:00:00Z" }, lang);
    expect(column(tables.items, header)).toEqual(expected);
    expect(column(tables.sources, header)).toEqual(expected);
    expect(column(tables.alternatives[0]!, header).filter((c) => c !== null && c !== "")).toEqual(expected);
  });

  it("leaves the result's figures and source text as they are without the EPD", () => {
    const [withEpd, without] = [evaluate(true).json, evaluate(false).json];
    const figures = (r: typeof withEpd) => r.alternatives.map((a) => a.emissions.items.map((i) => [i.kg, i.source]));
    expect(figures(withEpd)).toEqual(figures(without));
    expect(withEpd.alternatives[0]!.emissions.items.map((i) => i.source)).toEqual(["inline factor given in the case", "inline factor given in the case", "inline factor given in the case"]);
  });
});
