/**
 * The finance page's query (src/web/view-models/finance-form.ts): numbers
 * read the user's way in each language, whole numbers where they must be,
 * each within its bounds, a pair of two different alternatives of the
 * case, defaults for what is left out, and each refusal said for its field.
 */
import { describe, expect, it } from "vitest";
import { financeHref, financeQueryOf, parseFinanceQuery } from "../../../src/web/view-models/finance-form.js";

const IDS = ["A", "B", "C"];
const parse = (query: Record<string, unknown>, lang: "nb" | "en" = "nb") => parseFinanceQuery(financeQueryOf(query), IDS, lang);

describe("the finance query", () => {
  it("fills the defaults (± 10 %, 2 000 draws, costs ± 10 %) and leaves the seed and the pair out when none is given", () => {
    expect(parse({})).toEqual({ ok: true, request: { percent: 10, samples: 2000, costPercent: 10 } });
  });

  it("reads numbers the language's way: «7,5» and «12,5 %» in bokmål, «7.5» and «20,000» in English", () => {
    expect(parse({ percent: "7,5", costPercent: "12,5 %", samples: "20 000", seed: "42" })).toEqual({ ok: true, request: { percent: 7.5, samples: 20000, costPercent: 12.5, seed: 42 } });
    expect(parse({ percent: "7.5", samples: "20,000", a: "C", b: "A" }, "en")).toEqual({ ok: true, request: { a: "C", b: "A", percent: 7.5, samples: 20000, costPercent: 10 } });
  });

  it("refuses each field with its reason: out of bounds, not whole, not a number, a point in bokmål, an unknown or repeated alternative", () => {
    const refused = parse({ percent: "0", samples: "150,5", seed: "2147483648", costPercent: "1.5", a: "X", b: "B" });
    expect(refused).toEqual({
      ok: false,
      errors: {
        a: "«X» er ikke et alternativ i saken",
        percent: "må være mellom 1 og 50",
        samples: `må være et heltall fra 100 til 20\u00a0000`,
        seed: `må være et heltall fra 0 til 2\u00a0147\u00a0483\u00a0647`,
        costPercent: expect.stringContaining("«1.5»: punktum (tegn 2) brukes ikke i tall"),
      },
    });
    expect(parse({ a: "B", b: "B" }, "en")).toEqual({ ok: false, errors: { b: "choose an alternative other than A" } });
    expect(parse({ a: "B" }, "en")).toEqual({ ok: false, errors: { b: "choose both A and B, or neither" } });
    expect(parse({ seed: "tja" }, "en")).toEqual({ ok: false, errors: { seed: "“tja” is not a number" } });
  });

  it("takes the first of a field given twice, and keeps the run's values in the link that repeats it", () => {
    expect(parse({ percent: ["20", "30"] })).toEqual({ ok: true, request: { percent: 20, samples: 2000, costPercent: 10 } });
    expect(financeHref("k 1", { a: "A", b: "", seed: "7" })).toBe("/cases/k%201/finance?a=A&seed=7");
    expect(financeHref("k1", { seed: "7" }, "memo")).toBe("/cases/k1/memo?seed=7");
  });
});
