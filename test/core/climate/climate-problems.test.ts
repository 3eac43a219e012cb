import { describe, expect, it } from "vitest";
import { problemMessage, type ProblemCode } from "../../../src/case/messages.js";
import { CLIMATE_PROBLEM_MESSAGES } from "../../../src/core/climate/climate-problems.js";

describe("the climate problems in the one catalogue", () => {
  it("every code reads in bokmål and in English, each placeholder filled", () => {
    for (const [code, texts] of Object.entries(CLIMATE_PROBLEM_MESSAGES)) {
      const names = [...new Set([...texts.nb.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];
      expect([...new Set([...texts.en.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort(), code).toEqual([...names].sort());
      const params = Object.fromEntries(names.map((n) => [n, `«${n}-value»`]));
      for (const lang of ["nb", "en"] as const) {
        const message = problemMessage({ path: "x", code: code as ProblemCode, params }, lang);
        expect(message, `${code} ${lang}`).not.toMatch(/[{}]/);
        for (const n of names) expect(message, `${code} ${lang}`).toContain(`${n}-value`);
      }
      expect(texts.nb, code).not.toBe(texts.en);
    }
  });
});
