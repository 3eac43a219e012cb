import { describe, expect, it } from "vitest";
import { problemMessage, type Problem } from "../../src/case/messages.js";
import { resultSchema } from "../../src/case/result-schema.js";
import { StoreFormatError } from "../../src/store/errors.js";
import { readableResult } from "../../src/store/stored-documents.js";
import { caseWith, evaluateOk, problemsOf, type Json } from "./fixture-library.js";

const EPD = { registration: "NEPD-1234-567-NO", verifier: "Verifikator AS", programme: "EPD-Norge" };
/** 12 500 NOK (2024) of furniture: 10 000 NOK at 2019 prices, 1 000 EUR, × 0.5 kg/EUR = 500 kg, spend-based. */
const furniture: Json = { label: "Møbler", kind: "spend", factor: "spend.furniture", quantity: "12500 NOK" };
/** 1 000 kg wood × 0.5 kg/kg = 500 kg, generic activity data. */
const wood: Json = { label: "Tre", kind: "material", factor: "mat.wood", quantity: "1000 kg" };
/** The EPD's 0.3 kg/kg × 1 000 kg = 300 kg, verified. */
const verified: Json = { label: "Tre (EPD)", kind: "material", factor: { value: 0.3, unit: "kgCO2e/kg" }, quantity: "1000 kg", epd: EPD };
/** 0.4 kg/kg × 500 kg = 200 kg from an EPD without a verifier. */
const unverified: Json = { label: "Stål (EPD)", kind: "material", factor: { value: 0.4, unit: "kgCO2e/kg" }, quantity: "500 kg", epd: { registration: "NEPD-9999-1-NO" } };

const markup = { dataQuality: { markup: { spend: 0.3, generic: 0.2, epd: 0.1 } } };

describe("data tiers: what an item takes when it declares none", () => {
  it("spend items are spend-based, other items generic, EPD items epd or epd-verified by their verifier", () => {
    const { json } = evaluateOk(caseWith([{ emissions: [furniture, wood] }, { emissions: [verified, unverified] }]));
    const tiers = json.alternatives.map((a) => a.emissions.items.map((i) => (i as { tier?: string }).tier));
    expect(tiers).toEqual([
      ["spend", "generic"],
      ["epd-verified", "epd"],
    ]);
    expect((json.alternatives[1]!.emissions.items[0] as { epd?: unknown }).epd).toEqual(EPD);
  });

  it("a declared tier is kept: an EPD item may say epd although its EPD names a verifier", () => {
    const { json } = evaluateOk(caseWith([{ emissions: [{ ...verified, tier: "epd" }, { ...wood, tier: "spend" }] }]));
    expect(json.alternatives[0]!.emissions.items.map((i) => (i as { tier?: string }).tier)).toEqual(["epd", "spend"]);
  });
});

describe("data tiers: each problem with its path", () => {
  it("tier epd or epd-verified without an EPD", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...wood, tier: "epd" }, { ...wood, tier: "epd-verified" }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].tier", code: "tier-needs-epd", params: { tier: "epd" } },
      { path: "alternatives[0].emissions[1].tier", code: "tier-needs-epd", params: { tier: "epd-verified" } },
    ]);
  });

  it("tier epd-verified with an EPD that names no verifier", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...unverified, tier: "epd-verified" }] }]))).toEqual([{ path: "alternatives[0].emissions[0].epd", code: "tier-needs-verifier", params: {} }]);
  });

  it("a spend item claiming an EPD tier, or carrying an EPD", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...furniture, tier: "epd" }, { ...furniture, epd: EPD }, { ...furniture, tier: "spend", epd: EPD }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].tier", code: "spend-item-epd", params: {} },
      { path: "alternatives[0].emissions[1].epd", code: "spend-item-epd", params: {} },
      { path: "alternatives[0].emissions[2].tier", code: "spend-item-epd", params: {} },
    ]);
  });

  it("an EPD given with tier generic or spend", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...verified, tier: "generic" }, { ...verified, tier: "spend" }] }]))).toEqual([
      { path: "alternatives[0].emissions[0].epd", code: "epd-with-lower-tier", params: { tier: "generic" } },
      { path: "alternatives[0].emissions[1].epd", code: "epd-with-lower-tier", params: { tier: "spend" } },
    ]);
  });

  it("a tier problem is reported together with the item's other problems", () => {
    expect(problemsOf(caseWith([{ emissions: [{ ...wood, factor: "mat.unobtainium", tier: "epd" }] }])).map((p) => p.code)).toEqual(["tier-needs-epd", "unknown-factor"]);
  });

  it("every problem reads in both languages, without a field path", () => {
    const problems: Problem[] = [
      { path: "x", code: "tier-needs-epd", params: { tier: "epd" } },
      { path: "x", code: "tier-needs-verifier", params: {} },
      { path: "x", code: "spend-item-epd", params: {} },
      { path: "x", code: "epd-with-lower-tier", params: { tier: "generic" } },
    ];
    for (const p of problems) {
      for (const lang of ["nb", "en"] as const) {
        const message = problemMessage(p, lang);
        expect(message).not.toMatch(/problem\.|\.registration|\.verifier/);
        expect(message.length).toBeGreaterThan(20);
      }
    }
    expect(problemMessage(problems[0]!, "en")).toContain("EPD's registration number");
    expect(problemMessage(problems[3]!, "nb")).toContain("«generic»");
  });
});

