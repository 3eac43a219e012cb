import { describe, expect, it } from "vitest";
import { errorPageModel, shownAddress } from "../../../src/web/view-models/error-page.js";

describe("shownAddress", () => {
  it("shows a short address as a person reads it, percent escapes decoded", () => {
    expect(shownAddress("/cases/abc")).toBe("/cases/abc");
    expect(shownAddress("/s%C3%B8k%20her?q=kj%C3%B8ret%C3%B8y")).toBe("/søk her?q=kjøretøy");
  });

  it("keeps a malformed escape as it came and drops control characters", () => {
    expect(shownAddress("/a%E0%A4%A")).toBe("/a%E0%A4%A");
    expect(shownAddress("/a%0Ab%00c")).toBe("/abc");
  });

  it("cuts a long address to 80 characters in the middle, keeping its start and end", () => {
    const long = `/start-${"x".repeat(300)}-slutt`;
    const shown = shownAddress(long);
    expect(Array.from(shown)).toHaveLength(80);
    expect(shown.startsWith("/start-")).toBe(true);
    expect(shown.endsWith("-slutt")).toBe(true);
    expect(shown).toContain("…");
    expect(Array.from(shownAddress(`/${"ø".repeat(79)}`))).toHaveLength(80);
  });
});

describe("errorPageModel", () => {
  const base = { message: "m", problems: [], asked: "/x" };

  it("names what happened in the title, in the page's language", () => {
    expect(errorPageModel({ ...base, status: 404, lang: "nb" }).pageTitle).toBe("Fant ikke siden");
    expect(errorPageModel({ ...base, status: 404, lang: "en" }).pageTitle).toBe("Page not found");
    expect(errorPageModel({ ...base, status: 413, lang: "nb" }).heading).toBe("For stort innhold");
    expect(errorPageModel({ ...base, status: 500, lang: "en" }).heading).toBe("Something went wrong");
  });

  it("shows what was asked for on a 404 only", () => {
    expect(errorPageModel({ ...base, status: 404, lang: "nb" }).notFound).toEqual({ asked: "/x" });
    expect(errorPageModel({ ...base, status: 403, lang: "nb" }).notFound).toBeUndefined();
  });

  it("says a 413's limit in MB as the language writes numbers, and keeps the message when the limit is unknown", () => {
    expect(errorPageModel({ ...base, status: 413, lang: "nb", limitBytes: 1024 * 1024 }).message).toContain("grensen på 1 MB");
    expect(errorPageModel({ ...base, status: 413, lang: "nb", limitBytes: 1.5 * 1024 * 1024 }).message).toContain("grensen på 1,5 MB");
    expect(errorPageModel({ ...base, status: 413, lang: "en", limitBytes: 2.5 * 1024 * 1024 }).message).toContain("the limit of 2.5 MB");
    expect(errorPageModel({ ...base, status: 413, lang: "en" }).message).toBe("m");
  });
});
