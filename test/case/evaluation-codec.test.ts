import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/core/decimal.js";
import { decodeEvaluation, encodeEvaluation } from "../../src/case/evaluation-codec.js";
import { loadFactorLibrary } from "../../src/factors/load.js";

const library = loadFactorLibrary();

describe("an evaluation crossing from a worker as text", () => {
  it("keeps decimals, maps and the factor set", () => {
    const set = library.sets.get(library.newest)!;
    const back = decodeEvaluation<{ d: Decimal; m: Map<number, Decimal>; set: unknown }>(encodeEvaluation({ d: new Decimal("0.1"), m: new Map([[2026, new Decimal("1500.5")]]), set }, library), library);
    expect(back.d.equals(new Decimal("0.1"))).toBe(true);
    expect(back.m.get(2026)!.toString()).toBe("1500.5");
    expect(back.set).toBe(set);
  });

  it("keeps an object keyed by bids a user named «$d», «$map» and «$set» as it was", () => {
    const points = { $d: 8, $map: 6, $set: 4, A: 2 };
    const back = decodeEvaluation<{ award: { points: typeof points }; one: { $d: number } }>(encodeEvaluation({ award: { points }, one: { $d: 3 } }, library), library);
    expect(back.award.points).toEqual(points);
    expect(back.one).toEqual({ $d: 3 });
  });
});