describe("mark-ups in the result", () => {
  it("byTier and markedUp, checked by hand: spend 500 × 1.3 + generic 500 × 1.2 = 1 250; epd 200 × 1.1 + verified 300 = 520", () => {
    const { json, result } = evaluateOk(caseWith([{ emissions: [furniture, wood] }, { emissions: [verified, unverified] }], {}, markup));
    const [a, b] = json.alternatives as unknown as { emissions: { totalKg: number; byTier: Record<string, number>; markedUp: { totalKg: number; byTier: Record<string, number> } } }[];
    expect(a!.emissions.totalKg).toBe(1000);
    expect(a!.emissions.byTier).toEqual({ spend: 500, generic: 500, epd: 0, "epd-verified": 0 });
    expect(a!.emissions.markedUp).toEqual({ totalKg: 1250, byTier: { spend: 650, generic: 600, epd: 0, "epd-verified": 0 } });
    expect(b!.emissions.totalKg).toBe(500);
    expect(b!.emissions.markedUp).toEqual({ totalKg: 520, byTier: { spend: 0, generic: 0, epd: 220, "epd-verified": 300 } });
    expect(resultSchema.safeParse(result).success).toBe(true);
  });

  it("no markedUp without dataQuality; the plain figures are the same with and without mark-ups", () => {
    const alternatives = [{ emissions: [furniture, wood] }, { emissions: [verified, unverified] }];
    const plain = evaluateOk(caseWith(alternatives)).json;
    const marked = evaluateOk(caseWith(alternatives, {}, markup)).json;
    expect(plain.alternatives.map((a) => "markedUp" in a.emissions)).toEqual([false, false]);
    const withoutMarkup = (j: typeof plain) => j.alternatives.map((a) => ({ ...a.emissions, markedUp: undefined }));
    expect(withoutMarkup(marked)).toEqual(withoutMarkup(plain));
    expect(marked.ranking).toEqual(plain.ranking);
  });

  it("a tier without a mark-up is not raised: only generic given", () => {
    const { json } = evaluateOk(caseWith([{ emissions: [furniture, wood] }], {}, { dataQuality: { markup: { generic: 0.25 } } }));
    expect((json.alternatives[0]!.emissions as unknown as { markedUp: { totalKg: number } }).markedUp.totalKg).toBe(1125);
  });

  it("a mark-up above 10 (1 000 %) or below 0 is refused by the format, with its path", () => {
    const codes = problemsOf(caseWith([{ emissions: [wood] }], {}, { dataQuality: { markup: { spend: -0.1, generic: 11 } } })).map((p) => [p.path, p.code]);
    expect(codes).toEqual([
      ["dataQuality.markup.spend", "too-small"],
      ["dataQuality.markup.generic", "too-big"],
    ]);
  });
});

describe("kept results read back with and without the data-quality fields", () => {
  const row = (result: unknown) => ({ caseId: "c", version: 1, factorSet: "test-1", factorSetHash: "h", computedAt: "2026-01-01T00:00:00Z", resultText: JSON.stringify(result) });

  it("a result written now, with tiers, EPDs and mark-ups, reads back as written", () => {
    const { result } = evaluateOk(caseWith([{ emissions: [furniture, wood] }, { emissions: [verified, unverified] }], {}, markup));
    const read = readableResult(row(result)).result;
    expect(read.alternatives[1]!.emissions.markedUp).toEqual({ totalKg: 520, byTier: { spend: 0, generic: 0, epd: 220, "epd-verified": 300 } });
    expect(read.alternatives[1]!.emissions.items[0]!.epd).toEqual(EPD);
  });

  it("a result kept before tiers existed (no tier, byTier, markedUp) still reads", () => {
    const { result } = evaluateOk(caseWith([{ emissions: [furniture, wood] }]));
    const old = JSON.parse(JSON.stringify(result)) as { alternatives: { emissions: Record<string, unknown> & { items: Record<string, unknown>[] } }[] };
    for (const a of old.alternatives) {
      delete a.emissions.byTier;
      delete a.emissions.markedUp;
      for (const item of a.emissions.items) delete item.tier;
    }
    const read = readableResult(row(old)).result;
    expect(read.alternatives[0]!.emissions.byTier).toBeUndefined();
    expect(read.alternatives[0]!.emissions.totalKg).toBe(1000);
  });

  it("a tier the format does not know is refused, not read as something else", () => {
    const { result } = evaluateOk(caseWith([{ emissions: [wood] }]));
    const bad = JSON.parse(JSON.stringify(result)) as { alternatives: { emissions: { items: Record<string, unknown>[] } }[] };
    bad.alternatives[0]!.emissions.items[0]!.tier = "excellent";
    expect(() => readableResult(row(bad))).toThrow(StoreFormatError);
  });
});
