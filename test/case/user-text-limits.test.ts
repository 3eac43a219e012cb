/**
 * Every parser of user text finishes on a megabyte and refuses it, saying
 * why (the result is asserted, not the time: each reads its limit's worth
 * at most); and a unit power is taken only on m^2 and m^3, so "MWh^9999"
 * and "g^1e308" are problems at the item, never an overflow.
 */
import { describe, expect, it } from "vitest";
import { checkCase, parseJsonText } from "../../src/case/evaluate-document.js";
import { jsonNestingExceeds } from "../../src/case/json-depth.js";
import type { Problem } from "../../src/case/messages.js";
import { parseNok } from "../../src/case/money.js";
import { WORK_LIMITS } from "../../src/case/work-budget.js";
import { parseQuantity } from "../../src/core/units.js";
import { parseNumber } from "../../src/i18n/parse-number.js";
import { blankCase } from "../../src/web/editor/form-model.js";
import { formToCase } from "../../src/web/editor/form-to-case.js";
import { caseWith, fixtureLibrary, type Json } from "./fixture-library.js";

const MEGABYTE = 1_000_000;
/** Shapes a megabyte of hostile text takes: all digits, groups without end, spaces between two digits, digits and a unit. */
const MEGABYTES: [string, string][] = [
  ["digits", "1".repeat(MEGABYTE)],
  ["groups", `1${" 000".repeat(MEGABYTE / 4)}`],
  ["spaces", `1${" ".repeat(MEGABYTE)}1`],
  ["digits and a unit", `${"9".repeat(MEGABYTE)} kg`],
];

describe("every parser of user text refuses a megabyte, saying it is too long", () => {
  it.each(MEGABYTES)("parseNumber, %s, in both languages", (_shape, text) => {
    for (const lang of ["nb", "en"] as const) expect(parseNumber(text, lang)).toEqual({ ok: false, problem: { code: "too-long", limit: 100 } });
  });

  it.each(MEGABYTES)("parseQuantity and parseNok, %s", (_shape, text) => {
    expect(parseQuantity(text)).toEqual({ ok: false, problem: "too-long", detail: "80" });
    expect(parseNok(text)).toEqual({ ok: false, problem: "too-long" });
  });

  it("jsonNestingExceeds on 5 MB of «[» says too deep, and the JSON reader refuses it without parsing", () => {
    const text = "[".repeat(5 * MEGABYTE);
    expect(jsonNestingExceeds(text, WORK_LIMITS.depth)).toBe(true);
    expect(jsonNestingExceeds(new TextEncoder().encode(text), WORK_LIMITS.depth)).toBe(true);
    expect(parseJsonText(text)).toEqual({ ok: false, problems: [{ path: "(document)", code: "limit-depth", params: { limit: String(WORK_LIMITS.depth) } }] });
  });

  it.each(["nb", "en"] as const)("the editor's form reader (%s): a megabyte in a number field, the own carbon price table, a quantity and an amount is one too-long problem on each", (lang) => {
    const form = blankCase(2026);
    const huge = "1".repeat(MEGABYTE);
    form.analysis.years = huge;
    form.analysis.discountRate = `${huge},5`;
    form.analysis.carbonPrice = "custom";
    form.analysis.carbonPriceCustom = `2026: ${huge}`;
    const alternative = form.alternatives[0]!;
    alternative.emissions[0] = { ...alternative.emissions[0]!, factor: "mat.steel", quantity: `${huge} kg`, count: huge, at: huge };
    alternative.costs[0] = { ...alternative.costs[0]!, amount: `${huge} kr` };
    const { problems } = formToCase(form, lang);
    const tooLong = (path: string, limit: number) => ({ path, code: "too-long", params: { limit: String(limit), length: expect.any(String) } });
    expect(problems).toEqual([
      tooLong("analysis.years", 100),
      tooLong("analysis.discountRate", 100),
      tooLong("analysis.carbonPrice.custom", 4000),
      tooLong("alternatives[0].emissions[0].quantity", 80),
      tooLong("alternatives[0].emissions[0].count", 100),
      tooLong("alternatives[0].emissions[0].at", 100),
      tooLong("alternatives[0].costs[0].amount", 80),
    ]);
  });
});

/** The problems of a case whose first alternative has these emission items. */
function problemsWith(emissions: Json[]): Problem[] {
  const checked = checkCase(caseWith([{ emissions }]), fixtureLibrary());
  if (checked.ok) throw new Error("expected problems, but the case was accepted");
  return checked.problems;
}

describe("a unit power only on m^2 and m^3 (mm to km)", () => {
  it.each(["MWh^9999", "g^1e308"])("«1 %s» as a quantity is a unit-power problem at the item's quantity", (unit) => {
    expect(problemsWith([{ kind: "material", factor: "mat.steel", quantity: `1 ${unit}` }])).toEqual([
      { path: "alternatives[0].emissions[0].quantity", code: "unit-power", params: { value: `1 ${unit}`, unit: "t", given: unit } },
    ]);
  });

  it.each(["MWh^9999", "g^1e308"])("«kgCO2e/%s» as an inline factor's unit is a factor-unit problem at the item's factor", (unit) => {
    expect(problemsWith([{ kind: "material", factor: { value: 1, unit: `kgCO2e/${unit}` }, quantity: "1 kg" }])).toEqual([
      { path: "alternatives[0].emissions[0].factor.unit", code: "factor-unit", params: { unit: `kgCO2e/${unit}` } },
    ]);
  });

  it("m^2 and m^3 with mm, cm, dm, m and km are read: 2 km^2 is 2 000 000 m^2, 500 dm^3 is 0.5 m^3", () => {
    const checked = checkCase(
      caseWith([
        {
          emissions: [
            { kind: "material", factor: { value: 1, unit: "kgCO2e/m^2" }, quantity: "2 km^2" },
            { kind: "material", factor: { value: 1, unit: "kgCO2e/m^3" }, quantity: "500 dm^3" },
          ],
        },
      ]),
      fixtureLibrary(),
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.resolved.alternatives[0]!.emissions.map((e) => e.quantity.toFixed())).toEqual(["2000000", "0.5"]);
  });
});
