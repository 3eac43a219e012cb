import { describe, expect, it } from "vitest";
import { epdShare, markedUpEmissions, markupOf } from "../../src/core/data-quality.js";
import { evaluateCase } from "../../src/core/evaluate.js";
import type { DataTier } from "../../src/core/types.js";
import { alternative, d, emission, resolvedCase } from "./builders.js";

const tiers = (spend: string, generic: string, epd: string, verified: string): Record<DataTier, ReturnType<typeof d>> => ({ spend: d(spend), generic: d(generic), epd: d(epd), "epd-verified": d(verified) });

describe("mark-ups on lower data tiers, exact", () => {
  it("by hand: 1 000 kg spend at +30 % and 400 kg verified EPD → 1 300 + 400 = 1 700 kg", () => {
    const marked = markedUpEmissions(tiers("1000", "0", "0", "400"), { spend: d("0.3") });
    expect(marked.totalKg.toString()).toBe("1700");
    expect(marked.byTier.spend.toString()).toBe("1300");
    expect(marked.byTier["epd-verified"].toString()).toBe("400");
  });

  it("exact decimals: 0.1 kg generic at +20 % is 0.12 kg, not 0.12000000000000001", () => {
    expect(markedUpEmissions(tiers("0", "0.1", "0", "0"), { generic: d("0.2") }).totalKg.toString()).toBe("0.12");
  });

  it("verified EPDs are never marked up, and a tier without a mark-up keeps its figure", () => {
    expect(markupOf({ spend: d("1"), generic: d("1"), epd: d("1") }, "epd-verified").toString()).toBe("0");
    const marked = markedUpEmissions(tiers("10", "20", "30", "40"), { epd: d("0.5") });
    expect(Object.values(marked.byTier).map(String)).toEqual(["10", "20", "45", "40"]);
    expect(marked.totalKg.toString()).toBe("115");
  });

  it("the EPD-based share: 600 kg from EPDs of 2 400 kg is 0.25; nothing emitted has no share", () => {
    expect(epdShare(tiers("1000", "800", "200", "400"))!.toString()).toBe("0.25");
    expect(epdShare(tiers("0", "0", "0", "0"))).toBeNull();
  });
});

describe("the core writes markedUp only when the case sets mark-ups", () => {
  const items = [emission({ kind: "spend", quantity: "100", kgPerUnit: "2" }), { ...emission({ quantity: "10", kgPerUnit: "3" }), tier: "generic" as const }, { ...emission({ quantity: "5", kgPerUnit: "4" }), tier: "epd-verified" as const, epd: { registration: "NEPD-1-NO", verifier: "V" } }];

  it("200 kg spend × 1.5 + 30 kg generic × 1.1 + 20 kg verified = 353 kg, beside 250 kg declared", () => {
    const result = evaluateCase(resolvedCase([alternative("A", { emissions: items })], { dataQuality: { spend: d("0.5"), generic: d("0.1") } }));
    const emissions = result.alternatives[0]!.emissions;
    expect(emissions.totalKg.toString()).toBe("250");
    expect(emissions.markedUp!.totalKg.toString()).toBe("353");
    expect(emissions.markedUp!.byTier.generic.toString()).toBe("33");
  });

  it("without dataQuality: no markedUp", () => {
    const result = evaluateCase(resolvedCase([alternative("A", { emissions: items })]));
    expect(result.alternatives[0]!.emissions.markedUp).toBeUndefined();
    expect(result.alternatives[0]!.emissions.byTier!.spend.toString()).toBe("200");
  });
});
