import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/case/messages.js";
import { parseDecisionInput } from "../../../src/core/climate/decision-input.js";

const ALTERNATIVES = ["diesel", "electric"];

function decision(): Record<string, unknown> {
  return { caseId: "case-1", chosen: "electric", contractStart: "2026-07", contractMonths: 24, category: "transport", strategyArea: "climate-environment" };
}

function problemsOf(input: unknown): [string, string][] {
  const parsed = parseDecisionInput(input, ALTERNATIVES);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems.map((p) => [p.path, p.code]);
}

describe("parseDecisionInput: a decision that is right", () => {
  it("reads the fields as given, without a note", () => {
    expect(parseDecisionInput(decision(), ALTERNATIVES)).toEqual({ ok: true, value: decision() });
  });
  it("reads the months as digits (a form sends text), trims the note, and drops a blank note", () => {
    const withText = parseDecisionInput({ ...decision(), contractMonths: " 36 ", note: "  Rammeavtale med opsjon  " }, ALTERNATIVES);
    expect(withText.ok && withText.value.contractMonths).toBe(36);
    expect(withText.ok && withText.value.note).toBe("Rammeavtale med opsjon");
    const blank = parseDecisionInput({ ...decision(), note: "   " }, ALTERNATIVES);
    expect(blank.ok && "note" in blank.value).toBe(false);
  });
  it("takes the first and last month of the range", () => {
    expect(parseDecisionInput({ ...decision(), contractStart: "2000-01", contractMonths: 1 }, ALTERNATIVES).ok).toBe(true);
    expect(parseDecisionInput({ ...decision(), contractStart: "2100-12", contractMonths: 600 }, ALTERNATIVES).ok).toBe(true);
  });
});

describe("parseDecisionInput: every problem with its path", () => {
  it("chosen: missing, or not an alternative of the case (naming those there are)", () => {
    expect(problemsOf({ ...decision(), chosen: undefined })).toEqual([["chosen", "required"]]);
    expect(problemsOf({ ...decision(), chosen: " " })).toEqual([["chosen", "required"]]);
    const parsed = parseDecisionInput({ ...decision(), chosen: "hydrogen" }, ALTERNATIVES);
    expect(!parsed.ok && parsed.problems).toEqual([{ path: "chosen", code: "decision-unknown-alternative", params: { id: "hydrogen", options: "diesel, electric" } }]);
    expect(!parsed.ok && problemLine(parsed.problems[0]!, "nb")).toBe("chosen: «hydrogen» er ikke et alternativ i saken (finnes: diesel, electric)");
  });
  it("contractStart: not YYYY-MM, or outside 2000-01 to 2100-12", () => {
    expect(problemsOf({ ...decision(), contractStart: "07.2026" })).toEqual([["contractStart", "decision-month"]]);
    expect(problemsOf({ ...decision(), contractStart: "2026-13" })).toEqual([["contractStart", "decision-month"]]);
    expect(problemsOf({ ...decision(), contractStart: "1999-12" })).toEqual([["contractStart", "decision-month-range"]]);
    expect(problemsOf({ ...decision(), contractStart: "2101-01" })).toEqual([["contractStart", "decision-month-range"]]);
    expect(problemsOf({ ...decision(), contractStart: "" })).toEqual([["contractStart", "required"]]);
    const parsed = parseDecisionInput({ ...decision(), contractStart: "1999-12" }, ALTERNATIVES);
    expect(!parsed.ok && problemLine(parsed.problems[0]!, "en")).toBe('contractStart: "1999-12" is outside 2000-01 to 2100-12');
  });
  it("contractMonths: 0, over 600, not whole, not a number, missing", () => {
    expect(problemsOf({ ...decision(), contractMonths: 0 })).toEqual([["contractMonths", "too-small"]]);
    expect(problemsOf({ ...decision(), contractMonths: "601" })).toEqual([["contractMonths", "too-big"]]);
    expect(problemsOf({ ...decision(), contractMonths: 12.5 })).toEqual([["contractMonths", "integer"]]);
    expect(problemsOf({ ...decision(), contractMonths: "to år" })).toEqual([["contractMonths", "type"]]);
    expect(problemsOf({ ...decision(), contractMonths: "" })).toEqual([["contractMonths", "required"]]);
  });
  it("category and strategy area: unknown ids", () => {
    expect(problemsOf({ ...decision(), category: "ships", strategyArea: "climate" })).toEqual([
      ["category", "one-of"],
      ["strategyArea", "one-of"],
    ]);
  });
  it("note: over 1 000 characters; caseId: missing; unknown fields", () => {
    expect(problemsOf({ ...decision(), note: "x".repeat(1001) })).toEqual([["note", "too-long"]]);
    expect(problemsOf({ ...decision(), caseId: "" })).toEqual([["caseId", "required"]]);
    expect(problemsOf({ ...decision(), _csrf: "token" })).toEqual([["_csrf", "unknown-field"]]);
    expect(problemsOf("decision")).toEqual([["(document)", "type"]]);
  });
  it("gives every problem at once", () => {
    expect(problemsOf({ caseId: "c", chosen: "x", contractStart: "2026", contractMonths: -1, category: "food", strategyArea: "animal-welfare" }).map(([path]) => path)).toEqual([
      "chosen",
      "contractStart",
      "contractMonths",
    ]);
  });
});
