/**
 * The warnings and notes of an evaluated case, each placed in words the
 * buyer knows (the alternative's name and the item's label, or "Analysis
 * settings"), never as a JSON path; and the price basis of each spend item.
 * Shared by the comparison page, the report and the exports.
 */
import type { Lang } from "../../case/messages.js";
import { warningMessage } from "../../case/warnings.js";
import type { SpendBasisUsed } from "../../core/types.js";
import { placeOf } from "../../i18n/case-place.js";
import { translate } from "../i18n/catalog.js";
import type { OkEvaluation } from "./compare-settings.js";

export type PlacedNote = { place: string; message: string };

/** Every warning of the case, in document order, with where it applies. */
export function warningsModel(evaluation: OkEvaluation, lang: Lang): PlacedNote[] {
  return evaluation.warnings.map((w) => ({ place: placeOf(w.path, evaluation.doc, lang), message: warningMessage(w, lang) }));
}

type ResultNote = { code: string; message: Record<Lang, string> };

/** The result document's notes (the spend-factor note where the case has spend items), in the user's language. */
export function resultNotes(evaluation: OkEvaluation, lang: Lang): string[] {
  const notes = (evaluation.result as { notes?: ResultNote[] }).notes ?? [];
  return notes.map((n) => n.message[lang]);
}

/** "Beløp i 2025-kroner, regnet om til faktorens 2019-grunnlag (EUR, basispriser)". */
export function spendBasisText(spend: SpendBasisUsed, lang: Lang): string {
  return translate(lang, "compare.spend.basis", {
    priceYear: spend.priceYear,
    factorPriceYear: spend.factorPriceYear,
    currency: spend.currency,
    basis: translate(lang, `compare.spend.priceBasis.${spend.priceBasis}`),
  });
}
