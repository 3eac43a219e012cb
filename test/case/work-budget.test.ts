/**
 * The work budget (src/case/work-budget.ts), counted before any parsing:
 * each limit refuses at the first item that passes it and names the limit;
 * a case just inside every limit passes; checkCase reports the budget
 * problem alone, before the schema or the factors are looked at.
 */
import { describe, expect, it } from "vitest";
import { checkCase } from "../../src/case/evaluate-document.js";
import { problemMessage } from "../../src/case/messages.js";
import { itemOccurrences, WORK_LIMITS, workBudgetProblems } from "../../src/case/work-budget.js";
import { fixtureLibrary } from "./fixture-library.js";

const cost = (extra: Record<string, unknown> = {}) => ({ kind: "operation", amount: "100 NOK", ...extra });

/** A case of `alternatives` × `items` costs (as many as fit in one alternative's 1 000, then the next). */
function caseOf(items: number, extra: Record<string, unknown> = {}, years = 10) {
  const alternatives = Array.from({ length: Math.ceil(items / 1000) }, (_, a) => ({
    id: `A${a}`,
    name: `Alternativ ${a}`,
    costs: Array.from({ length: Math.min(1000, items - a * 1000) }, () => cost(extra)),
  }));
  return { schema: "kalkyle.case/1", title: "Budsjett", analysis: { startYear: 2026, years }, alternatives };
}

describe("the work budget", () => {
  it("counts an item's occurrences: once, every k years from at, life copies before N plus the residual", () => {
    expect(itemOccurrences({}, 20)).toBe(1);
    expect(itemOccurrences({ every: 1 }, 20)).toBe(21);
    expect(itemOccurrences({ at: 5, every: 5 }, 20)).toBe(4); // 5, 10, 15, 20
    expect(itemOccurrences({ life: 7 }, 20)).toBe(4); // 0, 7, 14 and the residual
    expect(itemOccurrences({ at: "end" }, 20)).toBe(1);
  });

  it(`refuses the ${WORK_LIMITS.items + 1}th item, at its place, in words with the limit grouped`, () => {
    expect(workBudgetProblems(caseOf(WORK_LIMITS.items))).toEqual([]);
    const problems = workBudgetProblems(caseOf(WORK_LIMITS.items + 1));
    expect(problems).toEqual([{ path: "alternatives[2].costs[0]", code: "limit-items", params: { limit: "2000" } }]);
    expect(problemMessage(problems[0]!, "nb")).toContain("mer enn 2\u00a0000 poster");
    expect(problemMessage(problems[0]!, "en")).toContain("more than 2,000 items");
  });

  it("refuses the item whose occurrences pass 200 000, not the ones before", () => {
    // 1 000 items × 101 occurrences (every year of 100) = 101 000; the 1 981st item passes 200 000
    const doc = caseOf(2000, { every: 1 }, 100);
    expect(workBudgetProblems(doc)).toEqual([{ path: "alternatives[1].costs[980]", code: "limit-occurrences", params: { limit: "200000" } }]);
    expect(workBudgetProblems(caseOf(1980, { every: 1 }, 100))).toEqual([]);
  });

  it("refuses the 501st distinct unit and the 17th level of nesting", () => {
    const units = {
      ...caseOf(0),
      alternatives: [{ id: "A", name: "A", emissions: Array.from({ length: 600 }, (_, i) => ({ kind: "fixed", factor: { value: 1, unit: `kgCO2e/u${i}` }, quantity: "1" })) }],
    };
    expect(workBudgetProblems(units)).toMatchObject([{ code: "limit-units", params: { limit: "500" } }]);
    let deep: unknown = 1;
    for (let i = 0; i < 17; i++) deep = [deep];
    expect(workBudgetProblems({ ...caseOf(1), title: deep })).toEqual([{ path: "(document)", code: "limit-depth", params: { limit: "16" } }]);
  });

  it("is checked first: checkCase gives the budget problem alone, not a thousand schema problems", () => {
    const doc = caseOf(WORK_LIMITS.items + 1, { amount: "not money", kind: "nonsense" });
    const checked = checkCase(doc, fixtureLibrary());
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems.map((p) => p.code)).toEqual(["limit-items"]);
  });
});
