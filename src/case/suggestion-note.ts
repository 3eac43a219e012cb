/**
 * The reason given with a suggested waste-pyramid level: "most of this
 * alternative's own waste mass (80 %) goes to material recycling". The
 * route is named by its level's name, as on every other surface.
 */
import type { WasteLevelSuggestion } from "../core/types.js";
import { WASTE_LEVEL_NAMES } from "../i18n/domain-terms.js";
import { text } from "../i18n/catalogue.js";
import type { Lang } from "./messages.js";

const percent = { nb: new Intl.NumberFormat("nb-NO", { style: "percent" }), en: new Intl.NumberFormat("en-GB", { style: "percent" }) };

export function suggestionMessage(s: WasteLevelSuggestion, lang: Lang): string {
  const share = percent[lang].format(s.share.toNumber());
  const route = WASTE_LEVEL_NAMES[lang][s.level].toLowerCase();
  return text(lang, "case.suggestion", { share, route });
}
