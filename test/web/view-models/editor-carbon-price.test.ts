/**
 * The editor's carbon-price choice says what the chosen factor set offers:
 * a set with one path (2025-1, 2025-2) offers that path as published, with
 * no ETS and no rebasing; a set with R-109's named paths offers ETS where it
 * has one, rebased to the price year.
 */
import { describe, expect, it } from "vitest";
import type { Lang } from "../../../src/case/messages.js";
import type { FactorLibrary } from "../../../src/factors/factor-set.js";
import { loadFactorLibrary } from "../../../src/factors/load.js";
import type { Economics } from "../../../src/factors/schema.js";
import { blankCase } from "../../../src/web/editor/form-model.js";
import { editorPageModel } from "../../../src/web/view-models/editor.js";

const bundled = loadFactorLibrary();
const newest = bundled.sets.get(bundled.newest)!;
const source = { publisher: "Finansdepartementet", title: "Karbonprisbaner", year: 2024, table: "Tabell 1", licence: "NLOD 2.0" };

/** The newest set, but with R-109's named paths in place of its one published path. */
function withPaths(ids: ("non-ets" | "ets")[]): FactorLibrary {
  const economics = { ...newest.economics, carbonPricePath: undefined, carbonPricePaths: ids.map((id) => ({ id, names: { nb: id, en: id }, priceLevelYear: 2024, nokPerTonne: { "2025": "1000" }, source })) } as unknown as Economics;
  return { ...bundled, sets: new Map([[newest.id, { ...newest, economics }]]) };
}

function carbonField(library: FactorLibrary, lang: Lang) {
  const model = editorPageModel({ form: blankCase(2026), problems: [], library, lang });
  const field = model.analysis.find((f) => f.id === "analysis.carbonPrice")!;
  return { values: field.options!.map((o) => o.value), labels: field.options!.map((o) => o.label), hint: field.hint! };
}

describe("the editor's carbon-price choice", () => {
  it("for a set with one path as published: that path only, named as the set's, and a hint without ETS or rebasing", () => {
    expect(newest.economics.carbonPricePaths).toBeUndefined();
    const nb = carbonField(bundled, "nb");
    expect(nb.values).toEqual(["", "default", "custom"]);
    expect(nb.labels[1]).toBe("Faktorsettets prisbane (R-109, ikke-kvotepliktig sektor), slik den er publisert");
    expect(nb.hint).toContain(`Faktorsett ${newest.id} har én karbonprisbane`);
    expect(nb.hint).toContain("regnes ikke om til prisåret");
    expect(nb.hint).not.toMatch(/Bruk ETS-banen|regnes om til prisåret med/);
    const en = carbonField(bundled, "en");
    expect(en.labels[1]).toBe("The factor set's price path (R-109, non-ETS sector), as published");
    expect(en.hint).toContain("are not rebased to the price year");
    expect(en.hint).not.toContain("Use the ETS path");
  });

  it("for a set with R-109's named paths: non-ETS by default, ETS offered and explained, rebased to the price year", () => {
    const en = carbonField(withPaths(["non-ets", "ets"]), "en");
    expect(en.values).toEqual(["", "default", "ets", "custom"]);
    expect(en.labels.slice(1, 3)).toEqual(["R-109, non-ETS sector, the default", "R-109, EU ETS sector"]);
    expect(en.hint).toBe("R-109's carbon price paths come with the factor set and are rebased to the price year with the consumer price index. Use the ETS path for emissions in the EU ETS sector.");
  });

  it("for a set with a non-ETS path only: no word of ETS", () => {
    const nb = carbonField(withPaths(["non-ets"]), "nb");
    expect(nb.values).toEqual(["", "default", "custom"]);
    expect(nb.hint).not.toContain("ETS");
  });
});
