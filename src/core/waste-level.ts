/**
 * The alternative's place in the inverted waste pyramid (avfallshierarkiet):
 * prevent → reuse → recycle → recover → dispose. The level describes how
 * the alternative meets the need, and only a level the user declares ranks.
 *
 * Where none is declared, a level is *suggested* as a hint: the
 * end-of-life route that takes most of the alternative's own waste mass
 * (items marked as the disposal of existing stock do not count). Prevent
 * and reuse are only ever declared, so re-use routes suggest nothing. A tie
 * goes to the lower (worse) level: a suggestion should never flatter.
 *
 * Example: 800 kg to recycling and 200 kg to incineration → "recycle",
 * share 0.8.
 */
import { Decimal, ZERO, addTo, sum } from "./decimal.js";
import { itemYears } from "./emissions.js";
import { WASTE_LEVELS, type ResolvedAlternative, type WasteLevel, type WasteLevelSuggestion } from "./types.js";

const SUGGESTIBLE: readonly WasteLevel[] = ["recycle", "recover", "dispose"];

export function pyramidIndex(level: WasteLevel | null): number {
  return level === null ? WASTE_LEVELS.length : WASTE_LEVELS.indexOf(level);
}

/** The suggested level and its share of the alternative's own waste mass, or null without such data. */
export function suggestedWasteLevel(alt: ResolvedAlternative, years: number): WasteLevelSuggestion | null {
  const mass = new Map<WasteLevel, Decimal>();
  for (const item of alt.emissions) {
    if (!item.waste || item.existingStock) continue;
    const occurrences = itemYears(item, years).length;
    addTo(mass, item.waste.level, item.waste.massKg.mul(item.count).mul(occurrences));
  }
  const total = sum([...mass.values()]);
  let best: WasteLevel | null = null;
  for (const level of SUGGESTIBLE) {
    const m = mass.get(level) ?? ZERO;
    if (m.isZero()) continue;
    if (best === null || m.gte(mass.get(best)!)) best = level;
  }
  return best === null ? null : { level: best, share: mass.get(best)!.div(total) };
}

export function wasteLevelOf(alt: ResolvedAlternative, years: number): { level: WasteLevel | null; source: "declared" | "suggested" | null; suggestion: WasteLevelSuggestion | null } {
  const suggestion = suggestedWasteLevel(alt, years);
  if (alt.wasteLevel !== null) return { level: alt.wasteLevel, source: "declared", suggestion };
  return suggestion === null ? { level: null, source: null, suggestion } : { level: suggestion.level, source: "suggested", suggestion };
}
