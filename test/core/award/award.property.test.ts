/**
 * Laws of the award, on random bids and models: points stay within 0…M,
 * a total is the sum of its weighted points, ranks follow the totals, the
 * rankings are permutations, and every implied carbon price meets its
 * definition: at L's price + ΔC its weighted price points have fallen by
 * at least its climate lead, and (found by bisection, in whole øre) one
 * øre less was not enough.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateAward, type AwardFigures } from "../../../src/core/award/award.js";
import { bestOf, modelPoints } from "../../../src/core/award/points.js";
import { Decimal, sum } from "../../../src/core/decimal.js";
import type { AwardModel, ResolvedAward } from "../../../src/core/types.js";

const d = (v: number | string) => new Decimal(v);
const M = d(10);

const model: fc.Arbitrary<AwardModel> = fc.oneof(
  fc.integer({ min: 11, max: 40 }).map((z10) => ({ type: "linear" as const, zeroAt: d(z10).div(10) })),
  fc.constant({ type: "proportional" as const }),
  fc.uniqueArray(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 4 }).map((limits) => {
    const sorted = [...limits].sort((a, b) => a - b);
    return { type: "intervals" as const, bands: sorted.map((upTo, i) => ({ upTo: d(upTo * 1000), points: d(10 - 2 * i) })) };
  }),
);

const bids = fc.uniqueArray(fc.record({ id: fc.constantFrom("A", "B", "C", "D", "E"), price: fc.integer({ min: 1, max: 3_000_000 }), kg: fc.integer({ min: 0, max: 3_000_000 }) }), { minLength: 2, maxLength: 5, selector: (b) => b.id });

const figures = (list: { id: string; price: number; kg: number }[]): AwardFigures[] => list.map((b) => ({ id: b.id, price: d(b.price), lcc: d(b.price), totalKg: d(b.kg), lccWithCarbon: d(b.price + b.kg) }));

function award(priceModel: AwardModel, climateModel: AwardModel, priceWeight: number): ResolvedAward {
  return {
    maxPoints: M,
    criteria: [
      { kind: "price", weight: d(priceWeight), model: priceModel },
      { kind: "climate", weight: d(100 - priceWeight), model: climateModel },
    ],
    useMarkedUp: false,
    reference: { source: "r109", prices: new Map([[2026, d(2000)]]) },
  };
}

/** L's weighted price points at price `value`, the others' prices fixed. */
function weightedAt(priceModel: AwardModel, weight: number, value: Decimal, others: Decimal[]): Decimal {
  return modelPoints(priceModel, value, bestOf([value, ...others]), M).mul(weight).div(100);
}

describe("award laws", () => {
  it("points within 0…M, totals = Σ weighted, ranks by totals, rankings are permutations, implied prices meet their definition", () => {
    fc.assert(
      fc.property(bids, model, model, fc.integer({ min: 1, max: 99 }), (list, priceModel, climateModel, priceWeight) => {
        const result = evaluateAward(award(priceModel, climateModel, priceWeight), figures(list), { startYear: 2026, years: 10 });
        const ids = list.map((b) => b.id).sort();
        for (const bid of result.bids) {
          for (const p of Object.values(bid.points)) expect(p.greaterThanOrEqualTo(0) && p.lessThanOrEqualTo(M)).toBe(true);
          expect(bid.total.equals(sum(Object.values(bid.weighted)))).toBe(true);
          expect(bid.rank).toBe(1 + result.bids.filter((o) => o.total.greaterThan(bid.total)).length);
        }
        for (const order of Object.values(result.rankings)) expect([...order].sort()).toEqual(ids);
        for (const p of result.impliedCarbonPrices) {
          if (p.nokPerTonne === null || p.reason !== null) continue;
          const lower = result.bids.find((b) => b.id === p.lower)!;
          const higher = result.bids.find((b) => b.id === p.higher)!;
          const lead = lower.weighted.climate!.minus(higher.weighted.climate!);
          const others = result.bids.filter((b) => b.id !== p.lower).map((b) => b.values.price!);
          const increase = p.nokPerTonne.mul(p.savedKg).div(1000);
          const start = lower.values.price!;
          const fallen = weightedAt(priceModel, priceWeight, start, others).minus(weightedAt(priceModel, priceWeight, start.plus(increase), others));
          // the closed form is exact up to the 34th digit
          expect(fallen.minus(lead).greaterThanOrEqualTo(d("-1e-25")), `${p.lower}–${p.higher}: fell ${fallen} for a lead of ${lead}`).toBe(true);
          // ΔC comes back through the price per tonne, so it is rounded (to far below an øre) before one øre is taken off
          if (increase.greaterThanOrEqualTo("0.01")) {
            const less = weightedAt(priceModel, priceWeight, start, others).minus(weightedAt(priceModel, priceWeight, start.plus(increase.toDecimalPlaces(8)).minus("0.01"), others));
            expect(less.lessThan(lead), `${p.lower}–${p.higher}: one øre less was already enough`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
