/**
 * The editor's electricity drop-down: a factor given per calendar year says
 * that its value varies with the year, with its first and last year's value,
 * so the latest year's value is not read as the factor's for every year; a
 * factor with one value keeps showing it.
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../../src/case/messages.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import { blankCase } from "../../../src/web/editor/form-model.js";
import { editorPageModel } from "../../../src/web/view-models/editor.js";
import { factorHint } from "../../../src/web/view-models/factors.js";

const library = loadFactorLibrary();

function electricityLabel(id: string, lang: Lang): string {
  const model = editorPageModel({ form: blankCase(2026), problems: [], library, lang });
  const field = model.analysis.find((f) => f.id === "analysis.electricity")!;
  return field.options!.find((o) => o.value === id)!.label;
}

describe("the editor's electricity options", () => {
  it("say in bokmål that NVE's delivered electricity varies with the year, 2019: 0,017 … 2023: 0,015", () => {
    const label = electricityLabel("electricity.no.delivered", "nb");
    expect(label).toBe("Strøm, Norge, fysisk levert, etter år (NVE) – stedsbasert – varierer med året (2019: 0,017 … 2023: 0,015 kgCO2e/kWh)");
  });

  it("say the same in English with decimal points", () => {
    expect(electricityLabel("electricity.no.delivered", "en")).toBe("Electricity, Norway, physically delivered, by year (NVE) – location-based – varies by year (2019: 0.017 … 2023: 0.015 kgCO2e/kWh)");
  });

  it("keep one value for a factor that has one", () => {
    expect(electricityLabel("electricity.no.delivered-2023", "nb")).toBe("Strøm, Norge, fysisk levert 2023 (NVE) – stedsbasert – 0,015 kgCO2e/kWh");
  });

  it("and the one-line hint of a factor given per year says so too", () => {
    const record = library.sets.get(library.newest)!.records.get("fuel.diesel.road-no")!;
    expect(factorHint(record, "nb")).toContain(" · varierer med året (2023: 2,2090865 … 2024: 2,1558555 kgCO2e/l) · ");
    expect(factorHint(record, "en")).toContain(" · varies by year (2023: 2.2090865 … 2024: 2.1558555 kgCO2e/l) · ");
  });
});
