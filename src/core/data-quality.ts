/**
 * The buyer's conservative mark-ups on the CO2e of lower data tiers, as
 * building certification schemes use them: a figure from spend or generic
 * data is raised by the tier's mark-up, so a bidder who documents its
 * product with an EPD is not penalised for showing its real figure.
 * A third-party verified EPD is never marked up. The plain figures stay as
 * they are; the marked-up ones are set beside them.
 *
 *   markedUp.byTier[t] = byTier[t] × (1 + markup[t])   (markup[epd-verified] = 0)
 *   markedUp.totalKg   = Σ_t markedUp.byTier[t]
 *
 * Example: 1 000 kg spend-based at +30 % and 400 kg verified EPD
 * → 1 300 + 400 = 1 700 kg marked up, beside 1 400 kg declared.
 */
import { Decimal, ONE, ZERO, sum } from "./decimal.js";
import { DATA_TIERS, type DataQualityMarkup, type DataTier, type EmissionsResult } from "./types.js";

/** The mark-up of a tier as a fraction (0.3 = +30 %): none given, and always for verified EPDs, 0. */
export function markupOf(markup: DataQualityMarkup, tier: DataTier): Decimal {
  return tier === "epd-verified" ? ZERO : (markup[tier] ?? ZERO);
}

/** The tiers' CO2e with the case's mark-ups, and their total. */
export function markedUpEmissions(byTier: Record<DataTier, Decimal>, markup: DataQualityMarkup): NonNullable<EmissionsResult["markedUp"]> {
  const marked = Object.fromEntries(DATA_TIERS.map((tier) => [tier, byTier[tier].mul(ONE.plus(markupOf(markup, tier)))])) as Record<DataTier, Decimal>;
  return { totalKg: sum(DATA_TIERS.map((tier) => marked[tier])), byTier: marked };
}

/**
 * The share of the CO2e (stages A–C) that rests on EPDs, verified or not,
 * as a fraction; null when the alternative emits nothing to share.
 * Example: 600 kg from EPDs of 2 400 kg → 0.25.
 */
export function epdShare(byTier: Record<DataTier, Decimal>): Decimal | null {
  const total = sum(DATA_TIERS.map((tier) => byTier[tier]));
  return total.isZero() ? null : byTier.epd.plus(byTier["epd-verified"]).div(total);
}
