import { describe, expect, it } from "vitest";
import { pluralize } from "../../src/i18n/plural.js";
import { translate } from "../../src/web/i18n/catalog.js";

const YEARS = "{years, plural, one {# year} other {# years}}";

describe("pluralize", () => {
  it("picks the form by the language's plural rules: 1 year, 0 years, 2 years", () => {
    expect([1, 0, 2].map((years) => pluralize(YEARS, { years }, "en"))).toEqual(["1 year", "0 years", "2 years"]);
    expect(pluralize("{count, plural, one {# sak} other {# saker}}", { count: 1 }, "nb")).toBe("1 sak");
  });

  it("reads a number written with group separators, and keeps a placeholder for the browser to fill", () => {
    expect(pluralize("{count, plural, one {# hit} other {# hits}}", { count: "1\u00a0200" }, "en")).toBe("1\u00a0200 hits");
    expect(pluralize("{count, plural, one {# hit} other {# hits}}", { count: "{count}" }, "en")).toBe("{count} hits");
  });
});

describe("interface text with counts", () => {
  it("says «1 year» for a one-year period and «1 case», never «1 years» or «1 cases»", () => {
    expect(translate("en", "compare.period.value", { years: 1, start: "2026", end: "2027" })).toBe("1 year (2026–2027), year 0 = 2026");
    expect(translate("en", "compare.period.value", { years: 10, start: "2026", end: "2036" })).toBe("10 years (2026–2036), year 0 = 2026");
    expect(translate("en", "cases.count", { count: 1 })).toBe("1 case");
    expect(translate("nb", "cases.count", { count: 1 })).toBe("1 sak");
    expect(translate("en", "form.errors", { count: 1 })).toBe("The form has 1 problem. Correct the marked fields.");
    expect(translate("en", "factors.count", { count: 1 })).toBe("1 factor matches the search.");
    expect(translate("nb", "cases.deleteText", { title: "Stoler", count: 1 })).toBe("Saken «Stoler» med 1 alternativ slettes for godt.");
    expect(translate("en", "cases.deleteText", { title: "Chairs", count: 2 })).toBe("The case “Chairs” with 2 alternatives will be deleted for good.");
  });
});
