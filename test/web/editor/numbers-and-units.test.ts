/**
 * The editor reads numbers and units the way the user's language writes
 * them, through the one form reader (form-to-case.ts) and checkCase: the
 * van that drives «1 500 mil» drives 15 000 km, percent fields take «4 %»,
 * and a limit on a percent field is written in percent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../../src/case/messages.js";
import { Decimal } from "../../../src/core/decimal.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { checkForm } from "../../../src/web/editor/check-form.js";
import { blankCase, blankCost, blankEmission, type CaseForm } from "../../../src/web/editor/form-model.js";
import { formToCase } from "../../../src/web/editor/form-to-case.js";
import { parseNumber } from "../../../src/i18n/parse-number.js";
import { editableDecimal, percentLimit, withoutPercentSign } from "../../../src/web/editor/numbers.js";

const library = loadFactorLibrary();

/** A one-alternative case: a diesel van driving `quantity`, a cost with `escalation`, at `discountRate`. */
function vanCase(fields: { quantity?: string; discountRate?: string; escalation?: string }): CaseForm {
  const form = blankCase(2026);
  form.title = "Varelevering";
  form.analysis.discountRate = fields.discountRate ?? "";
  const alt = form.alternatives[0]!;
  alt.name = "Dieselvarebil";
  alt.emissions = [{ ...blankEmission(), kind: "delivery", factor: "vehicle.van.diesel.average", quantity: fields.quantity ?? "100 km" }];
  alt.costs = [{ ...blankCost(), kind: "operation", amount: "1 000", escalation: fields.escalation ?? "" }];
  return form;
}

const quantityOf = (form: CaseForm, lang: Lang) => ((formToCase(form, lang).doc.alternatives as { emissions: { quantity: string }[] }[])[0]!.emissions[0]!.quantity);

describe("quantities in the editor", () => {
  it("«1 500 mil» is saved as 1500 mil, which the case reads as 15 000 km", () => {
    expect(quantityOf(vanCase({ quantity: "1 500 mil" }), "nb")).toBe("1500 mil");
    expect(checkForm(vanCase({ quantity: "1 500 mil" }), library, "nb")).toMatchObject({ ok: true });
  });

  it("«1,200 km» in English is 1200 km; «1.200 km» in bokmål is refused at its field with the two readings", () => {
    expect(quantityOf(vanCase({ quantity: "1,200 km" }), "en")).toBe("1200 km");
    const nb = checkForm(vanCase({ quantity: "1.200 km" }), library, "nb");
    expect(nb.ok).toBe(false);
    const problem = !nb.ok && nb.problems.find((p) => p.path === "alternatives[0].emissions[0].quantity");
    expect(problem && problem.message).toMatch(/«1\u00a0200» eller «1,2»/);
  });

  it("an unknown unit close to an accepted one is named at the field: «1 500 Mil» — did you mean «mil»", () => {
    const checked = checkForm(vanCase({ quantity: "1 500 Mil" }), library, "nb");
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems).toEqual([{ path: "alternatives[0].emissions[0].quantity", message: "«1 500 Mil» kan ikke regnes om til km (ukjent enhet «Mil»); mente du «mil»?" }]);
  });
});

describe("percent fields", () => {
  it.each([
    ["4 %", 0.04],
    ["4%", 0.04],
    ["4,5 %", 0.045],
    ["4,5\u00a0%", 0.045],
    ["3,5", 0.035],
  ])("the discount rate «%s» is %s", (typed, fraction) => {
    const { doc, problems } = formToCase(vanCase({ discountRate: typed }), "nb");
    expect(problems).toEqual([]);
    expect((doc.analysis as { discountRate: number }).discountRate).toBe(fraction);
  });

  it("in English «4.5 %» is 0.045 and an escalation of «-1 %» is −0.01", () => {
    const { doc, problems } = formToCase(vanCase({ discountRate: "4.5 %", escalation: "-1 %" }), "en");
    expect(problems).toEqual([]);
    expect((doc.analysis as { discountRate: number }).discountRate).toBe(0.045);
    expect((doc.alternatives as { costs: { escalation: number }[] }[])[0]!.costs[0]!.escalation).toBe(-0.01);
  });

  it("a limit is written in the field's unit: at most 100 %, at least −50 %", () => {
    const nb = checkForm(vanCase({ discountRate: "150 %", escalation: "-60" }), library, "nb");
    expect(!nb.ok && nb.problems).toEqual([
      { path: "analysis.discountRate", message: "kan være høyst 100\u00a0%" },
      { path: "alternatives[0].costs[0].escalation", message: "må være minst \u221250\u00a0%" },
    ]);
    const en = checkForm(vanCase({ discountRate: "150" }), library, "en");
    expect(!en.ok && en.problems).toEqual([{ path: "analysis.discountRate", message: "must be at most 100\u00a0%" }]);
  });

  it("the sign is taken off only at the end, and a limit is exact", () => {
    expect(withoutPercentSign(" 4 % ")).toBe("4");
    expect(withoutPercentSign("4 %%")).toBe("4 %");
    expect(withoutPercentSign("% 4")).toBe("% 4");
    expect(percentLimit("1", "en")).toBe("100\u00a0%");
    expect(percentLimit("0.035", "nb")).toBe("3,5\u00a0%");
  });
});

describe("numbers the editor writes into its fields read back", () => {
  it("every decimal, written the bokmål or the English way (grouped or not), reads back to itself", () => {
    const decimal = fc
      .record({ negative: fc.boolean(), integer: fc.bigInt({ min: 0n, max: 10n ** 15n }), fraction: fc.stringMatching(/^\d{0,6}$/) })
      .map(({ negative, integer, fraction }) => `${negative && integer > 0n ? "-" : ""}${integer}${fraction === "" ? "" : `.${fraction}`}`);
    fc.assert(
      fc.property(decimal, fc.constantFrom("nb", "en") as fc.Arbitrary<Lang>, fc.boolean(), (d, lang, group) => {
        const written = editableDecimal(d, { lang, group });
        const read = parseNumber(written, lang, { allowNegative: true });
        expect(read, written).toEqual({ ok: true, decimal: new Decimal(d).toFixed() });
      }),
      { seed: 20_261_202, numRuns: 500 },
    );
  });
});
