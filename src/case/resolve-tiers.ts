/**
 * Data quality in a case (docs/case-format.md, "Data quality"): each
 * emission item's tier, checked against the EPD it names, and the buyer's
 * mark-ups on the lower tiers. Tiers, lowest first: spend (spend-based),
 * generic (generic activity data), epd (product-specific EPD), epd-verified
 * (third-party verified EPD).
 *
 * Without a tier an item takes the one its data show: an item with an EPD
 * is "epd-verified" when the EPD names its verifier, else "epd"; a spend
 * item is "spend"; any other item "generic".
 */
import { Decimal } from "../core/decimal.js";
import type { DataQualityMarkup, DataTier, ResolvedEmissionItem } from "../core/types.js";
import type { ProblemCode } from "./messages.js";
import type { CaseDocument, EmissionItemInput } from "./schema.js";

type Report = (path: string, code: ProblemCode, params?: Record<string, string>) => void;

const EPD_TIERS: ReadonlySet<DataTier> = new Set(["epd", "epd-verified"]);

/** The tier an item takes when it declares none. */
export function defaultTier(item: Pick<EmissionItemInput, "kind" | "epd">): DataTier {
  if (item.epd) return item.epd.verifier === undefined ? "epd" : "epd-verified";
  return item.kind === "spend" ? "spend" : "generic";
}

/**
 * The item's tier and EPD, or undefined after reporting why the two do not
 * fit. One problem per item, the most basic first: a spend item cannot be
 * product-specific at all, so it is told that rather than to add an EPD.
 */
export function resolveTier(item: EmissionItemInput, path: string, report: Report): Pick<ResolvedEmissionItem, "tier" | "epd"> | undefined {
  const tier = item.tier ?? defaultTier(item);
  if (item.kind === "spend" && (EPD_TIERS.has(tier) || item.epd)) {
    report(item.tier === undefined ? `${path}.epd` : `${path}.tier`, "spend-item-epd");
    return undefined;
  }
  if (item.epd && !EPD_TIERS.has(tier)) {
    report(`${path}.epd`, "epd-with-lower-tier", { tier });
    return undefined;
  }
  if (EPD_TIERS.has(tier) && !item.epd) {
    report(`${path}.tier`, "tier-needs-epd", { tier });
    return undefined;
  }
  if (tier === "epd-verified" && item.epd?.verifier === undefined) {
    report(`${path}.epd`, "tier-needs-verifier");
    return undefined;
  }
  return { tier, ...(item.epd && { epd: { ...item.epd } }) };
}

/** The buyer's mark-ups as exact fractions; absent when the case sets no `dataQuality`. */
export function resolveMarkup(doc: Pick<CaseDocument, "dataQuality">): { dataQuality: DataQualityMarkup } | Record<string, never> {
  const given = doc.dataQuality?.markup;
  if (given === undefined) return {};
  const markup: DataQualityMarkup = {};
  for (const tier of ["spend", "generic", "epd"] as const) {
    const fraction = given[tier];
    if (fraction !== undefined) markup[tier] = new Decimal(String(fraction));
  }
  return { dataQuality: markup };
}
