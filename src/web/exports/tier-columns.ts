/**
 * Data quality in the spreadsheet exports: per alternative (summary) its
 * CO2e by tier, the share resting on EPDs and, when the case sets
 * mark-ups, its marked-up total with the mark-ups named; per item (items)
 * its tier in plain words and its EPD's registration number and verifier.
 * The figures come from the core (emissions.ts byTier, data-quality.ts).
 */
import type { Lang } from "../../case/messages.js";
import { roundedRate } from "../../case/rounding.js";
import type { Decimal } from "../../core/decimal.js";
import { epdShare, markupOf } from "../../core/data-quality.js";
import { DATA_TIERS, type AlternativeResult, type DataQualityMarkup, type EmissionsResult } from "../../core/types.js";
import { percentText } from "../view-models/analysis-terms.js";
import { tierName } from "../view-models/compare-tiers.js";
import type { Cell, Column } from "./tables.js";

type T = (key: string, params?: Record<string, string>) => string;

const num = (d: Decimal | undefined): number | null => (d === undefined ? null : d.toNumber());

/** "Utgiftsbasert +30 %, Generiske aktivitetsdata +10 %": the mark-ups a case sets, in words. */
export function markupsText(markup: DataQualityMarkup, lang: Lang, t: T): string {
  return DATA_TIERS.filter((tier) => !markupOf(markup, tier).isZero())
    .map((tier) => t("export.markup", { tier: tierName(tier, lang), percent: `+${percentText(markupOf(markup, tier).toNumber(), lang)}` }))
    .join(", ");
}

/** The summary's data-quality columns: kg by tier, the EPD share, and with mark-ups the marked-up total and the mark-ups. */
export function summaryTierColumns(markup: DataQualityMarkup | undefined, lang: Lang, t: T): Column[] {
  return [
    ...DATA_TIERS.map((tier): Column => ({ header: t("export.col.tierKg", { tier: tierName(tier, lang) }), kind: "kg", width: 18 })),
    { header: t("export.col.epdShare"), kind: "percent", width: 14 },
    ...(markup === undefined
      ? []
      : [
          { header: t("export.col.markedUpKg"), kind: "kg", width: 22 } satisfies Column,
          { header: t("export.col.markups"), kind: "text", width: 50 } satisfies Column,
        ]),
  ];
}

export function summaryTierCells(a: AlternativeResult, markup: DataQualityMarkup | undefined, lang: Lang, t: T): Cell[] {
  const byTier = a.emissions.byTier;
  const share = byTier === undefined ? null : epdShare(byTier);
  return [
    ...DATA_TIERS.map((tier) => num(byTier?.[tier])),
    share === null ? null : roundedRate(share),
    ...(markup === undefined ? [] : [num(a.emissions.markedUp?.totalKg), markupsText(markup, lang, t)]),
  ];
}

/** The items table's data-quality columns. */
export function itemTierColumns(t: T): Column[] {
  return [
    { header: t("export.col.tier"), kind: "text", width: 26 },
    { header: t("export.col.epdRegistration"), kind: "text", width: 26 },
    { header: t("export.col.epdVerifier"), kind: "text", width: 30 },
  ];
}

export function itemTierCells(item: EmissionsResult["items"][number], lang: Lang): Cell[] {
  return [item.tier === undefined ? null : tierName(item.tier, lang), item.epd?.registration ?? null, item.epd?.verifier ?? null];
}
