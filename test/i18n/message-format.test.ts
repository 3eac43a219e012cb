import { describe, expect, it } from "vitest";
import { formatMessage } from "../../src/i18n/message-format.js";
import { translate } from "../../src/web/i18n/catalog.js";

const YEARS = "{years, plural, one {# year} other {# years}}";

describe("formatMessage (ICU MessageFormat through intl-messageformat)", () => {
  it("picks the form by the language's plural rules: 1 year, 0 years, 2 years", () => {
    expect([1, 0, 2].map((years) => formatMessage("en", YEARS, { years }))).toEqual(["1 year", "0 years", "2 years"]);
    expect(formatMessage("nb", "{count, plural, one {# sak} other {# saker}}", { count: 1 })).toBe("1 sak");
    expect(formatMessage("nb", "{count, plural, one {# sak} other {# saker}}", { count: 2 })).toBe("2 saker");
  });

  it("writes # as each language writes numbers, and reads a count given as text", () => {
    expect(formatMessage("nb", "{count, plural, one {# sak} other {# saker}}", { count: 1200 })).toBe("1\u00a0200 saker");
    expect(formatMessage("en", "{count, plural, one {# hit} other {# hits}}", { count: 1200 })).toBe("1,200 hits");
    expect(formatMessage("en", "{count, plural, one {# hit} other {# hits}}", { count: "1\u00a0200" })).toBe("1,200 hits");
    expect(formatMessage("en", "{count, plural, one {# hit} other {# hits}}", { count: "1" })).toBe("1 hit");
    // a count already written the language's way is read the language's way
    expect(formatMessage("en", "{count, plural, one {# case} other {# cases}}", { count: "3,001" })).toBe("3,001 cases");
    expect(formatMessage("nb", "{count, plural, one {# sak} other {# saker}}", { count: "3\u00a0001" })).toBe("3\u00a0001 saker");
    expect(formatMessage("nb", "{n, plural, one {# time} other {# timer}}", { n: "1,5" })).toBe("1,5 timer");
  });

  it("keeps a placeholder for the browser to fill, in the other form", () => {
    expect(formatMessage("en", "{count, plural, one {# hit} other {# hits}}", { count: "{count}" })).toBe("{count} hits");
  });

  it("fills a simple placeholder as given and a missing one with nothing", () => {
    expect(formatMessage("en", "{a} and {b}", { a: "1 200" })).toBe("1 200 and ");
    expect(formatMessage("nb", "år {year}", { year: 2027 })).toBe("år 2027");
  });

  it("exact selectors and select work as ICU defines them", () => {
    expect(formatMessage("en", "{n, plural, =0 {none} one {one} other {#}}", { n: 0 })).toBe("none");
    expect(formatMessage("en", "{kind, select, a {Alpha} other {Other}}", { kind: "a" })).toBe("Alpha");
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
