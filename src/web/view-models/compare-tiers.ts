/**
 * Data quality on the comparison page: each alternative's CO2e (stages
 * A–C) by tier, the share that rests on EPDs, and, when the case sets
 * mark-ups, the marked-up figure under the declared one wherever the
 * mark-up changes it, the mark-up named in its row; then every item that
 * rests on an EPD with its registration number and verifier. The figures
 * come from the core (emissions.ts byTier, data-quality.ts); nothing is
 * added up here.
 */
import type { Lang } from "../../case/messages.js";
import { THOUSAND, type Decimal } from "../../core/decimal.js";
import { epdShare, markupOf } from "../../core/data-quality.js";
import { DATA_TIERS, type AlternativeResult, type DataTier } from "../../core/types.js";
import { translateKey } from "../i18n/catalog.js";
import { percentText } from "./analysis-terms.js";
import type { OkEvaluation } from "./compare-settings.js";

/** A figure as declared and, where the mark-up changes it, as marked up (tonnes). */
export type TierCell = { declared: number; markedUp: number | null };

const tonnes = (kg: Decimal): number => kg.div(THOUSAND).toNumber();

/** The marked-up total in kg where the case's mark-ups change it, else null: shown under the declared total. */
export function markedUpTotal(a: AlternativeResult): number | null {
  const marked = a.emissions.markedUp?.totalKg;
  return marked === undefined || marked.eq(a.emissions.totalKg) ? null : marked.toNumber();
}

/** "Produktspesifikk (EPD)": a tier in plain words. */
export const tierName = (tier: DataTier, lang: Lang): string => translateKey(lang, `tiers.name.${tier}`);

function cell(declared: Decimal, markedUp: Decimal | undefined): TierCell {
  return { declared: tonnes(declared), markedUp: markedUp === undefined || markedUp.eq(declared) ? null : tonnes(markedUp) };
}

function epdItems(ranked: readonly AlternativeResult[], lang: Lang) {
  return ranked.flatMap((a) =>
    a.emissions.items.flatMap((item) =>
      item.epd === undefined
        ? []
        : [
            {
              alternative: a.name,
              label: item.label,
              tier: item.tier === undefined ? null : tierName(item.tier, lang),
              registration: item.epd.registration,
              verifier: item.epd.verifier ?? null,
              programme: item.epd.programme ?? null,
            },
          ],
    ),
  );
}

/**
 * The tier table and the EPD list, or null for a result without tiers
 * (the plain-number evaluator's, which leaves byTier out).
 */
export function tiersModel(evaluation: OkEvaluation, lang: Lang) {
  const { core, resolved } = evaluation;
  const byId = new Map(core.alternatives.map((a) => [a.id, a]));
  const ranked = core.ranking.order.map((id) => byId.get(id)!);
  if (ranked.some((a) => a.emissions.byTier === undefined)) return null;
  const markup = resolved.dataQuality;
  const rows = DATA_TIERS.map((tier) => {
    const fraction = markup === undefined ? null : markupOf(markup, tier);
    return {
      tier,
      label: tierName(tier, lang),
      markup: fraction === null ? null : fraction.isZero() ? translateKey(lang, "tiers.noMarkup") : `+${percentText(fraction.toNumber(), lang)}`,
      values: ranked.map((a) => cell(a.emissions.byTier![tier], a.emissions.markedUp?.byTier[tier])),
    };
  });
  const all = rows.flatMap((r) => r.values.map((v) => v.declared));
  return {
    columns: ranked.map((a) => ({ id: a.id, name: a.name })),
    // 3 decimals when every figure is below 10 t, so that small items do not show as 0,00 (as the stage table)
    decimals: all.every((t) => Math.abs(t) < 10) ? 3 : 2,
    hasMarkup: markup !== undefined,
    rows,
    total: ranked.map((a) => tonnes(a.emissions.totalKg)),
    markedUpTotal: markup === undefined ? null : ranked.map((a) => tonnes(a.emissions.markedUp!.totalKg)),
    epdShare: ranked.map((a) => {
      const share = epdShare(a.emissions.byTier!);
      return share === null ? translateKey(lang, "tiers.noShare") : percentText(share.toNumber(), lang);
    }),
    epdItems: epdItems(ranked, lang),
  };
}
