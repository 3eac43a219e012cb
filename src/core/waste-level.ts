/**
 * The alternative's place in the inverted waste pyramid (avfallshierarkiet):
 * prevent → reuse → recycle → recover → dispose.
 *
 * A declared level wins. Otherwise the level is suggested by the end-of-life
 * route that takes most of the alternative's waste mass; prevent and reuse
 * are only ever declared, so re-use routes do not suggest a level. A tie
 * goes to the lower (worse) level: a suggestion should never flatter.
 */
import { Decimal, addTo } from "./decimal.js";
import { itemYears } from "./emissions.js";
import { WASTE_LEVELS, type ResolvedAlternative, type WasteLevel } from "./types.js";

const SUGGESTIBLE: readonly WasteLevel[] = ["recycle", "recover", "dispose"];

export function pyramidIndex(level: WasteLevel | null): number {
  return level === null ? WASTE_LEVELS.length : WASTE_LEVELS.indexOf(level);
}

export function wasteLevelOf(alt: ResolvedAlternative, years: number): { level: WasteLevel | null; source: "declared" | "suggested" | null } {
  if (alt.wasteLevel !== null) return { level: alt.wasteLevel, source: "declared" };
  const mass = new Map<WasteLevel, Decimal>();
  for (const item of alt.emissions) {
    if (!item.waste || !SUGGESTIBLE.includes(item.waste.level)) continue;
    const occurrences = itemYears(item, years).length;
    addTo(mass, item.waste.level, item.waste.massKg.mul(item.count).mul(occurrences));
  }
  let best: WasteLevel | null = null;
  for (const level of SUGGESTIBLE) {
    const m = mass.get(level);
    if (m === undefined || m.isZero()) continue;
    if (best === null || m.gte(mass.get(best)!)) best = level;
  }
  return best === null ? { level: null, source: null } : { level: best, source: "suggested" };
}
