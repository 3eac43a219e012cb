/**
 * Ranking of alternatives by one of four methods:
 * - waste-pyramid (default): the alternatives no other dominates (on CO2e
 *   and LCC) first, ordered by declared pyramid level prevent → dispose
 *   (undeclared after declared), then total CO2e, then LCC present value;
 *   the dominated ones after them, in the same order. Only a declared
 *   level ranks: a level suggested from end-of-life data never moves an
 *   alternative, so adding an end-of-life line cannot either.
 * - emissions: total CO2e, then present value;
 * - lcc: present value, then total CO2e;
 * - lcc-with-carbon: present value including the carbon cost, then CO2e.
 * Remaining ties keep the order the alternatives were entered in.
 *
 * Example: A reuse 3 t / 80 000 NOK, B dispose 1 t / 60 000 NOK → B, A
 * (B dominates A, so A's better level does not put it first).
 */
import type { Decimal } from "./decimal.js";
import { dominatedIds } from "./dominance.js";
import { pyramidIndex } from "./waste-level.js";
import type { AlternativeResult, RankingMethod } from "./types.js";

type Ranked = Pick<AlternativeResult, "id" | "wasteLevel" | "emissions" | "lcc"> & { wasteLevelSource?: AlternativeResult["wasteLevelSource"] };
type Key = (r: Ranked) => Decimal | number;

const kg: Key = (r) => r.emissions.totalKg;
const pv: Key = (r) => r.lcc.presentValue;
const pvWithCarbon: Key = (r) => r.lcc.presentValueWithCarbon ?? r.lcc.presentValue;

/** The declared level's place in the pyramid; a suggested or missing level after every declared one. */
export function declaredIndex(r: Ranked): number {
  return pyramidIndex(r.wasteLevelSource === "suggested" ? null : r.wasteLevel);
}

const KEYS: Record<RankingMethod, Key[]> = {
  "waste-pyramid": [declaredIndex, kg, pv],
  emissions: [kg, pv],
  lcc: [pv, kg],
  "lcc-with-carbon": [pvWithCarbon, kg],
};

function compareKey(a: Decimal | number, b: Decimal | number): number {
  return typeof a === "number" ? a - (b as number) : a.comparedTo(b as Decimal);
}

/** What puts one alternative above the next: dominance, a ranking key, or (all keys equal) the order entered. */
export type RankingReason = "dominance" | "level" | "emissions" | "lcc" | "lcc-with-carbon" | "entry-order";

const KEY_REASONS: Record<RankingMethod, RankingReason[]> = {
  "waste-pyramid": ["level", "emissions", "lcc"],
  emissions: ["emissions", "lcc"],
  lcc: ["lcc", "emissions"],
  "lcc-with-carbon": ["lcc-with-carbon", "emissions"],
};

/**
 * Why `first` ranks above `second` under `method`: the first of the
 * method's keys on which they differ, with the keys they tie on before it
 * (under the waste pyramid, dominance is asked first).
 *
 * Example: by the waste pyramid, A (reuse, 3 t) above B (reuse, 5 t), neither
 * dominated → { reason: "emissions", tiedOn: ["level"] }.
 */
export function rankingReason(alternatives: readonly Ranked[], method: RankingMethod, first: Ranked, second: Ranked): { reason: RankingReason; tiedOn: RankingReason[] } {
  if (method === "waste-pyramid") {
    const dominated = dominatedIds(alternatives);
    if (dominated.has(second.id) && !dominated.has(first.id)) return { reason: "dominance", tiedOn: [] };
  }
  const keys = KEYS[method];
  const reasons = KEY_REASONS[method];
  for (let k = 0; k < keys.length; k++) {
    if (compareKey(keys[k]!(first), keys[k]!(second)) !== 0) return { reason: reasons[k]!, tiedOn: reasons.slice(0, k) };
  }
  return { reason: "entry-order", tiedOn: reasons };
}

/** Alternative ids, best first. */
export function rankAlternatives(alternatives: readonly Ranked[], method: RankingMethod): string[] {
  const keys = KEYS[method];
  const dominated = method === "waste-pyramid" ? dominatedIds(alternatives) : new Set<string>();
  const tier = (r: Ranked) => (dominated.has(r.id) ? 1 : 0);
  return alternatives
    .map((alt, index) => ({ alt, index }))
    .sort((x, y) => {
      for (const key of [tier, ...keys]) {
        const c = compareKey(key(x.alt), key(y.alt));
        if (c !== 0) return c;
      }
      return x.index - y.index;
    })
    .map(({ alt }) => alt.id);
}
