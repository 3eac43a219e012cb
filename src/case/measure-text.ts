/**
 * Why a finance measure has no value, in words (the catalogue's
 * `case.measure.*`): the result document, the pages, the memo and the
 * command line say the same.
 */
import type { UndefinedReason } from "../core/finance/types.js";
import { text } from "../i18n/catalogue.js";
import type { Lang } from "./messages.js";

export function measureReasonText(reason: UndefinedReason, lang: Lang): string {
  return text(lang, `case.measure.${reason}`);
}
