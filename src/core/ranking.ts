/**
 * Ranking of alternatives by one of four methods:
 * - waste-pyramid (default): pyramid level prevent → dispose (no level
 *   last), then total CO2e, then LCC present value;
 * - emissions: total CO2e, then present value;
 * - lcc: present value, then total CO2e;
 * - lcc-with-carbon: present value including the carbon cost, then CO2e.
 * Remaining ties keep the order the alternatives were entered in.
 */
import type { Decimal } from "./decimal.js";
import { pyramidIndex } from "./waste-level.js";
import type { AlternativeResult, RankingMethod } from "./types.js";

type Ranked = Pick<AlternativeResult, "id" | "wasteLevel" | "emissions" | "lcc">;
type Key = (r: Ranked) => Decimal | number;

const kg: Key = (r) => r.emissions.totalKg;
const pv: Key = (r) => r.lcc.presentValue;
const pvWithCarbon: Key = (r) => r.lcc.presentValueWithCarbon ?? r.lcc.presentValue;
const level: Key = (r) => pyramidIndex(r.wasteLevel);

const KEYS: Record<RankingMethod, Key[]> = {
  "waste-pyramid": [level, kg, pv],
  emissions: [kg, pv],
  lcc: [pv, kg],
  "lcc-with-carbon": [pvWithCarbon, kg],
};

function compareKey(a: Decimal | number, b: Decimal | number): number {
  return typeof a === "number" ? a - (b as number) : a.comparedTo(b as Decimal);
}

/** Alternative ids, best first. */
export function rankAlternatives(alternatives: readonly Ranked[], method: RankingMethod): string[] {
  const keys = KEYS[method];
  return alternatives
    .map((alt, index) => ({ alt, index }))
    .sort((x, y) => {
      for (const key of keys) {
        const c = compareKey(key(x.alt), key(y.alt));
        if (c !== 0) return c;
      }
      return x.index - y.index;
    })
    .map(({ alt }) => alt.id);
}
