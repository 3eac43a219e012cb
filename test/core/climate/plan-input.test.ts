import { describe, expect, it } from "vitest";
import { problemLine } from "../../../src/case/messages.js";
import { parsePlan } from "../../../src/core/climate/plan-input.js";

/** A plan that parses; each test changes one thing. */
function plan(): Record<string, unknown> {
  return {
    baseline: {
      year: 2019,
      categories: [
        { category: "transport", directTonnes: 850, indirectTonnes: "120.50" },
        { category: "food", directTonnes: "0", indirectTonnes: 2300 },
      ],
    },
    target: { kind: "shape", shape: "linear", start: { year: 2019, tonnes: 3270.5 }, end: { year: 2030, tonnes: 0 } },
    neutralityYear: 2027,
    compensation: { nokPerTonne: "1500", source: "Gold Standard-kreditter, tilbud 2026" },
  };
}

/** The problems of `input` as [path, code] pairs. */
function problemsOf(input: unknown): [string, string][] {
  const parsed = parsePlan(input);
  if (parsed.ok) throw new Error("expected problems");
  return parsed.problems.map((p) => [p.path, p.code]);
}

const withTarget = (target: unknown) => ({ ...plan(), target });

describe("parsePlan: a plan that is right", () => {
  it("reads tonnes given as numbers or plain decimal text into decimal text, exactly", () => {
    const parsed = parsePlan(plan());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.baseline.categories).toEqual([
      { category: "transport", directTonnes: "850", indirectTonnes: "120.5" },
      { category: "food", directTonnes: "0", indirectTonnes: "2300" },
    ]);
    expect(parsed.value.target).toEqual({ kind: "shape", shape: "linear", start: { year: 2019, tonnes: "3270.5" }, end: { year: 2030, tonnes: "0" } });
    expect(parsed.value.compensation).toEqual({ nokPerTonne: "1500", source: "Gold Standard-kreditter, tilbud 2026" });
  });
  it("takes 2027 as the neutrality year and no compensation price when they are left out", () => {
    const rest = plan();
    delete rest.neutralityYear;
    delete rest.compensation;
    const parsed = parsePlan(rest);
    expect(parsed.ok && parsed.value.neutralityYear).toBe(2027);
    expect(parsed.ok && parsed.value.compensation).toBeNull();
  });
  it("keeps given target years in calendar order and reads years given as digits", () => {
    const parsed = parsePlan(withTarget({ kind: "years", targets: [{ year: 2030, tonnes: 0 }, { year: "2019", tonnes: 3000 }, { year: 2027, tonnes: "1000" }] }));
    expect(parsed.ok && parsed.value.target).toEqual({
      kind: "years",
      targets: [
        { year: 2019, tonnes: "3000" },
        { year: 2027, tonnes: "1000" },
        { year: 2030, tonnes: "0" },
      ],
    });
  });
  it("reads 0.1 as 0.1, never as the float's binary digits", () => {
    const input = plan();
    (input.baseline as { categories: { indirectTonnes: unknown }[] }).categories[0]!.indirectTonnes = 0.1;
    const parsed = parsePlan(input);
    expect(parsed.ok && parsed.value.baseline.categories[0]!.indirectTonnes).toBe("0.1");
  });
});

