/**
 * The analysis settings in words, for the comparison page, the report and
 * the exports alike: the discount rate (a given flat rate, or R-109's
 * declining schedule with the segments that fall within the period) and
 * the carbon price path (which path, the kroner of its table, the kroner
 * year it was rebased to), and whether the price year of the amounts is
 * worth stating (only with spend items). Formatting only: the figures come
 * from the result.
 *
 * Example: R-109 for 60 years, nb → "R-109: 4 % (år 0–40), 3 % (40–75)".
 */
import type { Lang } from "../../case/messages.js";
import type { CaseContext } from "../../case/resolve.js";
import { segmentsWithin } from "../../core/discount.js";
import { discountScheduleOf } from "../../core/evaluate.js";
import type { ResolvedCase } from "../../core/types.js";
import { translate } from "../i18n/catalog.js";

const PERCENT = {
  nb: new Intl.NumberFormat("nb-NO", { style: "percent", maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-GB", { style: "percent", maximumFractionDigits: 2 }),
};

export function percentText(rate: number, lang: Lang): string {
  return PERCENT[lang].format(rate);
}

/** True when no rate was given and R-109's declining schedule applies. */
export function usesR109(resolved: Pick<ResolvedCase, "discountSchedule">): boolean {
  return resolved.discountSchedule !== undefined && resolved.discountSchedule.length > 1;
}

/** True when a spend item's amount was put onto its factor's price basis: only then does the price year of the amounts change a figure. */
export function hasSpendItems(resolved: Pick<ResolvedCase, "alternatives">): boolean {
  return resolved.alternatives.some((a) => a.emissions.some((e) => e.spend !== undefined));
}

/** "4 %" for a given rate; "R-109: 4 % (år 0–40), 3 % (40–75), 2 % (etter 75)" for the schedule, segments within the period only. */
export function discountText(resolved: Pick<ResolvedCase, "discountRate" | "discountSchedule" | "years">, lang: Lang): string {
  if (!usesR109(resolved)) return percentText(resolved.discountRate.toNumber(), lang);
  const full = discountScheduleOf(resolved);
  const within = segmentsWithin(full, resolved.years);
  const parts = within.map((segment, i) => {
    const rate = percentText(segment.rate.toNumber(), lang);
    const next = full[full.indexOf(segment) + 1];
    const key = next === undefined ? "analysis.discount.after" : i === 0 ? "analysis.discount.first" : "analysis.discount.between";
    return translate(lang, key, { rate, from: segment.fromYear, to: next?.fromYear ?? "" });
  });
  return translate(lang, "analysis.discount.r109", { segments: parts.join(", ") });
}

/** Which bundled carbon price path, in which kroner; null when the case gives its own prices or none. */
export function carbonPathText(path: CaseContext["carbonPath"], lang: Lang): string | null {
  if (path === null) return null;
  const name = translate(lang, `analysis.carbonPath.${path.id}`);
  if (path.priceLevelYear === null || path.rebasedTo === null) return translate(lang, "analysis.carbonPath.asPublished", { name });
  return translate(lang, "analysis.carbonPath.rebased", { name, from: path.priceLevelYear, to: path.rebasedTo });
}