describe("parsePlan: every problem with its path", () => {
  it("the document itself: not an object, or unknown fields", () => {
    expect(problemsOf("plan")).toEqual([["(document)", "type"]]);
    expect(problemsOf(null)).toEqual([["(document)", "type"]]);
    expect(problemsOf({ ...plan(), neutrality: 2027 })).toEqual([["neutrality", "unknown-field"]]);
  });
  it("baseline year out of 1990–2100, missing, or not whole", () => {
    const at = (year: unknown) => problemsOf({ ...plan(), baseline: { ...(plan().baseline as object), year } });
    expect(at(1989)).toEqual([["baseline.year", "too-small"]]);
    expect(at(2101)).toEqual([["baseline.year", "too-big"]]);
    expect(at(2019.5)).toEqual([["baseline.year", "integer"]]);
    expect(at("2019.5")).toEqual([["baseline.year", "integer"]]);
    expect(at("tjue")).toEqual([["baseline.year", "type"]]);
    expect(at(undefined)).toEqual([["baseline.year", "required"]]);
  });
  it("baseline categories: none, unknown, twice, tonnes negative, not a number, too large, missing", () => {
    const rows = (categories: unknown) => problemsOf({ ...plan(), baseline: { year: 2019, categories } });
    expect(rows([])).toEqual([["baseline.categories", "too-short"]]);
    expect(rows([{ category: "ships", directTonnes: 1, indirectTonnes: 1 }])).toEqual([["baseline.categories[0].category", "one-of"]]);
    expect(
      rows([
        { category: "food", directTonnes: 1, indirectTonnes: 1 },
        { category: "ict", directTonnes: 1, indirectTonnes: 1 },
        { category: "food", directTonnes: 2, indirectTonnes: 2 },
      ]),
    ).toEqual([["baseline.categories[2].category", "climate-duplicate-category"]]);
    expect(
      rows([
        { category: "food", directTonnes: -1, indirectTonnes: "1 234,5" },
        { category: "ict", directTonnes: 1_000_000_001, indirectTonnes: true },
        { category: "energy", directTonnes: "" },
      ]),
    ).toEqual([
      ["baseline.categories[0].directTonnes", "negative"],
      ["baseline.categories[0].indirectTonnes", "climate-decimal"],
      ["baseline.categories[1].directTonnes", "too-big"],
      ["baseline.categories[1].indirectTonnes", "type"],
      ["baseline.categories[2].directTonnes", "required"],
      ["baseline.categories[2].indirectTonnes", "required"],
    ]);
  });
  it("the duplicate category names the row it was first given in (from 1)", () => {
    const parsed = parsePlan({ ...plan(), baseline: { year: 2019, categories: [{ category: "ict", directTonnes: 1, indirectTonnes: 1 }, { category: "ict", directTonnes: 1, indirectTonnes: 1 }] } });
    expect(!parsed.ok && parsed.problems[0]!.params).toEqual({ first: "1" });
  });
  it("target: no kind, an unknown kind or shape", () => {
    expect(problemsOf(withTarget({}))).toEqual([["target.kind", "required"]]);
    expect(problemsOf(withTarget({ kind: "curve" }))).toEqual([["target.kind", "one-of"]]);
    expect(problemsOf(withTarget({ kind: "shape", shape: "s-curve", start: { year: 2019, tonnes: 1 }, end: { year: 2030, tonnes: 0 } }))).toEqual([["target.shape", "one-of"]]);
  });
  it("target years: none, a year twice, out of range, tonnes wrong", () => {
    expect(problemsOf(withTarget({ kind: "years", targets: [] }))).toEqual([["target.targets", "too-short"]]);
    expect(problemsOf(withTarget({ kind: "years", targets: [{ year: 2027, tonnes: 1 }, { year: 2030, tonnes: 0 }, { year: 2027, tonnes: 2 }] }))).toEqual([["target.targets[2].year", "climate-duplicate-year"]]);
    expect(problemsOf(withTarget({ kind: "years", targets: [{ year: 2101, tonnes: 1 }, { year: 2027, tonnes: "x" }] }))).toEqual([
      ["target.targets[0].year", "too-big"],
      ["target.targets[1].tonnes", "climate-decimal"],
    ]);
  });
  it("target shape: the end year not after the start year; a constant rate from or to 0 t", () => {
    expect(problemsOf(withTarget({ kind: "shape", shape: "linear", start: { year: 2030, tonnes: 10 }, end: { year: 2030, tonnes: 0 } }))).toEqual([["target.end.year", "climate-end-before-start"]]);
    expect(problemsOf(withTarget({ kind: "shape", shape: "constant-rate", start: { year: 2019, tonnes: "0.0" }, end: { year: 2030, tonnes: 0 } }))).toEqual([
      ["target.start.tonnes", "climate-constant-rate-zero"],
      ["target.end.tonnes", "climate-constant-rate-zero"],
    ]);
    expect(problemsOf(withTarget({ kind: "shape", shape: "linear", start: { year: 2019 }, end: { tonnes: -3 } }))).toEqual([
      ["target.start.tonnes", "required"],
      ["target.end.year", "required"],
      ["target.end.tonnes", "negative"],
    ]);
  });
  it("neutrality year: out of 2000–2100, before the baseline year, outside the target path", () => {
    expect(problemsOf({ ...plan(), neutralityYear: 1999 })).toEqual([["neutralityYear", "too-small"]]);
    expect(problemsOf({ ...plan(), neutralityYear: 2101 })).toEqual([["neutralityYear", "too-big"]]);
    expect(problemsOf({ ...plan(), neutralityYear: 2018, target: { kind: "years", targets: [{ year: 2010, tonnes: 5 }, { year: 2030, tonnes: 0 }] } })).toEqual([["neutralityYear", "climate-neutrality-before-baseline"]]);
    expect(problemsOf({ ...plan(), neutralityYear: 2031 })).toEqual([["neutralityYear", "climate-neutrality-outside-path"]]);
  });
  it("compensation: a price that is negative or not a number, a source missing or too long, unknown fields", () => {
    const comp = (compensation: unknown) => problemsOf({ ...plan(), compensation });
    expect(comp({ nokPerTonne: -5, source: "x" })).toEqual([["compensation.nokPerTonne", "negative"]]);
    expect(comp({ nokPerTonne: "1 500", source: "   " })).toEqual([
      ["compensation.nokPerTonne", "climate-decimal"],
      ["compensation.source", "required"],
    ]);
    expect(comp({ nokPerTonne: 10_000_001, source: "x".repeat(501) })).toEqual([
      ["compensation.nokPerTonne", "too-big"],
      ["compensation.source", "too-long"],
    ]);
    expect(comp({ price: 5, source: "x" })).toEqual([
      ["compensation.nokPerTonne", "required"],
      ["compensation.price", "unknown-field"],
    ]);
    expect(parsePlan({ ...plan(), compensation: null }).ok).toBe(true);
  });
  it("says in each language what is wrong and where", () => {
    const parsed = parsePlan({ ...plan(), target: { kind: "shape", shape: "linear", start: { year: 2030, tonnes: 10 }, end: { year: 2025, tonnes: 0 } } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(problemLine(parsed.problems[0]!, "nb")).toBe("target.end.year: sluttåret (2025) må være etter startåret (2030)");
    expect(problemLine(parsed.problems[0]!, "en")).toBe("target.end.year: the end year (2025) must be after the start year (2030)");
    const decimal = parsePlan({ ...plan(), compensation: { nokPerTonne: "1 500,5", source: "x" } });
    expect(!decimal.ok && problemLine(decimal.problems[0]!, "en")).toBe('compensation.nokPerTonne: "1 500,5" is not a number; write tonnes or kroner with a decimal point and no spaces, e.g. "1234.5"');
  });
});
